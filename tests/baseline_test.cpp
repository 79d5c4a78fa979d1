// Baselines (linter/baseline.h): recorded findings are set aside by rule, path and a
// line-independent fingerprint with a count; new occurrences, new words and new files count;
// fixed ones are reported as absent; a damaged file is a clear error. Through the CLI:
// --baseline-write, the automatic ./brandlint-baseline.json, --no-baseline, SARIF baselineState.
// Also here: channel placement when a subfolder is linted (linter/runner.cpp), which decides
// the paths a baseline records.
#include "linter/baseline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "linter/builtin_rules.h"
#include "tests/support/paths.h"
#include "tests/support/small_guide.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

Finding banned(const std::string& path, int line, const std::string& word) {
  Finding f;
  f.rule = "voice/banned-term";
  f.severity = Severity::error;
  f.channel = "default";
  f.path = path;
  f.location.line = line;
  f.location.column = 3;
  f.location.end_line = line;
  f.location.end_column = 3 + static_cast<int>(word.size());
  f.message = "\"" + word + "\" is banned";
  f.evidence = {{"measured", word}, {"guide_key", "voice.banned[0]"}};
  return f;
}

RunResult run_of(std::vector<Finding> findings, std::vector<std::string> files) {
  RunResult r;
  for (const std::string& f : files) {
    FileRecord record;
    record.path = f;
    record.channel = "default";
    r.files.push_back(std::move(record));
  }
  std::sort(findings.begin(), findings.end(), finding_less);
  r.findings = std::move(findings);
  return r;
}

TEST(Baseline, RecordsOneEntryPerRulePathAndFingerprintWithItsCount) {
  Finding internal = banned("a.txt", 9, "x");
  internal.rule = kInternalError;
  const RunResult run = run_of({banned("b.txt", 1, "billig"), banned("a.txt", 4, "gratis"),
                                banned("a.txt", 2, "gratis"), internal},
                               {"a.txt", "b.txt"});
  const Baseline b = make_baseline(run);
  ASSERT_EQ(b.entries.size(), 2u);  // the internal error is never recorded
  EXPECT_EQ(b.entries[0].path, "a.txt");
  EXPECT_EQ(b.entries[0].count, 2);
  EXPECT_EQ(b.entries[0].fingerprint, finding_fingerprint(run.findings[0]));
  EXPECT_EQ(b.entries[0].message, "\"gratis\" is banned");
  EXPECT_EQ(b.entries[1].path, "b.txt");
  EXPECT_EQ(b.entries[1].count, 1);
}

TEST(Baseline, MovedFindingsStayRecordedNewOnesCountFixedOnesAreAbsent) {
  Baseline recorded =
      make_baseline(run_of({banned("a.txt", 2, "gratis"), banned("a.txt", 5, "billig"),
                            banned("other.txt", 1, "billig")},
                           {"a.txt", "other.txt"}));
  recorded.path = "brandlint-baseline.json";
  // Later: "gratis" moved to line 7 and written twice; "billig" fixed; a new word; other.txt is
  // not part of this run.
  RunResult later = run_of({banned("a.txt", 7, "gratis"), banned("a.txt", 8, "gratis"),
                            banned("a.txt", 9, "billigst")},
                           {"a.txt"});
  apply_baseline(later, recorded);
  ASSERT_EQ(later.baselined.size(), 1u);
  EXPECT_EQ(later.baselined[0].location.line, 7);  // the first in report order is the recorded one
  ASSERT_EQ(later.findings.size(), 2u);
  EXPECT_EQ(later.findings[0].location.line, 8);
  EXPECT_EQ(later.findings[1].evidence["measured"], "billigst");
  ASSERT_TRUE(later.baseline.has_value());
  EXPECT_EQ(later.baseline->matched, 1);
  EXPECT_EQ(later.baseline->absent, 1);  // a.txt's "billig"; other.txt was not looked at
}

TEST(Baseline, WritingAgainKeepsEntriesOfPathsThisRunDidNotLookAt) {
  const Baseline old =
      make_baseline(run_of({banned("sms/a.txt", 1, "billig"), banned("web/b.html", 3, "gratis")},
                           {"sms/a.txt", "web/b.html"}));
  const Baseline fresh = make_baseline(run_of({}, {"sms/a.txt"}), &old);  // sms fixed, web not run
  ASSERT_EQ(fresh.entries.size(), 1u);
  EXPECT_EQ(fresh.entries[0].path, "web/b.html");
}

TEST(Baseline, FileRoundTripsAndDamageIsAClearError) {
  testing::TempDir dir;
  const Baseline b = make_baseline(run_of({banned("a.txt", 2, "gratis")}, {"a.txt"}));
  const fs::path good = dir.write("good.json", baseline_json(b, "0.1.0"));
  const Baseline back = read_baseline(good);
  ASSERT_EQ(back.entries.size(), 1u);
  EXPECT_EQ(back.entries[0].fingerprint, b.entries[0].fingerprint);
  EXPECT_EQ(back.entries[0].count, 1);

  const auto error_of = [&](const std::string& name, const std::string& text) -> std::string {
    try {
      read_baseline(dir.write(name, text));
    } catch (const BaselineError& e) {
      return e.what();
    }
    return "no error";
  };
  const std::string conflict = error_of("conflict.json", "<<<<<<< HEAD\n{}\n");
  EXPECT_NE(conflict.find("conflict.json: not valid JSON"), std::string::npos) << conflict;
  EXPECT_NE(error_of("other.json", R"({"entries": []})").find("not a brandlint baseline"),
            std::string::npos);
  EXPECT_NE(error_of("nofp.json", R"({"schema": "brandlint-baseline/1", "entries": [)"
                                  R"({"rule": "voice/banned-term", "path": "a.txt", "count": 1}]})")
                .find("entries[0] has no \"fingerprint\" string"),
            std::string::npos);
  EXPECT_NE(error_of("count.json", R"({"schema": "brandlint-baseline/1", "entries": [)"
                                   R"({"rule": "r", "path": "a", "fingerprint": "f", "count": 0}]})")
                .find("entries[0] needs a \"count\""),
            std::string::npos);
  EXPECT_NE(error_of("missing.json", "").find("not valid JSON"), std::string::npos);
}

