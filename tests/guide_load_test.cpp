// The brand guide loader: the shipped examples load, every broken guide under fixtures/guides
// fails with exactly its expected.txt, and the schema's finer points (channel inheritance,
// source positions, design-token import, suggestions, hex parsing) behave as documented.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "brandguide/brand_guide.h"
#include "brandguide/suggest.h"
#include "brandguide/tokens.h"
#include "tests/support/paths.h"

namespace brandlint::guide {
namespace {

namespace fs = std::filesystem;
using brandlint::testing::TempDir;

// Messages name the guide as it was given, so fixtures load relative to the repository root.
class GuideTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::current_path(brandlint::testing::source_dir()); }
};

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string error_of(std::string_view toml, const fs::path& file = "brandguide.toml") {
  try {
    load_guide_from_string(toml, file);
  } catch (const GuideError& error) {
    return error.what();
  }
  return "(loaded without error)";
}

constexpr std::string_view kSmallGuide = R"([brand]
name = "Test"

[[palette.color]]
name = "Blue"
hex = "#0B3D91"
)";

// ------------------------------------------------------------------------------ examples

using GuideExamples = GuideTest;

TEST_F(GuideExamples, EveryExampleLoads) {
  std::vector<fs::path> guides;
  for (const auto& entry : fs::recursive_directory_iterator("brandguide/examples")) {
    if (entry.path().filename() == "brandguide.toml") guides.push_back(entry.path());
  }
  std::sort(guides.begin(), guides.end());
  ASSERT_GE(guides.size(), 3u);
  for (const fs::path& guide : guides) {
    SCOPED_TRACE(guide.string());
    EXPECT_NO_THROW({
      try {
        load_guide(guide);
      } catch (const GuideError& error) {
        ADD_FAILURE() << error.what();
        throw;
      }
    });
  }
}

TEST_F(GuideExamples, NordlysHasTheDemoChannelsInOrder) {
  const BrandGuide guide = load_guide("brandguide/examples/nordlys/brandguide.toml");
  std::vector<std::string> names;
  for (const Channel& channel : guide.channels) names.push_back(channel.name);
  EXPECT_EQ(names, (std::vector<std::string>{"web", "instagram", "sms", "email-en", "email", "display",
                                             "search-ads", "outdoor", "default"}));
  EXPECT_EQ(guide.find_channel("web")->include,
            std::vector<std::string>{"site/**/*.{html,css,svg}"});
  EXPECT_EQ(guide.find_channel("sms")->sms.max_segments, 1);
  EXPECT_EQ(guide.find_channel("display")->image.max_kb, 150);
  EXPECT_EQ(guide.find_channel("search-ads")->limits.at("headline"), 30);
  EXPECT_EQ(guide.find_channel("search-ads")->limits.at("description"), 90);
  EXPECT_EQ(guide.find_channel("outdoor")->print.min_dpi, 100);
  EXPECT_FALSE(guide.find_channel("outdoor")->print.cmyk);
  EXPECT_TRUE(guide.find_channel("instagram")->require_logo);
  EXPECT_EQ(guide.find_channel("default")->include, std::vector<std::string>{"**"});
  EXPECT_EQ(guide.find_channel("nope"), nullptr);

  ASSERT_EQ(guide.logos.size(), 2u);
  EXPECT_TRUE(fs::is_regular_file(guide.logos[0].file));
  EXPECT_EQ(guide.logos[0].file, fs::path("brandguide/examples/nordlys/logos/nordlys-primary.svg"));
  EXPECT_TRUE(guide.logos[1].deprecated);
  EXPECT_EQ(guide.logos[1].replaced_by, "primary");
  EXPECT_EQ(guide.voice.terms.at(0).use, "Nordlys");
  EXPECT_EQ(guide.voice.terms.at(1).use, "Nordlys Plus");
}

