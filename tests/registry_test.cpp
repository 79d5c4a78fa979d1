// Registry honesty: every rule has a unique id in one alphabetical table, a docs page (on disk
// and compiled in), a fixture folder, and metadata that does not lie about fixes.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "linter/builtin_rules.h"
#include "linter/runner.h"
#include "rules/commands.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "tests/support/paths.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

TEST(Registry, IdsAreUniqueAndAlphabetical) {
  std::vector<std::string_view> ids;
  for (const RuleEntry& entry : rules::registry()) ids.push_back(entry.meta->id);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())) << "keep registry.cpp alphabetical";
  EXPECT_EQ(std::set<std::string_view>(ids.begin(), ids.end()).size(), ids.size());
  for (const RuleMeta* builtin : builtin_rules()) {
    EXPECT_EQ(std::count(ids.begin(), ids.end(), builtin->id), 0) << builtin->id;
  }
}

TEST(Registry, EveryRuleHasMetadataDocsAndFixtures) {
  for (const RuleMeta* meta : rules::all_rule_metas()) {
    SCOPED_TRACE(std::string(meta->id));
    EXPECT_FALSE(meta->summary.empty());
    EXPECT_FALSE(meta->kinds.empty());
    EXPECT_NE(meta->default_severity, Severity::off);
    const fs::path doc = testing::source_dir() / meta->docs;
    EXPECT_TRUE(fs::is_regular_file(doc)) << "missing docs page " << doc;
    EXPECT_FALSE(rules::find_rule_doc(meta->docs).empty()) << "docs page not compiled in";
    // The page starts with the rule id as its title.
    EXPECT_EQ(rules::find_rule_doc(meta->docs).substr(0, meta->id.size() + 2),
              "# " + std::string(meta->id));
  }
  for (const RuleEntry& entry : rules::registry()) {
    SCOPED_TRACE(std::string(entry.meta->id));
    const fs::path fixture = testing::source_dir() / "fixtures" / entry.meta->id;
    EXPECT_TRUE(fs::is_regular_file(fixture / "brand.toml")) << fixture;
    EXPECT_TRUE(fs::is_directory(fixture / "valid")) << fixture;
    EXPECT_TRUE(fs::is_directory(fixture / "invalid")) << fixture;
    EXPECT_TRUE(fs::is_regular_file(fixture / "expected.txt")) << fixture;
  }
}

TEST(Registry, RulesThatNeverFixEmitNoFixes) {
  for (const RuleEntry& entry : rules::registry()) {
    const fs::path fixture = testing::source_dir() / "fixtures" / entry.meta->id;
    if (!fs::is_regular_file(fixture / "brand.toml")) continue;  // reported above
    const guide::BrandGuide guide = guide::load_guide(fixture / "brand.toml");
    RunOptions options;
    options.only_rules = {std::string(entry.meta->id)};
    const RunResult result = run(guide, rules::registry(), {fixture / "invalid"}, options);
    bool any_fix = false;
    for (const Finding& f : result.findings) any_fix = any_fix || f.fix.has_value();
    if (entry.meta->fixable == Fixable::never) {
      EXPECT_FALSE(any_fix) << entry.meta->id << " is marked never-fixable but emitted a fix";
    }
    if (entry.meta->fixable == Fixable::always) {
      for (const Finding& f : result.findings) {
        EXPECT_TRUE(f.fix.has_value()) << entry.meta->id << ": " << f.message;
      }
    }
  }
}

}  // namespace
}  // namespace brandlint
