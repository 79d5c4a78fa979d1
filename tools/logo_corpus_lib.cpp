// The labelled logo corpus generator (see tools/logo_corpus.h and docs/logo-corpus.md).
//
// Labels are made unambiguous by construction: every measured property of a labelled logo is
// kept well away from the guide's thresholds, so the label does not depend on how an engine
// rounds or which box (the visible artwork or the SVG's whole artboard) it reports:
//   stretch |sx/sy − 1|: violations 0.05–0.25, negatives ≤ 0.01 (threshold 0.03);
//   rotation: violations 4–20°, negatives ≤ 1° (threshold 2°);
//   width of the primary's visible artwork: too small 63–86 px, others ≥ 115 px (min 96);
//   clear space (0.5 × logo height): intruders and canvas edges 0.05–0.3 × the artwork's height
//   from it; "clear" logos have nothing but their own flat or gradient background within
//   1.8 × that height (which also covers a zone measured from the larger artboard);
//   recolouring: colours far (ΔE00 > 20) from every allowed colourway.
#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "linter/assets/load_asset.h"
#include "tools/logo_corpus.h"
#include "tools/make_raster_fixtures.h"

namespace fs = std::filesystem;

namespace brandlint::logo_corpus {

bool LabelledLogo::has(const std::string& violation) const {
  return std::find(violations.begin(), violations.end(), violation) != violations.end();
}

namespace {

namespace rc = raster_corpus;

constexpr const char* kPrimary = "primary";
constexpr const char* kWordmark2019 = "2019-wordmark";
constexpr int kArtW = 240, kArtH = 80;  // both example logos' viewBox
constexpr const char* kLogoBlue = "#0B3D91";
constexpr double kKeepOut = 1.8;    // × artwork height kept free around a "clear" logo
constexpr double kMinWidthPx = 96;  // the corpus guide's min_width_px

// Allowed colourways of the primary logo, and colours that are not (each more than 20 ΔE00 from
// Nordlys Blå, Midnat and white).
const std::array<const char*, 4> kWrongOnLight = {"#3DDC97", "#E4002B", "#FF7A00", "#7B2D8E"};
const std::array<const char*, 3> kWrongOnDark = {"#3DDC97", "#FF7A00", "#FFD100"};
const std::array<const char*, 3> kLight = {"#FFFFFF", "#F4F4F2",
                                           "#CED8E9"};            // white, Sne, Blå 20 %
const std::array<const char*, 2> kDark = {"#0B3D91", "#0A1A2F"};  // Blå, Midnat

const std::array<cv::Size, 6> kCanvases = {
    {{640, 360}, {800, 400}, {600, 600}, {960, 540}, {728, 400}, {1000, 524}}};

fs::path logo_file(const fs::path& source_dir, const std::string& id) {
  const fs::path dir = source_dir / "brandguide/examples/nordlys/logos";
  if (id == kPrimary) return dir / "nordlys-primary.svg";
  if (id == kWordmark2019) return dir / "nordlys-2019.svg";
  throw std::invalid_argument("unknown example logo id: " + id);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// The root <svg> tag with its size set to width×height and the viewBox stretched to fill it, so
// librsvg renders the artwork at exactly that size (and aspect).
std::string resize_svg(const std::string& svg, int width, int height) {
  const std::size_t open = svg.find("<svg");
  const std::size_t close = open == std::string::npos ? open : svg.find('>', open);
  if (close == std::string::npos) throw std::runtime_error("not an SVG document");
  std::string root = svg.substr(open, close - open);
  root =
      std::regex_replace(root, std::regex(R"(\s(width|height|preserveAspectRatio)="[^"]*")"), "");
  root += fmt::format(R"( width="{}" height="{}" preserveAspectRatio="none")", width, height);
  return svg.substr(0, open) + root + svg.substr(close);
}

// Premultiplied float BGRA (0..1), the form that warps and composites without dark fringes.
cv::Mat premultiply(const cv::Mat& bgra) {
  cv::Mat f;
  bgra.convertTo(f, CV_32FC4, 1.0 / 255.0);
  for (int y = 0; y < f.rows; ++y) {
    auto* p = f.ptr<cv::Vec4f>(y);
    for (int x = 0; x < f.cols; ++x) {
      for (int c = 0; c < 3; ++c) p[x][c] *= p[x][3];
    }
  }
  return f;
}

// `patch` (premultiplied float BGRA) over `canvas` (BGRA 8-bit) with its top-left at `at`;
// parts outside the canvas are dropped.
void composite(cv::Mat& canvas, const cv::Mat& patch, cv::Point at) {
  const cv::Rect dst = cv::Rect(at, patch.size()) & cv::Rect(0, 0, canvas.cols, canvas.rows);
  for (int y = dst.y; y < dst.y + dst.height; ++y) {
    auto* out = canvas.ptr<cv::Vec4b>(y);
    const auto* in = patch.ptr<cv::Vec4f>(y - at.y);
    for (int x = dst.x; x < dst.x + dst.width; ++x) {
      const cv::Vec4f& p = in[x - at.x];
      for (int c = 0; c < 3; ++c) {
        out[x][c] =
            cv::saturate_cast<std::uint8_t>(255.0f * p[c] + float(out[x][c]) * (1.0f - p[3]));
      }
    }
  }
}

cv::Rect grow(const cv::Rect& r, int by) {
  return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}
PixelBox to_box(const cv::Rect& r) { return {r.x, r.y, r.width, r.height}; }
bool inside(const cv::Rect& r, cv::Size canvas) {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= canvas.width && r.y + r.height <= canvas.height;
}

// A logo rendered, stretched and rotated, ready to be placed.
struct Sprite {
  cv::Mat patch;       // premultiplied float BGRA
  cv::Rect ink;        // the visible artwork inside `patch` (alpha ≥ 25 %)
  cv::Point2d art[4];  // the artboard's corners inside `patch`
};

Sprite make_sprite(const fs::path& source_dir, const std::string& id, int width, int height,
                   const std::string& color, double rotation_deg) {
  const cv::Mat rendered = premultiply(render_logo(source_dir, id, width, height, color));
  Sprite s;
  const cv::Point2d c(width / 2.0, height / 2.0);
  cv::Mat m = cv::getRotationMatrix2D(c, rotation_deg, 1.0);
  const cv::RotatedRect rr(c, cv::Size2f(float(width), float(height)), float(-rotation_deg));
  const cv::Rect bound = rr.boundingRect();
  m.at<double>(0, 2) -= bound.x;
  m.at<double>(1, 2) -= bound.y;
  if (rotation_deg == 0.0) {
    s.patch = rendered;
  } else {
    cv::warpAffine(rendered, s.patch, m, bound.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar::all(0));
  }
  const std::array<cv::Point2d, 4> corners = {
      {{0, 0}, {double(width), 0}, {double(width), double(height)}, {0, double(height)}}};
  for (int i = 0; i < 4; ++i) {
    const cv::Point2d& p = corners[std::size_t(i)];
    s.art[i] =
        rotation_deg == 0.0
            ? p
            : cv::Point2d(m.at<double>(0, 0) * p.x + m.at<double>(0, 1) * p.y + m.at<double>(0, 2),
                          m.at<double>(1, 0) * p.x + m.at<double>(1, 1) * p.y + m.at<double>(1, 2));
  }
  std::vector<cv::Mat> planes;
  cv::split(s.patch, planes);
  cv::Mat opaque = planes[3] >= 0.25f;
  s.ink = cv::boundingRect(opaque);
  return s;
}

// What is drawn on a banner besides logos, and where (so later content avoids it).
struct Scene {
  cv::Mat img;
  std::vector<cv::Rect> keep_out;  // zones around logos that other content must not enter
  std::vector<cv::Rect> content;   // foreign content already drawn
  bool dark = false;               // dark background: light content and the white logo
  std::string background;
};

std::string pick(cv::RNG& rng, const auto& list) {
  return list[std::size_t(rng.uniform(0, int(list.size())))];
}

// A photo filling `size`: one of the sample photos (resized and cropped), or procedural texture.
cv::Mat photo(cv::RNG& rng, cv::Size size, const std::vector<cv::Mat>& photos) {
  if (photos.empty()) return rc::procedural_photo(size, rng.next());
  const cv::Mat& src = photos[std::size_t(rng.uniform(0, int(photos.size())))];
  const double f = std::max(double(size.width) / src.cols, double(size.height) / src.rows);
  cv::Mat scaled, out;
  cv::resize(src, scaled, cv::Size(), f * 1.001, f * 1.001, cv::INTER_AREA);
  const cv::Rect crop((scaled.cols - size.width) / 2, (scaled.rows - size.height) / 2, size.width,
                      size.height);
  cv::cvtColor(scaled(crop), out, cv::COLOR_BGR2BGRA);
  return out;
}

Scene background(cv::RNG& rng, cv::Size size, const std::string& kind, bool dark,
                 const std::vector<cv::Mat>& photos) {
  Scene s;
  s.dark = dark;
  s.background = kind;
  if (kind == "flat") {
    s.img = cv::Mat(size, CV_8UC4, rc::bgra(dark ? pick(rng, kDark) : pick(rng, kLight)));
  } else if (kind == "gradient") {
    // Between two colours of the same lightness class, at a random angle.
    const cv::Scalar a = rc::bgra(dark ? kDark[0] : kLight[0]);
    const cv::Scalar b = rc::bgra(dark ? kDark[1] : kLight[std::size_t(rng.uniform(1, 3))]);
    const double angle = rng.uniform(0.0, CV_PI);
    const double ux = std::cos(angle), uy = std::sin(angle);
    const double span = std::abs(ux) * size.width + std::abs(uy) * size.height;
    const double x0 = ux < 0 ? size.width : 0, y0 = uy < 0 ? size.height : 0;
    s.img.create(size, CV_8UC4);
    for (int y = 0; y < size.height; ++y) {
      auto* row = s.img.ptr<cv::Vec4b>(y);
      for (int x = 0; x < size.width; ++x) {
        const double t = ((x - x0) * ux + (y - y0) * uy) / span;
        for (int c = 0; c < 3; ++c)
          row[x][c] = cv::saturate_cast<std::uint8_t>(a[c] + t * (b[c] - a[c]));
        row[x][3] = 255;
      }
    }
  } else {
    s.img = photo(rng, size, photos);
  }
  return s;
}

bool free_of(const Scene& s, const cv::Rect& r) {
  if (!inside(r, s.img.size())) return false;
  for (const cv::Rect& k : s.keep_out) {
    if ((k & r).area() > 0) return false;
  }
  for (const cv::Rect& c : s.content) {
    if ((c & r).area() > 0) return false;
  }
  return true;
}

cv::Scalar content_color(cv::RNG& rng, bool dark) {
  static const std::array<const char*, 3> on_light = {"#0A1A2F", "#E4002B", "#0B3D91"};
  static const std::array<const char*, 3> on_dark = {"#FFFFFF", "#3DDC97", "#F4F4F2"};
  return rc::bgra(dark ? pick(rng, on_dark) : pick(rng, on_light));
}

// Draws one piece of foreign content inside `r`: 0 text, 1 button, 2 circle or block, 3 block.
void draw_content(cv::Mat& img, cv::RNG& rng, const cv::Rect& r, bool dark, int kind) {
  static const std::array<const char*, 6> words = {
      "Vinterlys", "Solstrom til hytten", "Kob nu", "Lys op i morket", "Nyhed", "Strom overalt"};
  const cv::Scalar color = content_color(rng, dark);
  if (kind == 0) {  // text filling the box's height
    const std::string word = pick(rng, words);
    int base = 0;
    const cv::Size one = cv::getTextSize(word, cv::FONT_HERSHEY_DUPLEX, 1.0, 2, &base);
    const double scale =
        std::min(double(r.height) / (one.height + base), double(r.width) / one.width);
    cv::putText(img, word, {r.x, r.y + int(one.height * scale)}, cv::FONT_HERSHEY_DUPLEX, scale,
                color, std::max(1, int(scale * 2)), cv::LINE_AA);
  } else if (kind == 1) {  // a button
    cv::rectangle(img, r, color, cv::FILLED, cv::LINE_AA);
    const cv::Scalar label = rc::bgra(dark ? "#0A1A2F" : "#FFFFFF");
    // The label stays inside the button, whatever its shape.
    int base = 0;
    const cv::Size one = cv::getTextSize("Kob nu", cv::FONT_HERSHEY_SIMPLEX, 1.0, 2, &base);
    const double scale = std::min(r.height / 50.0, 0.8 * r.width / one.width);
    cv::putText(img, "Kob nu", {r.x + r.width / 10, r.y + r.height * 2 / 3},
                cv::FONT_HERSHEY_SIMPLEX, scale, label, std::max(1, int(scale * 2)), cv::LINE_AA);
  } else {  // a filled circle or block (kind 3: always a block, filling `r` exactly)
    if (kind == 2 && rng.uniform(0, 2) == 0) {
      cv::circle(img, (r.tl() + r.br()) / 2, std::min(r.width, r.height) / 2, color, cv::FILLED,
                 cv::LINE_AA);
    } else {
      cv::rectangle(img, r, color, cv::FILLED);
    }
  }
}

// Tries to add `count` pieces of content anywhere free; content that does not fit is skipped.
void add_clutter(Scene& s, cv::RNG& rng, int count) {
  const cv::Size size = s.img.size();
  for (int i = 0; i < count; ++i) {
    const int kind = rng.uniform(0, 3);
    for (int attempt = 0; attempt < 40; ++attempt) {
      const int h = rng.uniform(size.height / 14, size.height / 6);
      const int w = kind == 2 ? h : rng.uniform(h * 2, h * 6);
      const cv::Rect r(rng.uniform(0, std::max(1, size.width - w)),
                       rng.uniform(0, std::max(1, size.height - h)), w, h);
      // Content keeps a small margin from other content so boxes do not touch.
      if (!free_of(s, grow(r, 6))) continue;
      draw_content(s.img, rng, r, s.dark, kind);
      s.content.push_back(r);
      break;
    }
  }
}

// Shapes and text that resemble the logos but are not them: the brand name set in a Hershey
// font, three elliptical arcs over a bar (no wordmark), a square with a ring and "NORDLYS".
void add_lookalike(Scene& s, cv::RNG& rng) {
  const cv::Size size = s.img.size();
  const int kind = rng.uniform(0, 3);
  const cv::Scalar blue = rc::bgra(s.dark ? "#FFFFFF" : kLogoBlue);
  for (int attempt = 0; attempt < 40; ++attempt) {
    const int w = rng.uniform(size.width / 5, size.width / 2);
    const int h = w / 3;
    const cv::Rect r(rng.uniform(0, std::max(1, size.width - w)),
                     rng.uniform(0, std::max(1, size.height - h)), w, h);
    if (!free_of(s, grow(r, 6))) continue;
    const double u = w / 240.0;
    const auto P = [&](double x, double y) {
      return cv::Point(r.x + int(x * u), r.y + int(y * u));
    };
    if (kind == 0) {
      int base = 0;
      const cv::Size one = cv::getTextSize("Nordlys", cv::FONT_HERSHEY_DUPLEX, 1.0, 2, &base);
      const double scale = 0.9 * w / one.width;
      cv::putText(s.img, "Nordlys", {r.x, r.y + int(one.height * scale)}, cv::FONT_HERSHEY_DUPLEX,
                  scale, blue, std::max(1, int(scale * 2.5)), cv::LINE_AA);
    } else if (kind == 1) {
      for (int k = 0; k < 3; ++k) {
        cv::ellipse(s.img, P(120, 60), cv::Size(int((90 - 25 * k) * u), int((45 - 12 * k) * u)), 0,
                    180, 360, blue, std::max(1, int((6 - k) * u)), cv::LINE_AA);
      }
      cv::rectangle(s.img, cv::Rect(P(30, 66), P(210, 74)), blue, cv::FILLED, cv::LINE_AA);
    } else {
      cv::rectangle(s.img, cv::Rect(P(8, 12), P(64, 68)), blue, cv::FILLED);
      cv::circle(s.img, P(36, 40), int(16 * u), rc::bgra(s.dark ? kLogoBlue : "#FFFFFF"),
                 std::max(1, int(5 * u)), cv::LINE_AA);
      int base = 0;
      const cv::Size one = cv::getTextSize("NORDLYS", cv::FONT_HERSHEY_SIMPLEX, 1.0, 2, &base);
      const double scale = 150.0 * u / one.width;
      cv::putText(s.img, "NORDLYS", P(74, 52), cv::FONT_HERSHEY_SIMPLEX, scale, blue,
                  std::max(1, int(scale * 2)), cv::LINE_AA);
    }
    s.content.push_back(r);
    return;
  }
}

// How one logo is to be placed.
struct Spec {
  std::string id = kPrimary;
  std::string color;    // "" = as drawn
  int width = 240;      // artboard px before rotation
  double aspect = 1.0;  // sx/sy
  double rotation = 0.0;
  enum class Room { clear, crowded, edge, busy } room = Room::clear;
  std::string note;
};

// Renders and places `spec` on `s` where its surroundings are what the spec says; returns
// false when it does not fit this canvas (the caller then tries a smaller logo).
bool place(Scene& s, cv::RNG& rng, const fs::path& source_dir, const Spec& spec,
           std::vector<LabelledLogo>& out) {
  const int height =
      std::max(8, int(std::lround(spec.width * double(kArtH) / kArtW / spec.aspect)));
  const Sprite sp = make_sprite(source_dir, spec.id, spec.width, height, spec.color, spec.rotation);
  const cv::Size size = s.img.size();
  const int ink_h = sp.ink.height;
  const int keep = int(std::ceil(kKeepOut * ink_h));
  for (int attempt = 0; attempt < 60; ++attempt) {
    // Where the ink box goes; the patch follows.
    cv::Rect ink(0, 0, sp.ink.width, sp.ink.height);
    int edge_side = -1;
    int edge_gap = 0;
    if (spec.room == Spec::Room::edge) {
      edge_side = rng.uniform(0, 4);
      edge_gap = std::max(1, int(std::lround(rng.uniform(0.05, 0.3) * ink_h)));
    }
    ink.x = rng.uniform(0, std::max(1, size.width - ink.width));
    ink.y = rng.uniform(0, std::max(1, size.height - ink.height));
    if (edge_side == 0) ink.x = edge_gap;
    if (edge_side == 1) ink.x = size.width - ink.width - edge_gap;
    if (edge_side == 2) ink.y = edge_gap;
    if (edge_side == 3) ink.y = size.height - ink.height - edge_gap;
    if (!inside(ink, size)) continue;
    cv::Rect zone = grow(ink, keep);
    if (edge_side >= 0) {
      // The clipped side is the violation; the other three stay clear.
      zone &= cv::Rect(0, 0, size.width, size.height);
      const cv::Rect full = grow(ink, keep);
      if ((edge_side != 0 && full.x < 0) || (edge_side != 1 && full.br().x > size.width) ||
          (edge_side != 2 && full.y < 0) || (edge_side != 3 && full.br().y > size.height)) {
        continue;
      }
    }
    if (!free_of(s, zone)) continue;

    cv::Rect intruder;
    if (spec.room == Spec::Room::crowded) {
      const int gap = std::max(2, int(std::lround(rng.uniform(0.1, 0.3) * ink_h)));
      const int w = std::max(6, int(std::lround(rng.uniform(0.6, 1.4) * ink_h)));
      const int h = std::max(6, int(std::lround(rng.uniform(0.6, 1.1) * ink_h)));
      const bool left = rng.uniform(0, 2) == 0;
      intruder =
          cv::Rect(left ? ink.x - gap - w : ink.br().x + gap,
                   ink.y + (ink.height - h) / 2 + rng.uniform(-ink_h / 4, ink_h / 4 + 1), w, h);
      if (!inside(intruder, size)) continue;
    }

    const cv::Point at(ink.x - sp.ink.x, ink.y - sp.ink.y);
    if (s.background == "photo") {
      if (spec.room != Spec::Room::busy) {
        // A calm plate behind the logo, larger than any zone, as designers place logos on photos.
        const cv::Rect plate = grow(ink, int(std::ceil((kKeepOut + 0.2) * ink_h))) &
                               cv::Rect(0, 0, size.width, size.height);
        cv::rectangle(s.img, plate, rc::bgra(s.dark ? kDark[0] : kLight[0]), cv::FILLED);
      }
    }
    if (spec.room == Spec::Room::crowded) {
      // A button or block fills its box, so its near edge is exactly `gap` from the artwork.
      draw_content(s.img, rng, intruder, s.dark, rng.uniform(0, 2) == 0 ? 1 : 3);
      s.content.push_back(intruder);
    }
    composite(s.img, sp.patch, at);
    s.keep_out.push_back(zone);

    LabelledLogo l;
    l.logo_id = spec.id;
    l.box = to_box(ink);
    double minx = 1e9, miny = 1e9, maxx = -1e9, maxy = -1e9;
    for (const cv::Point2d& p : sp.art) {
      minx = std::min(minx, p.x + at.x);
      miny = std::min(miny, p.y + at.y);
      maxx = std::max(maxx, p.x + at.x);
      maxy = std::max(maxy, p.y + at.y);
    }
    l.artboard = {int(std::floor(minx)), int(std::floor(miny)),
                  int(std::ceil(maxx - std::floor(minx))), int(std::ceil(maxy - std::floor(miny)))};
    l.color = spec.color.empty() ? (spec.id == kPrimary ? kLogoBlue : "") : spec.color;
    l.scale_x = double(spec.width) / kArtW;
    l.scale_y = double(height) / kArtH;
    l.rotation_deg = spec.rotation;
    l.note = spec.note;
    if (spec.id == kWordmark2019) l.violations.push_back(kDeprecated);
    if (spec.id == kPrimary) {
      static const std::array<const char*, 3> allowed = {kLogoBlue, "#FFFFFF", "#0A1A2F"};
      if (std::find(allowed.begin(), allowed.end(), l.color) == allowed.end()) {
        l.violations.push_back(kRecolored);
      }
      if (std::abs(l.scale_x / l.scale_y - 1.0) > 0.03 || std::abs(spec.rotation) > 2.0) {
        l.violations.push_back(kDistorted);
      }
      if (sp.ink.width < kMinWidthPx) l.violations.push_back(kTooSmall);
      if (spec.room != Spec::Room::clear) l.violations.push_back(kClearSpace);
    }
    out.push_back(std::move(l));
    return true;
  }
  return false;
}

std::string fmt_ratio(double v) { return fmt::format("{:.3f}", v); }

struct Scenario {
  const char* name;
  bool required_channel;
};
// One of each per cycle, so every class has about images / 14 examples.
const std::array<Scenario, 14> kScenarios = {{{"clean", false},
                                              {"deprecated", false},
                                              {"recolored", false},
                                              {"stretched", false},
                                              {"rotated", false},
                                              {"too-small", false},
                                              {"crowded", false},
                                              {"edge", false},
                                              {"busy", false},
                                              {"multi", false},
                                              {"no-logo", false},
                                              {"missing", true},
                                              {"required", true},
                                              {"clean-large", false}}};

// The logo width (artboard px) for a canvas: visible artwork ≥ 115 px and room for the keep-out.
int normal_width(cv::RNG& rng, cv::Size canvas, double max_share = 0.5) {
  const int hi = std::max(124, int(std::min(canvas.width * max_share, canvas.height * 1.2)));
  return rng.uniform(124, hi + 1);
}

LabelledImage make_image(int index, const Scenario& sc, cv::RNG& rng, const Options& options,
                         const std::vector<cv::Mat>& photos, cv::Size size_override, cv::Mat& img) {
  const std::string name = sc.name;
  cv::Size size = kCanvases[std::size_t(rng.uniform(0, int(kCanvases.size())))];
  if (name == "multi" || name == "clean-large")
    size = rng.uniform(0, 2) ? cv::Size(1200, 628) : cv::Size(1080, 1080);
  if (size_override.area() > 0) size = size_override;
  static const std::array<const char*, 3> kinds = {"flat", "gradient", "photo"};
  std::string kind = kinds[std::size_t(rng.uniform(0, 3))];
  if (name == "busy") kind = "photo";
  // The deprecated artwork has a dark blue square: it goes on light backgrounds.
  bool dark = rng.uniform(0, 3) == 0 && name != "deprecated" && name != "multi";
  Scene s = background(rng, size, kind, dark, photos);

  LabelledImage li;
  li.scenario = name;
  li.background = kind == "photo" && name != "busy" && name != "no-logo" && name != "missing"
                      ? "photo-plate"
                      : kind;
  li.width = size.width;
  li.height = size.height;

  const auto allowed_color = [&] {
    return s.dark ? std::string("#FFFFFF") : std::string(rng.uniform(0, 3) == 0 ? "#0A1A2F" : "");
  };
  const auto clean_spec = [&] {
    Spec sp;
    sp.color = allowed_color();
    sp.width = normal_width(rng, size);
    // Near misses that must not be reported: stretch within 1 %, rotation within 1°.
    if (rng.uniform(0, 2) == 0) sp.aspect = rng.uniform(0.99, 1.01);
    if (rng.uniform(0, 2) == 0) sp.rotation = rng.uniform(-1.0, 1.0);
    sp.note = fmt::format("aspect {} rotation {:.2f}°", fmt_ratio(sp.aspect), sp.rotation);
    return sp;
  };

  std::vector<Spec> specs;
  if (name == "clean" || name == "required" || name == "clean-large") {
    specs.push_back(clean_spec());
    if (name == "clean-large") specs.back().width = normal_width(rng, size, 0.6);
  } else if (name == "deprecated") {
    Spec sp;
    sp.id = kWordmark2019;
    sp.width = normal_width(rng, size);
    sp.note = "2019 wordmark";
    specs.push_back(sp);
  } else if (name == "recolored") {
    Spec sp = clean_spec();
    sp.color = s.dark ? pick(rng, kWrongOnDark) : pick(rng, kWrongOnLight);
    sp.note = "recoloured " + sp.color;
    specs.push_back(sp);
  } else if (name == "stretched") {
    Spec sp = clean_spec();
    const double f = rng.uniform(1.05, 1.25);
    sp.aspect = rng.uniform(0, 2) == 0 ? f : 1.0 / f;
    sp.rotation = 0;
    sp.note = "stretched sx/sy " + fmt_ratio(sp.aspect);
    specs.push_back(sp);
  } else if (name == "rotated") {
    Spec sp = clean_spec();
    sp.aspect = 1.0;
    sp.rotation = rng.uniform(4.0, 20.0) * (rng.uniform(0, 2) == 0 ? 1 : -1);
    sp.note = fmt::format("rotated {:.2f}°", sp.rotation);
    specs.push_back(sp);
  } else if (name == "too-small") {
    Spec sp = clean_spec();
    sp.width = rng.uniform(66, 90);  // visible artwork ≈ 0.95 × this: 63–86 px
    sp.note = fmt::format("artboard {} px wide", sp.width);
    specs.push_back(sp);
  } else if (name == "crowded" || name == "edge" || name == "busy") {
    Spec sp = clean_spec();
    sp.room = name == "crowded" ? Spec::Room::crowded
              : name == "edge"  ? Spec::Room::edge
                                : Spec::Room::busy;
    sp.note = name == "crowded" ? "foreign content in the clear space"
              : name == "edge"  ? "clear space clipped by the canvas edge"
                                : "directly on a photo";
    specs.push_back(sp);
  } else if (name == "multi") {
    const int n = rng.uniform(2, 4);
    for (int k = 0; k < n; ++k) {
      Spec sp = clean_spec();
      sp.width = rng.uniform(124, 300);
      const int variant = rng.uniform(0, 3);
      if (variant == 1) {
        sp = Spec{};
        sp.id = kWordmark2019;
        sp.width = rng.uniform(124, 300);
        sp.note = "2019 wordmark";
      } else if (variant == 2) {
        sp.color = pick(rng, kWrongOnLight);
        sp.note = "recoloured " + sp.color;
      }
      specs.push_back(sp);
    }
  }

  for (Spec& sp : specs) {
    // Shrink until it fits (a too-small logo stays too small: its range is already small).
    for (int tries = 0; tries < 8; ++tries) {
      if (place(s, rng, options.source_dir, sp, li.logos)) break;
      if (name != "too-small") sp.width = std::max(124, sp.width * 4 / 5);
    }
  }
  if (li.logos.size() != specs.size()) {
    throw std::runtime_error(fmt::format("corpus image {} ({}): a logo did not fit", index, name));
  }
  if (name == "no-logo" || name == "missing") {
    for (int k = rng.uniform(1, 3); k > 0; --k) add_lookalike(s, rng);
  }
  add_clutter(s, rng, rng.uniform(1, 5));
  li.missing = sc.required_channel && li.logos.empty();
  img = s.img;
  // A quarter of the images are JPEGs, as exported banners often are.
  const bool jpeg = rng.uniform(0, 4) == 0;
  li.file = fmt::format("{}/{:04d}-{}.{}", sc.required_channel ? "required" : "images", index, name,
                        jpeg ? "jpg" : "png");
  return li;
}

std::string guide_text(const fs::path& source_dir, bool with_2019,
                       const std::vector<std::string>& extra) {
  const fs::path logos = fs::absolute(source_dir / "brandguide/examples/nordlys/logos");
  std::string t = fmt::format(
      "# Generated by tools/logo_corpus: the Nordlys palette and example logos "
      "(docs/logo-corpus.md).\n"
      "[brand]\nname = \"Nordlys\"\nversion = \"logo-corpus\"\nlocale = \"da-DK\"\n\n"
      "[palette]\nneutrals = [\"#FFFFFF\", \"#000000\", \"#F4F4F2\"]\n\n"
      "[[palette.color]]\nname = \"Nordlys Blå\"\nhex = \"#0B3D91\"\ntints = [20, 40, 60, 80]\n\n"
      "[[palette.color]]\nname = \"Midnat\"\nhex = \"#0A1A2F\"\n\n"
      "[[palette.color]]\nname = \"Polarlys\"\nhex = \"#3DDC97\"\n\n"
      "[[palette.color]]\nname = \"Nordlys Rød\"\nhex = \"#E4002B\"\n\n"
      "[[logo]]\nid = \"primary\"\nfile = \"{}\"\ncolorways = [\"Nordlys Blå\", \"#FFFFFF\", "
      "\"Midnat\"]\n"
      "min_width_px = 96\nclear_space = 0.5\nrotation = false\n",
      (logos / "nordlys-primary.svg").string());
  if (with_2019) {
    t += fmt::format(
        "\n[[logo]]\nid = \"2019-wordmark\"\nfile = \"{}\"\ndeprecated = true\n"
        "replaced_by = \"primary\"\n",
        (logos / "nordlys-2019.svg").string());
  }
  for (const std::string& e : extra) t += e;
  t += "\n[channels.required]\ninclude = [\"required/**\"]\nrequire_logo = true\n";
  return t;
}

// Three more reference logos for the five-logo benchmark guide: distinct artwork in the same
// style (a sub-brand wordmark, a stacked lock-up, the 2019 symbol alone).
std::vector<std::pair<std::string, std::string>> extra_logos() {
  return {
      {"polarlys",
       R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80" width="240" height="80">
  <g fill="none" stroke="#3DDC97" stroke-linecap="round">
    <path d="M8 44 C 24 10, 56 10, 72 44" stroke-width="7"/>
    <circle cx="40" cy="40" r="9" stroke-width="4"/>
  </g>
  <text x="82" y="52" font-family="sans-serif" font-size="30" font-style="italic" fill="#0A1A2F">Polarlys</text>
</svg>
)"},
      {"stacked",
       R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160">
  <g fill="none" stroke="#0B3D91" stroke-linecap="round">
    <path d="M30 70 C 55 20, 105 20, 130 70" stroke-width="8"/>
    <path d="M50 70 C 65 42, 95 42, 110 70" stroke-width="6"/>
  </g>
  <rect x="30" y="82" width="100" height="8" rx="4" fill="#E4002B"/>
  <text x="80" y="130" text-anchor="middle" font-family="serif" font-size="30" font-weight="700" fill="#0B3D91">NORDLYS</text>
</svg>
)"},
      {"symbol-2019",
       R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" width="80" height="80">
  <rect x="4" y="4" width="72" height="72" rx="6" fill="#0B3D91"/>
  <polygon points="40,12 47,32 68,32 51,44 57,66 40,53 23,66 29,44 12,32 33,32" fill="#FFFFFF"/>
</svg>
)"}};
}

}  // namespace

fs::path default_photos() {
  const fs::path dir = "/usr/share/doc/opencv-doc/examples/data";
  return fs::exists(dir / "baboon.jpg") ? dir : fs::path();
}

cv::Mat render_logo(const fs::path& source_dir, const std::string& id, int width, int height,
                    const std::string& color) {
  std::string svg = resize_svg(read_text(logo_file(source_dir, id)), width, height);
  if (!color.empty()) {
    svg = std::regex_replace(svg, std::regex(kLogoBlue, std::regex::icase), color);
  }
  // brandlint's own SVG renderer (librsvg, as for every SVG it checks and every guide logo).
  std::string error;
  cv::Mat pixels = render_svg_bgra(svg, 0.0, std::uint64_t(width) * std::uint64_t(height), error);
  if (pixels.cols != width || pixels.rows != height) {
    throw std::runtime_error(
        fmt::format("rendering {} at {}×{} failed: {}", id, width, height, error));
  }
  return pixels;
}

Corpus generate(const fs::path& out, const Options& options) {
  Corpus corpus;
  corpus.dir = out;
  corpus.seed = options.seed;
  fs::create_directories(out / "images");
  fs::create_directories(out / "required");
  fs::create_directories(out / "logos");

  std::vector<cv::Mat> photos;
  if (!options.photos.empty()) {
    // A fixed list, so the corpus does not depend on what else the folder holds.
    for (const char* name :
         {"baboon.jpg", "starry_night.jpg", "fruits.jpg", "messi5.jpg", "lena.jpg"}) {
      cv::Mat p = cv::imread((options.photos / name).string(), cv::IMREAD_COLOR);
      if (!p.empty()) photos.push_back(p);
    }
  }

  cv::RNG rng(options.seed);
  for (int i = 0; i < options.images; ++i) {
    cv::Mat img;
    const Scenario& sc = kScenarios[std::size_t(i) % kScenarios.size()];
    LabelledImage li = make_image(i, sc, rng, options, photos, {}, img);
    const fs::path file = out / li.file;
    // Fast PNG compression: the corpus is written on every test run.
    std::vector<int> params = {cv::IMWRITE_PNG_COMPRESSION, 1};
    if (file.extension() == ".jpg") params = {cv::IMWRITE_JPEG_QUALITY, 90};
    cv::Mat bgr;
    cv::cvtColor(img, bgr, cv::COLOR_BGRA2BGR);
    if (!cv::imwrite(file.string(), bgr, params))
      throw std::runtime_error("cannot write " + file.string());
    corpus.images.push_back(std::move(li));
  }

  corpus.guide = out / "brandguide.toml";
  write_text(corpus.guide, guide_text(options.source_dir, true, {}));
  corpus.guide_one = out / "brandguide-1.toml";
  write_text(corpus.guide_one, guide_text(options.source_dir, false, {}));
  std::vector<std::string> extra;
  for (const auto& [id, svg] : extra_logos()) {
    write_text(out / "logos" / (id + ".svg"), svg);
    extra.push_back(fmt::format("\n[[logo]]\nid = \"{}\"\nfile = \"logos/{}.svg\"\n", id, id));
  }
  corpus.guide_five = out / "brandguide-5.toml";
  write_text(corpus.guide_five, guide_text(options.source_dir, true, extra));
  write_text(out / "labels.json", to_json(corpus).dump(1) + "\n");
  // `brandlint check OUT` lints the images only: not the reference logos, guides or labels.
  write_text(out / ".brandlintignore", "logos/\n*.toml\n*.json\n*.txt\n");
  return corpus;
}

namespace {

double round4(double v) { return std::round(v * 1e4) / 1e4; }
Json box_json(const PixelBox& b) { return Json::array({b.x, b.y, b.w, b.h}); }
PixelBox box_from(const Json& j) {
  return {j.at(0).get<int>(), j.at(1).get<int>(), j.at(2).get<int>(), j.at(3).get<int>()};
}

}  // namespace

cv::Mat scenario_image(const Options& options, const std::string& scenario, cv::Size size,
                       LabelledImage* label) {
  const auto it = std::find_if(kScenarios.begin(), kScenarios.end(),
                               [&](const Scenario& sc) { return scenario == sc.name; });
  if (it == kScenarios.end()) throw std::invalid_argument("unknown corpus scenario: " + scenario);
  std::vector<cv::Mat> photos;
  cv::RNG rng(options.seed);
  cv::Mat img;
  LabelledImage li = make_image(0, *it, rng, options, photos, size, img);
  if (label != nullptr) *label = std::move(li);
  return img;
}

Json to_json(const Corpus& corpus) {
  Json doc;
  doc["schema"] = "brandlint-logo-corpus/1";
  doc["seed"] = corpus.seed;
  doc["guide"] = corpus.guide.filename().string();
  doc["guide_one_logo"] = corpus.guide_one.filename().string();
  doc["guide_five_logos"] = corpus.guide_five.filename().string();
  doc["classes"] = violation_classes();
  Json items = Json::array();
  for (const LabelledImage& li : corpus.images) {
    Json logos = Json::array();
    for (const LabelledLogo& l : li.logos) {
      logos.push_back({{"logo", l.logo_id},
                       {"box", box_json(l.box)},
                       {"artboard", box_json(l.artboard)},
                       {"color", l.color},
                       {"scale_x", round4(l.scale_x)},
                       {"scale_y", round4(l.scale_y)},
                       {"rotation_deg", round4(l.rotation_deg)},
                       {"violations", l.violations},
                       {"note", l.note}});
    }
    items.push_back({{"file", li.file},
                     {"scenario", li.scenario},
                     {"background", li.background},
                     {"width", li.width},
                     {"height", li.height},
                     {"missing", li.missing},
                     {"logos", std::move(logos)}});
  }
  doc["images"] = std::move(items);
  return doc;
}

Corpus read_labels(const fs::path& labels_json) {
  const Json doc = Json::parse(read_text(labels_json));
  Corpus c;
  c.dir = labels_json.parent_path();
  c.seed = doc.at("seed").get<std::uint64_t>();
  c.guide = c.dir / doc.at("guide").get<std::string>();
  c.guide_one = c.dir / doc.at("guide_one_logo").get<std::string>();
  c.guide_five = c.dir / doc.at("guide_five_logos").get<std::string>();
  for (const Json& item : doc.at("images")) {
    LabelledImage li;
    li.file = item.at("file").get<std::string>();
    li.scenario = item.at("scenario").get<std::string>();
    li.background = item.at("background").get<std::string>();
    li.width = item.at("width").get<int>();
    li.height = item.at("height").get<int>();
    li.missing = item.at("missing").get<bool>();
    for (const Json& l : item.at("logos")) {
      LabelledLogo ll;
      ll.logo_id = l.at("logo").get<std::string>();
      ll.box = box_from(l.at("box"));
      ll.artboard = box_from(l.at("artboard"));
      ll.color = l.at("color").get<std::string>();
      ll.scale_x = l.at("scale_x").get<double>();
      ll.scale_y = l.at("scale_y").get<double>();
      ll.rotation_deg = l.at("rotation_deg").get<double>();
      ll.violations = l.at("violations").get<std::vector<std::string>>();
      ll.note = l.at("note").get<std::string>();
      li.logos.push_back(std::move(ll));
    }
    c.images.push_back(std::move(li));
  }
  return c;
}

}  // namespace brandlint::logo_corpus
