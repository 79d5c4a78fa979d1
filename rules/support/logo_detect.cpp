#include "rules/support/logo_detect.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include <fmt/format.h>
#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

#include "rules/support/color.h"
#include "rules/support/logo_features.h"

namespace brandlint::logo {

namespace {

// Detection runs on the image scaled so its long side is at most this: a 1080p banner is
// searched at 1280×720 (visual.md §2.2 measured SIFT there), where a logo at the usual 96 px
// minimum is still 64 px wide and SIFT finds flat logos down to ~36 px.
constexpr int kMaxWorkSide = 1280;
constexpr double kMaxUpscale = 2.0;
constexpr double kRatioTest = 0.75;       // Lowe's ratio, as measured in visual.md §2.2
constexpr double kRansacThreshold = 4.0;  // px in the work image
constexpr int kMinInliers = 8;            // the smallest true detection measured had 8
constexpr double kMinInlierRatio = 0.25;  // inliers / matches that land on the logo
constexpr double kMinWidthPx = 16.0;      // smaller "logos" in the work image are noise
constexpr double kMaxAspectChange = 2.0;  // sx/sy beyond 2 (or below 1/2) is not a logo
constexpr double kMaxSideRatio = 1.33;    // opposite sides: more than this is not a flat print
// Edge correlation of the best variant. Measured on the logo corpus (tools/logo_corpus*):
// true logos score 0.72–0.99 (lowest: directly on a busy photo), lookalikes — arcs over a bar,
// "Nordlys" set in another font — 0.46–0.59.
constexpr double kMinVerifyScore = 0.65;
constexpr int kMaxSightings = 12;
constexpr int kMaxRounds = 24;
// Keypoints of the searched image: a photo background gives 12–14 thousand at the working size
// and their descriptors were most of the time on such a banner (logo_bench "busy"); a logo's
// own keypoints are high-contrast edges and rank among the strongest.
constexpr int kMaxImageKeypoints = 4000;

struct Candidate {
  std::size_t ref = 0;
  cv::Matx33d h;  // reference canonical px → work image px
  std::vector<int> inlier_kps;
  int inliers = 0;
  int matches = 0;  // matches whose image point lies on the logo (grown quad)
  std::array<cv::Point2f, 4> quad{};
};

std::array<cv::Point2f, 4> project(const cv::Matx33d& h, const cv::Rect2f& r) {
  const cv::Point2f corners[4] = {
      {r.x, r.y}, {r.x + r.width, r.y}, {r.x + r.width, r.y + r.height}, {r.x, r.y + r.height}};
  std::array<cv::Point2f, 4> out{};
  for (int i = 0; i < 4; ++i) {
    const cv::Vec3d p = h * cv::Vec3d(corners[i].x, corners[i].y, 1.0);
    out[std::size_t(i)] = cv::Point2f(float(p[0] / p[2]), float(p[1] / p[2]));
  }
  return out;
}

cv::Point2d apply(const cv::Matx33d& h, cv::Point2d p) {
  const cv::Vec3d v = h * cv::Vec3d(p.x, p.y, 1.0);
  return {v[0] / v[2], v[1] / v[2]};
}

double length(cv::Point2f a, cv::Point2f b) {
  return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

// Local linear part of h at the extent's centre: columns are where a unit step along the
// logo's x and y axes lands in the image.
cv::Matx22d jacobian(const cv::Matx33d& h, const cv::Rect2f& extent) {
  const cv::Point2d c(extent.x + extent.width / 2.0, extent.y + extent.height / 2.0);
  const cv::Point2d p0 = apply(h, c), px = apply(h, c + cv::Point2d(1, 0)),
                    py = apply(h, c + cv::Point2d(0, 1));
  return {px.x - p0.x, py.x - p0.x, px.y - p0.y, py.y - p0.y};
}

bool finite(const cv::Matx33d& h) {
  for (int i = 0; i < 9; ++i) {
    if (!std::isfinite(h.val[i])) return false;
  }
  return std::abs(h(2, 2)) > 1e-12;
}

// The sanity checks of issue 6: positive determinant, convex quadrilateral (in clockwise
// order on screen, so no mirror image), plausible scale, aspect and perspective.
bool sane(const cv::Matx33d& h, const cv::Rect2f& extent, cv::Size image) {
  if (!finite(h)) return false;
  const auto q = project(h, extent);
  for (int i = 0; i < 4; ++i) {
    const cv::Point2f a = q[std::size_t(i)], b = q[std::size_t((i + 1) % 4)],
                      c = q[std::size_t((i + 2) % 4)];
    const double cross =
        double(b.x - a.x) * double(c.y - b.y) - double(b.y - a.y) * double(c.x - b.x);
    if (!(cross > 0)) return false;
  }
  const cv::Matx22d j = jacobian(h, extent);
  if (!(cv::determinant(j) > 0)) return false;
  const double sx = std::hypot(j(0, 0), j(1, 0)), sy = std::hypot(j(0, 1), j(1, 1));
  const double width = sx * extent.width;
  const double diagonal = std::hypot(double(image.width), double(image.height));
  if (width < kMinWidthPx || width > 2.0 * diagonal || sy * extent.height < 4.0) return false;
  if (sx / sy > kMaxAspectChange || sy / sx > kMaxAspectChange) return false;
  const double top = length(q[0], q[1]), bottom = length(q[3], q[2]);
  const double left = length(q[0], q[3]), right = length(q[1], q[2]);
  auto ratio = [](double a, double b) { return std::max(a, b) / std::max(1e-9, std::min(a, b)); };
  return ratio(top, bottom) <= kMaxSideRatio && ratio(left, right) <= kMaxSideRatio;
}

bool inside(const std::array<cv::Point2f, 4>& quad, cv::Point2f p, double grow) {
  cv::Point2f centre(0, 0);
  for (const auto& q : quad) centre += q * 0.25f;
  std::vector<cv::Point2f> grown;
  for (const auto& q : quad) grown.push_back(centre + (q - centre) * float(1.0 + grow));
  return cv::pointPolygonTest(grown, p, false) >= 0;
}

struct ImageFeatures {
  LogoFeatures features;
  std::vector<bool> alive;
  // Lowe-filtered matches of every image keypoint against each reference logo and polarity,
  // computed once: image keypoints query the reference, so a keypoint's best partner does not
  // depend on which other keypoints are still alive. Per entry: (image kp, reference kp).
  std::vector<std::array<std::vector<std::pair<int, int>>, 2>> matches;
};

// Image keypoints query the reference: with several copies of a logo in one image, each copy's
// keypoint still has one clear best partner in the reference, so Lowe's test keeps it.
std::vector<std::pair<int, int>> ratio_matches(const cv::Mat& image_descriptors,
                                               const LogoFeatures& ref) {
  std::vector<std::pair<int, int>> out;
  if (ref.descriptors.rows < 2 || image_descriptors.empty()) return out;
  cv::BFMatcher matcher(cv::NORM_L2);
  std::vector<std::vector<cv::DMatch>> knn;
  matcher.knnMatch(image_descriptors, ref.descriptors, knn, 2);
  for (std::size_t k = 0; k < knn.size(); ++k) {
    if (knn[k].size() < 2 || knn[k][0].distance >= kRatioTest * knn[k][1].distance) continue;
    out.emplace_back(int(k), knn[k][0].trainIdx);
  }
  return out;
}

// Fits one reference (one polarity) to the alive image keypoints, optionally only those on
// `region`. Returns nullopt when no sane homography is found.
std::optional<Candidate> fit(const ReferenceLogo& ref, const LogoFeatures& ref_features,
                             const std::vector<std::pair<int, int>>& matches, std::size_t ref_index,
                             const ImageFeatures& image, cv::Size size,
                             const std::array<cv::Point2f, 4>* region) {
  std::vector<cv::Point2f> src, dst;
  std::vector<int> kp_of;
  for (const auto& [kp, ref_kp] : matches) {
    if (!image.alive[std::size_t(kp)]) continue;
    const cv::Point2f pt = image.features.keypoints[std::size_t(kp)].pt;
    if (region && !inside(*region, pt, 0.2)) continue;
    src.push_back(ref_features.keypoints[std::size_t(ref_kp)].pt);
    dst.push_back(pt);
    kp_of.push_back(kp);
  }
  if (int(src.size()) < kMinInliers) return std::nullopt;
  // OpenCV's RANSAC draws its samples from a generator seeded with a constant, so the same
  // matches always give the same homography; seeding the thread's RNG as well keeps it so
  // should a later OpenCV use theRNG().
  cv::setRNGSeed(0x6c6f676f);
  std::vector<unsigned char> mask;
  cv::Mat found;
  try {
    found = cv::findHomography(src, dst, cv::RANSAC, kRansacThreshold, mask, 2000, 0.995);
  } catch (const cv::Exception&) {
    return std::nullopt;
  }
  if (found.empty()) return std::nullopt;
  Candidate c;
  c.ref = ref_index;
  c.h = cv::Matx33d(found);
  if (!sane(c.h, ref.extent, size)) return std::nullopt;
  c.quad = project(c.h, ref.extent);
  for (std::size_t k = 0; k < mask.size(); ++k) {
    if (mask[k]) c.inlier_kps.push_back(kp_of[k]);
    if (inside(c.quad, dst[k], 0.1)) ++c.matches;
  }
  c.inliers = int(c.inlier_kps.size());
  if (c.inliers < kMinInliers || c.matches == 0 ||
      double(c.inliers) / double(c.matches) < kMinInlierRatio) {
    return std::nullopt;
  }
  return c;
}

std::optional<Candidate> best_fit(const LogoLibrary& library, std::size_t ref_index,
                                  const ImageFeatures& image, cv::Size size,
                                  const std::array<cv::Point2f, 4>* region) {
  const ReferenceLogo& ref = library.logos()[ref_index];
  std::optional<Candidate> best;
  const LogoFeatures* polarity[2] = {&ref.dark, &ref.light};
  for (std::size_t p = 0; p < 2; ++p) {
    auto c = fit(ref, *polarity[p], image.matches[ref_index][p], ref_index, image, size, region);
    if (c && (!best || c->inliers > best->inliers)) best = std::move(c);
  }
  return best;
}

// Maps the verification frame (w × h px over the reference's extent) to the reference frame.
cv::Matx33d verify_to_reference(const ReferenceLogo& ref, cv::Size frame) {
  return {double(ref.extent.width) / frame.width,
          0,
          double(ref.extent.x),
          0,
          double(ref.extent.height) / frame.height,
          double(ref.extent.y),
          0,
          0,
          1};
}

double ncc(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat result;
  cv::matchTemplate(a, b, result, cv::TM_CCOEFF_NORMED);
  const double v = double(result.at<float>(0, 0));
  return std::isfinite(v) ? v : 0.0;
}

// Edge-map correlation between the image, warped into `ref`'s frame through `h`, and `ref`.
// The frame is as wide as the logo appears in the image (48..kVerifyWidth px), so a small logo
// is not compared with details it cannot show.
double verify_score(const cv::Mat& work_gray, const ReferenceLogo& ref, const cv::Matx33d& h) {
  const double shown = double(ref.extent.width) *
                       std::hypot(jacobian(h, ref.extent)(0, 0), jacobian(h, ref.extent)(1, 0));
  const int w = std::clamp(int(std::lround(shown)), 48, LogoLibrary::kVerifyWidth);
  const int hgt = std::max(8, int(std::lround(w / ref.aspect)));
  const cv::Size frame(w, hgt);
  cv::Mat warped, reference;
  cv::warpPerspective(work_gray, warped, cv::Mat(h * verify_to_reference(ref, frame)), frame,
                      cv::INTER_AREA | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
  if (frame == ref.verify_gray.size()) {
    reference = ref.verify_gray;
  } else {
    cv::resize(ref.verify_gray, reference, frame, 0, 0, cv::INTER_AREA);
  }
  return ncc(edge_map(warped), edge_map(reference));
}

// Sub-pixel refinement of the winning fit. Keypoints of a wide, short logo pin its height down
// to a pixel or two, which is several per cent of stretch; the edge maps of the whole logo pin
// it much better. Coordinate ascent of the edge correlation over x/y scale (about the logo's
// centre) and x/y shift, in the reference frame, at the resolution the logo has in the image.
cv::Matx33d refine(const cv::Mat& work_gray, const ReferenceLogo& ref, const cv::Matx33d& h) {
  const cv::Matx22d j = jacobian(h, ref.extent);
  const double image_per_ref = std::hypot(j(0, 0), j(1, 0));
  const int w = std::clamp(int(std::lround(double(ref.extent.width) * image_per_ref)), 48,
                           LogoLibrary::kCanonicalWidth);
  const cv::Size frame(w, std::max(8, int(std::lround(w / ref.aspect))));
  cv::Mat reference;
  cv::resize(ref.gray(cv::Rect(ref.extent)), reference, frame, 0, 0, cv::INTER_AREA);
  const cv::Mat reference_edges = edge_map(reference);
  const cv::Matx33d to_ref = verify_to_reference(ref, frame);
  const double cx = ref.extent.x + ref.extent.width / 2.0,
               cy = ref.extent.y + ref.extent.height / 2.0;
  auto corrected = [&](const std::array<double, 4>& p) {
    // p = {x scale, y scale, x shift, y shift}, applied in the reference frame about its centre.
    return h * cv::Matx33d(p[0], 0, cx - p[0] * cx + p[2], 0, p[1], cy - p[1] * cy + p[3], 0, 0, 1);
  };
  auto score = [&](const std::array<double, 4>& p) {
    cv::Mat warped;
    cv::warpPerspective(work_gray, warped, cv::Mat(corrected(p) * to_ref), frame,
                        cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return ncc(edge_map(warped), reference_edges);
  };
  std::array<double, 4> p = {1, 1, 0, 0};
  // Steps: 2 % of scale, one image pixel of shift (in reference px); down to 1/8 of that.
  const double px = 1.0 / std::max(1e-6, image_per_ref);
  std::array<double, 4> step = {0.02, 0.02, px, px};
  double best = score(p);
  for (int halvings = 0, evaluations = 0; halvings < 4 && evaluations < 160;) {
    bool improved = false;
    for (std::size_t k = 0; k < 4; ++k) {
      for (double sign : {1.0, -1.0}) {
        std::array<double, 4> q = p;
        q[k] += sign * step[k];
        const double v = score(q);
        ++evaluations;
        if (v > best + 1e-9) {
          best = v;
          p = q;
          improved = true;
          break;
        }
      }
    }
    if (!improved) {
      for (double& st : step) st /= 2;
      ++halvings;
    }
  }
  const cv::Matx33d refined = corrected(p);
  return sane(refined, ref.extent, cv::Size(work_gray.cols, work_gray.rows)) ? refined : h;
}

double median(std::vector<double>& v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// Median colour of the image under the reference's primary ink, compared with each allowed
// colourway (or, when the guide lists none, with the logo's own ink colour).
void measure_colour(const cv::Mat& pixels, bool lossy, const ReferenceLogo& ref,
                    const cv::Matx33d& h_pixels, double threshold, LogoSighting& s) {
  cv::Mat warped;
  cv::warpPerspective(pixels, warped, cv::Mat(h_pixels * verify_to_reference(ref, ref.verify_size)),
                      ref.verify_size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT,
                      cv::Scalar(0, 0, 0, 0));
  // The ground around the artwork: frame pixels where the reference is fully transparent,
  // away from its edges.
  cv::Mat alpha, ground;
  cv::extractChannel(ref.rgba(cv::Rect(ref.extent)), alpha, 3);
  cv::resize(alpha, alpha, ref.verify_size, 0, 0, cv::INTER_AREA);
  cv::erode(alpha < 8, ground, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
  std::vector<double> gr, gg, gb;
  struct Sample {
    color::Rgb rgb;
    double distance = 0;
  };
  std::vector<Sample> ink;
  for (int y = 0; y < warped.rows; ++y) {
    for (int x = 0; x < warped.cols; ++x) {
      const cv::Vec4b p = warped.at<cv::Vec4b>(y, x);
      if (p[3] < 250) continue;
      if (ground.at<std::uint8_t>(y, x)) {
        gb.push_back(p[0]);
        gg.push_back(p[1]);
        gr.push_back(p[2]);
      } else if (ref.verify_ink.at<std::uint8_t>(y, x)) {
        ink.push_back({{p[2], p[1], p[0]}, 0.0});
      }
    }
  }
  if (ink.empty()) return;
  // A small logo's strokes are a pixel or two wide: most samples are anti-aliased blends with
  // the ground. The pure ink is what lies farthest from the ground, so the colour is the median
  // of the tenth of the samples farthest from it (a 14 px high logo has few pure pixels); in a
  // JPEG the farthest tenth is ringing that overshoots the ink, so there the farthest third (all
  // samples when the ground is unknown).
  std::size_t keep = ink.size();
  if (!gr.empty()) {
    const color::Lab bg = color::srgb_to_lab(
        color::Rgb{std::uint8_t(median(gr)), std::uint8_t(median(gg)), std::uint8_t(median(gb))});
    for (Sample& sample : ink) {
      const color::Lab l = color::srgb_to_lab(sample.rgb);
      sample.distance = std::hypot(l.L - bg.L, l.a - bg.a, l.b - bg.b);
    }
    std::stable_sort(ink.begin(), ink.end(),
                     [](const Sample& a, const Sample& b) { return a.distance > b.distance; });
    keep = std::max<std::size_t>(1, ink.size() / (lossy ? 3 : 10));
  }
  std::vector<double> r, g, b;
  for (std::size_t i = 0; i < keep; ++i) {
    r.push_back(ink[i].rgb.r);
    g.push_back(ink[i].rgb.g);
    b.push_back(ink[i].rgb.b);
  }
  const color::Rgb measured{std::uint8_t(median(r)), std::uint8_t(median(g)),
                            std::uint8_t(median(b))};
  const color::Lab lab = color::srgb_to_lab(measured);
  s.measured_hex = guide::to_hex(measured);
  if (ref.colorways.empty()) {
    s.colorway = "own colours " + guide::to_hex(ref.primary_ink);
    s.colorway_delta_e = color::delta_e00(lab, ref.primary_ink_lab);
  } else {
    s.colorway_delta_e = 1e9;
    for (const Colorway& way : ref.colorways) {
      const double d = color::delta_e00(lab, way.lab);
      if (d < s.colorway_delta_e) {
        s.colorway_delta_e = d;
        s.colorway = way.label == way.hex ? way.hex : way.label + " " + way.hex;
      }
    }
  }
  s.recolored = s.colorway_delta_e > threshold;
}

// The quadrilateral's extremes: {x0, y0, x1, y1}.
std::array<double, 4> bounds(const std::array<cv::Point2f, 4>& quad) {
  std::array<double, 4> b = {quad[0].x, quad[0].y, quad[0].x, quad[0].y};
  for (const auto& p : quad) {
    b[0] = std::min(b[0], double(p.x));
    b[1] = std::min(b[1], double(p.y));
    b[2] = std::max(b[2], double(p.x));
    b[3] = std::max(b[3], double(p.y));
  }
  return b;
}

PixelBox bounding_box(const std::array<cv::Point2f, 4>& quad, cv::Size canvas) {
  const auto [x0, y0, x1, y1] = bounds(quad);
  const int bx0 = std::clamp(int(std::floor(x0)), 0, canvas.width);
  const int by0 = std::clamp(int(std::floor(y0)), 0, canvas.height);
  const int bx1 = std::clamp(int(std::ceil(x1)), 0, canvas.width);
  const int by1 = std::clamp(int(std::ceil(y1)), 0, canvas.height);
  return {bx0, by0, bx1 - bx0, by1 - by0};
}

// Clear space, measured on the decoded pixels (`scale` = decode_scale maps them to file px).
void measure_clear_space(const cv::Mat& pixels, bool lossy, const ReferenceLogo& ref,
                         const std::array<cv::Point2f, 4>& quad, double height, int scale,
                         LogoSighting& s) {
  const double k = ref.logo.clear_space;
  s.clear_space_px = k * height * scale;
  if (k <= 0) return;
  const cv::Size canvas = pixels.size();
  const auto [x0, y0, x1, y1] = bounds(quad);
  const double m = k * height;
  const double zx0 = x0 - m, zy0 = y0 - m, zx1 = x1 + m, zy1 = y1 + m;
  // Half a pixel of slack: the box comes from a fitted homography.
  const double short_left = -0.5 - zx0, short_top = -0.5 - zy0;
  const double short_right = zx1 - (canvas.width + 0.5), short_bottom = zy1 - (canvas.height + 0.5);
  if (std::max({short_left, short_top, short_right, short_bottom}) > 0) {
    std::vector<std::string> sides;
    auto side = [&](double v, const char* name) {
      if (v > 0) sides.push_back(fmt::format("{} {} px", name, int(std::lround(v * scale))));
    };
    side(short_left, "left");
    side(short_top, "top");
    side(short_right, "right");
    side(short_bottom, "bottom");
    s.clear_space_ok = false;
    std::string joined;
    for (const auto& part : sides) joined += (joined.empty() ? "" : ", ") + part;
    s.clear_space_problem = "clipped by the canvas (" + joined + " short)";
    return;
  }
  const cv::Rect zone(
      cv::Point(std::max(0, int(std::floor(zx0))), std::max(0, int(std::floor(zy0)))),
      cv::Point(std::min(canvas.width, int(std::ceil(zx1))),
                std::min(canvas.height, int(std::ceil(zy1)))));
  if (zone.width <= 2 || zone.height <= 2) return;
  // The logo's own anti-aliasing (and JPEG ringing) spills a few px past its box.
  const double g = std::max(lossy ? 4.0 : 2.0, 0.06 * height);
  const cv::Rect own = cv::Rect(cv::Point(int(std::floor(x0 - g)), int(std::floor(y0 - g))),
                                cv::Point(int(std::ceil(x1 + g)), int(std::ceil(y1 + g)))) &
                       zone;
  cv::Mat ring(zone.size(), CV_8U, cv::Scalar(255));
  ring(own - zone.tl()).setTo(0);
  const int ring_px = cv::countNonZero(ring);
  if (ring_px == 0) return;

  // Lab (float, 0..1 input: visual.md §1.5) of the zone composited on white.
  cv::Mat bgr(zone.size(), CV_32FC3);
  for (int y = 0; y < zone.height; ++y) {
    const cv::Vec4b* src = pixels.ptr<cv::Vec4b>(zone.y + y) + zone.x;
    cv::Vec3f* dst = bgr.ptr<cv::Vec3f>(y);
    for (int x = 0; x < zone.width; ++x) {
      const float a = float(src[x][3]) / 255.f;
      for (int c = 0; c < 3; ++c) dst[x][c] = (float(src[x][c]) / 255.f) * a + (1.f - a);
    }
  }
  cv::Mat lab;
  cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
  // Foreign edges: per-channel morphological gradient (3×3), max over channels (the raster
  // palette pipeline's edge measure, visual.md §1.6).
  cv::Mat gradient;
  cv::morphologyEx(lab, gradient, cv::MORPH_GRADIENT,
                   cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  std::vector<cv::Mat> channels;
  cv::split(gradient, channels);
  cv::Mat edge = cv::max(cv::max(channels[0], channels[1]), channels[2]) > (lossy ? 16.0 : 10.0);
  // Off-background: only on a flat background (≥ 60 % of the ring within ΔE 6 of its median);
  // a gradient or photo has no single background colour, and its edges are judged above.
  std::vector<double> L, A, B;
  for (int y = 0; y < zone.height; ++y) {
    for (int x = 0; x < zone.width; ++x) {
      if (!ring.at<std::uint8_t>(y, x)) continue;
      const cv::Vec3f p = lab.at<cv::Vec3f>(y, x);
      L.push_back(p[0]);
      A.push_back(p[1]);
      B.push_back(p[2]);
    }
  }
  const cv::Vec3f bg(float(median(L)), float(median(A)), float(median(B)));
  cv::Mat distance(zone.size(), CV_32F);
  int near = 0;
  for (int y = 0; y < zone.height; ++y) {
    for (int x = 0; x < zone.width; ++x) {
      const cv::Vec3f d = lab.at<cv::Vec3f>(y, x) - bg;
      const float e = std::sqrt(d.dot(d));
      distance.at<float>(y, x) = e;
      if (ring.at<std::uint8_t>(y, x) && e <= 6.f) ++near;
    }
  }
  cv::Mat foreign = edge.clone();
  if (double(near) >= 0.6 * ring_px) foreign |= (distance > 15.f);
  foreign &= ring;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(foreign, labels, stats, centroids, 8, CV_32S);
  const int min_area = std::max(12, int(0.004 * ring_px));
  cv::Rect offender;
  long long foreign_px = 0;
  for (int i = 1; i < n; ++i) {
    if (stats.at<int>(i, cv::CC_STAT_AREA) < min_area) continue;
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    offender = offender.area() == 0 ? r : (offender | r);
    foreign_px += stats.at<int>(i, cv::CC_STAT_AREA);
  }
  s.clear_space_foreign_share = double(foreign_px) / double(ring_px);
  if (foreign_px == 0) return;
  s.clear_space_ok = false;
  s.clear_space_problem = "foreign content inside the clear-space zone";
  const cv::Rect o = offender + zone.tl();
  s.clear_space_offender = PixelBox{o.x * scale, o.y * scale, o.width * scale, o.height * scale};
}

}  // namespace

std::vector<LogoSighting> find_logos(const LogoLibrary& library, const Asset& asset) {
  std::vector<LogoSighting> out;
  if (library.empty() || asset.pixels.empty() || asset.pixels.type() != CV_8UC4 ||
      asset.pixels.cols < 8 || asset.pixels.rows < 8) {
    return out;
  }
  const int scale = std::max(1, asset.decode_scale);
  const cv::Mat gray = composite_gray(asset.pixels);
  // Small images are enlarged (up to 2×) to the same working size: a logo 62–80 px wide in a
  // 640×360 banner (14–18 px high) gives SIFT too few keypoints at its own size (measured on
  // the logo corpus: three of eight such logos missed without this).
  const double f = std::min(kMaxUpscale, double(kMaxWorkSide) / std::max(gray.cols, gray.rows));
  cv::Mat work;
  if (f < 1.0) {
    cv::resize(gray, work, cv::Size(), f, f, cv::INTER_AREA);
  } else if (f > 1.0) {
    cv::resize(gray, work, cv::Size(), f, f, cv::INTER_LINEAR);
  } else {
    work = gray;
  }
  ImageFeatures image;
  image.features = sift_features(work, cv::noArray(), kMaxImageKeypoints);
  image.alive.assign(image.features.keypoints.size(), true);
  for (const ReferenceLogo& ref : library.logos()) {
    image.matches.push_back({ratio_matches(image.features.descriptors, ref.dark),
                             ratio_matches(image.features.descriptors, ref.light)});
  }
  const cv::Size size = work.size();
  // work px → decoded px
  const cv::Matx33d to_pixels(double(asset.pixels.cols) / work.cols, 0, 0, 0,
                              double(asset.pixels.rows) / work.rows, 0, 0, 0, 1);

  for (int round = 0; round < kMaxRounds && int(out.size()) < kMaxSightings; ++round) {
    std::optional<Candidate> best;
    for (std::size_t i = 0; i < library.logos().size(); ++i) {
      auto c = best_fit(library, i, image, size, nullptr);
      if (c && (!best || c->inliers > best->inliers)) best = std::move(c);
    }
    if (!best) break;

    // Verification against every variant, each through its own homography when its features
    // fit the same place, else through the sighting's quadrilateral.
    std::vector<cv::Matx33d> hs(library.logos().size());
    std::vector<double> scores(library.logos().size(), -1.0);
    for (std::size_t i = 0; i < library.logos().size(); ++i) {
      const ReferenceLogo& ref = library.logos()[i];
      if (i == best->ref) {
        hs[i] = best->h;
      } else {
        auto own = best_fit(library, i, image, size, &best->quad);
        if (own) {
          hs[i] = own->h;
        } else {
          const auto corners = project(cv::Matx33d::eye(), ref.extent);
          hs[i] = cv::Matx33d(cv::getPerspectiveTransform(corners.data(), best->quad.data()));
        }
      }
      scores[i] = verify_score(work, ref, hs[i]);
    }
    std::size_t win = 0;
    for (std::size_t i = 1; i < scores.size(); ++i) {
      if (scores[i] > scores[win]) win = i;
    }
    if (scores[win] < kMinVerifyScore) {
      for (int k : best->inlier_kps) image.alive[std::size_t(k)] = false;
      continue;
    }
    const ReferenceLogo& ref = library.logos()[win];
    hs[win] = refine(work, ref, hs[win]);
    LogoSighting s;
    s.logo_id = ref.id;
    s.deprecated = ref.deprecated;
    s.replaced_by = ref.replaced_by;
    std::size_t second = scores.size();
    for (std::size_t i = 0; i < scores.size(); ++i) {
      s.variant_scores.push_back({library.logos()[i].id, std::round(scores[i] * 1000.0) / 1000.0});
      if (i != win && (second == scores.size() || scores[i] > scores[second])) second = i;
    }
    if (second < scores.size()) {
      s.runner_up_id = library.logos()[second].id;
      s.variant_margin = scores[win] - scores[second];
    } else {
      s.variant_margin = scores[win];
    }
    s.inliers = best->inliers;
    s.matches = best->matches;
    s.inlier_ratio = double(best->inliers) / double(std::max(1, best->matches));

    // Geometry in decoded pixels, then file pixels.
    const cv::Matx33d h_pixels = to_pixels * hs[win];
    const auto quad_px = project(h_pixels, ref.extent);
    // Scales, stretch and rotation from the quadrilateral's mean sides: averaged over the whole
    // logo, they do not depend on a slight perspective term the fit may carry (the Jacobian at
    // the centre does).
    const double width = (length(quad_px[0], quad_px[1]) + length(quad_px[3], quad_px[2])) / 2.0;
    const double height = (length(quad_px[0], quad_px[3]) + length(quad_px[1], quad_px[2])) / 2.0;
    const double sx = width / double(ref.extent.width), sy = height / double(ref.extent.height);
    s.scale_x = sx * scale;
    s.scale_y = sy * scale;
    s.stretch = std::abs(sx / sy - 1.0);
    const cv::Point2f axis = (quad_px[1] - quad_px[0]) + (quad_px[2] - quad_px[3]);
    s.rotation_deg = -std::atan2(double(axis.y), double(axis.x)) * 180.0 / CV_PI;
    s.width_px = width * scale;
    s.height_px = height * scale;
    if (asset.dpi > 0) {
      s.dpi = asset.dpi;
      s.width_mm = s.width_px / asset.dpi * 25.4;
    }
    for (std::size_t c = 0; c < 4; ++c) s.quad[c] = quad_px[c] * float(scale);
    s.box = bounding_box(s.quad, cv::Size(asset.pixels.cols * scale, asset.pixels.rows * scale));
    measure_colour(asset.pixels, asset.lossy, ref, h_pixels, library.recolor_threshold(), s);
    measure_clear_space(asset.pixels, asset.lossy, ref, quad_px, height, scale, s);
    out.push_back(std::move(s));

    // Search again without this logo's keypoints.
    for (std::size_t k = 0; k < image.alive.size(); ++k) {
      if (image.alive[k] && inside(best->quad, image.features.keypoints[k].pt, 0.1))
        image.alive[k] = false;
    }
    for (int k : best->inlier_kps) image.alive[std::size_t(k)] = false;
  }
  std::sort(out.begin(), out.end(), [](const LogoSighting& a, const LogoSighting& b) {
    return std::tie(a.box.y, a.box.x, a.logo_id, a.box.w, a.box.h) <
           std::tie(b.box.y, b.box.x, b.logo_id, b.box.w, b.box.h);
  });
  return out;
}

const std::vector<LogoSighting>& logo_sightings(const LogoLibrary& library, const Asset& asset) {
  const std::string key = "logo-sightings/" + library.key();
  auto it = asset.derived.find(key);
  if (it == asset.derived.end()) {
    auto found = std::make_shared<const std::vector<LogoSighting>>(find_logos(library, asset));
    it = asset.derived.emplace(key, std::move(found)).first;
  }
  return *static_cast<const std::vector<LogoSighting>*>(it->second.get());
}

}  // namespace brandlint::logo