// Every ```toml block of the schema reference must load. Blocks without [brand] are fragments:
// they get a brand and, unless they list colours themselves, the three Nordlys colours they may
// refer to. Relative paths resolve against the Nordlys example, which has the logos and tokens.
TEST_F(GuideExamples, EveryTomlExampleInTheDocsLoads) {
  const std::string doc = read_text("docs/brand-guide.md");
  const fs::path anchor = "brandguide/examples/nordlys/docs-example.toml";
  std::size_t blocks = 0;
  for (std::size_t at = doc.find("```toml\n"); at != std::string::npos;
       at = doc.find("```toml\n", at)) {
    const std::size_t begin = at + 8;
    const std::size_t end = doc.find("```", begin);
    ASSERT_NE(end, std::string::npos);
    std::string text = doc.substr(begin, end - begin);
    at = end + 3;
    ++blocks;
    const auto line = std::count(doc.begin(), doc.begin() + static_cast<long>(begin), '\n') + 1;
    if (text.find("[brand]") == std::string::npos) text = "[brand]\nname = \"Nordlys\"\n\n" + text;
    if (text.find("[[palette.color]]") == std::string::npos) {
      text +=
          "\n[[palette.color]]\nname = \"Nordlys Blå\"\nhex = \"#0B3D91\"\n"
          "[[palette.color]]\nname = \"Midnat\"\nhex = \"#0A1A2F\"\n"
          "[[palette.color]]\nname = \"Polarlys\"\nhex = \"#3DDC97\"\n";
    }
    EXPECT_EQ(error_of(text, anchor), "(loaded without error)") << "docs/brand-guide.md:" << line;
  }
  EXPECT_GE(blocks, 15u);
}

// ------------------------------------------------------------------------- broken guides

using GuideFixtures = GuideTest;

TEST_F(GuideFixtures, EachBrokenGuideGivesExactlyItsExpectedError) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator("fixtures/guides")) {
    if (fs::exists(entry.path() / "expected.txt")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  ASSERT_GE(cases.size(), 15u);
  for (const fs::path& dir : cases) {
    SCOPED_TRACE(dir.string());
    std::string expected = read_text(dir / "expected.txt");
    while (!expected.empty() && (expected.back() == '\n' || expected.back() == '\r'))
      expected.pop_back();
    std::string actual = "(loaded without error)";
    try {
      load_guide(dir / "brandguide.toml");
    } catch (const GuideError& error) {
      actual = error.what();
    }
    EXPECT_EQ(actual, expected);
  }
}

// The error examples in docs/brand-guide.md are real: each is some fixture's expected.txt with
// the fixture's folder taken out of the paths.
TEST_F(GuideFixtures, ErrorExamplesInTheDocsMatchFixtures) {
  std::vector<std::string> known;
  for (const auto& entry : fs::directory_iterator("fixtures/guides")) {
    if (!fs::exists(entry.path() / "expected.txt")) continue;
    std::string text = read_text(entry.path() / "expected.txt");
    while (!text.empty() && text.back() == '\n') text.pop_back();
    const std::string folder = entry.path().generic_string() + "/";
    for (std::size_t at = text.find(folder); at != std::string::npos; at = text.find(folder, at)) {
      text.erase(at, folder.size());
    }
    known.push_back(text);
  }
  std::istringstream doc(read_text("docs/brand-guide.md"));
  std::size_t examples = 0;
  for (std::string line; std::getline(doc, line);) {
    if (line.find(": error: ") == std::string::npos) continue;
    if (!line.starts_with("brandguide.toml:") && !line.starts_with("tokens/")) continue;
    ++examples;
    EXPECT_NE(std::find(known.begin(), known.end(), line), known.end()) << line;
  }
  EXPECT_GE(examples, 15u);
}

TEST_F(GuideFixtures, UnknownKeySuggestionIsSeparateFromTheMessage) {
  try {
    load_guide("fixtures/guides/unknown-key/brandguide.toml");
    FAIL() << "expected a GuideError";
  } catch (const GuideError& error) {
    EXPECT_EQ(error.message(), "unknown key 'sentense_max_words' in [voice]");
    EXPECT_EQ(error.suggestion(), "sentence_max_words");
    EXPECT_EQ(error.where().file, "fixtures/guides/unknown-key/brandguide.toml");
  }
}

TEST_F(GuideFixtures, MissingFileIsAGuideError) {
  EXPECT_THROW(load_guide("fixtures/guides/does-not-exist.toml"), GuideError);
}

// ------------------------------------------------------------------------------ merging

using GuideMerge = GuideTest;

constexpr std::string_view kChannelGuide = R"([brand]
name = "Test"
locale = "da-DK"

[palette]
tolerance = { exact = 1.0, warn = 2.0, fail = 3.0 }
[[palette.color]]
name = "Blue"
hex = "#0B3D91"

[typography]
families = ["Brand Sans"]
fallbacks = ["sans-serif"]

[voice]
sentence_max_words = 25
exclamations_max = 1
acronyms = ["SMS"]
readability = { lix_max = 45 }
[[voice.banned]]
words = ["billig"]

[channels.social]
include = ["social/**"]
exclude = ["social/drafts/**"]
locale = "en-GB"
voice = { sentence_max_words = 18, emoji = 3, readability = { flesch_min = 60 }, banned = [{ words = ["cheap"] }] }
palette = { tolerance = { fail = 4.5 }, color = [{ name = "Green", hex = "#3DDC97" }] }

[channels.print]
include = ["print/**"]
typography = { families = ["Brand Serif"] }
print = { min_dpi = 300, cmyk = true }
)";

