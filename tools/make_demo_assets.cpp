// Draws every binary asset of the example campaign (fixtures/demo/) deterministically.
//
//   tools/make_demo_assets.sh            # builds this file and writes into fixtures/demo
//   make_demo_assets OUTPUT_DIR          # what the script runs
//
// All flat areas use exact brand colours (brandguide/examples/nordlys/brandguide.toml), except
// the violations planted on purpose and documented in fixtures/demo/README.md. Shapes are drawn
// without anti-aliasing so a flat area is exactly one colour; only text and the logos (rendered
// from the guide's SVG files) are anti-aliased, as in real banners. OpenCV stores pixels as BGR, so colours are built from "#RRGGBB" by hex().
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "tools/logo_corpus.h"

namespace fs = std::filesystem;

namespace {

// The repository: BRANDLINT_SOURCE_DIR when set, else the folder this tool was built from.
fs::path repository() {
  if (const char* env = std::getenv("BRANDLINT_SOURCE_DIR"); env && *env) return env;
  return BRANDLINT_SOURCE_DIR;
}

// "#RRGGBB" -> BGR scalar. Compile-time values only, so a typo fails loudly at start-up.
cv::Scalar hex(std::string_view h) {
  auto nib = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    std::fprintf(stderr, "bad hex colour %.*s\n", static_cast<int>(h.size()), h.data());
    std::exit(2);
  };
  if (h.size() != 7 || h[0] != '#') nib('?');
  const int r = nib(h[1]) * 16 + nib(h[2]);
  const int g = nib(h[3]) * 16 + nib(h[4]);
  const int b = nib(h[5]) * 16 + nib(h[6]);
  return {double(b), double(g), double(r)};
}

// The brand palette, as listed in the guide.
const cv::Scalar kBlaa = hex("#0B3D91");      // Nordlys Blå (primary)
const cv::Scalar kMidnat = hex("#0A1A2F");    // Midnat (text, dark backgrounds)
const cv::Scalar kPolarlys = hex("#3DDC97");  // Polarlys (accent, max 15 % of the area)
const cv::Scalar kRoed = hex("#E4002B");      // Nordlys Rød (calls to action)
const cv::Scalar kHvid = hex("#FFFFFF");      // neutrals
const cv::Scalar kSne = hex("#F4F4F2");

// Planted violations: colours that are NOT in the palette.
const cv::Scalar kOffRed = hex("#C8102E");     // a one-off "sale" red, 5.9 ΔE00 from Nordlys Rød
const cv::Scalar kOffOrange = hex("#FF7A00");  // an agency's orange call-to-action button

const std::vector<std::pair<std::string, cv::Scalar>> kReportColours = {
    {"Nordlys Blå #0B3D91", kBlaa},   {"Midnat #0A1A2F", kMidnat},
    {"Polarlys #3DDC97", kPolarlys},  {"Nordlys Rød #E4002B", kRoed},
    {"#FFFFFF", kHvid},               {"#F4F4F2", kSne},
    {"off: #C8102E", kOffRed},        {"off: #FF7A00", kOffOrange},
};

constexpr int kFont = cv::FONT_HERSHEY_DUPLEX;

// Text whose cap height is about `px` pixels, left-aligned at `org` (baseline).
void text(cv::Mat& img, const std::string& s, cv::Point org, int px, const cv::Scalar& colour,
          int thickness = -1) {
  const double scale = px / 22.0;  // Hershey duplex capitals are ~22 units tall at scale 1
  if (thickness < 0) thickness = std::max(1, px / 9);
  cv::putText(img, s, org, kFont, scale, colour, thickness, cv::LINE_AA);
}

int text_width(const std::string& s, int px, int thickness = -1) {
  if (thickness < 0) thickness = std::max(1, px / 9);
  int base = 0;
  return cv::getTextSize(s, kFont, px / 22.0, thickness, &base).width;
}

