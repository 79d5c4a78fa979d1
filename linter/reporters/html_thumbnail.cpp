// Pictures for image findings: the image is re-read from disk at report time (the RunResult
// keeps no pixels) with the decoders the rules used (so a box found on a rendered SVG or PDF
// page, or on a reduced decode of a huge JPEG, lines up), scaled to at most 320 px with the
// finding's box outlined, plus an enlarged crop of the box when it is small in that thumbnail
// (a 60 px logo on a poster is a few pixels in the overview). Both are embedded as data: URIs
// so the report stays one self-contained file.
#include <algorithm>

#include <fmt/format.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/assets/load_asset.h"
#include "linter/classify.h"
#include "linter/file_bytes.h"
#include "linter/reporters/html_internal.h"

namespace brandlint::html {
namespace {

constexpr int kMaxSide = 320;    // thumbnail's long side
constexpr int kCropSide = 240;   // crop's long side at most
constexpr double kMaxZoom = 8.0; // a 10 px box is not blown up to a blur of 240 px
// A box whose long side is at least this many thumbnail pixels is plain to see already.
constexpr int kVisibleInThumbnail = 96;

// Transparent areas are shown on white, as on a typical page.
cv::Mat on_white(const cv::Mat& bgra) {
  cv::Mat out(bgra.size(), CV_8UC3);
  for (int y = 0; y < bgra.rows; ++y) {
    const auto* src = bgra.ptr<cv::Vec4b>(y);
    auto* dst = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < bgra.cols; ++x) {
      const int a = src[x][3];
      for (int c = 0; c < 3; ++c)
        dst[x][c] = static_cast<uchar>((src[x][c] * a + 255 * (255 - a) + 127) / 255);
    }
  }
  return out;
}

// A white halo under a magenta line shows on any background and on no brand colour.
void outline(cv::Mat& image, cv::Rect r) {
  r &= cv::Rect(0, 0, image.cols, image.rows);
  if (r.empty()) return;
  cv::rectangle(image, r, cv::Scalar(255, 255, 255), 4, cv::LINE_8);
  cv::rectangle(image, r, cv::Scalar(168, 0, 255), 2, cv::LINE_8);
}

std::optional<std::string> data_uri(const cv::Mat& image, bool jpeg) {
  std::vector<uchar> encoded;
  const std::vector<int> params = jpeg ? std::vector<int>{cv::IMWRITE_JPEG_QUALITY, 85}
                                       : std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, 9};
  if (!cv::imencode(jpeg ? ".jpg" : ".png", image, encoded, params)) return std::nullopt;
  return std::string(jpeg ? "data:image/jpeg;base64," : "data:image/png;base64,") +
         base64(std::string_view(reinterpret_cast<const char*>(encoded.data()), encoded.size()));
}

// The box grown by a margin that shows its surroundings (clear space, neighbouring shapes),
// enlarged so its long side is kCropSide (at most kMaxZoom×). Enlarging uses nearest
// neighbour: a designer judging edges wants the real pixels, not an interpolated blur.
std::optional<std::string> crop(const cv::Mat& image, const cv::Rect& box) {
  const int margin = std::max(12, static_cast<int>(0.3 * std::max(box.width, box.height)));
  const cv::Rect area =
      cv::Rect(box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin) &
      cv::Rect(0, 0, image.cols, image.rows);
  if (area.empty()) return std::nullopt;
  const double zoom =
      std::min(kMaxZoom, static_cast<double>(kCropSide) / std::max(area.width, area.height));
  cv::Mat out;
  const cv::Size size(std::max(1, static_cast<int>(area.width * zoom + 0.5)),
                      std::max(1, static_cast<int>(area.height * zoom + 0.5)));
  cv::resize(image(area), out, size, 0, 0, zoom >= 1.0 ? cv::INTER_NEAREST : cv::INTER_AREA);
  // The outline sits just outside the box so it hides none of the box's own pixels.
  const auto at = [&](int v) { return static_cast<int>(v * zoom + 0.5); };
  outline(out, cv::Rect(at(box.x - area.x) - 3, at(box.y - area.y) - 3, at(box.width) + 6,
                        at(box.height) + 6));
  return data_uri(out, false);
}

