// voice/exclamation: at most `voice.exclamations_max` exclamation marks per document. Marks are
// counted in copy only (code and markup are blanked by extraction), in document order; every
// mark past the limit is a finding. A run of marks ("!!", "!!!") is always a finding of its own,
// whatever the limit, and counts as one mark against it: the guide limits exclamations, a run is
// shouting. "¡" and the fullwidth "！" count like "!".
#include <memory>
#include <string>

#include <fmt/format.h>

#include "linter/rule.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/exclamation",
      "Exclamation marks stay within the guide's limit per document",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/exclamation.md",
      {},
  };
  return meta;
}

// Byte length of an exclamation mark at text[i], or 0.
std::size_t mark_at(const std::string& text, std::size_t i) {
  if (text[i] == '!') return 1;
  if (static_cast<unsigned char>(text[i]) == 0xEF && text.compare(i, 3, "\xEF\xBC\x81") == 0) return 3;  // ！
  if (static_cast<unsigned char>(text[i]) == 0xC2 && text.compare(i, 2, "\xC2\xA1") == 0) return 2;      // ¡
  return 0;
}

class Exclamation final : public Rule {
 public:
  explicit Exclamation(const RuleConfig& cfg) {
    const guide::Voice& voice = cfg.channel.voice;
    if (voice.exclamations_max) max_ = *voice.exclamations_max;
    const auto ref = voice.refs.find("exclamations_max");
    if (ref != voice.refs.end() && !ref->second.key.empty()) key_ = ref->second.key;
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (max_ < 0) return;
    int seen = 0;
    for (const TextRun& run : asset.runs) {
      const std::string& t = run.text;
      for (std::size_t i = 0; i < t.size();) {
        std::size_t len = mark_at(t, i);
        if (len == 0) {
          ++i;
          continue;
        }
        std::size_t end = i + len;
        int marks = 1;
        while (end < t.size() && (len = mark_at(t, end)) != 0) {
          end += len;
          ++marks;
        }
        ++seen;
        if (marks > 1) {
          ctx.report_text(run.source_of(i), run.source_of(end),
                          fmt::format("{} exclamation marks in a row; write one at most", marks),
                          Json{{"measured", marks}, {"expected", 1}, {"guide_key", key_}});
        } else if (seen > max_) {
          ctx.report_text(run.source_of(i), run.source_of(end),
                          fmt::format("exclamation mark {} in this document; the guide allows {} ({})", seen, max_, key_),
                          Json{{"measured", seen}, {"expected", max_}, {"guide_key", key_}});
        }
        i = end;
      }
    }
  }

 private:
  int max_ = -1;  // -1: the guide sets no limit
  std::string key_ = "voice.exclamations_max";
};

}  // namespace

RuleEntry voice_exclamation_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Exclamation>(cfg);
          }};
}

}  // namespace brandlint::rules
