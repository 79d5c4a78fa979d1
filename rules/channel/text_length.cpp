// channel/text-length: copy fields must fit the channel's `limits` table (Google search-ad
// headlines and descriptions, Meta primary text, e-mail subjects, X posts...). Length is what a
// reader sees, grapheme clusters (ICU character breaks: "å" written as a + ring is one, a family
// emoji is one), except for limits named "x" or "tweet", which use X's weighted count
// (twitter-text v3). The limits table is authoritative; the docs page lists recommended values.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/channel/length_count.h"
#include "rules/support/text.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "channel/text-length",
      "Copy fields fit the channel's length limits (grapheme clusters; X weighting for x/tweet)",
      {AssetKind::copy_deck, AssetKind::text, AssetKind::markdown},
      Severity::error,
      Fixable::never,
      "rules/channel/text-length.md",
      {},
  };
  return meta;
}

// The limit key a run's scope is measured against: copy decks name fields in the plural
// ("headlines = [...]") as often as in the singular.
std::string limit_key(std::string_view scope) {
  if (scope == "headlines") return "headline";
  if (scope == "descriptions") return "description";
  if (scope == "captions") return "caption";
  return std::string(scope);
}

// In a plain text file the whole file is one piece of copy (a caption, a post); these limit
// keys, in this order of preference, apply to it.
constexpr std::string_view kWholeFileKeys[] = {"x", "tweet", "caption", "post", "text"};

class TextLength final : public Rule {
 public:
  explicit TextLength(const RuleConfig& cfg) : limits_(cfg.channel.limits), prefix_(cfg.channel.ref.key + ".limits.") {}

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (limits_.empty()) return;
    if (asset.kind == AssetKind::text) {
      for (const std::string_view key : kWholeFileKeys) {
        const auto it = limits_.find(std::string(key));
        if (it == limits_.end()) continue;
        std::string_view text = asset.text;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
        if (!text.empty()) check_piece(it->first, it->second, text, 0, text.size(), ctx);
        return;
      }
      return;
    }
    for (const TextRun& run : asset.runs) {
      const auto it = limits_.find(limit_key(run.scope));
      if (it == limits_.end()) continue;
      // Markdown masks markup with spaces; what a reader sees is the display form.
      const std::string shown = text::display_form(run.text);
      if (shown.empty()) continue;
      check_piece(it->first, it->second, shown, run.source_of(first_visible(run.text)),
                  run.source_of(last_visible(run.text)), ctx);
    }
  }

 private:
  static std::size_t first_visible(std::string_view s) {
    const std::size_t p = s.find_first_not_of(" \t\r\n");
    return p == std::string_view::npos ? 0 : p;
  }
  static std::size_t last_visible(std::string_view s) {
    const std::size_t p = s.find_last_not_of(" \t\r\n");
    return p == std::string_view::npos ? s.size() : p + 1;
  }

  void check_piece(const std::string& key, int limit, std::string_view text, std::size_t begin,
                   std::size_t end, RuleContext& ctx) const {
    const bool weighted = key == "x" || key == "tweet";
    const std::size_t length = weighted ? length::x_weighted(text) : length::graphemes(text);
    if (length <= static_cast<std::size_t>(limit)) return;
    const std::string guide_key = prefix_ + key;
    const char* unit = weighted ? "weighted characters (X: 2 for CJK and emoji, 23 per URL)"
                                : "characters (grapheme clusters)";
    ctx.report_text(begin, end,
                    fmt::format("{} is {} {}; the channel allows {} ({})", key, length, unit, limit, guide_key),
                    Json{{"measured", length},
                         {"expected", fmt::format("at most {}", limit)},
                         {"unit", weighted ? "x-weighted" : "graphemes"},
                         {"guide_key", guide_key}});
  }

  std::map<std::string, int> limits_;
  std::string prefix_;  // "channels.search-ads.limits."
};

}  // namespace

RuleEntry channel_text_length_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<TextLength>(cfg);
          }};
}

}  // namespace brandlint::rules