// An image as previews draw from it: opaque BGR on white, in decoded pixels.
struct Source {
  cv::Mat image;
  int decode_scale = 1;  // file pixels per decoded pixel (reduced JPEG decodes)
  bool jpeg = false;
};

// Decodes `file` with the rules' decoders. Findings are sorted by path, so an image's findings
// come one after another: the last decoded image is kept (per thread, keyed by path, size and
// modification time) and a PDF page or large banner is decoded once for all its findings.
std::optional<Source> decode_source(const std::filesystem::path& file, const std::string& path) {
  thread_local std::string last_key;
  thread_local std::optional<Source> last;
  const LoadOptions options;
  std::error_code ec;
  const std::uintmax_t file_bytes = std::filesystem::file_size(file, ec);
  if (ec || file_bytes > options.max_binary_bytes) return std::nullopt;
  const auto stamp = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
  const std::string key = fmt::format("{}\x1f{}\x1f{}", file.string(), file_bytes, stamp);
  if (key == last_key) return last;
  last_key = key;
  last.reset();
  const std::optional<std::string> bytes = read_file_bytes(file);
  if (!bytes) return std::nullopt;
  std::optional<AssetKind> kind = kind_from_magic(std::string_view(*bytes).substr(0, 16));
  if (!kind) kind = kind_from_extension(path);
  if (!kind || (*kind != AssetKind::image && *kind != AssetKind::svg && *kind != AssetKind::pdf)) {
    return std::nullopt;
  }
  Asset asset;
  try {
    decode_pixels(*bytes, *kind, asset, options);
  } catch (const cv::Exception&) {
    return std::nullopt;  // a broken file already has its own finding; no preview is enough
  }
  if (asset.pixels.empty() || asset.pixels.type() != CV_8UC4) return std::nullopt;
  last = Source{on_white(asset.pixels), std::max(1, asset.decode_scale),
                bytes->starts_with("\xFF\xD8\xFF")};
  return last;
}

}  // namespace

std::optional<Preview> preview(const std::filesystem::path& base_dir, const std::string& path,
                               const std::optional<PixelBox>& box) {
  const std::filesystem::path file =
      base_dir.empty() ? std::filesystem::path(path) : base_dir / path;
  const std::optional<Source> source = decode_source(file, path);
  if (!source) return std::nullopt;
  const cv::Mat& image = source->image;  // shared with later findings: never drawn on

  // Boxes are in the file's pixels; a huge JPEG may have been decoded at 1/decode_scale.
  const int decode_scale = source->decode_scale;
  std::optional<cv::Rect> decoded_box;
  if (box) {
    const cv::Rect r(box->x / decode_scale, box->y / decode_scale,
                     std::max(1, box->w / decode_scale), std::max(1, box->h / decode_scale));
    if (!(r & cv::Rect(0, 0, image.cols, image.rows)).empty()) decoded_box = r;
  }

  const double scale =
      std::min(1.0, static_cast<double>(kMaxSide) / std::max(image.cols, image.rows));
  cv::Mat small;  // its own pixels: the outline is drawn on the thumbnail, not on `image`
  if (scale < 1.0) {
    const cv::Size size(std::max(1, static_cast<int>(image.cols * scale + 0.5)),
                        std::max(1, static_cast<int>(image.rows * scale + 0.5)));
    cv::resize(image, small, size, 0, 0, cv::INTER_AREA);
  } else {
    small = image.clone();
  }
  Preview out;
  if (decoded_box) {
    // At least 4 px, so a tiny region stays visible.
    const auto at = [&](int v) { return static_cast<int>(v * scale + 0.5); };
    outline(small, cv::Rect(at(decoded_box->x), at(decoded_box->y), std::max(4, at(decoded_box->width)),
                            std::max(4, at(decoded_box->height))));
    const int long_side = std::max(decoded_box->width, decoded_box->height);
    if (long_side * scale < kVisibleInThumbnail) out.crop = crop(image, *decoded_box);
  }
  // A JPEG's thumbnail stays a JPEG (a photo as PNG is large); everything else is lossless.
  std::optional<std::string> uri = data_uri(small, source->jpeg);
  if (!uri) return std::nullopt;
  out.thumbnail = std::move(*uri);
  return out;
}

}  // namespace brandlint::html