TEST_F(GuideMerge, ChannelOverridesWhatItNamesAndInheritsTheRest) {
  const BrandGuide guide = load_guide_from_string(kChannelGuide, "brandguide.toml");
  const Channel& social = *guide.find_channel("social");
  EXPECT_EQ(social.voice.sentence_max_words, 18);
  EXPECT_EQ(social.voice.exclamations_max, 1);  // inherited
  EXPECT_EQ(social.voice.emoji.kind, EmojiPolicy::Kind::max);
  EXPECT_EQ(social.voice.emoji.max, 3);
  EXPECT_EQ(social.voice.acronyms, std::vector<std::string>{"SMS"});
  // Nested tables merge key by key: lix_max is inherited next to the new flesch_min.
  EXPECT_EQ(social.voice.readability.lix_max, 45.0);
  EXPECT_EQ(social.voice.readability.flesch_min, 60.0);
  // Word groups add to the brand's: a channel can ban more, never less.
  ASSERT_EQ(social.voice.banned.size(), 2u);
  EXPECT_EQ(social.voice.banned[1].words, std::vector<std::string>{"cheap"});
  EXPECT_EQ(social.locale, "en-GB");
  EXPECT_EQ(social.exclude, std::vector<std::string>{"social/drafts/**"});
  EXPECT_EQ(social.palette.tolerance.exact, 1.0);
  EXPECT_EQ(social.palette.tolerance.fail, 4.5);
  ASSERT_EQ(social.palette.colors.size(), 2u);
  EXPECT_EQ(social.palette.colors[1].hex, "#3DDC97");
  EXPECT_EQ(social.typography.families, std::vector<std::string>{"Brand Sans"});

  const Channel& print = *guide.find_channel("print");
  EXPECT_EQ(print.typography.families, std::vector<std::string>{"Brand Serif"});
  EXPECT_EQ(print.typography.fallbacks, std::vector<std::string>{"sans-serif"});
  EXPECT_EQ(print.voice.sentence_max_words, 25);
  EXPECT_EQ(print.locale, "da-DK");
  EXPECT_EQ(print.print.min_dpi, 300);
  EXPECT_TRUE(print.print.cmyk);
  EXPECT_EQ(print.palette.colors.size(), 1u);

  // The top level is untouched by channel overrides.
  EXPECT_EQ(guide.voice.sentence_max_words, 25);
  EXPECT_EQ(guide.palette.tolerance.fail, 3.0);
  EXPECT_EQ(guide.voice.banned.size(), 1u);
}

TEST_F(GuideMerge, DefaultChannelComesLastWithTopLevelSettings) {
  const BrandGuide guide = load_guide_from_string(kChannelGuide, "brandguide.toml");
  ASSERT_EQ(guide.channels.size(), 3u);
  const Channel& fallback = guide.channels.back();
  EXPECT_EQ(fallback.name, "default");
  EXPECT_EQ(fallback.include, std::vector<std::string>{"**"});
  EXPECT_EQ(fallback.voice.sentence_max_words, 25);
  EXPECT_EQ(fallback.locale, "da-DK");
  EXPECT_EQ(fallback.ref.key, "channels.default");
}

