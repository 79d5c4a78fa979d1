// --fix and --diff: edits applied in order with overlaps dropped deterministically, unified
// diffs, atomic writes that keep the file mode, files without fixes left untouched, changed
// files and non-UTF-8 files skipped, and the CLI end to end on a temporary copy.
#include "linter/fix.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <xxhash.h>

#include "tests/support/paths.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

using testing::run_command;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string apply(std::string_view text, std::vector<Fix> edits, std::size_t& applied,
                  std::size_t& dropped) {
  return apply_edits(text, std::move(edits), applied, dropped);
}

TEST(FixEdits, AppliedByPositionWhateverTheInputOrder) {
  std::size_t applied = 0, dropped = 0;
  EXPECT_EQ(apply("email og e mail", {{9, 15, "e-mail"}, {0, 5, "e-mail"}}, applied, dropped),
            "e-mail og e-mail");
  EXPECT_EQ(applied, 2u);
  EXPECT_EQ(dropped, 0u);
  // Adjacent edits do not overlap: "at at at" has two repeated-word fixes, both apply.
  EXPECT_EQ(apply("at at at", {{2, 5, ""}, {5, 8, ""}}, applied, dropped), "at");
  EXPECT_EQ(applied, 2u);
}

TEST(FixEdits, OverlapsKeepTheFirstAndDropTheRest) {
  std::size_t applied = 0, dropped = 0;
  // [0,5) sorts before [2,8): the second is dropped, whichever order they came in.
  for (const auto& edits :
       {std::vector<Fix>{{0, 5, "A"}, {2, 8, "B"}}, std::vector<Fix>{{2, 8, "B"}, {0, 5, "A"}}}) {
    EXPECT_EQ(apply("0123456789", edits, applied, dropped), "A56789");
    EXPECT_EQ(applied, 1u);
    EXPECT_EQ(dropped, 1u);
  }
  // Same begin: the shorter range sorts first.
  EXPECT_EQ(apply("0123456789", {{3, 9, "L"}, {3, 4, "S"}}, applied, dropped), "012S456789");
  EXPECT_EQ(dropped, 1u);
  // Two insertions at one offset would depend on order: only the first is kept.
  EXPECT_EQ(apply("ab", {{1, 1, "X"}, {1, 1, "Y"}}, applied, dropped), "aXb");
  EXPECT_EQ(dropped, 1u);
}

TEST(FixEdits, InvalidRangesAreDropped) {
  std::size_t applied = 0, dropped = 0;
  const std::string text = "blå";  // "å" is two bytes: 2 and 3
  EXPECT_EQ(apply(text, {{3, 4, "a"}, {2, 9, "x"}, {3, 2, "y"}}, applied, dropped), text);
  EXPECT_EQ(applied, 0u);
  EXPECT_EQ(dropped, 3u);
}

TEST(FixDiff, UnifiedDiffWithContextHunksAndMissingFinalNewline) {
  FileFix fix;
  fix.path = "copy/a.txt";
  for (int i = 1; i <= 12; ++i) fix.original += "line " + std::to_string(i) + "\n";
  fix.original += "last";
  fix.fixed = fix.original;
  fix.fixed.replace(fix.fixed.find("line 2\n"), 6, "LINE 2");
  fix.fixed.replace(fix.fixed.find("last"), 4, "LAST");
  EXPECT_EQ(unified_diff(fix),
            "--- a/copy/a.txt\n+++ b/copy/a.txt\n"
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n line 5\n"
            "@@ -10,4 +10,4 @@\n line 10\n line 11\n line 12\n-last\n\\ No newline at end of file\n"
            "+LAST\n\\ No newline at end of file\n");
  fix.fixed = fix.original;
  EXPECT_EQ(unified_diff(fix), "");
}

