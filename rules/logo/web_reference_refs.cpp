#include "rules/logo/web_reference_refs.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "linter/assets/html_tokenizer.h"
#include "rules/support/css_color.h"

namespace brandlint::logo_web {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

std::string lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::string decoded(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out;
  std::vector<std::uint32_t> offsets;
  html::decode_into(text, begin, end, out, offsets);
  return out;
}

// "240", "240px", " 240.5 " -> 240.5; anything else (auto, 50%, 10em) -> nullopt.
std::optional<double> css_px(std::string_view value, bool unitless_ok) {
  value = trim_space(value);
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || !std::isfinite(v) || v <= 0.0) return std::nullopt;
  const std::string unit =
      lowered(std::string_view(ptr, static_cast<std::size_t>(value.data() + value.size() - ptr)));
  if (unit == "px" || (unit.empty() && unitless_ok)) return v;
  return std::nullopt;
}

// Every url( ... ) in text[begin, end): the URL (quotes removed) and the token's span.
void css_urls(std::string_view text, std::size_t begin, std::size_t end, int element,
              std::vector<ImageRef>& out) {
  for (std::size_t i = begin; i + 4 <= end; ++i) {
    if (lower(text[i]) != 'u' || lower(text[i + 1]) != 'r' || lower(text[i + 2]) != 'l' ||
        text[i + 3] != '(' || (i > begin && is_name_char(text[i - 1]))) {
      continue;
    }
    std::size_t k = i + 4;
    while (k < end && is_space(text[k])) ++k;
    std::string url;
    std::size_t close = end;
    if (k < end && (text[k] == '"' || text[k] == '\'')) {
      const char quote = text[k];
      const std::size_t q = text.find(quote, k + 1);
      if (q == std::string_view::npos || q >= end) return;
      url.assign(text.substr(k + 1, q - k - 1));
      close = text.find(')', q);
    } else {
      close = text.find(')', k);
      if (close == std::string_view::npos || close > end) return;
      url.assign(trim_space(text.substr(k, close - k)));
    }
    if (close == std::string_view::npos || close >= end) return;
    ImageRef ref{ImageRef::Kind::css_url, std::move(url), i, close + 1, {}, element};
    out.push_back(std::move(ref));
    i = close;
  }
}

bool shows_images(std::string_view property) {
  return property.rfind("background", 0) == 0 || property == "content" ||
         property.rfind("list-style", 0) == 0 || property.rfind("border-image", 0) == 0 ||
         property.rfind("mask", 0) == 0 || property.rfind("-webkit-mask", 0) == 0;
}

// Index just past the </svg> closing the <svg> whose '<' is at `lt`, counting nested <svg>.
std::size_t svg_element_end(std::string_view text, std::size_t lt) {
  int depth = 0;
  for (std::size_t k = lt; k < text.size(); ++k) {
    if (text[k] != '<') continue;
    const bool closing = k + 1 < text.size() && text[k + 1] == '/';
    const std::size_t name = k + (closing ? 2 : 1);
    if (name + 3 > text.size() || lowered(text.substr(name, 3)) != "svg" ||
        (name + 3 < text.size() && is_name_char(text[name + 3]))) {
      continue;
    }
    depth += closing ? -1 : 1;
    if (depth == 0) {
      const std::size_t gt = text.find('>', k);
      return gt == std::string_view::npos ? text.size() : gt + 1;
    }
  }
  return std::string_view::npos;
}

// An HTML-embedded <svg> needs the namespaces an HTML parser implies before an XML renderer
// can read it on its own.
std::string standalone_svg(std::string_view fragment) {
  std::string svg(fragment);
  const std::size_t head_end = svg.find('>');
  const std::string head = lowered(std::string_view(svg).substr(0, head_end));
  std::string add;
  if (head.find("xmlns=") == std::string::npos) add += " xmlns=\"http://www.w3.org/2000/svg\"";
  if (head.find("xmlns:xlink") == std::string::npos && svg.find("xlink:") != std::string::npos) {
    add += " xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
  }
  svg.insert(4, add);  // after "<svg"
  return svg;
}

struct Collector {
  const Asset& asset;
  Page page;
  std::unordered_map<std::size_t, int> style_blocks;  // style="" value offset -> block
  int picture_depth = 0;
  std::vector<std::size_t> picture_refs;  // refs of the open <picture>'s sources
  int svg_depth = 0;
  int open_svg = -1;  // element index of the outermost open inline <svg>

  std::string_view text() const { return asset.text; }

  void add_url_ref(ImageRef::Kind kind, std::size_t b, std::size_t e, int element) {
    ImageRef ref{kind, decoded(text(), b, e), b, e, {}, element};
    if (!trim_space(ref.url).empty()) page.refs.push_back(std::move(ref));
  }

