// voice/emoji: the guide's emoji policy per document (`voice.emoji`): "allow" (never a
// finding), "forbid" (every emoji is one), or a number N (every emoji past the N-th is one).
// An emoji is a whole emoji sequence as the reader sees it (rules/support/emoji.h): 👍🏽, 👩‍💻,
// 🇩🇰 and 1️⃣ each count once, and ® or ™ written as text never count.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/emoji.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/emoji",
      "Emoji follow the guide's policy (allow, forbid or a maximum per document)",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/emoji.md",
      {},
  };
  return meta;
}

using Policy = guide::EmojiPolicy::Kind;

class Emoji final : public Rule {
 public:
  explicit Emoji(const RuleConfig& cfg) : policy_(cfg.channel.voice.emoji.kind), max_(cfg.channel.voice.emoji.max) {
    const auto ref = cfg.channel.voice.refs.find("emoji");
    if (ref != cfg.channel.voice.refs.end() && !ref->second.key.empty()) key_ = ref->second.key;
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (policy_ == Policy::allow) return;
    const int allowed = policy_ == Policy::forbid ? 0 : max_;
    int seen = 0;
    std::vector<text::EmojiSpan> found;
    for (const TextRun& run : asset.runs) {
      found.clear();
      text::find_emoji(run.text, found);
      for (const text::EmojiSpan& e : found) {
        if (++seen <= allowed) continue;
        const std::string emoji = run.text.substr(e.begin, e.end - e.begin);
        std::string message = policy_ == Policy::forbid
                                  ? fmt::format("emoji {}: the guide forbids emoji ({})", emoji, key_)
                                  : fmt::format("emoji {} is number {} in this document; the guide allows {} ({})", emoji,
                                                seen, allowed, key_);
        Json expected = policy_ == Policy::forbid ? Json("forbid") : Json(allowed);
        ctx.report_text(run.source_of(e.begin), run.source_of(e.end), std::move(message),
                        Json{{"measured", seen}, {"expected", std::move(expected)}, {"guide_key", key_}});
      }
    }
  }

 private:
  Policy policy_;
  int max_;
  std::string key_ = "voice.emoji";
};

}  // namespace

RuleEntry voice_emoji_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Emoji>(cfg);
          }};
}

}  // namespace brandlint::rules
