#include <gtest/gtest.h>

#include <algorithm>

#include "linter/classify.h"
#include "linter/discovery.h"
#include "tests/support/paths.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

std::vector<std::string> match_paths(const Discovery& d) {
  std::vector<std::string> out;
  for (const auto& f : d.files) out.push_back(f.match_path);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Discovery, HonoursIgnoreFilesHiddenAndVendorFolders) {
  testing::TempDir dir;
  dir.write("site/index.html", "x");
  dir.write("site/legacy/old.html", "x");
  dir.write("site/build/out.css", "x");
  dir.write("sms/a.txt", "x");
  dir.write("sms/draft.tmp.txt", "x");
  dir.write("sms/keep.tmp.txt", "x");
  dir.write(".hidden/secret.txt", "x");
  dir.write(".env", "x");
  dir.write("node_modules/pkg/readme.md", "x");
  dir.write(".gitignore", "# comment\nbuild/\n*.tmp.txt\n!keep.tmp.txt\n");
  dir.write("site/.brandlintignore", "/legacy\n");
  const Discovery d = discover({dir.path()});
  EXPECT_EQ(match_paths(d),
            (std::vector<std::string>{"site/index.html", "sms/a.txt", "sms/keep.tmp.txt"}));
  EXPECT_TRUE(d.problems.empty());
}

TEST(Discovery, SymlinkLoopsAreReportedNotFollowedForever) {
  testing::TempDir dir;
  dir.write("a/copy.txt", "x");
  fs::create_directory_symlink(dir.path() / "a", dir.path() / "a" / "loop");
  const Discovery d = discover({dir.path()});
  EXPECT_EQ(match_paths(d), (std::vector<std::string>{"a/copy.txt"}));
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].message.find("symlink loop"), std::string::npos);
}

TEST(Discovery, ExplicitFilesAreAlwaysIncludedAndMissingPathsReported) {
  testing::TempDir dir;
  const fs::path file = dir.write("x.tmp.txt", "x");
  dir.write(".gitignore", "*.tmp.txt\n");
  const Discovery d = discover({file, dir.path() / "nope"});
  ASSERT_EQ(d.files.size(), 1u);
  EXPECT_TRUE(d.files[0].explicit_arg);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_EQ(d.problems[0].message, "no such file or folder");
}

TEST(Discovery, ExcludedPathsAreSkipped) {
  testing::TempDir dir;
  dir.write("brandguide.toml", "x");
  dir.write("copy.txt", "x");
  const Discovery d = discover({dir.path()}, {dir.path() / "brandguide.toml"});
  EXPECT_EQ(match_paths(d), (std::vector<std::string>{"copy.txt"}));
}

TEST(Classify, KindFromExtensionAndMagic) {
  EXPECT_EQ(kind_from_extension("a/B.PNG"), AssetKind::image);
  EXPECT_EQ(kind_from_extension("x.md"), AssetKind::markdown);
  EXPECT_EQ(kind_from_extension("x.css"), AssetKind::css);
  EXPECT_EQ(kind_from_extension("ads/search/x.toml"), AssetKind::copy_deck);
  EXPECT_EQ(kind_from_extension("dir.d/README"), std::nullopt);
  EXPECT_EQ(kind_from_extension("x.zip"), std::nullopt);
  EXPECT_EQ(kind_from_magic("\x89PNG\r\n\x1a\n...."), AssetKind::image);
  EXPECT_EQ(kind_from_magic("\xFF\xD8\xFF\xE0"), AssetKind::image);
  EXPECT_EQ(kind_from_magic("%PDF-1.7"), AssetKind::pdf);
  EXPECT_EQ(kind_from_magic("hello"), std::nullopt);
}

}  // namespace
}  // namespace brandlint