TEST(FixPlan, SkipsFilesChangedSinceTheyWereLinted) {
  testing::TempDir dir;
  const fs::path file = dir.write("a.txt", "det det\n");
  RunResult result;
  FileRecord record;
  record.path = file.string();
  const std::string old = read(file);
  record.content_hash = XXH3_64bits(old.data(), old.size());
  result.files.push_back(record);
  Finding finding;
  finding.path = file.string();
  finding.fix = Fix{3, 7, ""};
  result.findings.push_back(finding);
  ASSERT_EQ(plan_fixes(result).size(), 1u);
  EXPECT_EQ(plan_fixes(result)[0].skipped, "");
  EXPECT_EQ(plan_fixes(result)[0].fixed, "det\n");
  dir.write("a.txt", "det det!\n");
  EXPECT_NE(plan_fixes(result)[0].skipped.find("changed since it was linted"), std::string::npos);
}

TEST(FixWrite, AtomicKeepsTheModeAndLeavesNoTemporaryFile) {
  testing::TempDir dir;
  const fs::path file = dir.write("a.css", "a{}");
  ::chmod(file.c_str(), 0640);
  EXPECT_EQ(write_file_atomically(file.string(), "b{}"), "");
  EXPECT_EQ(read(file), "b{}");
  EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
  EXPECT_NE(write_file_atomically((dir.path() / "missing.css").string(), "x"), "");
}

// ---- end to end, through the CLI on a temporary copy --------------------------------------

constexpr const char* kGuide = R"([brand]
name = "Nordlys"
version = "1.0"
locale = "da-DK"

[palette]
[[palette.color]]
name = "Nordlys Blå"
hex = "#0B3D91"
)";

struct Tree {
  testing::TempDir dir;
  fs::path fixable, clean, utf16, latin1, bom;
  Tree() {
    dir.write("brandguide.toml", kGuide);
    fixable = dir.write("copy/a.txt", "Vi ses at at vinteren kommer.\n\nDet er er sandt.\n");
    clean = dir.write("copy/b.txt", "Vi ses i vinter.\n");
    // UTF-16LE with a BOM: "at at"
    utf16 = dir.write("copy/c.txt", std::string("\xFF\xFE"
                                                "a\0t\0 \0a\0t\0\n\0",
                                                14));
    latin1 = dir.write("copy/d.txt", "Bl\xE5 at at lys.\n");
    bom = dir.write("copy/e.txt",
                    "\xEF\xBB\xBF"
                    "Det det er her.\n");
    // An old timestamp, so a rewrite of an untouched file would show.
    for (const fs::path& p : {clean, utf16, latin1}) {
      fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(24));
    }
  }
  testing::CommandResult check(const std::string& flags, bool with_stderr = false) const {
    return run_command("cd " + dir.path().string() + " && " + testing::brandlint_binary().string() +
                       " check . " + flags + (with_stderr ? " 2>&1" : " 2>/dev/null"));
  }
};

TEST(FixCli, DiffShowsTheFixesAndWritesNothing) {
  const Tree tree;
  const std::string before = read(tree.fixable);
  const auto stamp = fs::last_write_time(tree.clean);
  const auto result = tree.check("--diff");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "--- a/copy/a.txt\n+++ b/copy/a.txt\n@@ -1,3 +1,3 @@\n"
            "-Vi ses at at vinteren kommer.\n+Vi ses at vinteren kommer.\n \n"
            "-Det er er sandt.\n+Det er sandt.\n"
            "--- a/copy/e.txt\n+++ b/copy/e.txt\n@@ -1,1 +1,1 @@\n"
            "-\xEF\xBB\xBF"
            "Det det er her.\n+\xEF\xBB\xBF"
            "Det er her.\n");
  EXPECT_EQ(read(tree.fixable), before);
  EXPECT_EQ(fs::last_write_time(tree.clean), stamp);
}

