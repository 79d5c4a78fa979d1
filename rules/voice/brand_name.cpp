// voice/brand-name: the brand name and every name-like `voice.term` written exactly as the guide
// spells it. Three kinds of misspelling are found, all as whole tokens:
//   case     "NordLys", "NORDLYS", "nordlys"          (same word, other letter case)
//   spacing  "Nord-lys", "Nord lys", "NordlysPlus"    (same letters, other hyphens/spaces)
//   listed   "Nordlys'en"                             (a `not` variant from the guide)
//   aa/å     "Aarhus Plus" for "Århus Plus" and back   (Danish "aa" is an old spelling of "å")
//   genitive "Nordlys's" in Danish copy               (after s, x, z Danish writes "Nordlys'")
// Each finding carries a fix that replaces exactly the matched bytes with the canonical form.
// Words that keep the canonical spelling are never flagged: "Nordlys'", "Nordlys Plus",
// "Nordlys-appen", "Nordlys®" contain the token "Nordlys" as written. A trailing ® or ™ in the
// guide's spelling is a legal mark, not part of the name: "Nordlys" and "Nordlys®" both pass.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "linter/rule.h"
#include "rules/support/term_matcher.h"
#include "rules/support/text.h"
#include "rules/support/words.h"

namespace brandlint::rules {
namespace {

const RuleMeta& rule_meta() {
  static const RuleMeta meta{
      "voice/brand-name",
      "Brand and product names are spelled exactly as the guide writes them",
      {AssetKind::text, AssetKind::markdown, AssetKind::copy_deck, AssetKind::html},
      Severity::error,
      Fixable::always,
      "rules/voice/brand-name.md",
      {},
  };
  return meta;
}

struct Name {
  std::string canonical;  // "Nordlys"
  std::string spelling;   // text::spelling_form(canonical): what counts as written correctly
  std::string compact;    // match forms of its tokens without hyphens: "nordlys"
  std::string lang;       // "" = every language
  std::string key;        // "voice.term[0]" or "brand.name"
};

struct Hit {
  std::uint32_t first = 0, last = 0;  // token range
  std::uint32_t name = 0;
  bool listed = false;    // found through a `not` variant
  bool genitive = false;  // the last token is the name + "'s"
};

bool is_hyphen(std::string_view fold) { return fold == "-"; }

// "nordlys's" -> "nordlys" (match forms write every apostrophe as '); "" when not a genitive.
std::string_view genitive_base(std::string_view fold) {
  return fold.size() > 2 && fold.ends_with("'s") ? fold.substr(0, fold.size() - 2) : std::string_view();
}

// The other Danish spelling of a compact form: every "å" as "aa", or every "aa" as "å"
// ("århusplus" <-> "aarhusplus"); "" when it has neither.
std::string aa_variant(std::string_view compact) {
  const bool has_ring = compact.find("å") != std::string_view::npos;  // å
  const std::string_view from = has_ring ? "å" : "aa";
  const std::string_view to = has_ring ? "aa" : "å";
  if (!has_ring && compact.find(from) == std::string_view::npos) return {};
  std::string out;
  for (std::size_t i = 0; i < compact.size();) {
    if (compact.substr(i, from.size()) == from) {
      out += to;
      i += from.size();
    } else {
      out += compact[i++];
    }
  }
  return out;
}

// The names that apply to one language, indexed for one pass over a run's tokens.
class NameIndex {
 public:
  void add(const Name& name, std::uint32_t id, const std::vector<std::string>& listed) {
    for (const std::string& compact : {name.compact, aa_variant(name.compact)}) {
      if (compact.empty()) continue;
      complete_.try_emplace(compact, id);  // the first name with a spelling wins, as listed
      first_byte_[static_cast<unsigned char>(compact[0])] = true;
      for (std::size_t n = 1; n <= compact.size(); ++n) {
        prefixes_.insert(text::hash_fold(std::string_view(compact).substr(0, n)));
      }
    }
    for (const std::string& variant : listed) {
      const std::string error = listed_.add(variant, id);
      if (!error.empty()) throw std::invalid_argument(fmt::format("\"{}\": {}", variant, error));
    }
  }