void box(cv::Mat& img, cv::Rect r, const cv::Scalar& colour) {
  cv::rectangle(img, r, colour, cv::FILLED, cv::LINE_8);
}

// A button: flat box with centred label.
void button(cv::Mat& img, cv::Rect r, const cv::Scalar& fill, const std::string& label,
            const cv::Scalar& ink) {
  box(img, r, fill);
  int px = r.height * 2 / 5;
  while (px > 8 && text_width(label, px) > r.width * 4 / 5) --px;  // fit the label
  const int w = text_width(label, px);
  text(img, label, {r.x + (r.width - w) / 2, r.y + (r.height + px) / 2}, px, ink);
}

// Grey bars that stand in for body copy (the real copy lives in the .txt/.md next to the image).
void copy_lines(cv::Mat& img, cv::Rect area, int lines, const cv::Scalar& colour) {
  const int h = std::max(4, area.height / (2 * lines));
  for (int i = 0; i < lines; ++i) {
    const int w = (i == lines - 1) ? area.width * 3 / 5 : area.width - (i % 2) * area.width / 12;
    box(img, {area.x, area.y + i * 2 * h, w, h}, colour);
  }
}

// An aurora band: the area between two sine curves across the whole width.
void aurora(cv::Mat& img, int y, int amplitude, int thickness, double waves, double phase,
            const cv::Scalar& colour) {
  std::vector<cv::Point> pts;
  const int w = img.cols;
  for (int x = 0; x <= w; x += 4) {
    const double t = 2.0 * CV_PI * waves * x / w + phase;
    pts.emplace_back(x, y + int(std::lround(amplitude * std::sin(t))));
  }
  for (int x = w; x >= 0; x -= 4) {
    const double t = 2.0 * CV_PI * waves * x / w + phase;
    pts.emplace_back(x, y + thickness + int(std::lround(amplitude * 0.6 * std::sin(t + 0.8))));
  }
  cv::fillPoly(img, std::vector<std::vector<cv::Point>>{pts}, colour, cv::LINE_8);
}

// Mountains: a jagged polygon from `base_y` up to the given peaks, filled to the bottom edge.
void mountains(cv::Mat& img, const std::vector<cv::Point>& peaks, const cv::Scalar& colour) {
  std::vector<cv::Point> pts{{0, img.rows}};
  pts.insert(pts.end(), peaks.begin(), peaks.end());
  pts.emplace_back(img.cols, img.rows);
  cv::fillPoly(img, std::vector<std::vector<cv::Point>>{pts}, colour, cv::LINE_8);
}

// Places one of the guide's logo files (brandguide/examples/nordlys/logos/) as a designer
// would: the SVG rendered by brandlint's own renderer (librsvg) at `w` px wide and its
// viewBox's height (240x80 -> w/3), in the colourway `ink` ("#RRGGBB"; empty keeps the file's
// colours), alpha-composited at `top_left`. The rendering is the reference brandlint matches
// against, so a correct placement measures as correct; hand-drawn approximations of the
// wordmark measured as squashed. Anti-aliased edges blend the logo with its background, two
// allowed colours.
void logo_file(cv::Mat& img, const std::string& id, cv::Point top_left, int w,
               const std::string& ink) {
  const cv::Mat bgra = brandlint::logo_corpus::render_logo(repository(), id, w,
                                                           int(std::lround(w / 3.0)), ink);
  for (int y = 0; y < bgra.rows; ++y) {
    for (int x = 0; x < bgra.cols; ++x) {
      const cv::Point at = top_left + cv::Point(x, y);
      if (at.x < 0 || at.y < 0 || at.x >= img.cols || at.y >= img.rows) continue;
      const auto& src = bgra.at<cv::Vec4b>(y, x);
      auto& dst = img.at<cv::Vec3b>(at);
      const int a = src[3];
      for (int c = 0; c < 3; ++c) {
        dst[c] = cv::saturate_cast<std::uint8_t>((src[c] * a + dst[c] * (255 - a) + 127) / 255);
      }
    }
  }
}

