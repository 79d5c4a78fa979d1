// voice/banned-term and voice/brand-name, run by hand (decode -> extract -> RuleContext) over
// their fixture folders and over small guides written inline. Independent of the shared fixture
// harness, so a failure here points at the rule, not at discovery or the runner.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/assets/copy.h"
#include "linter/rule.h"

namespace brandlint::rules {
RuleEntry voice_banned_term_rule();
RuleEntry voice_brand_name_rule();
}  // namespace brandlint::rules

namespace brandlint {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Asset load(const std::string& display_path, std::string_view bytes, const guide::Channel& channel) {
  Asset asset;
  asset.path = display_path;
  asset.display_path = display_path;
  asset.channel = &channel;
  decode_text(bytes, asset);
  const std::string ext = fs::path(display_path).extension().string();
  if (ext == ".md") {
    asset.kind = AssetKind::markdown;
    extract_markdown_runs(asset);
  } else if (ext == ".json" || ext == ".toml") {
    asset.kind = AssetKind::copy_deck;
    extract_copy_deck_runs(asset);
  } else {
    asset.kind = AssetKind::text;
    extract_plain_runs(asset);
  }
  return asset;
}

const guide::Channel& default_channel(const guide::BrandGuide& guide) {
  const guide::Channel* channel = guide.find_channel("default");
  if (channel == nullptr) throw std::runtime_error("the guide has no default channel");
  return *channel;
}

std::vector<Finding> check(const RuleEntry& entry, const guide::BrandGuide& guide, const Asset& asset) {
  const guide::Channel& channel = *asset.channel;
  const std::unique_ptr<Rule> rule = entry.make(RuleConfig{guide, channel, nullptr});
  std::vector<Finding> findings;
  RuleContext ctx(asset, guide, entry.meta->id, entry.meta->default_severity, findings);
  rule->check(asset, ctx);
  return findings;
}

std::string line_of(const Finding& f) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", f.path, f.location.line, f.location.column,
                     guide::to_string(f.severity), f.message, f.rule);
}

// Findings for every file of fixtures/voice/<rule>/<folder>, one line each, sorted.
std::vector<std::string> lint_folder(const RuleEntry& entry, const std::string& rule, const std::string& folder) {
  const fs::path fixture = fs::path(BRANDLINT_SOURCE_DIR) / "fixtures" / "voice" / rule;
  const guide::BrandGuide guide = guide::load_guide(fixture / "brand.toml");
  const guide::Channel& channel = default_channel(guide);
  std::vector<Finding> all;
  for (const auto& file : fs::directory_iterator(fixture / folder)) {
    const Asset asset = load(file.path().filename().string(), read_file(file.path()), channel);
    EXPECT_TRUE(asset.problems.empty()) << file.path();
    for (Finding& f : check(entry, guide, asset)) all.push_back(std::move(f));
  }
  std::sort(all.begin(), all.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.location.line, a.location.column, a.message) <
           std::tie(b.path, b.location.line, b.location.column, b.message);
  });
  std::vector<std::string> lines;
  for (const Finding& f : all) lines.push_back(line_of(f));
  return lines;
}