  // Case and spacing variants: from each word token, join following tokens (across whitespace
  // and hyphens) while the joined match form is still a prefix of some name; keep the longest
  // complete name. A hash filter on the first token keeps this one lookup for ordinary words.
  void find(const text::RunWords& words, std::vector<Hit>& out) const {
    const std::vector<text::Word>& w = words.words;
    for (std::size_t i = 0; i < w.size(); ++i) {
      const std::string_view fold = words.fold(w[i]);
      if (!w[i].is_word() || !first_byte_[static_cast<unsigned char>(fold[0])] || in_tag(words, i) ||
          !is_prefix(fold, w[i].fold_hash)) {
        continue;
      }
      std::string joined(fold);
      std::optional<Hit> best;
      for (std::size_t j = i;;) {
        const auto first = static_cast<std::uint32_t>(i), last = static_cast<std::uint32_t>(j + 1);
        if (const auto it = complete_.find(joined); it != complete_.end()) {
          best = Hit{first, last, it->second, false, false};
        } else if (const auto base = complete_.find(std::string(genitive_base(joined))); base != complete_.end()) {
          best = Hit{first, last, base->second, false, true};
        }
        std::size_t k = j + 1;
        while (k < w.size() && is_hyphen(words.fold(w[k]))) ++k;
        // Words join across whitespace; punctuation only when written against them ("Yahoo!").
        if (k >= w.size() || (!w[k].is_word() && w[k].space_before)) break;
        joined += words.fold(w[k]);
        if (!is_prefix(joined, text::hash_fold(joined))) break;
        j = k;
      }
      if (best) {
        out.push_back(*best);
        i = best->last - 1;
      }
    }
    std::vector<text::TermMatcher::Match> listed;
    listed_.find(words, listed);
    for (const auto& m : listed) {
      if (!in_tag(words, m.first)) out.push_back({m.first, m.last, m.id, true, false});
    }
  }

 private:
  // Is `fold` (hashed as `hash`) the start of some name, itself or as a genitive?
  bool is_prefix(std::string_view fold, std::uint64_t hash) const {
    if (prefixes_.contains(hash)) return true;
    const std::string_view base = genitive_base(fold);
    return !base.empty() && prefixes_.contains(text::hash_fold(base));
  }

  // "#nordlys" and "@nordlys" are hashtags and handles: identifiers, not prose.
  static bool in_tag(const text::RunWords& words, std::size_t i) {
    if (i == 0 || words.words[i].space_before) return false;
    const std::string_view before = words.fold(words.words[i - 1]);
    return before == "#" || before == "@";
  }

  std::unordered_map<std::string, std::uint32_t> complete_;  // compact form -> name
  std::unordered_set<std::uint64_t> prefixes_;                // hashes of compact-form prefixes
  std::array<bool, 256> first_byte_{};                        // first bytes of compact forms
  text::TermMatcher listed_;                                  // `not` variants -> name
};

std::string compact_form(std::string_view canonical) {
  TextRun run;
  run.text = std::string(canonical);
  text::RunWords words;
  text::segment(run, words);
  std::string compact;
  for (const text::Word& word : words.words) {
    if (!is_hyphen(words.fold(word))) compact += words.fold(word);
  }
  return compact;
}

class BrandName final : public Rule {
 public:
  explicit BrandName(const RuleConfig& cfg) {
    const guide::Brand& brand = cfg.guide.brand;
    const std::vector<guide::Term>& terms = cfg.channel.voice.terms;
    // Only name-like terms (with a capital: "Nordlys", "iOS") belong here; "e-mail" over "email"
    // is a house-style preference, and at a sentence start "E-mail" is right.
    std::vector<std::pair<Name, const std::vector<std::string>*>> names;
    bool brand_is_term = false;
    for (std::size_t t = 0; t < terms.size(); ++t) {
      const guide::Term& term = terms[t];
      const bool is_brand = term.use == brand.name;
      if (!is_brand && !text::has_upper(term.use)) continue;
      brand_is_term = brand_is_term || is_brand;
      names.push_back({make_name(term.use, text::primary_language(term.lang),
                                 term.ref.key.empty() ? fmt::format("voice.term[{}]", t) : term.ref.key),
                       &term.not_});
    }
    if (!brand.name.empty() && !brand_is_term) {
      static const std::vector<std::string> kNone;
      names.insert(names.begin(), {make_name(brand.name, "", brand.name_ref.key.empty() ? "brand.name" : brand.name_ref.key), &kNone});
    }
    for (const auto& [name, listed] : names) {
      if (!name.lang.empty()) by_lang_.try_emplace(name.lang);
    }
    for (const auto& [name, listed] : names) {
      const auto id = static_cast<std::uint32_t>(names_.size());
      names_.push_back(name);
      try {
        if (name.lang.empty()) {
          any_lang_.add(name, id, *listed);
          for (auto& [lang, index] : by_lang_) index.add(name, id, *listed);
        } else {
          by_lang_[name.lang].add(name, id, *listed);
        }
      } catch (const std::invalid_argument& error) {
        throw guide::GuideError(source_of(cfg, name.key), fmt::format("{}.not: {}", name.key, error.what()));
      }
    }
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (names_.empty()) return;
    const std::string& locale = ctx.channel().locale;
    std::vector<Hit> hits;
    for (const text::RunWords& words : text::words_of(asset).runs) {
      hits.clear();
      const std::string lang = text::run_language(*words.run, locale);
      index_for(lang).find(words, hits);
      // Leftmost, then longest: one finding per span, whichever way it was found.
      std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
      });
      std::uint32_t covered = 0;
      for (const Hit& hit : hits) {
        if (hit.first < covered) continue;
        covered = hit.last;
        report(words, hit, lang == "da", ctx);
      }
    }
  }