TEST_F(GuideMerge, ChannelsKeepFileOrderNotAlphabeticalOrder) {
  const BrandGuide guide = load_guide_from_string(std::string(kSmallGuide) + R"(
[channels.zebra]
include = ["z/**"]
[channels.alpha]
include = ["a/**"]
[channels.middle]
include = ["m/**"]
)",
                                                  "brandguide.toml");
  std::vector<std::string> names;
  for (const Channel& channel : guide.channels) names.push_back(channel.name);
  EXPECT_EQ(names, (std::vector<std::string>{"zebra", "alpha", "middle", "default"}));
}

TEST_F(GuideMerge, AnExplicitDefaultChannelIsUsedAndMovedLast) {
  const BrandGuide guide = load_guide_from_string(std::string(kSmallGuide) + R"(
[channels.default]
voice = { sentence_max_words = 30 }
[channels.web]
include = ["site/**"]
)",
                                                  "brandguide.toml");
  ASSERT_EQ(guide.channels.size(), 2u);
  EXPECT_EQ(guide.channels[0].name, "web");
  EXPECT_EQ(guide.channels[1].name, "default");
  EXPECT_EQ(guide.channels[1].include, std::vector<std::string>{"**"});
  EXPECT_EQ(guide.channels[1].voice.sentence_max_words, 30);
}

TEST_F(GuideMerge, ChannelToleranceMustStillBeOrderedAfterMerging) {
  EXPECT_EQ(
      error_of(std::string(kSmallGuide) + R"(
[channels.web]
include = ["site/**"]
palette = { tolerance = { warn = 3.5 } }
)"),
      "brandguide.toml:10:34: error: channels.web.palette.tolerance.warn = 3.5 is above fail = 3; "
      "tolerances must satisfy 0 < exact ≤ warn ≤ fail ≤ 100");
}

// ---------------------------------------------------------------------------- source refs

using GuideSourceRef = GuideTest;

TEST_F(GuideSourceRef, ValuesKnowTheirLineColumnAndKey) {
  const BrandGuide guide = load_guide("brandguide/examples/nordlys/brandguide.toml");
  const std::string file = "brandguide/examples/nordlys/brandguide.toml";
  const std::string text = read_text(file);
  // The line (1-based) on which `needle` first occurs in the example.
  auto line_of = [&](std::string_view needle) {
    const std::size_t at = text.find(needle);
    return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
           1;
  };

  EXPECT_EQ(guide.brand.name_ref.file, file);
  EXPECT_EQ(guide.brand.name_ref.line, line_of("name      = \"Nordlys\""));
  EXPECT_EQ(guide.brand.name_ref.column, 13);
  EXPECT_EQ(guide.brand.name_ref.key, "brand.name");

  const PaletteColor& red = guide.palette.colors.at(3);
  EXPECT_EQ(red.name, "Nordlys Rød");
  EXPECT_EQ(red.ref.key, "palette.color[3]");
  EXPECT_EQ(red.ref.column, 1);
  EXPECT_EQ(red.ref.line, line_of("name      = \"Nordlys Rød\"") - 1);

  EXPECT_EQ(guide.palette.neutrals.at(2).ref.key, "palette.neutrals[2]");
  EXPECT_EQ(guide.palette.neutrals.at(2).ref.line, line_of("neutrals      ="));
  EXPECT_EQ(guide.palette.tolerance.ref.key, "palette.tolerance");

  const Voice& voice = guide.voice;
  EXPECT_EQ(voice.refs.at("sentence_max_words").key, "voice.sentence_max_words");
  EXPECT_EQ(voice.refs.at("sentence_max_words").line, line_of("sentence_max_words = 25"));
  EXPECT_EQ(voice.refs.at("sentence_max_words").column, 22);
  EXPECT_EQ(voice.refs.at("readability.lix_max").key, "voice.readability.lix_max");
  EXPECT_EQ(voice.terms.at(1).ref.key, "voice.term[1]");
  EXPECT_EQ(voice.banned.at(0).ref.key, "voice.banned[0]");

  const Channel& sms = *guide.find_channel("sms");
  EXPECT_EQ(sms.ref.key, "channels.sms");
  EXPECT_EQ(sms.sms.ref.key, "channels.sms.sms");
  EXPECT_EQ(sms.sms.ref.line, line_of("sms     = { max_segments = 1 }"));
  const Channel& instagram = *guide.find_channel("instagram");
  EXPECT_EQ(instagram.voice.refs.at("sentence_max_words").key,
            "channels.instagram.voice.sentence_max_words");
  EXPECT_EQ(instagram.voice.refs.at("exclamations_max").key,
            "voice.exclamations_max");  // inherited
  EXPECT_EQ(instagram.voice.emoji.ref.key, "channels.instagram.voice.emoji");
  EXPECT_EQ(guide.logos.at(1).ref.key, "logo[1]");
  EXPECT_EQ(guide.ignores.at(0).ref.key, "ignore[0]");
}

