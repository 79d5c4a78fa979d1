// The markup tokenizer shared by HTML and SVG (see html.h for why it is our own), and the HTML
// copy extraction: which text is copy, in which scope and language.
#include "linter/assets/html.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "linter/assets/css_tokenizer.h"
#include "linter/assets/html_tokenizer.h"

namespace brandlint {
namespace {

using html::Attribute;
using html::Tag;

// Elements whose content is never copy.
bool skips_content(std::string_view name) {
  static constexpr std::string_view kNames[] = {"script", "style", "code", "pre", "template",
                                                "noscript", "svg", "math", "kbd", "samp"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Inline elements continue the current run; any other tag ends it, so a heading and the
// paragraph after it are never one sentence.
bool is_inline(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s",
      "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "ins", "del"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

const char* scope_of(std::string_view name, const char* parent) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return "heading";
  if (name == "button") return "button";
  if (name == "title") return "title";
  if (name == "figcaption" || name == "caption") return "caption";
  return is_inline(name) ? parent : "body";
}

// "da-DK" -> "da": the primary subtag, which is what channel languages are.
std::string primary_language(std::string_view lang) {
  std::string out(lang.substr(0, lang.find_first_of("-_")));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return out;
}

struct Open {
  std::string name;
  std::string lang;
  const char* scope = "body";
  bool skip = false;
};

class CopyBuilder {
 public:
  explicit CopyBuilder(Asset& asset) : asset_(asset) {}

  const Open& top() const { return stack_.back(); }

  void text(std::size_t begin, std::size_t end) {
    if (top().skip) return;
    html::decode_into(asset_.text, begin, end, run_.text, run_.offsets);
  }

  void attribute_run(const Attribute& a, const char* scope) {
    if (top().skip || a.value_begin == a.value_end) return;
    TextRun run;
    run.scope = scope;
    run.lang = top().lang;
    html::decode_into(asset_.text, a.value_begin, a.value_end, run.text, run.offsets);
    push(std::move(run));
  }

  void start(const Tag& tag) {
    if (!is_inline(tag.name)) flush();
    Open o = stack_.back();
    o.name = tag.name;
    o.scope = scope_of(tag.name, o.scope);
    if (const Attribute* lang = tag.find("lang")) {
      o.lang = primary_language(tag.value(asset_.text, *lang));
    }
    const Attribute* aria = tag.find("aria-hidden");
    o.skip = o.skip || skips_content(tag.name) || tag.find("hidden") != nullptr ||
             (aria != nullptr && tag.value(asset_.text, *aria) == "true");
    if (!tag.self_closing && !html::is_void(tag.name)) stack_.push_back(std::move(o));
    else if (!is_inline(tag.name)) flush();
    if (run_.text.empty()) {
      run_.scope = stack_.back().scope;
      run_.lang = stack_.back().lang;
    }
  }

  void end(std::string_view name) {
    if (!is_inline(name)) flush();
    for (std::size_t k = stack_.size(); k-- > 1;) {
      if (stack_[k].name == name) {
        stack_.resize(k);
        break;
      }
    }
    if (run_.text.empty()) {
      run_.scope = stack_.back().scope;
      run_.lang = stack_.back().lang;
    }
  }

  void flush() {
    push(std::move(run_));
    run_ = TextRun{};
    run_.scope = stack_.back().scope;
    run_.lang = stack_.back().lang;
  }

 private:
  // Trims surrounding whitespace and keeps the run when anything is left.
  void push(TextRun run) {
    std::size_t b = 0, e = run.text.size();
    const auto space = [&](std::size_t k) {
      const char c = run.text[k];
      return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    };
    while (b < e && space(b)) ++b;
    while (e > b && space(e - 1)) --e;
    if (b == e) return;
    run.text = run.text.substr(b, e - b);
    run.offsets = std::vector<std::uint32_t>(run.offsets.begin() + std::ptrdiff_t(b),
                                             run.offsets.begin() + std::ptrdiff_t(e));
    run.source_offset = run.offsets.front();
    asset_.runs.push_back(std::move(run));
  }

  Asset& asset_;
  std::vector<Open> stack_{Open{}};
  TextRun run_;
};

// Attributes people read: each its own run.
void attribute_copy(const Tag& tag, const std::string& text, CopyBuilder& copy) {
  if (const Attribute* a = tag.find("alt")) copy.attribute_run(*a, "alt");
  if (const Attribute* a = tag.find("title")) copy.attribute_run(*a, "title");
  if (const Attribute* a = tag.find("aria-label")) copy.attribute_run(*a, "label");
  if (tag.name == "meta") {
    const Attribute* content = tag.find("content");
    const Attribute* name = tag.find("name");
    const Attribute* property = tag.find("property");
    const std::string_view key = name ? tag.value(text, *name)
                                      : property ? tag.value(text, *property) : std::string_view();
    if (content && (key == "description" || key == "og:title" || key == "og:description")) {
      copy.attribute_run(*content, "meta");
    }
  }
  if (tag.name == "input") {
    const Attribute* type = tag.find("type");
    const Attribute* value = tag.find("value");
    const std::string_view t = type ? tag.value(text, *type) : std::string_view();
    if (value && (t == "submit" || t == "button" || t == "reset")) copy.attribute_run(*value, "button");
  }
}

// A <style> body as CSS: in SVG (XML) it is often wrapped in <![CDATA[ … ]]>, whose brackets
// would otherwise read as one unbalanced [ … ] block swallowing every rule.
void parse_style_block(Asset& asset, std::size_t begin, std::size_t end) {
  const std::string_view text(asset.text);
  std::size_t b = begin;
  while (b < end && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t' || text[b] == '\r')) ++b;
  constexpr std::string_view kOpen = "<![CDATA[";
  if (text.substr(b, kOpen.size()) == kOpen && b + kOpen.size() <= end) {
    begin = b + kOpen.size();
    const std::size_t close = text.substr(0, end).rfind("]]>");
    if (close != std::string_view::npos && close >= begin) end = close;
  }
  css::parse_stylesheet(asset, begin, end);
}

}  // namespace

void extract_html(Asset& asset) {
  CopyBuilder copy(asset);
  html::tokenize(asset.text, html::Handlers{
      .on_text = [&](std::size_t b, std::size_t e) { copy.text(b, e); },
      .on_start = [&](const Tag& tag) {
        copy.start(tag);
        attribute_copy(tag, asset.text, copy);
        if (const Attribute* style = tag.find("style")) {
          css::parse_declaration_list(asset, style->value_begin, style->value_end, tag.name);
        }
      },
      .on_end = [&](std::string_view name) { copy.end(name); },
      .on_raw = [&](std::string_view name, std::size_t b, std::size_t e) {
        if (name == "style") parse_style_block(asset, b, e);
        else if (name == "title" || name == "textarea") copy.text(b, e);
      },
  });
  copy.flush();
}

void extract_svg(Asset& asset) {
  static constexpr std::string_view kPresentation[] = {"fill", "stroke", "stop-color",
                                                       "flood-color", "lighting-color", "color"};
  html::tokenize(asset.text, html::Handlers{
      .on_text = nullptr,
      .on_start = [&](const Tag& tag) {
        for (const Attribute& a : tag.attributes) {
          const std::string_view name = tag.name_of(asset.text, a);
          if (name == "style") {
            css::parse_declaration_list(asset, a.value_begin, a.value_end, tag.name);
          } else if (std::find(std::begin(kPresentation), std::end(kPresentation), name) !=
                     std::end(kPresentation)) {
            CssBlock b;
            b.prelude_begin = b.prelude_end = a.name_begin;
            b.element = tag.name;
            asset.css_blocks.push_back(std::move(b));
            CssDeclaration d;
            d.property.assign(name);
            d.name_begin = a.name_begin;
            d.value_begin = a.value_begin;
            d.value_end = a.value_end;
            d.block = static_cast<int>(asset.css_blocks.size() - 1);
            asset.css_declarations.push_back(std::move(d));
          }
        }
      },
      .on_end = nullptr,
      .on_raw = [&](std::string_view name, std::size_t b, std::size_t e) {
        if (name == "style") parse_style_block(asset, b, e);
      },
  });
}

}  // namespace brandlint