std::vector<std::string> expected_lines(const std::string& rule) {
  std::istringstream in(read_file(fs::path(BRANDLINT_SOURCE_DIR) / "fixtures" / "voice" / rule / "expected.txt"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

TEST(BannedTermFixtures, ValidFilesGiveNothing) {
  EXPECT_EQ(joined(lint_folder(rules::voice_banned_term_rule(), "banned-term", "valid")), "");
}

TEST(BannedTermFixtures, InvalidFilesGiveExactlyTheExpectedFindings) {
  EXPECT_EQ(joined(lint_folder(rules::voice_banned_term_rule(), "banned-term", "invalid")),
            joined(expected_lines("banned-term")));
}

TEST(BrandNameFixtures, ValidFilesGiveNothing) {
  EXPECT_EQ(joined(lint_folder(rules::voice_brand_name_rule(), "brand-name", "valid")), "");
}

TEST(BrandNameFixtures, InvalidFilesGiveExactlyTheExpectedFindings) {
  EXPECT_EQ(joined(lint_folder(rules::voice_brand_name_rule(), "brand-name", "invalid")),
            joined(expected_lines("brand-name")));
}

// ------------------------------------------------------------------------ inline guides

constexpr std::string_view kGuideHead = R"(
[brand]
name = "Nordlys"
version = "1"
locale = "da-DK"
[palette]
[[palette.color]]
name = "Blå"
hex = "#0B3D91"
)";

guide::BrandGuide guide_with(std::string_view voice) {
  return guide::load_guide_from_string(std::string(kGuideHead) + std::string(voice), "inline.toml");
}

std::vector<Finding> run_on(const RuleEntry& entry, const guide::BrandGuide& guide, std::string_view text,
                            std::string lang = {}) {
  Asset asset = load("copy.txt", text, default_channel(guide));
  for (TextRun& run : asset.runs) run.lang = lang;
  return check(entry, guide, asset);
}

TEST(BannedTerm, EvidenceAndGroupSeverity) {
  const guide::BrandGuide guide = guide_with(R"(
[[voice.banned]]
words = ["billig", "gratis*"]
reason = "Vi konkurrerer ikke på pris."
[[voice.banned]]
words = ["skynd dig"]
severity = "warning"
)");
  const std::vector<Finding> findings = run_on(rules::voice_banned_term_rule(), guide, "Æøå gratisprøve.\nSkynd\ndig!");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "\"gratisprøve\" is banned: Vi konkurrerer ikke på pris. (voice.banned[0])");
  EXPECT_EQ(findings[0].severity, Severity::error);
  EXPECT_EQ(findings[0].location.column, 5);
  EXPECT_EQ(findings[0].evidence.dump(),
            R"({"measured":"gratisprøve","expected":"not used","pattern":"gratis*","reason":"Vi konkurrerer ikke på pris.","guide_key":"voice.banned[0]"})");
  EXPECT_FALSE(findings[0].fix.has_value());
  EXPECT_EQ(findings[1].message, "\"Skynd dig\" is banned (voice.banned[1])");
  EXPECT_EQ(findings[1].severity, Severity::warning);
  EXPECT_EQ(findings[1].location.line, 2);
  EXPECT_EQ(findings[1].location.end_line, 3);
}

TEST(BannedTerm, LanguageOfTheRunSelectsGroups) {
  const guide::BrandGuide guide = guide_with(R"(
[[voice.banned]]
words = ["cheap"]
lang = "en"
[[voice.banned]]
words = ["billig"]
lang = "da"
[[voice.banned]]
words = ["gratis"]
)");
  const RuleEntry entry = rules::voice_banned_term_rule();
  const std::string copy = "cheap billig gratis";
  EXPECT_EQ(run_on(entry, guide, copy).size(), 2u);        // channel locale da-DK: billig, gratis
  EXPECT_EQ(run_on(entry, guide, copy, "en").size(), 2u);  // cheap, gratis
  EXPECT_EQ(run_on(entry, guide, copy, "de").size(), 1u);  // gratis only
}

TEST(BannedTerm, SeverityOffDisablesAGroup) {
  const guide::BrandGuide guide = guide_with(R"(
[[voice.banned]]
words = ["billig"]
severity = "off"
)");
  EXPECT_TRUE(run_on(rules::voice_banned_term_rule(), guide, "billig").empty());
}

TEST(BannedTerm, AMisplacedStarIsAGuideError) {
  const guide::BrandGuide guide = guide_with(R"(
[[voice.banned]]
words = ["gra*tis"]
)");
  const RuleEntry entry = rules::voice_banned_term_rule();
  try {
    entry.make(RuleConfig{guide, default_channel(guide), nullptr});
    FAIL() << "expected a GuideError";
  } catch (const guide::GuideError& error) {
    EXPECT_NE(error.message().find("voice.banned[0].words: \"gra*tis\": '*' may only end a word"), std::string::npos)
        << error.message();
  }
}

TEST(BrandName, FixReplacesExactlyTheMatchedBytes) {
  const guide::BrandGuide guide = guide_with(R"(
[[voice.term]]
use = "Nordlys Plus"
)");
  const std::string copy = "Køb nordlys\nplus og NORD\u00ADLYS i dag.";
  const std::vector<Finding> findings = run_on(rules::voice_brand_name_rule(), guide, copy);
  ASSERT_EQ(findings.size(), 2u);
  ASSERT_TRUE(findings[0].fix.has_value());
  EXPECT_EQ(copy.substr(findings[0].fix->begin, findings[0].fix->end - findings[0].fix->begin), "nordlys\nplus");
  EXPECT_EQ(findings[0].fix->replacement, "Nordlys Plus");
  EXPECT_EQ(findings[0].message, "\"nordlys plus\" should be written \"Nordlys Plus\" (voice.term[0])");
  EXPECT_EQ(findings[1].evidence.dump(),
            R"({"measured":"NORDLYS","expected":"Nordlys","variant":"case","guide_key":"brand.name"})");
  EXPECT_EQ(copy.substr(findings[1].fix->begin, findings[1].fix->end - findings[1].fix->begin), "NORD\u00ADLYS");
}

TEST(BrandName, ATermWithLangOnlyAppliesToThatLanguage) {
  const guide::BrandGuide guide = guide_with(R"(
[[voice.term]]
use = "Northern Lights Edition"
lang = "en"
)");
  const RuleEntry entry = rules::voice_brand_name_rule();
  EXPECT_TRUE(run_on(entry, guide, "northern lights edition").empty());
  EXPECT_EQ(run_on(entry, guide, "northern lights edition", "en").size(), 1u);
}

TEST(BrandName, CanonicalSpellingsAreNeverFlagged) {
  const guide::BrandGuide guide = guide_with("");
  const std::vector<Finding> findings =
      run_on(rules::voice_brand_name_rule(), guide, "Nordlys, Nordlys', Nordlys’ og Nordlys-appen; #nordlys @nordlys");
  EXPECT_TRUE(findings.empty()) << (findings.empty() ? "" : findings[0].message);
}

TEST(BrandName, VariantsInJsonEscapesMapToTheSource) {
  const guide::BrandGuide guide = guide_with("");
  Asset asset = load("deck.json", R"({"headline": "\u00c6gte NordLys"})", default_channel(guide));
  const std::vector<Finding> findings = check(rules::voice_brand_name_rule(), guide, asset);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(asset.text.substr(findings[0].location.begin, 7), "NordLys");
  EXPECT_EQ(findings[0].location.column, 25);
}

}  // namespace
}  // namespace brandlint
