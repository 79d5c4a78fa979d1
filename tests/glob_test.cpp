#include <gtest/gtest.h>

#include "linter/glob.h"

namespace brandlint {
namespace {

TEST(Glob, StarStaysWithinASegment) {
  EXPECT_TRUE(Glob("*.txt").matches("a.txt"));
  EXPECT_FALSE(Glob("*.txt").matches("sms/a.txt"));
  EXPECT_TRUE(Glob("ads/search/*.toml").matches("ads/search/vinter.toml"));
  EXPECT_FALSE(Glob("ads/search/*.toml").matches("ads/search/old/vinter.toml"));
}

TEST(Glob, DoubleStarCrossesSegments) {
  EXPECT_TRUE(Glob("sms/**/*.txt").matches("sms/a.txt"));
  EXPECT_TRUE(Glob("sms/**/*.txt").matches("sms/2026/jan/a.txt"));
  EXPECT_FALSE(Glob("sms/**/*.txt").matches("email/a.txt"));
  EXPECT_TRUE(Glob("social/instagram/**").matches("social/instagram/a/b.png"));
  EXPECT_TRUE(Glob("social/instagram/**").matches("social/instagram/a.png"));
  EXPECT_FALSE(Glob("social/instagram/**").matches("social/instagrammer/a.png"));
  EXPECT_TRUE(Glob("**").matches("anything/at/all.css"));
  EXPECT_TRUE(Glob("**/*.css").matches("x.css"));
  EXPECT_TRUE(Glob("**/legacy/**").matches("site/legacy/old/index.html"));
}

TEST(Glob, BracesQuestionMarksAndClasses) {
  const Glob web("site/**/*.{html,css,svg}");
  EXPECT_TRUE(web.matches("site/index.html"));
  EXPECT_TRUE(web.matches("site/css/site.css"));
  EXPECT_TRUE(web.matches("site/img/ikon.svg"));
  EXPECT_FALSE(web.matches("site/img/foto.png"));
  EXPECT_TRUE(Glob("banner-?.png").matches("banner-1.png"));
  EXPECT_FALSE(Glob("banner-?.png").matches("banner-12.png"));
  EXPECT_TRUE(Glob("v[0-9].md").matches("v2.md"));
  EXPECT_FALSE(Glob("v[!0-9].md").matches("v2.md"));
  EXPECT_TRUE(Glob("color/*").matches("color/off-palette"));
  EXPECT_TRUE(Glob("./print/**").matches("print/plakat.png"));
}

TEST(Glob, NonAsciiNamesMatchBytewise) {
  EXPECT_TRUE(Glob("kampagne/forår/*.png").matches("kampagne/forår/banner.png"));
  EXPECT_TRUE(Glob("*år*.txt").matches("forårstilbud.txt"));
}

}  // namespace
}  // namespace brandlint