  void add_srcset(ImageRef::Kind kind, const html::Attribute& a, int element) {
    const std::string_view value = text().substr(a.value_begin, a.value_end - a.value_begin);
    for (const auto& [url, offset] : srcset_urls(value)) {
      add_url_ref(kind, a.value_begin + offset, a.value_begin + offset + url.size(), element);
    }
  }

  // Width and height from attributes, then from the element's style="" (which wins).
  void box_from(const html::Tag& tag, ImageElement& el) {
    const auto attr_side = [&](std::string_view name, BoxSide& side) {
      if (const html::Attribute* a = tag.find(name)) {
        side.set = true;
        side.px = css_px(tag.value(text(), *a), true);
        side.begin = a->value_begin;
        side.end = a->value_end;
      }
    };
    attr_side("width", el.width);
    attr_side("height", el.height);
    const html::Attribute* style = tag.find("style");
    if (style == nullptr) return;
    const auto it = style_blocks.find(style->value_begin);
    if (it == style_blocks.end()) return;
    for (const CssDeclaration& d : asset.css_declarations) {
      if (d.block != it->second) continue;
      const std::string_view v = text().substr(d.value_begin, d.value_end - d.value_begin);
      BoxSide* side = d.property == "width"    ? &el.width
                      : d.property == "height" ? &el.height
                                               : nullptr;
      if (side != nullptr) {
        side->set = true;
        side->px = css_px(v, false);
        side->begin = d.name_begin;
        side->end = d.value_end;
      } else if (d.property == "object-fit") {
        const std::string fit = lowered(trim_space(v));
        el.fit_keeps_ratio =
            fit == "contain" || fit == "cover" || fit == "scale-down" || fit == "none";
      }
    }
  }

  void img(const html::Tag& tag) {
    ImageElement el;
    const int index = static_cast<int>(page.elements.size());
    box_from(tag, el);
    if (const html::Attribute* alt = tag.find("alt")) {
      el.has_alt = true;
      el.alt = decoded(text(), alt->value_begin, alt->value_end);
      el.alt_begin = alt->name_begin;
      el.alt_end = alt->value_end;
    }
    const html::Attribute* src = tag.find("src");
    const html::Attribute* srcset = tag.find("srcset");
    const html::Attribute* anchor = src ? src : srcset;
    if (anchor == nullptr && picture_refs.empty()) return;  // nothing to show
    if (anchor != nullptr) {
      el.anchor_begin = anchor->name_begin;
      el.anchor_end = anchor->value_end;
    } else {
      el.anchor_begin = page.refs[picture_refs.front()].begin;
      el.anchor_end = page.refs[picture_refs.front()].end;
    }
    page.elements.push_back(std::move(el));
    if (src != nullptr)
      add_url_ref(ImageRef::Kind::img_src, src->value_begin, src->value_end, index);
    if (srcset != nullptr) add_srcset(ImageRef::Kind::img_srcset, *srcset, index);
    // The <picture>'s sources show in this <img>'s box, with its alt.
    for (const std::size_t r : picture_refs) page.refs[r].element = index;
    picture_refs.clear();
  }

  void svg(const html::Tag& tag) {
    if (tag.attributes.empty()) return;  // no offset to find the element by
    const std::size_t lt = text().rfind('<', tag.attributes.front().name_begin);
    if (lt == std::string_view::npos) return;
    const std::size_t end = svg_element_end(text(), lt);
    if (end == std::string_view::npos) return;
    ImageElement el;
    el.is_svg = true;
    // An inline <svg> keeps its aspect ratio unless it says otherwise (preserveAspectRatio
    // defaults to xMidYMid meet), so it is never judged as stretched.
    el.fit_keeps_ratio = true;
    if (const html::Attribute* label = tag.find("aria-label")) {
      el.has_alt = true;
      el.alt = decoded(text(), label->value_begin, label->value_end);
      el.alt_begin = label->name_begin;
      el.alt_end = label->value_end;
    }
    el.anchor_begin = lt + 1;
    el.anchor_end = lt + 4;
    open_svg = static_cast<int>(page.elements.size());
    page.elements.push_back(std::move(el));
    ImageRef ref{ImageRef::Kind::inline_svg,
                 {},
                 lt + 1,
                 lt + 4,
                 standalone_svg(text().substr(lt, end - lt)),
                 open_svg};
    page.refs.push_back(std::move(ref));
  }

