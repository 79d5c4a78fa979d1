// voice/readability: LIX for Danish, Swedish and Norwegian copy (voice.readability.lix_max) and
// Flesch reading ease for English copy (voice.readability.flesch_min), per document and per
// paragraph. A paragraph is a text run (a Markdown block, a blank-line paragraph of plain text,
// a copy-deck field). Paragraphs and documents under 40 words (of the formula's languages) get
// no finding, because both formulas swing wildly on a sentence or two: a four-word headline is
// not "hard to read". The measurements are recorded for every document. Each language is measured only on the runs in that
// language (text::run_language), so Danish never gets a Flesch score and English never a LIX.
// Whatever it finds, the rule records the asset's voice measurements (words, sentences, lix,
// flesch, exclamations, emoji, address counts) for the cross-channel report.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/emoji.h"
#include "rules/support/sentences.h"
#include "rules/support/syllables.h"
#include "rules/support/text.h"
#include "rules/voice/address.h"

namespace brandlint::rules {
namespace {

constexpr std::size_t kMinWords = 40;

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/readability",
      "Copy is as easy to read as the guide asks (LIX for Nordic, Flesch for English)",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::warning,
      Fixable::never,
      "rules/voice/readability.md",
      {},
  };
  return meta;
}

enum class Formula { none, lix, flesch };

Formula formula_for(std::string_view lang) {
  if (lang == "da" || lang == "sv" || lang == "nb" || lang == "nn" || lang == "no") return Formula::lix;
  if (lang == "en") return Formula::flesch;
  return Formula::none;
}

struct Counts {
  std::size_t words = 0, sentences = 0, long_words = 0, syllables = 0;
  void add(const Counts& o) {
    words += o.words;
    sentences += o.sentences;
    long_words += o.long_words;
    syllables += o.syllables;
  }
  double value(Formula f) const {
    return f == Formula::lix ? text::lix(words, sentences, long_words) : text::flesch(words, sentences, syllables);
  }
};

double round1(double v) { return std::round(v * 10.0) / 10.0; }

struct Measures {
  Counts all;
  Counts by[3];  // indexed by Formula
  std::size_t exclamations = 0, emoji = 0;
  std::size_t address[5] = {};  // du, De, I, you, we
};

class Readability final : public Rule {
 public:
  explicit Readability(const RuleConfig& cfg) {
    const guide::Readability& r = cfg.channel.voice.readability;
    lix_max_ = r.lix_max;
    flesch_min_ = r.flesch_min;
    const auto& refs = cfg.channel.voice.refs;
    if (auto it = refs.find("readability.lix_max"); it != refs.end() && !it->second.key.empty()) lix_key_ = it->second.key;
    if (auto it = refs.find("readability.flesch_min"); it != refs.end() && !it->second.key.empty()) flesch_key_ = it->second.key;
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    const text::AssetWords& words = text::words_of(asset);
    const std::vector<text::Sentence>& sentences = text::sentences_of(asset).sentences;
    const std::string& locale = ctx.channel().locale;
    Measures m;
    std::size_t paragraphs_reported[3] = {}, paragraphs[3] = {};
    std::size_t s = 0;
    std::vector<text::EmojiSpan> emoji;
    for (std::uint32_t r = 0; r < words.runs.size(); ++r) {
      const text::RunWords& run = words.runs[r];
      const std::string lang = text::run_language(*run.run, locale);
      const Formula f = formula_for(lang);
      Counts para;
      for (; s < sentences.size() && sentences[s].run == r; ++s) count_sentence(run, sentences[s], lang, para, m);
      for (const char c : run.run->text) m.exclamations += c == '!' ? 1 : 0;
      emoji.clear();
      text::find_emoji(run.run->text, emoji);
      m.emoji += emoji.size();
      m.all.add(para);
      m.by[static_cast<int>(f)].add(para);
      if (f == Formula::none || para.words == 0) continue;
      ++paragraphs[static_cast<int>(f)];
      if (para.words >= kMinWords && fails(f, para.value(f))) {
        ++paragraphs_reported[static_cast<int>(f)];
        report(ctx, f, para.value(f), &run);
      }
    }
    for (const Formula f : {Formula::lix, Formula::flesch}) {
      const int k = static_cast<int>(f);
      // A document that is one failing paragraph has been reported already.
      if (m.by[k].words >= kMinWords && fails(f, m.by[k].value(f)) && paragraphs_reported[k] < paragraphs[k]) {
        report(ctx, f, m.by[k].value(f), nullptr);
      }
    }
    record(ctx, m);
  }