TEST_F(GuideSourceRef, RuleOverridesRecordEveryOption) {
  const BrandGuide guide = load_guide_from_string(std::string(kSmallGuide) + R"(
[rules]
"voice/readability" = "warning"
"color/off-palette" = { severity = "error", min_region_px = 128, tolerance = 2.5, strict = true, skip = ["a", "b"], mode = "x" }
)",
                                                  "brandguide.toml");
  ASSERT_EQ(guide.rules.size(), 2u);
  EXPECT_EQ(guide.rules[0].rule, "voice/readability");
  EXPECT_EQ(guide.rules[0].severity, Severity::warning);
  EXPECT_EQ(guide.rules[0].ref.key, "rules.\"voice/readability\"");
  const RuleOverride& off = guide.rules[1];
  EXPECT_EQ(off.severity, Severity::error);
  EXPECT_EQ(std::get<std::int64_t>(off.options.at("min_region_px")), 128);
  EXPECT_EQ(std::get<double>(off.options.at("tolerance")), 2.5);
  EXPECT_EQ(std::get<bool>(off.options.at("strict")), true);
  EXPECT_EQ(std::get<std::vector<std::string>>(off.options.at("skip")),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(std::get<std::string>(off.options.at("mode")), "x");
  EXPECT_EQ(off.options.count("severity"), 0u);
  EXPECT_EQ(off.option_refs.at("min_region_px").key, "rules.\"color/off-palette\".min_region_px");
  EXPECT_EQ(off.option_refs.at("min_region_px").line, 10);
  EXPECT_EQ(off.option_refs.at("min_region_px").column, 61);
}

// --------------------------------------------------------------------------- design tokens

using GuideTokens = GuideTest;

TEST_F(GuideTokens, ImportsDtcgAndStyleDictionaryColoursWithAliases) {
  const BrandGuide guide = load_guide("fixtures/guides/tokens-ok/brandguide.toml");
  std::vector<std::pair<std::string, std::string>> colours;
  for (const PaletteColor& colour : guide.palette.colors)
    colours.emplace_back(colour.name, colour.hex);
  EXPECT_EQ(colours, (std::vector<std::pair<std::string, std::string>>{
                         {"Listed", "#112233"},
                         {"color.base.midnight", "#0A1A2F"},
                         {"color.brand.primary", "#0B3D91"},
                         {"color.brand.accent", "#3DDC97"},
                         {"color.brand.p3-with-fallback", "#E4002B"},
                         {"color.brand.alias", "#0B3D91"},
                         {"color.brand.chain", "#0A1A2F"},
                         {"color.legacy.red", "#E4002B"},
                         {"color.legacy.ref", "#E4002B"},
                     }));
  ASSERT_TRUE(guide.palette.import.has_value());
  EXPECT_EQ(guide.palette.import->select, "color.*.*");
  EXPECT_EQ(guide.palette.import->tokens,
            fs::path("fixtures/guides/tokens-ok/tokens/brand.tokens.json"));
  EXPECT_EQ(guide.palette.colors[2].ref.key, "palette.import[color.brand.primary]");
  EXPECT_EQ(guide.palette.colors[1].ref.file, "fixtures/guides/tokens-ok/brandguide.toml");
}

// The import example of docs/brand-guide.md, checked for the colours the page says it imports.
TEST_F(GuideTokens, NordlysTokenFileImportsTheBrandColoursThroughAliases) {
  const BrandGuide guide = load_guide_from_string(R"([brand]
name = "Nordlys"

[palette.import]
tokens = "tokens/color.tokens.json"
select = "color.brand.*"
)",
                                                  "brandguide/examples/nordlys/docs-example.toml");
  std::vector<std::pair<std::string, std::string>> colours;
  for (const PaletteColor& colour : guide.palette.colors)
    colours.emplace_back(colour.name, colour.hex);
  EXPECT_EQ(colours, (std::vector<std::pair<std::string, std::string>>{
                         {"color.brand.primary", "#0B3D91"},
                         {"color.brand.text", "#0A1A2F"},
                         {"color.brand.accent", "#3DDC97"},
                         {"color.brand.alert", "#E4002B"},
                     }));
}