// The primary Nordlys logo in a colourway: Nordlys Blå (the file's own), white or Midnat.
void logo(cv::Mat& img, cv::Point top_left, int w, const std::string& ink) {
  logo_file(img, "primary", top_left, w, ink);
}

// The retired 2019 wordmark (logos/nordlys-2019.svg), in its own colours. Deprecated.
void logo_2019(cv::Mat& img, cv::Point top_left, int w) {
  logo_file(img, "2019-wordmark", top_left, w, "");
}

// ---------------------------------------------------------------- writing

// CRC-32 (PNG chunk checksum), table-free.
std::uint32_t crc32(const std::uint8_t* p, std::size_t n, std::uint32_t crc = 0xFFFFFFFFu) {
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= p[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc;
}

void put_be32(std::vector<std::uint8_t>& v, std::uint32_t x) {
  for (int s = 24; s >= 0; s -= 8) v.push_back(std::uint8_t(x >> s));
}

// Inserts a pHYs chunk (pixels per metre) right after IHDR, so print tools see a resolution.
std::vector<std::uint8_t> with_dpi(const std::vector<std::uint8_t>& png, double dpi) {
  const auto ppm = std::uint32_t(std::lround(dpi / 0.0254));
  std::vector<std::uint8_t> chunk;
  put_be32(chunk, 9);
  const std::size_t type_at = chunk.size();
  for (char c : std::string_view("pHYs")) chunk.push_back(std::uint8_t(c));
  put_be32(chunk, ppm);
  put_be32(chunk, ppm);
  chunk.push_back(1);  // unit: metre
  put_be32(chunk, crc32(chunk.data() + type_at, chunk.size() - type_at) ^ 0xFFFFFFFFu);
  constexpr std::size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;  // signature + IHDR chunk
  std::vector<std::uint8_t> out(png.begin(), png.begin() + kAfterIhdr);
  out.insert(out.end(), chunk.begin(), chunk.end());
  out.insert(out.end(), png.begin() + kAfterIhdr, png.end());
  return out;
}

void write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", path.string().c_str());
    std::exit(1);
  }
}

// Prints size and the share of each palette colour. `tol` widens the match per channel (JPEG).
void report(const fs::path& root, const fs::path& rel, const cv::Mat& img, int tol = 0) {
  const auto kb = double(fs::file_size(root / rel)) / 1024.0;
  std::printf("%-42s %4dx%-4d %6.1f KB ", rel.generic_string().c_str(), img.cols, img.rows, kb);
  const double total = double(img.total());
  for (const auto& [name, colour] : kReportColours) {
    cv::Mat mask;
    const cv::Scalar t(tol, tol, tol);
    cv::inRange(img, colour - t, colour + t, mask);
    const int n = cv::countNonZero(mask);
    if (n > 0) std::printf(" | %s %.1f%%", name.c_str(), 100.0 * n / total);
  }
  std::printf("\n");
}

void write_png(const fs::path& root, const fs::path& rel, const cv::Mat& img, double dpi = 0) {
  std::vector<std::uint8_t> buf;
  cv::imencode(".png", img, buf, {cv::IMWRITE_PNG_COMPRESSION, 9});
  write_bytes(root / rel, dpi > 0 ? with_dpi(buf, dpi) : buf);
  report(root, rel, img);
}

void write_jpeg(const fs::path& root, const fs::path& rel, const cv::Mat& img, int quality) {
  std::vector<std::uint8_t> buf;
  cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
  write_bytes(root / rel, buf);
  report(root, rel, cv::imdecode(buf, cv::IMREAD_COLOR), 3);  // what a reader decodes, ±3
}

cv::Mat canvas(int w, int h, const cv::Scalar& bg) { return cv::Mat(h, w, CV_8UC3, bg); }

// ---------------------------------------------------------------- Instagram