 private:
  static Name make_name(const std::string& written, std::string lang, std::string key) {
    const std::string canonical = without_mark(written);
    return {canonical, text::spelling_form(canonical), compact_form(canonical), std::move(lang), std::move(key)};
  }

  // "Nordlys®" -> "Nordlys": the legal mark is optional wherever the name is written.
  static std::string without_mark(std::string name) {
    for (bool more = true; more;) {
      more = false;
      for (const std::string_view mark : {"®", "™", " "}) {
        if (name.size() > mark.size() && name.ends_with(mark)) {
          name.resize(name.size() - mark.size());
          more = true;
        }
      }
    }
    return name;
  }

  // Bytes of the apostrophe + s ending a genitive as written: "'s" 2, "ʼs" 3, "’s" 4.
  static std::size_t genitive_suffix(std::string_view written) {
    for (const std::string_view a : {"'", "’", "ʼ", "‘"}) {
      for (const std::string_view s : {"s", "S"}) {
        const std::size_t n = a.size() + s.size();
        if (written.size() > n && written.substr(written.size() - n, a.size()) == a && written.ends_with(s)) return n;
      }
    }
    return 0;
  }

  static guide::SourceRef source_of(const RuleConfig& cfg, const std::string& key) {
    for (const guide::Term& term : cfg.channel.voice.terms) {
      if (term.ref.key == key) return term.ref;
    }
    return cfg.guide.brand.name_ref;
  }

  const NameIndex& index_for(const std::string& lang) const {
    const auto it = by_lang_.find(lang);
    return it == by_lang_.end() ? any_lang_ : it->second;
  }

  void report(const text::RunWords& words, const Hit& hit, bool danish, RuleContext& ctx) const {
    const Name& name = names_[hit.name];
    std::string_view written = words.run_text(hit.first, hit.last);
    const std::size_t begin = words.words[hit.first].begin;
    std::size_t end = words.words[hit.last - 1].end;
    if (hit.genitive) {
      const std::size_t suffix = genitive_suffix(written);
      const char last = name.canonical.empty() ? '\0' : static_cast<char>(std::tolower(static_cast<unsigned char>(name.canonical.back())));
      if (danish && (last == 's' || last == 'x' || last == 'z')) {
        report_genitive(name, written, begin, end, ctx);
        return;
      }
      // Elsewhere "'s" is a fine genitive: only the name before it is checked.
      written.remove_suffix(suffix);
      end -= suffix;
    }
    if (text::spelling_form(written) == name.spelling) return;  // canonical, maybe NFD or line-broken
    const std::string measured = text::display_form(written);
    const char* variant = hit.listed                                                    ? "listed"
                          : text::match_form(measured) == text::match_form(name.canonical) ? "case"
                          : compact_form(measured) != name.compact                         ? "aa/å"
                                                                                           : "spacing";
    ctx.report_text(begin, end, fmt::format("\"{}\" should be written \"{}\" ({})", measured, name.canonical, name.key),
                    Json{{"measured", measured}, {"expected", name.canonical}, {"variant", variant}, {"guide_key", name.key}},
                    Fix{begin, end, name.canonical});
  }

  // Danish genitive after s, x, z: an apostrophe alone ("Nordlys'"), never "'s".
  static void report_genitive(const Name& name, std::string_view written, std::size_t begin, std::size_t end,
                              RuleContext& ctx) {
    const std::string measured = text::display_form(written);
    const std::string expected = name.canonical + "'";
    ctx.report_text(begin, end,
                    fmt::format("\"{}\" should be written \"{}\": the Danish genitive after s, x and z is an "
                                "apostrophe alone ({})",
                                measured, expected, name.key),
                    Json{{"measured", measured}, {"expected", expected}, {"variant", "genitive"}, {"guide_key", name.key}},
                    Fix{begin, end, expected});
  }

  std::vector<Name> names_;  // NameIndex ids index this
  NameIndex any_lang_;
  std::map<std::string, NameIndex> by_lang_;
};

}  // namespace

RuleEntry voice_brand_name_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<BrandName>(cfg);
          }};
}

}  // namespace brandlint::rules
