// channel/sms-length: a text message must fit the channel's segment budget
// (`channels.<name>.sms.max_segments`). One .txt file is one message. The count follows
// GSM 03.38 (rules/support/gsm.h): GSM-7 when every character is in the default alphabet
// (æøåÆØÅ are), else UCS-2 for the whole message. The finding names the characters that forced
// UCS-2 with their GSM-7 replacements, and offers them as a fix when that alone is enough.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/gsm.h"
#include "linter/utf8.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "channel/sms-length",
      "Text messages fit the channel's SMS segment budget (GSM-7 160/153, UCS-2 70/67)",
      {AssetKind::text},
      Severity::error,
      Fixable::sometimes,
      "rules/channel/sms-length.md",
      {},
  };
  return meta;
}

constexpr std::size_t kListedForcing = 5;  // a message names at most this many characters

std::string utf8(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

// How a character is shown in a message: invisible ones by their code point.
std::string shown(char32_t cp) {
  if (cp == 0xA0 || cp == 0x202F || cp < 0x20 || (cp >= 0x200B && cp <= 0x200F)) {
    return fmt::format("U+{:04X}", static_cast<unsigned>(cp));
  }
  return utf8(cp);
}

class SmsLength final : public Rule {
 public:
  explicit SmsLength(const RuleConfig& cfg)
      : max_segments_(cfg.channel.sms.max_segments),
        key_(cfg.channel.sms.ref.key + ".max_segments") {}

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (!max_segments_) return;  // not an SMS channel
    // The file's final line break is the editor's, not part of the message.
    std::string_view text = asset.text;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    const std::vector<sms::CodePoint> message = sms::decode(text);
    const sms::Measure m = sms::measure(message);
    const bool ucs2 = m.encoding == sms::Encoding::ucs2;
    ctx.measure("sms", Json{{"encoding", ucs2 ? "UCS-2" : "GSM-7"},
                            {"units", m.units},
                            {"segments", m.segments}});
    const auto allowed = static_cast<std::size_t>(*max_segments_);
    if (m.segments <= allowed) return;
    report(asset, message, m, ctx);
  }

 private:
  void report(const Asset& asset, const std::vector<sms::CodePoint>& message, const sms::Measure& m,
              RuleContext& ctx) const {
    const bool ucs2 = m.encoding == sms::Encoding::ucs2;
    const std::size_t per_segment = sms::segment_size(m.encoding).multipart;
    Json forced = Json::array();
    std::vector<std::string> named;
    std::vector<char32_t> seen;
    for (const std::size_t i : m.forcing) {
      const sms::CodePoint& c = message[i];
      const LineColumn at = asset.lines.at(asset.text, c.offset);
      const std::string where = fmt::format("{}:{}", at.line, at.column);
      Json entry = {{"char", shown(c.cp)}, {"at", where}};
      if (const std::string_view r = sms::gsm_replacement(c.cp); !r.empty()) entry["replacement"] = std::string(r);
      forced.push_back(std::move(entry));
      if (std::find(seen.begin(), seen.end(), c.cp) != seen.end()) continue;
      seen.push_back(c.cp);
      if (named.size() < kListedForcing) named.push_back(fmt::format("{} at {}", shown(c.cp), where));
    }
    std::string forcing;
    if (ucs2) {
      const std::size_t more = seen.size() - named.size();
      forcing = " (forced by " + join(named) + (more ? fmt::format(" and {} more", more) : "") + ")";
    }
    std::string message_text = fmt::format(
        "SMS is {} {} in {}{}: {} segments of {}; the channel allows {} ({})", m.units,
        ucs2 ? "characters" : "septets", ucs2 ? "UCS-2" : "GSM-7", forcing, m.segments, per_segment,
        *max_segments_, key_);
    Json evidence = {{"measured", fmt::format("{} segments", m.segments)},
                     {"expected", fmt::format("at most {}", *max_segments_)},
                     {"encoding", ucs2 ? "UCS-2" : "GSM-7"},
                     {"units", m.units},
                     {"segments", m.segments}};
    if (ucs2) evidence["forced_by"] = std::move(forced);
    evidence["guide_key"] = key_;
    // Where to point: the first character that forced UCS-2, else the first one past the budget.
    std::size_t at = ucs2 ? m.forcing.front() : first_over_budget(message);
    const std::size_t begin = message[at].offset;
    ctx.report_text(begin, begin + message[at].size, std::move(message_text), std::move(evidence),
                    ucs2 ? replacement_fix(asset, message, m) : std::nullopt);
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
      out += parts[i];
    }
    return out;
  }

  // GSM-7 only: the first character that does not fit in the allowed segments.
  std::size_t first_over_budget(const std::vector<sms::CodePoint>& message) const {
    const auto allowed = static_cast<std::size_t>(*max_segments_);
    std::vector<int> costs;
    for (std::size_t i = 0; i < message.size(); ++i) {
      costs.push_back(sms::gsm_septets(message[i].cp));
      if (sms::count_segments(costs, sms::Encoding::gsm7) > allowed) return i;
    }
    return message.size() - 1;
  }

  // Replaces every character that forced UCS-2 by its GSM-7 spelling, if each has one and the
  // result fits; one edit from the first such character to the last.
  std::optional<Fix> replacement_fix(const Asset& asset, const std::vector<sms::CodePoint>& message,
                                     const sms::Measure& m) const {
    const std::size_t first = m.forcing.front(), last = m.forcing.back();
    std::string replaced;
    std::vector<sms::CodePoint> after(message.begin(), message.begin() + static_cast<std::ptrdiff_t>(first));
    for (std::size_t i = first; i <= last; ++i) {
      const sms::CodePoint& c = message[i];
      if (sms::gsm_septets(c.cp) != 0) {
        replaced.append(asset.text, c.offset, c.size);
        after.push_back(c);
        continue;
      }
      const std::string_view r = sms::gsm_replacement(c.cp);
      if (r.empty()) return std::nullopt;
      replaced += r;
      for (const char ch : r) after.push_back({static_cast<char32_t>(ch), 0, 1});
    }
    after.insert(after.end(), message.begin() + static_cast<std::ptrdiff_t>(last + 1), message.end());
    if (sms::measure(after).segments > static_cast<std::size_t>(*max_segments_)) return std::nullopt;
    return Fix{message[first].offset, message[last].offset + message[last].size, std::move(replaced)};
  }

  std::optional<int> max_segments_;
  std::string key_;  // "channels.sms.sms.max_segments"
};

}  // namespace

RuleEntry channel_sms_length_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<SmsLength>(cfg);
          }};
}

}  // namespace brandlint::rules