// Feed square. Planted: an off-palette #C8102E "Nyhed" sticker, 200x120 px.
cv::Mat instagram_square() {
  cv::Mat img = canvas(1080, 1080, kMidnat);
  text(img, "Vinter med", {80, 170}, 90, kHvid);
  text(img, "Nordlys", {80, 310}, 90, kHvid);
  aurora(img, 390, 40, 70, 1.3, 0.4, kPolarlys);
  copy_lines(img, {80, 540, 560, 60}, 2, kSne);
  mountains(img, {{0, 800}, {180, 720}, {330, 790}, {520, 650}, {700, 780}, {860, 700},
                  {1080, 770}},
            kBlaa);
  button(img, {800, 520, 200, 120}, kOffRed, "Nyhed", kHvid);  // PLANTED: off-palette sticker
  button(img, {80, 900, 300, 90}, kRoed, "Se mere", kHvid);
  logo(img, {690, 880}, 330, "#FFFFFF");
  return img;
}

// Feed portrait for Nordlys Plus. Planted: Polarlys covers far more than 15 % of the area.
cv::Mat instagram_portrait() {
  cv::Mat img = canvas(1080, 1350, kBlaa);
  aurora(img, 260, 60, 170, 0.9, 0.0, kPolarlys);   // PLANTED: three wide accent bands...
  aurora(img, 520, 50, 150, 1.2, 1.7, kPolarlys);   // ...together far above max_share 0.15
  aurora(img, 740, 40, 110, 0.7, 2.9, kPolarlys);
  // The product: a portable power station.
  box(img, {300, 760, 480, 320}, kMidnat);
  box(img, {340, 800, 240, 110}, kSne);
  box(img, {620, 800, 120, 40}, kPolarlys);
  box(img, {620, 860, 120, 40}, kRoed);
  copy_lines(img, {340, 950, 400, 90}, 3, kBlaa);
  text(img, "Nordlys Plus", {80, 1200}, 80, kHvid);
  text(img, "Lys og varme hele vinteren", {80, 1270}, 40, kSne);
  logo(img, {60, 30}, 300, "#FFFFFF");
  return img;
}

// Story. Copy kept inside the 250 px safe zones. Planted: no logo (the channel requires one).
cv::Mat instagram_story() {
  cv::Mat img = canvas(1080, 1920, kMidnat);
  aurora(img, 420, 50, 90, 1.1, 2.2, kPolarlys);
  mountains(img, {{0, 1500}, {240, 1330}, {430, 1450}, {650, 1280}, {880, 1420}, {1080, 1350}},
            kBlaa);
  text(img, "Kom ud", {80, 760}, 120, kHvid);
  text(img, "i kulden", {80, 910}, 120, kHvid);
  copy_lines(img, {80, 980, 700, 100}, 3, kSne);
  button(img, {80, 1500, 420, 110}, kRoed, "Swipe op", kHvid);
  return img;
}

// The planted unreadable asset: a PNG signature followed by garbage.
std::vector<std::uint8_t> corrupt_png() {
  std::vector<std::uint8_t> v = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::uint32_t s = 20260122u;  // fixed seed: the file is identical on every run
  for (int i = 0; i < 248; ++i) {
    s = s * 1664525u + 1013904223u;
    v.push_back(std::uint8_t(s >> 24));
  }
  return v;
}

// ---------------------------------------------------------------- display banners

cv::Mat display_medium_rectangle() {  // 300x250, clean
  cv::Mat img = canvas(300, 250, kMidnat);
  aurora(img, 40, 8, 18, 1.0, 0.5, kPolarlys);
  box(img, {0, 166, 300, 84}, kBlaa);  // ground
  text(img, "Vinter med", {20, 110}, 24, kHvid);
  text(img, "Nordlys Plus", {20, 145}, 24, kHvid);
  button(img, {20, 180, 120, 44}, kRoed, "Se mere", kHvid);
  logo(img, {160, 190}, 120, "#FFFFFF");
  return img;
}