 private:
  void count_sentence(const text::RunWords& run, const text::Sentence& s, const std::string& lang, Counts& c,
                      Measures& m) const {
    if (s.word_count == 0) return;
    ++c.sentences;
    bool initial = true;
    for (std::size_t i = s.first; i < s.last; ++i) {
      const text::Word& w = run.words[i];
      if (!w.is_word()) continue;
      ++c.words;
      if (w.is_letter) {
        const std::string_view written = std::string_view(run.run->text).substr(w.run_begin, w.run_end - w.run_begin);
        c.long_words += text::count_letters(written) > 6 ? 1 : 0;
        if (lang == "en") c.syllables += text::count_syllables_en(run.fold(w));
      } else if (lang == "en") {
        c.syllables += 1;  // a number is read as at least one syllable
      }
      const address::Form form = address::classify(run, i, initial, lang);
      if (form != address::Form::none) ++m.address[static_cast<int>(form) - 1];
      initial = false;
    }
  }

  bool fails(Formula f, double value) const {
    if (f == Formula::lix) return lix_max_ && round1(value) > *lix_max_;
    if (f == Formula::flesch) return flesch_min_ && round1(value) < *flesch_min_;
    return false;
  }

  void report(RuleContext& ctx, Formula f, double value, const text::RunWords* paragraph) const {
    const bool lix = f == Formula::lix;
    const double measured = round1(value);
    const double target = lix ? *lix_max_ : *flesch_min_;
    const std::string& key = lix ? lix_key_ : flesch_key_;
    const std::string what = paragraph != nullptr ? "paragraph" : "document";
    std::string message = lix ? fmt::format("{} LIX is {:.1f}; the guide allows at most {} ({})", what, measured, target, key)
                              : fmt::format("{} Flesch reading ease is {:.1f}; the guide asks for at least {} ({})", what,
                                            measured, target, key);
    Json evidence = {{"measured", measured}, {"expected", target}, {"guide_key", key},
                     {"formula", lix ? "lix" : "flesch"}, {"scope", what}};
    if (paragraph == nullptr) {
      ctx.report_file(std::move(message), std::move(evidence));
      return;
    }
    const std::vector<text::Word>& w = paragraph->words;
    ctx.report_text(w.front().begin, w.back().end, std::move(message), std::move(evidence));
  }

  static void record(RuleContext& ctx, const Measures& m) {
    const auto value_or_null = [](const Counts& c, Formula f) -> Json {
      if (c.words == 0 || c.sentences == 0) return nullptr;
      return round1(c.value(f));
    };
    ctx.measure("words", m.all.words);
    ctx.measure("sentences", m.all.sentences);
    ctx.measure("lix", value_or_null(m.by[static_cast<int>(Formula::lix)], Formula::lix));
    ctx.measure("flesch", value_or_null(m.by[static_cast<int>(Formula::flesch)], Formula::flesch));
    ctx.measure("exclamations", m.exclamations);
    ctx.measure("emoji", m.emoji);
    ctx.measure("address", Json{{"du", m.address[0]}, {"De", m.address[1]}, {"I", m.address[2]},
                                {"you", m.address[3]}, {"we", m.address[4]}});
  }

  std::optional<double> lix_max_, flesch_min_;
  std::string lix_key_ = "voice.readability.lix_max";
  std::string flesch_key_ = "voice.readability.flesch_min";
};

}  // namespace

RuleEntry voice_readability_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Readability>(cfg);
          }};
}

}  // namespace brandlint::rules