TEST_F(GuideTokens, SelectPatternsMatchWholeSegments) {
  EXPECT_TRUE(token_path_matches("color.brand.*", "color.brand.primary"));
  EXPECT_FALSE(token_path_matches("color.brand.*", "color.brand.primary.dark"));
  EXPECT_FALSE(token_path_matches("color.brand.*", "color.brandx.primary"));
  EXPECT_TRUE(token_path_matches("color.**", "color.brand.primary.dark"));
  EXPECT_TRUE(token_path_matches("color.*.p?imary", "color.brand.primary"));
  EXPECT_TRUE(token_path_matches("", "anything.at.all"));
}

TEST_F(GuideTokens, AliasCyclesAreReportedWithTheirPath) {
  try {
    parse_color_tokens(R"({"c": {"a": {"$value": "{c.b}"}, "b": {"$value": "{c.a}"}}})", "");
    FAIL() << "expected a TokenFileError";
  } catch (const TokenFileError& error) {
    EXPECT_STREQ(error.what(), "token 'c.a' is part of an alias cycle: c.a -> c.b -> c.a");
  }
}

TEST_F(GuideTokens, ComponentsWinOverHexInSrgb) {
  const std::vector<ColorToken> tokens = parse_color_tokens(
      R"({"x": {"$type": "color", "$value": {"colorSpace": "srgb", "components": [1, 0.5, 0], "hex": "#000000"}}})",
      "");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].rgb, (Rgb{255, 128, 0}));
}

TEST_F(GuideTokens, JsonSyntaxErrorsPointIntoTheTokenFile) {
  try {
    parse_color_tokens("{\n  \"a\": {\"$value\": \"#fff\"},\n  oops\n}", "");
    FAIL() << "expected a TokenFileError";
  } catch (const TokenFileError& error) {
    EXPECT_EQ(error.line, 3);
    EXPECT_EQ(error.column, 3);
  }
}

// ------------------------------------------------------------------------------ did you mean

using GuideSuggest = GuideTest;

TEST_F(GuideSuggest, DamerauLevenshteinCountsTranspositionsAsOneEdit) {
  EXPECT_EQ(edit_distance("sentense_max_words", "sentence_max_words"), 1u);
  EXPECT_EQ(edit_distance("emoij", "emoji"), 1u);
  EXPECT_EQ(edit_distance("ca", "abc"), 2u);                   // unrestricted: OSA would say 3
  EXPECT_EQ(edit_distance("Nordlys Bla", "Nordlys Blå"), 1u);  // counted in code points
  EXPECT_EQ(edit_distance("Warning", "warning"), 0u);
}

TEST_F(GuideSuggest, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> keys = {"sentence_max_words", "readability", "emoji", "shouting"};
  EXPECT_EQ(closest_match("sentense_max_words", keys), "sentence_max_words");
  EXPECT_EQ(closest_match("redability", keys), "readability");
  EXPECT_EQ(closest_match("colour", keys), "");
  EXPECT_EQ(closest_match("x", keys), "");
  const std::vector<std::string> severities = {"off", "info", "warning", "error"};
  EXPECT_EQ(closest_match("warn", severities), "warning");
  EXPECT_EQ(closest_match("eror", severities), "error");
  EXPECT_EQ(closest_match("fatal", severities), "");
}

