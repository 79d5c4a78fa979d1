// Throughput of the whole voice rule set (every registered voice/* and channel/* rule, built
// from the Nordlys example guide through the registry, as a run builds them) on a generated
// multi-megabyte corpus of Danish and English copy: Markdown newsletters and plain-text posts.
// Each file is decoded and its copy extracted inside the timed loop, as the runner does once
// per file; the rules then share the word and sentence segmentation. Target: at least 10 MB/s
// per core. The corpus is deterministic (fixed seed), so every run measures the same text.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "brandguide/brand_guide.h"
#include "linter/assets/copy.h"
#include "linter/rule.h"
#include "rules/registry.h"

namespace {

using namespace brandlint;

// Word lists: everyday copy of a Danish outdoor-power brand, with the guide's brand and product
// names, Danish compounds and inflections, and Danish words English linters trip on (her, man).
constexpr std::string_view kDanish[] = {"vinteren",
                                        "hytten",
                                        "strøm",
                                        "lys",
                                        "varme",
                                        "mørket",
                                        "falder",
                                        "på",
                                        "og",
                                        "i",
                                        "til",
                                        "med",
                                        "du",
                                        "dig",
                                        "din",
                                        "vores",
                                        "nye",
                                        "bærbare",
                                        "strømstation",
                                        "lader",
                                        "op",
                                        "solen",
                                        "om",
                                        "dagen",
                                        "aftenen",
                                        "giver",
                                        "weekenden",
                                        "behøver",
                                        "ikke",
                                        "at",
                                        "være",
                                        "mørk",
                                        "teltet",
                                        "båden",
                                        "fisketuren",
                                        "lamper",
                                        "telefon",
                                        "kaffemaskine",
                                        "kørende",
                                        "hele",
                                        "lille",
                                        "værksted",
                                        "friluftslivet",
                                        "stille",
                                        "ren",
                                        "solid",
                                        "natur",
                                        "holder",
                                        "af",
                                        "styrer",
                                        "stadig",
                                        "alt",
                                        "hvad",
                                        "laver",
                                        "bestil",
                                        "inden",
                                        "januar",
                                        "så",
                                        "får",
                                        "fragt",
                                        "ekstra",
                                        "lampe",
                                        "pakken",
                                        "spørgsmål",
                                        "svar",
                                        "bare",
                                        "denne",
                                        "glæder",
                                        "os",
                                        "høre",
                                        "fra",
                                        "første",
                                        "større",
                                        "påstå",
                                        "blåbær",
                                        "sommerhuset",
                                        "solpanelet",
                                        "stikkontakten",
                                        "vinterpakken",
                                        "hyttelampen",
                                        "premiumlampen",
                                        "e-mail",
                                        "nummer",
                                        "kunderne",
                                        "oplever",
                                        "roligt",
                                        "sikkert",
                                        "Nordlys",
                                        "Nordlys Plus",
                                        "her",
                                        "man",
                                        "hun",
                                        "vi",
                                        "er",
                                        "det",
                                        "den",
                                        "en",
                                        "et",
                                        "som",
                                        "når",
                                        "hvor"};
constexpr std::string_view kEnglish[] = {
    "winter",  "cabin",    "power",        "light",   "warmth",    "darkness",   "falls",
    "on",      "and",      "in",           "to",      "with",      "you",        "your",
    "our",     "new",      "portable",     "station", "charges",   "from",       "the",
    "sun",     "during",   "day",          "evening", "gives",     "weekend",    "does",
    "not",     "need",     "be",           "dark",    "tent",      "boat",       "fishing",
    "trip",    "lamps",    "phone",        "coffee",  "machine",   "running",    "whole",
    "small",   "workshop", "outdoor",      "life",    "quiet",     "clean",      "solid",
    "nature",  "we",       "love",         "still",   "guides",    "everything", "do",
    "order",   "before",   "January",      "get",     "free",      "shipping",   "extra",
    "lamp",    "parcel",   "questions",    "reply",   "just",      "this",       "look",
    "forward", "hearing",  "best",         "number",  "customers", "enjoy",      "calm",
    "safe",    "Nordlys",  "Nordlys Plus", "is",      "it",        "a",          "an",
    "that",    "when",     "where",        "of",      "for",       "keeps"};

// Function words, about a third of the words of real prose in either language.
constexpr std::string_view kDanishFunction[] = {
    "og",   "i",   "er",  "at",  "det",  "en",  "til",  "på",    "med", "af",
    "ikke", "som", "for", "du",  "vi",   "har", "den",  "de",    "kan", "der",
    "et",   "om",  "så",  "men", "også", "når", "hvor", "vores", "jeg"};
constexpr std::string_view kEnglishFunction[] = {
    "the", "and",  "of",   "to",  "a",    "in",  "is",   "you", "that", "it",
    "for", "with", "on",   "we",  "your", "are", "this", "be",  "have", "from",
    "our", "when", "will", "can", "at",   "as",  "by",   "not"};

// Planted problems, one in about every 200 words: banned and house-style words, claims, a
// wrong brand spelling, misspellings, shouting, so every rule reports something.
constexpr std::string_view kPlantedDanish[] = {"gratis", "billigste", "bedste", "email", "NordLys",
                                               "hyttn",  "mørkeet",   "NYHED",  "De",    "at at"};
constexpr std::string_view kPlantedEnglish[] = {"free",   "best",    "#1",  "NordLys",
                                                "ligths", "chargng", "NEW", "the the"};

class Corpus {
 public:
  explicit Corpus(std::uint32_t seed) : rng_(seed) {}

