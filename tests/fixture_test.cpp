// The golden fixture test: every folder fixtures/<domain>/<rule>/ runs that one rule alone with
// the folder's brand.toml. valid/ must give nothing; invalid/ must give exactly expected.txt, in
// the text reporter's format with paths relative to invalid/.
// BRANDLINT_UPDATE_FIXTURES=1 rewrites expected.txt for review (git diff shows the change).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "linter/reporters/reporter.h"
#include "linter/runner.h"
#include "rules/registry.h"
#include "tests/support/paths.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

// Folders under fixtures/ that are not rule fixtures.
bool is_rule_domain(const std::string& name) {
  return name != "guides" && name != "demo" && name != "bad";
}

std::vector<std::string> rule_fixture_ids() {
  std::vector<std::string> ids;
  const fs::path root = testing::source_dir() / "fixtures";
  for (const auto& domain : fs::directory_iterator(root)) {
    if (!domain.is_directory() || !is_rule_domain(domain.path().filename().string())) continue;
    for (const auto& rule : fs::directory_iterator(domain.path())) {
      if (rule.is_directory()) {
        ids.push_back(domain.path().filename().string() + "/" + rule.path().filename().string());
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs one rule over `folder` and returns the findings as text lines relative to `folder`.
std::string lint(const std::string& rule_id, const fs::path& fixture, const std::string& folder) {
  const guide::BrandGuide guide = guide::load_guide(fixture / "brand.toml");
  RunOptions options;
  options.jobs = 1;
  options.only_rules = {rule_id};
  const fs::path target = fixture / folder;
  const RunResult result = run(guide, rules::registry(), {target}, options);
  const std::string prefix = fs::relative(target, fs::current_path()).generic_string() + "/";
  std::string out;
  for (Finding f : result.findings) {
    if (f.path.rfind(prefix, 0) == 0) f.path.erase(0, prefix.size());
    out += format_finding_line(f, false) + "\n";
  }
  return out;
}

class FixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureTest, ValidInputsGiveNoFindings) {
  const fs::path fixture = testing::source_dir() / "fixtures" / GetParam();
  ASSERT_TRUE(fs::is_directory(fixture / "valid")) << "missing valid/ in " << fixture;
  EXPECT_EQ(lint(GetParam(), fixture, "valid"), "");
}

TEST_P(FixtureTest, InvalidInputsGiveExactlyTheExpectedFindings) {
  const fs::path fixture = testing::source_dir() / "fixtures" / GetParam();
  ASSERT_TRUE(fs::is_directory(fixture / "invalid")) << "missing invalid/ in " << fixture;
  const std::string actual = lint(GetParam(), fixture, "invalid");
  if (const char* update = std::getenv("BRANDLINT_UPDATE_FIXTURES"); update && *update == '1') {
    std::ofstream(fixture / "expected.txt", std::ios::binary) << actual;
  }
  EXPECT_FALSE(actual.empty()) << "invalid/ must produce findings";
  EXPECT_EQ(actual, read_file(fixture / "expected.txt"));
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, FixtureTest, ::testing::ValuesIn(rule_fixture_ids()), test_name);

}  // namespace
}  // namespace brandlint
