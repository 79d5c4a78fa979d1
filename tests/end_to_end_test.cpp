// Runs the built brandlint binary as a user would: on the demo campaign, on broken guides, on
// corrupt files among good ones, and checks exit codes, findings and byte-identical output.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "tests/support/small_guide.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

using testing::run_command;

std::string binary() { return testing::brandlint_binary().string(); }
std::string source(const std::string& relative) {
  return (testing::source_dir() / relative).string();
}
std::string demo_command(const std::string& flags) {
  return binary() + " check " + source("fixtures/demo") + " --guide " +
         source("brandguide/examples/nordlys/brandguide.toml") + " " + flags + " 2>&1";
}

using testing::kSmallGuide;

TEST(EndToEnd, DemoCampaignHasFindingsInEveryChannelAndExitsOne) {
  const auto result = run_command(demo_command("--format json --jobs 2"));
  ASSERT_EQ(result.exit_code, 1) << result.out;
  const auto doc = nlohmann::json::parse(result.out);
  EXPECT_EQ(doc["schema"], "brandlint/1");
  EXPECT_EQ(doc["guide"]["name"], "Nordlys");
  std::set<std::string> channels_with_findings;
  std::set<std::string> rules_seen;
  for (const auto& f : doc["findings"]) {
    channels_with_findings.insert(f["channel"].get<std::string>());
    rules_seen.insert(f["rule"].get<std::string>());
    EXPECT_FALSE(f["message"].get<std::string>().empty());
    EXPECT_TRUE(f["evidence"].is_object());
  }
  for (const char* channel : {"web", "instagram", "sms", "email", "display", "search-ads", "outdoor"}) {
    EXPECT_EQ(channels_with_findings.count(channel), 1u) << "no findings in channel " << channel;
  }
  for (const char* rule : {"voice/banned-term", "voice/brand-name", "color/off-palette",
                           "brandlint/unreadable-asset", "voice/spelling", "voice/language",
                           "voice/repeated-word", "voice/address"}) {
    EXPECT_EQ(rules_seen.count(rule), 1u) << "demo shows no " << rule;
  }
}

TEST(EndToEnd, OutputIsByteIdenticalAtAnyJobCount) {
  for (const char* format : {"json", "text"}) {
    const auto one = run_command(demo_command(std::string("--color never --format ") + format + " --jobs 1"));
    const auto four = run_command(demo_command(std::string("--color never --format ") + format + " --jobs 4"));
    EXPECT_EQ(one.exit_code, four.exit_code);
    EXPECT_EQ(one.out, four.out) << format;
    EXPECT_FALSE(one.out.empty());
  }
}

TEST(EndToEnd, BrokenGuideExitsTwoWithFileLineColumn) {
  testing::TempDir dir;
  dir.write("brandguide.toml", std::string(kSmallGuide) + "\n[voice]\nsentense_max_words = 20\n");
  dir.write("copy.txt", "Hej\n");
  const auto result =
      run_command("cd " + dir.path().string() + " && " + binary() + " check . 2>&1");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out.rfind("brandguide.toml:", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("error:"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("sentence_max_words"), std::string::npos) << "no suggestion: " << result.out;
}

TEST(EndToEnd, CorruptFileAmongGoodOnesIsOneFindingAndTheRestIsLinted) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kSmallGuide);
  dir.write("a-copy.txt", "Vores billig pakke.\n");
  dir.write("b-banner.png", std::string("\x89PNG\r\n\x1a\n", 8) + "\x00\x00\x00\x0dIHDRgarbage");
  dir.write("c-photo.jpg", "this is not a jpeg at all");
  dir.write("d-copy.md", "# Tilbud\n\nEn billig løsning.\n");
  const auto result = run_command("cd " + dir.path().string() + " && " + binary() +
                                  " check . --format json");
  EXPECT_EQ(result.exit_code, 1) << result.out;
  const auto doc = nlohmann::json::parse(result.out);
  std::multiset<std::string> by_rule;
  for (const auto& f : doc["findings"]) by_rule.insert(f["rule"].get<std::string>() + " " + f["path"].get<std::string>());
  EXPECT_EQ(by_rule.count("brandlint/unreadable-asset b-banner.png"), 1u);
  EXPECT_EQ(by_rule.count("brandlint/unreadable-asset c-photo.jpg"), 1u);
  EXPECT_EQ(by_rule.count("voice/banned-term a-copy.txt"), 1u);
  EXPECT_EQ(by_rule.count("voice/banned-term d-copy.md"), 1u);
}

TEST(EndToEnd, ExitCodesFollowFailOn) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kSmallGuide);
  dir.write("clean.txt", "Nordlys giver dig lys hele vinteren.\n");
  const std::string cd = "cd " + dir.path().string() + " && " + binary();
  EXPECT_EQ(run_command(cd + " check . --quiet").exit_code, 0);
  dir.write("bad.txt", "Den billig model.\n");
  EXPECT_EQ(run_command(cd + " check . --quiet").exit_code, 1);
  EXPECT_EQ(run_command(cd + " check . --quiet --fail-on info").exit_code, 1);
  EXPECT_EQ(run_command(cd + " check . --channel nope 2>&1").exit_code, 2);
  EXPECT_EQ(run_command(cd + " check . --no-such-flag 2>&1").exit_code, 2);
  EXPECT_EQ(run_command(cd + " check . --guide missing.toml 2>&1").exit_code, 2);
}

TEST(EndToEnd, TextOutputIsCompilerStyleAndHonoursNoColor) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kSmallGuide);
  dir.write("bad.txt", "Hej.\nDen billig model.\n");
  const auto result = run_command("cd " + dir.path().string() + " && NO_COLOR=1 " + binary() +
                                  " check . --color auto");
  EXPECT_EQ(result.out.rfind("bad.txt:2:5: error: ", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("[voice/banned-term]"), std::string::npos);
  EXPECT_EQ(result.out.find('\x1b'), std::string::npos) << "NO_COLOR must disable colour";
  EXPECT_NE(result.out.find("channel"), std::string::npos) << "summary table missing";
  const auto colored = run_command("cd " + dir.path().string() + " && " + binary() +
                                   " check . --color always");
  EXPECT_NE(colored.out.find('\x1b'), std::string::npos);
}

TEST(EndToEnd, OutputFileIsWrittenAndOtherCommandsWork) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kSmallGuide);
  dir.write("bad.txt", "Den billig model.\n");
  const std::string cd = "cd " + dir.path().string() + " && " + binary();
  EXPECT_EQ(run_command(cd + " check . --format json --output out/r.json").exit_code, 1);
  const auto cat = run_command("cat " + (dir.path() / "out/r.json").string());
  EXPECT_TRUE(nlohmann::json::parse(cat.out).is_object());
  const auto version = run_command(binary() + " --version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("brandlint 0."), std::string::npos);
  const auto rules = run_command(binary() + " rules");
  EXPECT_EQ(rules.exit_code, 0);
  EXPECT_NE(rules.out.find("voice/banned-term"), std::string::npos);
  const auto explain = run_command(binary() + " explain voice/banned-term");
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_EQ(explain.out.rfind("# voice/banned-term", 0), 0u);
  EXPECT_EQ(run_command(binary() + " explain voice/nope 2>&1").exit_code, 2);
  const auto guide_ok = run_command(cd + " guide check");
  EXPECT_EQ(guide_ok.exit_code, 0) << guide_ok.out;
  const auto help = run_command(binary() + " --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
}

}  // namespace
}  // namespace brandlint