TEST(FixCli, FixWritesReportsWhatIsLeftAndSkipsWhatItCannotWriteSafely) {
  const Tree tree;
  const auto stamps = std::vector{fs::last_write_time(tree.clean), fs::last_write_time(tree.utf16),
                                  fs::last_write_time(tree.latin1)};
  const std::string utf16 = read(tree.utf16), latin1 = read(tree.latin1);
  const auto log = tree.check("--fix --format text --color never", true);
  EXPECT_NE(log.out.find("copy/c.txt: not fixed: UTF-16 text"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("copy/d.txt: not fixed: not valid UTF-8"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("fixed 3 problem(s) in 2 file(s)"), std::string::npos) << log.out;

  EXPECT_EQ(read(tree.fixable), "Vi ses at vinteren kommer.\n\nDet er sandt.\n");
  EXPECT_EQ(read(tree.bom),
            "\xEF\xBB\xBF"
            "Det er her.\n");
  EXPECT_EQ(read(tree.utf16), utf16);
  EXPECT_EQ(read(tree.latin1), latin1);
  EXPECT_EQ(fs::last_write_time(tree.clean), stamps[0]);
  EXPECT_EQ(fs::last_write_time(tree.utf16), stamps[1]);
  EXPECT_EQ(fs::last_write_time(tree.latin1), stamps[2]);

  // The report after --fix is a fresh lint: the fixed problems are gone, the others remain.
  const auto json = tree.check("--format json");
  const auto doc = nlohmann::json::parse(json.out);
  std::multiset<std::string> left;
  for (const auto& f : doc["findings"])
    left.insert(f["path"].get<std::string>() + " " + f["rule"].get<std::string>());
  EXPECT_EQ(left.count("copy/a.txt voice/repeated-word"), 0u);
  EXPECT_EQ(left.count("copy/c.txt voice/repeated-word"), 1u);
  EXPECT_EQ(left.count("copy/d.txt voice/repeated-word"), 1u);
  // Nothing left to fix: --diff is empty and exits 0; no temporary files were left behind.
  const auto again = tree.check("--diff");
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.exit_code, 0);
  for (const auto& entry : fs::recursive_directory_iterator(tree.dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".brandlint-"), std::string::npos)
        << entry.path();
  }
}

TEST(FixCli, AFixThatWouldRewriteMarkupIsWithheldAndTheFindingKept) {
  testing::TempDir dir;
  dir.write("brandguide.toml", kGuide);
  dir.write("a.html", "<p>Vi ses det det.</p>\n<p>Vi ses det <b>det</b> bliver godt.</p>\n");
  dir.write("b.md", "Vi ses det det.\n\nVi ses det **det** bliver.\n\nHej [at](x) at du.\n");
  const auto r = run_command("cd " + dir.path().string() + " && " +
                             testing::brandlint_binary().string() + " check . --format json");
  const auto doc = nlohmann::json::parse(r.out);
  std::map<std::string, bool> has_fix;  // "path:line" -> whether its fix was kept
  for (const auto& f : doc["findings"]) {
    if (f["rule"] != "voice/repeated-word") continue;
    has_fix[f["path"].get<std::string>() + ":" + std::to_string(f["location"]["line"].get<int>())] =
        !f["fix"].is_null();
  }
  EXPECT_EQ(has_fix, (std::map<std::string, bool>{{"a.html:1", true},
                                                  {"a.html:2", false},
                                                  {"b.md:1", true},
                                                  {"b.md:3", false},
                                                  {"b.md:5", false}}));
  const auto diff = run_command("cd " + dir.path().string() + " && " +
                                testing::brandlint_binary().string() + " check . --diff");
  EXPECT_EQ(diff.out,
            "--- a/a.html\n+++ b/a.html\n@@ -1,2 +1,2 @@\n-<p>Vi ses det det.</p>\n+<p>Vi ses "
            "det.</p>\n <p>Vi ses det <b>det</b> bliver godt.</p>\n"
            "--- a/b.md\n+++ b/b.md\n@@ -1,4 +1,4 @@\n-Vi ses det det.\n+Vi ses det.\n \n Vi ses "
            "det **det** bliver.\n \n");
}

TEST(FixCli, FixAndDiffExcludeEachOther) {
  const Tree tree;
  EXPECT_EQ(tree.check("--fix --diff").exit_code, 2);
}

}  // namespace
}  // namespace brandlint