  std::string sentence(bool danish) {
    // 4 to 22 words, most near 13, and one sentence in 30 of 26 to 35 words (over the limit).
    const std::size_t words = rng_() % 30 == 0 ? 26 + rng_() % 10 : 4 + rng_() % 10 + rng_() % 10;
    std::string s;
    for (std::size_t i = 0; i < words; ++i) {
      const bool function = rng_() % 3 == 0;
      const std::string_view w = danish ? (function ? pick(kDanishFunction) : pick(kDanish))
                                        : (function ? pick(kEnglishFunction) : pick(kEnglish));
      if (i > 0) s += (rng_() % 17 == 0) ? ", " : " ";
      if (i == 0) {
        s += static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]);
        s += w.substr(1);
      } else {
        s += w;
      }
      if (rng_() % 200 == 0)
        s += " " + std::string(danish ? pick(kPlantedDanish) : pick(kPlantedEnglish));
      if (rng_() % 89 == 0) s += danish ? " f.eks." : " e.g.";
      if (rng_() % 151 == 0) s += danish ? " kl. 18" : " at 6 p.m.";
    }
    const auto end = rng_() % 40;
    s += end == 0 ? "!" : end == 1 ? "?" : end == 2 ? " \U0001F60A." : ".";
    return s;
  }

  std::string paragraph(bool danish) {
    std::string p;
    const std::size_t sentences = 2 + rng_() % 5;
    for (std::size_t i = 0; i < sentences; ++i) {
      if (i > 0) p += (rng_() % 3 == 0) ? "\n" : " ";  // wrapped lines, as editors write them
      p += sentence(danish);
    }
    return p;
  }

  // A newsletter in Markdown: front matter, headings, paragraphs, a list, a link, inline and
  // fenced code (not copy).
  std::string markdown(bool danish, std::size_t target) {
    std::string md = fmt::format("---\nsubject: \"{}\"\nlang: {}\n---\n\n", sentence(danish),
                                 danish ? "da" : "en");
    while (md.size() < target) {
      md += "# " + sentence(danish) + "\n\n";
      md += paragraph(danish) + "\n\n";
      md += "- " + sentence(danish) + "\n- " + sentence(danish) + "\n\n";
      md += paragraph(danish) + " Se [" + sentence(danish) +
            "](https://nordlys.example/plus) og `kode`.\n\n";
      if (rng_() % 4 == 0) md += "```liquid\n{% if gratis %}billigste{% endif %}\n```\n\n";
    }
    return md;
  }

  // A plain-text post: paragraphs separated by blank lines.
  std::string text(bool danish, std::size_t target) {
    std::string t;
    while (t.size() < target) t += paragraph(danish) + "\n\n";
    return t;
  }

 private:
  template <std::size_t N>
  std::string_view pick(const std::string_view (&words)[N]) {
    return words[rng_() % N];
  }
  std::mt19937 rng_;
};

struct File {
  std::string path;
  std::string bytes;
  const guide::Channel* channel;
};

struct Setup {
  guide::BrandGuide guide;
  std::vector<File> files;
  std::size_t bytes = 0;
  // Rules per channel, built once, as the runner builds them.
  std::vector<std::pair<const guide::Channel*, std::vector<std::unique_ptr<Rule>>>> rules;

  const std::vector<std::unique_ptr<Rule>>& rules_for(const guide::Channel* channel) const {
    for (const auto& [c, r] : rules) {
      if (c == channel) return r;
    }
    throw std::runtime_error("no rules for channel");
  }
};

