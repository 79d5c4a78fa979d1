// Pictures of image findings in the HTML report (linter/reporters/html_thumbnail.cpp): the
// thumbnail, and the enlarged crop of a box that is too small to judge in the thumbnail.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/reporters/html_internal.h"
#include "tests/support/paths.h"

namespace brandlint {
namespace {

// Decodes a data: URI written by the preview (PNG or JPEG, base64).
cv::Mat decode_uri(const std::string& uri) {
  const std::size_t comma = uri.find(',');
  EXPECT_NE(comma, std::string::npos);
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::vector<uchar> bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = comma + 1; i < uri.size() && uri[i] != '='; ++i) {
    buffer = (buffer << 6) | static_cast<unsigned>(kAlphabet.find(uri[i]));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<uchar>((buffer >> bits) & 0xFF));
    }
  }
  return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

std::string png(const cv::Mat& image) {
  std::vector<uchar> out;
  cv::imencode(".png", image, out);
  return {out.begin(), out.end()};
}

TEST(HtmlPreview, EnlargesABoxThatIsSmallInTheThumbnail) {
  testing::TempDir dir;
  // A 1600×1000 banner with a 40×20 red patch at (800,500): 8×4 px in a 320 px thumbnail.
  cv::Mat banner(1000, 1600, CV_8UC3, cv::Scalar(145, 61, 11));
  cv::rectangle(banner, cv::Rect(800, 500, 40, 20), cv::Scalar(46, 16, 200), cv::FILLED);
  dir.write("banner.png", png(banner));

  const auto pictures = html::preview(dir.path(), "banner.png", PixelBox{800, 500, 40, 20});
  ASSERT_TRUE(pictures.has_value());
  const cv::Mat thumb = decode_uri(pictures->thumbnail);
  EXPECT_EQ(thumb.cols, 320);
  EXPECT_EQ(thumb.rows, 200);
  ASSERT_TRUE(pictures->crop.has_value());
  const cv::Mat crop = decode_uri(*pictures->crop);
  // The box grown by 12 px each side (64×44), enlarged 240/64 = 3.75× with nearest neighbour.
  EXPECT_EQ(crop.cols, 240);
  EXPECT_EQ(crop.rows, 165);
  // The patch's own pixels are shown unchanged in the middle, the background around it.
  EXPECT_EQ(crop.at<cv::Vec3b>(82, 120), cv::Vec3b(46, 16, 200));
  EXPECT_EQ(crop.at<cv::Vec3b>(5, 5), cv::Vec3b(145, 61, 11));
}

TEST(HtmlPreview, NoCropWhenTheBoxIsPlainInTheThumbnail) {
  testing::TempDir dir;
  cv::Mat banner(250, 300, CV_8UC3, cv::Scalar(47, 26, 10));
  dir.write("banner.png", png(banner));
  const auto pictures = html::preview(dir.path(), "banner.png", PixelBox{20, 20, 200, 120});
  ASSERT_TRUE(pictures.has_value());
  EXPECT_FALSE(pictures->crop.has_value());
  EXPECT_EQ(decode_uri(pictures->thumbnail).cols, 300);  // small images are not enlarged
}

// An image no larger than the thumbnail: the thumbnail's outline must not show in the crop,
// which enlarges the image's own pixels (it did when both drew on one buffer).
TEST(HtmlPreview, TheCropShowsTheImagesOwnPixels) {
  testing::TempDir dir;
  cv::Mat banner(200, 300, CV_8UC3, cv::Scalar(145, 61, 11));
  cv::rectangle(banner, cv::Rect(100, 100, 10, 10), cv::Scalar(46, 16, 200), cv::FILLED);
  dir.write("small.png", png(banner));
  const auto pictures = html::preview(dir.path(), "small.png", PixelBox{100, 100, 10, 10});
  ASSERT_TRUE(pictures.has_value());
  ASSERT_TRUE(pictures->crop.has_value());
  const cv::Mat crop = decode_uri(*pictures->crop);
  // Area x, y 88..122 (34 px) enlarged 240/34×: crop pixel 88 is source pixel 100.5, the
  // patch's corner, where the thumbnail draws its outline.
  EXPECT_EQ(crop.at<cv::Vec3b>(88, 88), cv::Vec3b(46, 16, 200));
  // Two findings on one image: the second preview is drawn from a clean decode too.
  const auto again = html::preview(dir.path(), "small.png", PixelBox{100, 100, 10, 10});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->thumbnail, pictures->thumbnail);
  EXPECT_EQ(again->crop, pictures->crop);
}

TEST(HtmlPreview, RendersSvgAsTheRulesDid) {
  testing::TempDir dir;
  dir.write("logo.svg",
            "<svg xmlns='http://www.w3.org/2000/svg' width='640' height='160'>"
            "<rect width='640' height='160' fill='#0B3D91'/>"
            "<rect x='600' y='120' width='20' height='20' fill='#E4002B'/></svg>");
  const auto pictures = html::preview(dir.path(), "logo.svg", PixelBox{600, 120, 20, 20});
  ASSERT_TRUE(pictures.has_value());
  const cv::Mat thumb = decode_uri(pictures->thumbnail);
  EXPECT_EQ(thumb.cols, 320);
  EXPECT_EQ(thumb.rows, 80);
  ASSERT_TRUE(pictures->crop.has_value());
  const cv::Mat crop = decode_uri(*pictures->crop);
  // The box grown by 12 px each side is x 588..632, y 108..152 (44×44), enlarged 240/44×.
  EXPECT_EQ(crop.cols, 240);
  EXPECT_EQ(crop.rows, 240);
  EXPECT_EQ(crop.at<cv::Vec3b>(120, 120), cv::Vec3b(0x2B, 0x00, 0xE4));  // the red square
  EXPECT_EQ(crop.at<cv::Vec3b>(4, 4), cv::Vec3b(0x91, 0x3D, 0x0B));      // the blue around it
}

TEST(HtmlPreview, UnreadableFilesHaveNoPreview) {
  testing::TempDir dir;
  dir.write("broken.png", std::string("\x89PNG\r\n\x1a\n garbage", 17));
  EXPECT_FALSE(html::preview(dir.path(), "broken.png", PixelBox{0, 0, 4, 4}).has_value());
  EXPECT_FALSE(html::preview(dir.path(), "missing.png", std::nullopt).has_value());
  dir.write("copy.txt", "Vinter med Nordlys");
  EXPECT_FALSE(html::preview(dir.path(), "copy.txt", std::nullopt).has_value());
}

}  // namespace
}  // namespace brandlint