// Through the CLI, in a folder with the small guide (one banned word, "billig").
struct Campaign {
  testing::TempDir dir;
  Campaign() {
    dir.write("brandguide.toml", testing::kSmallGuide);
    dir.write("copy/a.txt", "Det er billig.\n");
    dir.write("copy/b.txt", "Alt er fint.\n");
  }
  testing::CommandResult check(const std::string& flags) const {
    return testing::run_command("cd " + dir.path().string() + " && " +
                                testing::brandlint_binary().string() + " check . " + flags +
                                " 2>&1");
  }
};

TEST(BaselineCli, RecordedFindingsStopFailingNewOnesStillFail) {
  const Campaign c;
  EXPECT_EQ(c.check("-q").exit_code, 1);
  const auto write = c.check("--baseline-write");
  EXPECT_EQ(write.exit_code, 0) << write.out;
  EXPECT_NE(write.out.find("recorded 1 finding(s) of this run in brandlint-baseline.json"),
            std::string::npos)
      << write.out;
  EXPECT_TRUE(fs::exists(c.dir.path() / kBaselineFile));

  // Read automatically: clean, and the text summary says what was set aside.
  auto again = c.check("");
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("1 finding(s) set aside by the baseline brandlint-baseline.json"),
            std::string::npos)
      << again.out;
  EXPECT_EQ(again.out.find("brandlint-baseline.json:"), std::string::npos)
      << "the baseline file itself is not linted";
  EXPECT_EQ(c.check("--no-baseline -q").exit_code, 1);

  // The recorded word moves down a line (still recorded); a new one is added (fails).
  c.dir.write("copy/a.txt", "Hej.\nDet er billig.\n");
  c.dir.write("copy/b.txt", "Alt er billig nu.\n");
  const auto now = c.check("");
  EXPECT_EQ(now.exit_code, 1) << now.out;
  EXPECT_NE(now.out.find("copy/b.txt:1:8: error: \"billig\" is banned"), std::string::npos)
      << now.out;
  EXPECT_EQ(now.out.find("copy/a.txt:2"), std::string::npos) << now.out;

  // SARIF: the new result is "new"; the recorded one "unchanged" and suppressed externally.
  const auto sarif = c.check("--format sarif");
  const Json log = Json::parse(sarif.out.substr(sarif.out.find('{')));
  std::map<std::string, std::string> state;
  for (const Json& r : log["runs"][0]["results"]) {
    state[r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]] = r["baselineState"];
    if (r["baselineState"] == "unchanged") {
      EXPECT_EQ(r["suppressions"][0]["kind"], "external");
    }
  }
  EXPECT_EQ(state["copy/a.txt"], "unchanged");
  EXPECT_EQ(state["copy/b.txt"], "new");

  // Fixing the recorded word leaves an absent entry, which the summary points out.
  c.dir.write("copy/a.txt", "Det er fint.\n");
  const auto fixed = c.check("--format json");
  const Json report = Json::parse(fixed.out.substr(fixed.out.find('{')));
  EXPECT_EQ(report["baseline"]["matched"], 0);
  EXPECT_EQ(report["baseline"]["absent"], 1);
  EXPECT_EQ(report["counts"]["baselined"], 0);
}

TEST(BaselineCli, AnExplicitBaselineMustExistAndBeValid) {
  const Campaign c;
  const auto missing = c.check("--baseline nowhere.json");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("nowhere.json: cannot read the baseline file"), std::string::npos)
      << missing.out;
  c.dir.write("broken.json", "{\"schema\": \"brandlint-baseline/1\", \"entries\": [");
  const auto broken = c.check("--baseline broken.json");
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.out.find("broken.json: not valid JSON"), std::string::npos) << broken.out;
}

// Linting one subfolder puts its files in the channel they have when the whole campaign is
// linted: the globs are written from the campaign root, where the guide is.
TEST(ChannelPlacement, ASubfolderRunFindsTheChannelsOfTheWholeCampaign) {
  testing::TempDir dir;
  dir.write("brandguide.toml", std::string(testing::kSmallGuide) +
                                   "\n[channels.sms]\ninclude = [\"sms/**\"]\n");
  dir.write("sms/a.txt", "Det er billig.\n");
  const auto channel_of = [&](const std::string& where, const std::string& target) {
    const auto r = testing::run_command("cd " + (dir.path() / where).string() + " && " +
                                        testing::brandlint_binary().string() + " check " + target +
                                        " --format json --guide " +
                                        (dir.path() / "brandguide.toml").string() + " 2>/dev/null");
    return Json::parse(r.out)["files"][0]["channel"].get<std::string>();
  };
  EXPECT_EQ(channel_of(".", "."), "sms");
  EXPECT_EQ(channel_of(".", "sms"), "sms");      // by the path from the current folder
  EXPECT_EQ(channel_of("sms", "."), "sms");      // by the path from the guide's folder
  EXPECT_EQ(channel_of(".", "sms/a.txt"), "sms");  // a file named on the command line
}

}  // namespace
}  // namespace brandlint