const Setup& setup() {
  static const Setup s = [] {
    Setup out;
    out.guide = guide::load_guide(std::string(BRANDLINT_SOURCE_DIR) +
                                  "/brandguide/examples/nordlys/brandguide.toml");
    const guide::Channel* da = out.guide.find_channel("email");
    const guide::Channel* en = out.guide.find_channel("email-en");
    const guide::Channel* social = out.guide.find_channel("instagram");
    Corpus corpus(20260122);
    // About 4 MB: 40 % Danish newsletters, 30 % English newsletters, 30 % Danish captions.
    for (int i = 0; out.bytes < (4u << 20); ++i) {
      File f;
      switch (i % 10) {
        case 0:
        case 1:
        case 2:
        case 3:
          f = {fmt::format("email/{}-da.md", i), corpus.markdown(true, 24'000), da};
          break;
        case 4:
        case 5:
        case 6:
          f = {fmt::format("email/{}-en.md", i), corpus.markdown(false, 24'000), en};
          break;
        default:
          f = {fmt::format("social/instagram/{}.txt", i), corpus.text(true, 6'000), social};
          break;
      }
      out.bytes += f.bytes.size();
      out.files.push_back(std::move(f));
    }
    for (const guide::Channel* channel : {da, en, social}) {
      std::vector<std::unique_ptr<Rule>> built;
      for (const RuleEntry& entry : rules::registry()) {
        const std::string_view id = entry.meta->id;
        if (id.starts_with("voice/") || id.starts_with("channel/"))
          built.push_back(entry.make(RuleConfig{out.guide, *channel, nullptr}));
      }
      out.rules.emplace_back(channel, std::move(built));
    }
    return out;
  }();
  return s;
}

Asset load(const File& f) {
  Asset asset;
  asset.path = asset.display_path = asset.match_path = f.path;
  asset.channel = f.channel;
  decode_text(f.bytes, asset);
  if (f.path.ends_with(".md")) {
    asset.kind = AssetKind::markdown;
    extract_markdown_runs(asset);
  } else {
    asset.kind = AssetKind::text;
    extract_plain_runs(asset);
  }
  return asset;
}

std::size_t check_file(const Setup& s, const File& f, std::vector<Finding>& findings) {
  const Asset asset = load(f);
  Json measurements = Json::object();
  for (const std::unique_ptr<Rule>& rule : s.rules_for(f.channel)) {
    bool reads = false;
    for (const AssetKind kind : rule->meta().kinds) reads = reads || kind == asset.kind;
    if (!reads) continue;
    RuleContext ctx(asset, s.guide, rule->meta().id, rule->meta().default_severity, findings);
    ctx.set_measurements(&measurements);
    rule->check(asset, ctx);
  }
  return findings.size();
}

// The whole voice rule set over the corpus. Dictionaries are loaded before timing (da_DK takes
// about a second, once per process).
void BM_VoiceRuleSet(benchmark::State& state) {
  const Setup& s = setup();
  std::vector<Finding> findings;
  check_file(s, s.files.front(), findings);
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const File& f : s.files) {
      findings.clear();
      total += check_file(s, f, findings);
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.bytes));
  state.counters["files"] = static_cast<double>(s.files.size());
  state.counters["findings"] = static_cast<double>(total);
}
BENCHMARK(BM_VoiceRuleSet)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Decoding and copy extraction alone: the part of the above that is not rules.
void BM_VoiceLoadOnly(benchmark::State& state) {
  const Setup& s = setup();
  for (auto _ : state) {
    for (const File& f : s.files) {
      const Asset asset = load(f);
      benchmark::DoNotOptimize(asset.runs.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.bytes));
}
BENCHMARK(BM_VoiceLoadOnly)->Unit(benchmark::kMillisecond);

// Each rule alone (load included), to see where the time goes.
void BM_VoiceRule(benchmark::State& state) {
  const Setup& s = setup();
  const auto index = static_cast<std::size_t>(state.range(0));
  std::vector<Finding> findings;
  std::string name;
  for (auto _ : state) {
    for (const File& f : s.files) {
      const Asset asset = load(f);
      const auto& rules = s.rules_for(f.channel);
      if (index >= rules.size()) break;
      const Rule& rule = *rules[index];
      name = rule.meta().id;
      bool reads = false;
      for (const AssetKind kind : rule.meta().kinds) reads = reads || kind == asset.kind;
      if (!reads) continue;
      findings.clear();
      RuleContext ctx(asset, s.guide, rule.meta().id, rule.meta().default_severity, findings);
      rule.check(asset, ctx);
    }
  }
  state.SetLabel(name);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * s.bytes));
}
BENCHMARK(BM_VoiceRule)->DenseRange(0, 15)->Unit(benchmark::kMillisecond);

}  // namespace