  void start(const html::Tag& tag) {
    if (svg_depth > 0) {
      if (tag.name == "svg" && !tag.self_closing) ++svg_depth;
      return;  // the inside of an inline <svg> is part of its picture
    }
    if (tag.name == "picture" && !tag.self_closing) {
      ++picture_depth;
      picture_refs.clear();
    } else if (tag.name == "source" && picture_depth > 0) {
      if (const html::Attribute* srcset = tag.find("srcset")) {
        const std::size_t first = page.refs.size();
        add_srcset(ImageRef::Kind::source_srcset, *srcset, -1);
        for (std::size_t r = first; r < page.refs.size(); ++r) picture_refs.push_back(r);
      }
    } else if (tag.name == "img") {
      img(tag);
    } else if (tag.name == "svg" && !tag.self_closing) {
      svg(tag);
      svg_depth = 1;
    }
  }

  void end(std::string_view name) {
    if (svg_depth > 0) {
      if (name == "svg" && --svg_depth == 0) open_svg = -1;
      return;
    }
    if (name == "picture" && picture_depth > 0) --picture_depth;
  }

  // <title> is a raw-text element to the tokenizer; inside an inline <svg> it is the name.
  void raw(std::string_view name, std::size_t b, std::size_t e) {
    if (svg_depth == 0 || open_svg < 0 || name != "title") return;
    ImageElement& el = page.elements[static_cast<std::size_t>(open_svg)];
    if (el.has_alt) return;
    el.has_alt = true;
    el.alt = decoded(text(), b, e);
    el.alt_begin = b;
    el.alt_end = e;
  }
};

}  // namespace

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::pair<std::string, std::size_t>> srcset_urls(std::string_view value) {
  // HTML's srcset parsing: a URL runs to whitespace (a trailing comma ends it), then
  // descriptors run to the next comma. data: URLs may hold commas, so they are not split.
  std::vector<std::pair<std::string, std::size_t>> out;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (is_space(value[i]) || value[i] == ',')) ++i;
    if (i >= value.size()) break;
    std::size_t j = i;
    while (j < value.size() && !is_space(value[j])) ++j;
    std::size_t url_end = j;
    bool ended_by_comma = false;
    while (url_end > i && value[url_end - 1] == ',') {
      --url_end;
      ended_by_comma = true;
    }
    if (url_end > i) out.emplace_back(std::string(value.substr(i, url_end - i)), i);
    i = j;
    if (!ended_by_comma) {
      while (i < value.size() && value[i] != ',') ++i;  // descriptors
    }
  }
  return out;
}

Page find_image_refs(const Asset& asset) {
  Collector c{asset, {}, {}, 0, {}, 0, -1};
  for (std::size_t k = 0; k < asset.css_blocks.size(); ++k) {
    if (!asset.css_blocks[k].element.empty()) {
      c.style_blocks[asset.css_blocks[k].prelude_begin] = static_cast<int>(k);
    }
  }
  if (asset.kind == AssetKind::html) {
    html::tokenize(asset.text, html::Handlers{
                                   .on_text = nullptr,
                                   .on_start = [&](const html::Tag& tag) { c.start(tag); },
                                   .on_end = [&](std::string_view name) { c.end(name); },
                                   .on_raw = [&](std::string_view name, std::size_t b,
                                                 std::size_t e) { c.raw(name, b, e); },
                               });
  }
  for (const CssDeclaration& d : asset.css_declarations) {
    if (!shows_images(d.property)) continue;
    if (d.block >= 0 &&
        asset.css_blocks[static_cast<std::size_t>(d.block)].at_rule == "font-face") {
      continue;
    }
    css_urls(asset.text, d.value_begin, d.value_end, -1, c.page.refs);
  }
  return std::move(c.page);
}

guide::Rgb page_background(const Asset& asset) {
  guide::Rgb out{255, 255, 255};
  for (const CssDeclaration& d : asset.css_declarations) {
    if (d.property != "background" && d.property != "background-color") continue;
    if (d.block < 0) continue;
    const CssBlock& b = asset.css_blocks[static_cast<std::size_t>(d.block)];
    bool page_level = b.element == "body" || b.element == "html";
    if (b.element.empty() && b.at_rule.empty()) {
      std::string selector = lowered(
          std::string_view(asset.text).substr(b.prelude_begin, b.prelude_end - b.prelude_begin));
      selector.erase(std::remove_if(selector.begin(), selector.end(), is_space), selector.end());
      page_level = selector == "body" || selector == "html" || selector == ":root" ||
                   selector == "html,body" || selector == "body,html";
    }
    if (!page_level) continue;
    std::vector<css::ColorLiteral> literals;
    css::find_colors(asset.text, d.value_begin, d.value_end, literals);
    if (!literals.empty() && literals.back().alpha >= 1.0) out = literals.back().rgb;
  }
  return out;
}

}  // namespace brandlint::logo_web