TEST_F(GuideSuggest, UnknownKeysInEveryTableGetASuggestion) {
  EXPECT_EQ(error_of(std::string(kSmallGuide) + "[typography]\nfamilys = [\"A\"]\n"),
            "brandguide.toml:8:1: error: unknown key 'familys' in [typography]; did you mean "
            "'families'?");
  EXPECT_EQ(error_of(std::string(kSmallGuide) +
                     "[channels.web]\ninclude = [\"a/**\"]\nimage = { size = [] }\n"),
            "brandguide.toml:9:11: error: unknown key 'size' in [channels.web.image]; did you mean "
            "'sizes'?");
  EXPECT_EQ(error_of(std::string(kSmallGuide) + "[[ignore]]\npath = [\"a/**\"]\nreason = \"x\"\n"),
            "brandguide.toml:8:1: error: unknown key 'path' in [[ignore]]; did you mean 'paths'?");
  EXPECT_EQ(
      error_of(std::string(kSmallGuide) + "[[voice.banned]]\nwords = [\"a\"]\nreasn = \"x\"\n"),
      "brandguide.toml:9:1: error: unknown key 'reasn' in [[voice.banned]]; did you mean "
      "'reason'?");
}

// --------------------------------------------------------------------------- small helpers

using GuideHex = GuideTest;

TEST_F(GuideHex, ParsesShortAndLongFormsCaseInsensitively) {
  EXPECT_EQ(parse_hex("#0B3D91"), (Rgb{0x0B, 0x3D, 0x91}));
  EXPECT_EQ(parse_hex("#0b3d91"), (Rgb{0x0B, 0x3D, 0x91}));
  EXPECT_EQ(parse_hex("#fff"), (Rgb{255, 255, 255}));
  EXPECT_EQ(parse_hex("#A1c"), (Rgb{0xAA, 0x11, 0xCC}));
  EXPECT_EQ(to_hex(Rgb{0x0B, 0x3D, 0x91}), "#0B3D91");
}

TEST_F(GuideHex, RejectsEverythingElse) {
  for (std::string_view bad : {"", "#", "0B3D91", "#12345", "#1234567", "#GGGGGG", "#0B3D9",
                               "#0B3D91FF", " #0B3D91", "rgb(1,2,3)"}) {
    EXPECT_FALSE(parse_hex(bad).has_value()) << bad;
  }
}

TEST_F(GuideHex, SeveritiesRoundTrip) {
  for (Severity severity : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    EXPECT_EQ(parse_severity(to_string(severity)), severity);
  }
  EXPECT_FALSE(parse_severity("warn").has_value());
  EXPECT_FALSE(parse_severity("Error").has_value());
}

using GuideFind = GuideTest;

TEST_F(GuideFind, WalksUpToTheNearestGuide) {
  const TempDir dir;
  dir.write("brandguide.toml", std::string(kSmallGuide));
  dir.write("campaign/site/css/site.css", "body {}");
  EXPECT_EQ(find_guide(dir.path() / "campaign/site/css"), dir.path() / "brandguide.toml");
  EXPECT_EQ(find_guide(dir.path() / "campaign/site/css/site.css"), dir.path() / "brandguide.toml");
  dir.write("campaign/brandguide.toml", std::string(kSmallGuide));
  EXPECT_EQ(find_guide(dir.path() / "campaign/site"), dir.path() / "campaign/brandguide.toml");
}

TEST_F(GuideFind, GuidesInOrNearTheWorkingDirectoryGetRelativePaths) {
  const TempDir dir;
  dir.write("brandguide.toml", std::string(kSmallGuide));
  dir.write("site/index.html", "<p>Hej</p>");
  fs::current_path(dir.path());
  EXPECT_EQ(find_guide("."), fs::path("brandguide.toml"));
  EXPECT_EQ(find_guide("site"), fs::path("brandguide.toml"));
  EXPECT_EQ(find_guide(fs::current_path()), fs::path("brandguide.toml"));  // inside the cwd
  fs::current_path(dir.path() / "site");
  EXPECT_EQ(find_guide("."), fs::path("../brandguide.toml"));
  fs::current_path(brandlint::testing::source_dir());
}

TEST_F(GuideFind, LogoPathsResolveAgainstTheGuideFolder) {
  const TempDir dir;
  dir.write("brand/logos/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  const fs::path guide_file =
      dir.write("brand/brandguide.toml",
                std::string(kSmallGuide) + "[[logo]]\nid = \"mark\"\nfile = \"logos/mark.svg\"\n");
  const BrandGuide guide = load_guide(guide_file);
  EXPECT_EQ(guide.dir, dir.path() / "brand");
  EXPECT_EQ(guide.logos.at(0).file, dir.path() / "brand/logos/mark.svg");
}

}  // namespace
}  // namespace brandlint::guide
