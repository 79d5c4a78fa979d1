// type/font-family: the first family of every font stack (font-family, the font shorthand and
// @font-face names) must be a brand family; generic fallbacks belong after it. Reads the
// declarations the loader parsed (Asset::css_declarations); never re-parses.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "linter/rule.h"

namespace brandlint::rules {
namespace {

constexpr std::string_view kId = "type/font-family";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Font stacks must start with a brand family",
      .kinds = {AssetKind::css, AssetKind::html, AssetKind::svg},
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/type/font-family.md",
      .options = {},
  };
  return m;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Lower case with runs of whitespace collapsed: how family names compare.
std::string normalize(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += lower(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_generic(std::string_view n) {
  static constexpr std::string_view kGeneric[] = {
      "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "math", "emoji",
      "fangsong", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), n) != std::end(kGeneric);
}

// Values that say nothing about the family: CSS-wide keywords, variables, system fonts.
bool is_opaque(std::string_view n) {
  static constexpr std::string_view kKeywords[] = {
      "inherit", "initial", "unset", "revert", "revert-layer", "caption", "icon", "menu",
      "message-box", "small-caption", "status-bar"};
  return n.find("var(") != std::string_view::npos || n.find("env(") != std::string_view::npos ||
         std::find(std::begin(kKeywords), std::end(kKeywords), n) != std::end(kKeywords);
}

struct Family {
  std::size_t begin = 0, end = 0;  // span in the text, quotes included
  std::string name;                // normalized, quotes removed
  bool quoted = false;
};

// The first family of the stack starting at `i` (a font-family value or the family part of the
// font shorthand).
Family first_family(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_space(text[i])) ++i;
  Family f;
  f.begin = i;
  if (i < end && (text[i] == '"' || text[i] == '\'')) {
    std::size_t k = i + 1;
    while (k < end && text[k] != text[i]) k += text[k] == '\\' ? 2 : 1;
    f.quoted = true;
    f.end = std::min(end, k + 1);
    f.name = normalize(text.substr(i + 1, std::min(k, end) - i - 1));
    return f;
  }
  std::size_t k = i;
  while (k < end && text[k] != ',') ++k;
  while (k > i && is_space(text[k - 1])) --k;
  f.end = k;
  f.name = normalize(text.substr(i, k - i));
  return f;
}

// Where the family list starts in a font shorthand: after the size (the last token that starts
// with a digit or '.', or carries a "/line-height"), or at the first quote.
std::size_t shorthand_families(std::string_view text, std::size_t b, std::size_t e) {
  const std::size_t comma = text.substr(0, e).find(',', b);
  const std::size_t first_end = comma == std::string_view::npos ? e : comma;
  const std::size_t quote = text.substr(0, first_end).find_first_of("\"'", b);
  if (quote != std::string_view::npos) return quote;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = b; i < first_end;) {
    while (i < first_end && is_space(text[i])) ++i;
    const std::size_t t = i;
    while (i < first_end && !is_space(text[i])) ++i;
    if (t < i && ((text[t] >= '0' && text[t] <= '9') || text[t] == '.' || text[t] == '/')) start = i;
  }
  return start;
}

class FontFamily final : public Rule {
 public:
  explicit FontFamily(const RuleConfig& cfg) {
    const guide::Typography& t = cfg.channel.typography;
    for (const std::string& f : t.families) families_.push_back(normalize(f));
    names_ = fmt::format("{}", fmt::join(t.families, ", "));
    key_ = (t.ref.key.empty() ? std::string("typography") : t.ref.key) + ".families";
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (families_.empty()) return;  // the guide names no families: nothing to enforce
    const std::string_view text = asset.text;
    for (const CssDeclaration& d : asset.css_declarations) {
      std::size_t start = d.value_begin;
      if (d.property == "font") {
        start = shorthand_families(text, d.value_begin, d.value_end);
        if (start == std::string_view::npos) continue;
      } else if (d.property != "font-family") {
        continue;
      }
      const Family f = first_family(text, start, d.value_end);
      if (f.name.empty() || (!f.quoted && is_opaque(f.name))) continue;
      if (std::find(families_.begin(), families_.end(), f.name) != families_.end()) continue;
      const bool face = d.block >= 0 && asset.css_blocks[std::size_t(d.block)].at_rule == "font-face";
      const std::string measured(text.substr(f.begin, f.end - f.begin));
      std::string message =
          face ? fmt::format("@font-face declares {}, which is not a brand family ({})", measured, names_)
          : !f.quoted && is_generic(f.name)
              ? fmt::format("font stack starts with the generic fallback {}; start it with a brand "
                            "family ({})", measured, names_)
              : fmt::format("font stack starts with {}, not a brand family ({})", measured, names_);
      Json evidence;
      evidence["measured"] = measured;
      evidence["expected"] = names_;
      evidence["guide_key"] = key_;
      evidence["property"] = d.property;
      ctx.report_text(f.begin, f.end, std::move(message), std::move(evidence));
    }
  }

 private:
  std::vector<std::string> families_;  // normalized
  std::string names_;                  // as the guide writes them, for messages
  std::string key_;
};

}  // namespace

RuleEntry type_font_family_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<FontFamily>(cfg);
          }};
}

}  // namespace brandlint::rules
