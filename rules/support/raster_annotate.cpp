#include "rules/support/raster_annotate.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace brandlint::rules {
namespace {

constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;
const cv::Scalar kErrorColor(255, 0, 255, 255);    // BGRA magenta: never a brand colour here
const cv::Scalar kWarningColor(0, 165, 255, 255);  // orange
const cv::Scalar kPhotoColor(160, 160, 160, 255);
const cv::Scalar kInk(255, 255, 255, 255);

cv::Rect scaled_rect(const Json& box, int scale) {
  return {box[0].get<int>() / scale, box[1].get<int>() / scale,
          std::max(1, box[2].get<int>() / scale), std::max(1, box[3].get<int>() / scale)};
}

// A label on a filled tab just above `r` (below it when there is no room above).
void label(cv::Mat& img, const cv::Rect& r, const std::string& text, const cv::Scalar& color,
           double scale) {
  int baseline = 0;
  const int thickness = std::max(1, int(scale * 1.5));
  const cv::Size size = cv::getTextSize(text, kFont, scale, thickness, &baseline);
  const int pad = std::max(2, int(scale * 4));
  int y = r.y - size.height - 2 * pad;
  if (y < 0) y = std::min(img.rows - size.height - 2 * pad, r.y + r.height);
  const cv::Rect tab(std::clamp(r.x, 0, std::max(0, img.cols - size.width - 2 * pad)),
                     std::max(0, y), size.width + 2 * pad, size.height + 2 * pad);
  cv::rectangle(img, tab, color, cv::FILLED);
  cv::putText(img, text, {tab.x + pad, tab.y + pad + size.height}, kFont, scale, kInk, thickness,
              cv::LINE_AA);
}

// Dashed outline: photo areas are context, not findings.
void dashed(cv::Mat& img, const cv::Rect& r, const cv::Scalar& color, int thickness) {
  const int dash = 8 * thickness;
  const auto segment = [&](cv::Point a, cv::Point b) {
    const double length = cv::norm(b - a);
    for (double t = 0; t < length; t += 2 * dash) {
      const double t1 = std::min(length, t + dash);
      cv::line(img, a + (b - a) * (t / length), a + (b - a) * (t1 / length), color, thickness);
    }
  };
  const cv::Point tl = r.tl(), br = r.br() - cv::Point(1, 1);
  segment(tl, {br.x, tl.y});
  segment({br.x, tl.y}, br);
  segment(br, {tl.x, br.y});
  segment({tl.x, br.y}, tl);
}

}  // namespace

cv::Mat annotate_image(const cv::Mat& bgra, const std::vector<const Finding*>& findings,
                       const Json& measurements, int decode_scale) {
  cv::Mat out = bgra.clone();
  // Transparent pixels would hide the outlines; show the image on white, as most viewers do.
  for (int y = 0; y < out.rows; ++y) {
    auto* row = out.ptr<cv::Vec4b>(y);
    for (int x = 0; x < out.cols; ++x) {
      const int a = row[x][3];
      for (int c = 0; c < 3; ++c)
        row[x][c] = cv::saturate_cast<std::uint8_t>((row[x][c] * a + 255 * (255 - a)) / 255);
      row[x][3] = 255;
    }
  }
  const int scale = std::max(1, decode_scale);
  const double text_scale = std::clamp(std::max(out.cols, out.rows) / 1200.0, 0.4, 2.5);
  const int thickness = std::max(2, int(text_scale * 3));
  if (measurements.contains("excluded")) {
    for (const Json& area : measurements["excluded"]) {
      const cv::Rect r = scaled_rect(area["box"], scale);
      dashed(out, r, kPhotoColor, thickness);
      label(out, r, "photo, excluded", kPhotoColor, text_scale);
    }
  }
  for (const Finding* f : findings) {
    if (!f->location.box) continue;
    const PixelBox& b = *f->location.box;
    const cv::Rect r(b.x / scale, b.y / scale, std::max(1, b.w / scale), std::max(1, b.h / scale));
    const cv::Scalar color = f->severity == Severity::error ? kErrorColor : kWarningColor;
    // Drawn just outside the region, with a dark halo, so it shows on any colour.
    const cv::Rect frame(r.x - thickness, r.y - thickness, r.width + 2 * thickness,
                         r.height + 2 * thickness);
    cv::rectangle(out, frame, cv::Scalar(0, 0, 0, 255), thickness + 2);
    cv::rectangle(out, frame, color, thickness);
    std::string text = f->evidence.value("measured", std::string());
    if (f->evidence.contains("delta_e00")) {
      text += fmt::format(" {:.2f} dE00", f->evidence["delta_e00"].get<double>());
    }
    label(out, r, text.empty() ? f->rule : text, color, text_scale);
  }
  return out;
}

std::string annotation_name(std::string_view path) {
  std::string name(path);
  std::replace(name.begin(), name.end(), '/', '_');
  // Only a PNG's own extension is dropped: "banner.png" and "banner.jpg" must not collide.
  constexpr std::string_view kPng = ".png";
  if (name.size() > kPng.size()) {
    const std::string_view tail = std::string_view(name).substr(name.size() - kPng.size());
    if (std::equal(tail.begin(), tail.end(), kPng.begin(), kPng.end(),
                   [](char a, char b) { return (a | 0x20) == b; })) {
      name.resize(name.size() - kPng.size());
    }
  }
  return name + ".annotated.png";
}

int write_annotations(const RunResult& result, const guide::BrandGuide& guide,
                      const std::filesystem::path& dir, const LoadOptions& options) {
  std::map<std::string, std::vector<const Finding*>> by_path;
  for (const Finding& f : result.findings) {
    if (f.location.box) by_path[f.path].push_back(&f);
  }
  if (by_path.empty()) return 0;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create {}: {}", dir.string(), ec.message()));
  int written = 0;
  for (const FileRecord& record : result.files) {
    const auto it = by_path.find(record.path);
    if (it == by_path.end()) continue;
    const guide::Channel* channel = guide.find_channel(record.channel);
    if (channel == nullptr) continue;
    DiscoveredFile file;
    file.path = record.path;
    file.display_path = record.path;
    const Asset asset = load_asset(file, record.kind, *channel, options);
    if (asset.pixels.empty()) continue;
    const Json none = Json::object();
    const Json& measured = record.measurements.contains("color/off-palette")
                               ? record.measurements["color/off-palette"]
                               : none;
    const cv::Mat out = annotate_image(asset.pixels, it->second, measured, asset.decode_scale);
    const std::filesystem::path target = dir / annotation_name(record.path);
    if (!cv::imwrite(target.string(), out)) {
      throw std::runtime_error(fmt::format("cannot write {}", target.string()));
    }
    ++written;
  }
  return written;
}

}  // namespace brandlint::rules
