// Thumbnails for image findings: the image is re-read from disk at report time (the RunResult
// keeps no pixels), scaled to at most 320 px, the finding's box outlined, and embedded as a
// data: URI so the report stays one self-contained file.
#include <fstream>
#include <iterator>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/assets/image_header.h"
#include "linter/reporters/html_internal.h"

namespace brandlint::html {
namespace {

constexpr int kMaxSide = 320;
constexpr long long kMaxPixels = 100'000'000;  // same budget as the default --max-pixels

// Transparent areas are shown on white, as on a typical page.
cv::Mat on_white(const cv::Mat& image) {
  if (image.channels() != 4) return image;
  cv::Mat out(image.size(), CV_8UC3);
  for (int y = 0; y < image.rows; ++y) {
    const auto* src = image.ptr<cv::Vec4b>(y);
    auto* dst = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < image.cols; ++x) {
      const int a = src[x][3];
      for (int c = 0; c < 3; ++c)
        dst[x][c] = static_cast<uchar>((src[x][c] * a + 255 * (255 - a) + 127) / 255);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> thumbnail(const std::filesystem::path& base_dir, const std::string& path,
                                     const std::optional<PixelBox>& box) {
  const std::filesystem::path file =
      base_dir.empty() ? std::filesystem::path(path) : base_dir / path;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::optional<ImageHeader> header = read_image_header(bytes);
  if (!header || header->width <= 0 || header->height <= 0 ||
      header->width * header->height > kMaxPixels) {
    return std::nullopt;
  }
  cv::Mat decoded;
  try {
    const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
    decoded = cv::imdecode(raw, header->format == "jpeg" ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception&) {
    return std::nullopt;  // a broken file already has its own finding; no preview is enough
  }
  if (decoded.empty()) return std::nullopt;
  if (decoded.depth() != CV_8U) decoded.convertTo(decoded, CV_8U, 1.0 / 256);
  if (decoded.channels() == 1) cv::cvtColor(decoded, decoded, cv::COLOR_GRAY2BGR);
  cv::Mat image = on_white(decoded);

  const double scale =
      std::min(1.0, static_cast<double>(kMaxSide) / std::max(image.cols, image.rows));
  if (scale < 1.0) {
    const cv::Size size(std::max(1, static_cast<int>(image.cols * scale + 0.5)),
                        std::max(1, static_cast<int>(image.rows * scale + 0.5)));
    cv::resize(image, image, size, 0, 0, cv::INTER_AREA);
  }
  if (box) {
    // The box in thumbnail pixels, at least 4 px so a tiny region stays visible; a white halo
    // under a magenta line shows on any background and on no brand colour.
    const auto at = [&](int v) { return static_cast<int>(v * scale + 0.5); };
    cv::Rect r(at(box->x), at(box->y), std::max(4, at(box->w)), std::max(4, at(box->h)));
    r &= cv::Rect(0, 0, image.cols, image.rows);
    cv::rectangle(image, r, cv::Scalar(255, 255, 255), 4, cv::LINE_8);
    cv::rectangle(image, r, cv::Scalar(168, 0, 255), 2, cv::LINE_8);
  }
  std::vector<uchar> encoded;
  const bool jpeg = header->format == "jpeg";
  const std::vector<int> params = jpeg ? std::vector<int>{cv::IMWRITE_JPEG_QUALITY, 85}
                                       : std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, 9};
  if (!cv::imencode(jpeg ? ".jpg" : ".png", image, encoded, params)) return std::nullopt;
  return std::string(jpeg ? "data:image/jpeg;base64," : "data:image/png;base64,") +
         base64(std::string_view(reinterpret_cast<const char*>(encoded.data()), encoded.size()));
}

}  // namespace brandlint::html