cv::Mat display_leaderboard() {  // 728x90. Planted: off-palette orange call-to-action.
  cv::Mat img = canvas(728, 90, kMidnat);
  box(img, {0, 82, 728, 8}, kPolarlys);
  logo(img, {20, 22}, 120, "#FFFFFF");
  text(img, "Lys hele vinteren", {215, 55}, 22, kHvid);
  button(img, {560, 18, 150, 50}, kOffOrange, "Se mere", kHvid);  // PLANTED
  return img;
}

// 160x600, clean; saved as JPEG. JPEG codes 16x16 blocks (chroma at half resolution), so flat
// shapes sit on that grid: a thin light bar across a block boundary comes back tinted.
cv::Mat display_skyscraper() {
  cv::Mat img = canvas(160, 600, kBlaa);
  aurora(img, 90, 10, 30, 0.8, 1.0, kPolarlys);
  text(img, "Vinter", {16, 220}, 26, kHvid);
  text(img, "med", {16, 260}, 26, kHvid);
  text(img, "Nordlys", {16, 300}, 26, kHvid);
  box(img, {16, 320, 128, 16}, kSne);  // body copy, two lines
  box(img, {16, 352, 96, 16}, kSne);
  box(img, {0, 400, 160, 200}, kMidnat);  // night ground, on the block grid
  button(img, {16, 448, 128, 48}, kRoed, "Se mere", kHvid);
  logo(img, {16, 528}, 128, "#FFFFFF");
  return img;
}

// ---------------------------------------------------------------- outdoor

// A1 poster (594x841 mm) at 1684x2384 px, i.e. 72 dpi. Planted: below the outdoor channel's
// min_dpi 100, and the retired 2019 wordmark instead of the primary logo.
cv::Mat poster_a1() {
  cv::Mat img = canvas(1684, 2384, kMidnat);
  aurora(img, 640, 80, 150, 1.0, 0.3, kPolarlys);
  text(img, "Vinter med", {120, 260}, 150, kHvid);
  text(img, "Nordlys Plus", {120, 450}, 150, kHvid);
  mountains(img, {{0, 1700}, {300, 1500}, {560, 1640}, {900, 1380}, {1250, 1600},
                  {1480, 1480}, {1684, 1560}},
            kBlaa);
  copy_lines(img, {120, 1050, 1000, 160}, 4, kSne);
  box(img, {1100, 1760, 460, 300}, kMidnat);  // the product on the snow line
  box(img, {1140, 1800, 230, 110}, kSne);
  box(img, {1400, 1800, 120, 40}, kPolarlys);
  // PLANTED: the printer reused the 2019 template: white footer with the retired wordmark.
  box(img, {0, 2120, 1684, 264}, kHvid);
  logo_2019(img, {110, 2150}, 600);
  return img;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTPUT_DIR   (normally fixtures/demo)\n", argv[0]);
    return 2;
  }
  const fs::path root = argv[1];
  std::printf("%-42s %-9s %9s  palette shares (exact; JPEG: decoded, ±3 per channel)\n", "file", "size", "bytes");

  write_png(root, "social/instagram/vinter-1080x1080.png", instagram_square());
  write_png(root, "social/instagram/nordlys-plus-1080x1350.png", instagram_portrait());
  write_png(root, "social/instagram/story-1080x1920.png", instagram_story());
  write_bytes(root / "social/instagram/story-udkast.png", corrupt_png());
  std::printf("%-42s corrupt on purpose (%ju bytes)\n", "social/instagram/story-udkast.png",
              std::uintmax_t(fs::file_size(root / "social/instagram/story-udkast.png")));

  write_png(root, "ads/display/vinter-300x250.png", display_medium_rectangle());
  write_png(root, "ads/display/vinter-728x90.png", display_leaderboard());
  write_jpeg(root, "ads/display/vinter-160x600.jpg", display_skyscraper(), 85);

  write_png(root, "print/plakat-a1.png", poster_a1(), 72.0);
  return 0;
}
