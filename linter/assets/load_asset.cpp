#include "linter/assets/load_asset.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <system_error>

#include <cairo.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <xxhash.h>

#include "linter/assets/copy.h"
#include "linter/assets/css_tokenizer.h"
#include "linter/assets/html.h"
#include "linter/assets/image_header.h"

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
// librsvg lays out SVG <text> with pango, which loads fontconfig's configuration on first use
// and keeps it for the life of the process (nothing calls FcFini). LeakSanitizer reports that
// cache at exit in every process that rendered text, so it is suppressed here, where the
// rendering lives; every other leak is still reported.
// libxml2 2.9.14 (Debian 12), which librsvg parses with, leaks the values of entities it was
// expanding when it stops a document on an entity reference loop (a "billion laughs" SVG is
// refused, as it should be, but the partial values are never freed): suppressed by that
// function's name, so only that path is exempt.
// (Quietly: the suppression summary would land in output that tests parse.)
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:xmlParseEntityValue\n";
}
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

namespace brandlint {
namespace {

constexpr const char* kUnreadable = "brandlint/unreadable-asset";

// librsvg's messages end in a newline; a diagnostic is one line.
std::string trimmed(std::string_view message) {
  while (!message.empty() && std::isspace(static_cast<unsigned char>(message.back()))) {
    message.remove_suffix(1);
  }
  return std::string(message);
}

void refuse(Asset& asset, std::string message) {
  asset.readable = false;
  asset.problems.push_back({kUnreadable, std::move(message), 0});
}

bool read_file(const fs::path& path, std::uintmax_t limit, std::string& out, Asset& asset) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    refuse(asset, fmt::format("cannot read file: {}", ec.message()));
    return false;
  }
  if (size > limit) {
    refuse(asset, fmt::format("file is {} MiB, over the {} MiB limit for this kind of file",
                              size >> 20, limit >> 20));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  out.resize(static_cast<std::size_t>(size));
  if (!in.read(out.data(), static_cast<std::streamsize>(size))) {
    refuse(asset, "cannot read file: read failed");
    return false;
  }
  return true;
}

// Decodes to 8-bit BGRA. JPEGs go through IMREAD_COLOR so EXIF orientation is applied (they have
// no alpha); everything else through IMREAD_UNCHANGED so alpha survives.
void decode_image(const std::string& bytes, Asset& asset, const LoadOptions& options) {
  const std::optional<ImageHeader> header = read_image_header(bytes);
  if (!header) {
    refuse(asset, "not a readable image: unknown or damaged header");
    return;
  }
  if (const std::optional<std::string> problem = jpeg_data_problem(bytes, *header)) {
    refuse(asset, *problem);
    return;
  }
  int flags = header->format == "jpeg" ? cv::IMREAD_COLOR : cv::IMREAD_UNCHANGED;
  const auto pixels =
      static_cast<std::uint64_t>(header->width) * static_cast<std::uint64_t>(header->height);
  if (pixels > options.max_pixels) {
    // libjpeg scales in the DCT domain, so a huge JPEG can be decoded small and cheaply.
    static constexpr int kReduced[] = {cv::IMREAD_REDUCED_COLOR_2, cv::IMREAD_REDUCED_COLOR_4,
                                       cv::IMREAD_REDUCED_COLOR_8};
    int step = 0;
    for (std::uint64_t factor = 2; header->format == "jpeg" && step < 3; factor *= 2, ++step) {
      if (pixels / (factor * factor) <= options.max_pixels) break;
    }
    if (header->format != "jpeg" || step == 3) {
      refuse(asset, fmt::format("image is {}×{} ({:.0f} Mpx), over the {:.0f} Mpx decode budget; "
                                "export it smaller or raise --max-pixels",
                                header->width, header->height, double(pixels) / 1e6,
                                double(options.max_pixels) / 1e6));
      return;
    }
    flags = kReduced[step];
    asset.decode_scale = 2 << step;
  }
  asset.pixel_format = std::string(header->format);
  asset.lossy = header->lossy;
  // An announced profile that cannot be read is described as unreadable, never taken for sRGB.
  if (header->has_icc_profile || !header->icc_profile.empty()) {
    const IccSummary icc = describe_icc(header->icc_profile);
    asset.icc_profile = icc.description;
    asset.icc_color_space = icc.color_space;
    asset.icc_srgb = icc.srgb;
  }
  cv::Mat decoded;
  try {
    decoded = cv::imdecode(
        cv::Mat(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data())),
        flags);
  } catch (const cv::Exception& e) {
    refuse(asset, fmt::format("cannot decode {} image: {}", header->format, e.msg));
    return;
  }
  if (decoded.empty()) {
    refuse(asset,
           fmt::format("cannot decode {} image: the file is damaged or truncated", header->format));
    return;
  }
  if (decoded.depth() == CV_16U) decoded.convertTo(decoded, CV_8U, 1.0 / 257.0);
  switch (decoded.channels()) {
    case 1:
      cv::cvtColor(decoded, asset.pixels, cv::COLOR_GRAY2BGRA);
      break;
    case 3:
      cv::cvtColor(decoded, asset.pixels, cv::COLOR_BGR2BGRA);
      break;
    case 4:
      asset.pixels = decoded;
      break;
    default:
      refuse(asset, fmt::format("unsupported image with {} channels", decoded.channels()));
  }
}

// Cairo and poppler hand out premultiplied ARGB32, which in memory on a little-endian machine is
// B, G, R, A: only the premultiplication has to be undone.
void unpremultiply_into(const std::uint8_t* data, int width, int height, int stride, cv::Mat& out) {
  out.create(height, width, CV_8UC4);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* src = data + std::ptrdiff_t(y) * stride;
    std::uint8_t* dst = out.ptr<std::uint8_t>(y);
    for (int x = 0; x < 4 * width; x += 4) {
      const unsigned a = src[x + 3];
      for (int c = 0; c < 3; ++c) {
        dst[x + c] =
            a == 0 ? 0 : static_cast<std::uint8_t>(std::min(255u, (src[x + c] * 255u + a / 2) / a));
      }
      dst[x + 3] = static_cast<std::uint8_t>(a);
    }
  }
}

// Width and height that fit `max_pixels`, keeping the aspect ratio.
void fit_budget(double& width, double& height, std::uint64_t max_pixels) {
  const double pixels = width * height;
  if (pixels > double(max_pixels)) {
    const double f = std::sqrt(double(max_pixels) / pixels);
    width *= f;
    height *= f;
  }
  width = std::max(1.0, std::floor(width));
  height = std::max(1.0, std::floor(height));
}

// Renders an SVG with librsvg at its intrinsic size (CSS px at 96 dpi; the viewBox when width
// and height are relative; 300×150, the HTML default, when it has neither), scaled down to the
// pixel budget. The text stays in Asset::text for the vector checks.
void render_svg(const std::string& bytes, Asset& asset, const LoadOptions& options) {
  std::string error;
  cv::Mat pixels = render_svg_bgra(bytes, 0.0, options.max_pixels, error);
  if (pixels.empty()) {
    asset.problems.push_back({kUnreadable, fmt::format("cannot render SVG: {}", error), 0});
    return;
  }
  asset.pixels = std::move(pixels);
  asset.pixel_format = "svg";
}

// PDF: the first page only (print banners, posters and invoices are one page; a multi-page
// document gets its first page checked), on white paper, at the resolution that makes the long
// side about 2000 px (a poster and a business card are judged at the same detail), capped at
// 600 dpi and at the pixel budget.
constexpr double kPdfLongSidePx = 2000.0;
constexpr double kPdfMaxDpi = 600.0;

void render_pdf(const std::string& bytes, Asset& asset, const LoadOptions& options) {
  if (bytes.size() > std::size_t(std::numeric_limits<int>::max())) {
    refuse(asset, "PDF is too large to render");
    return;
  }
  // poppler prints parse warnings to stderr; brandlint reports problems itself.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc || doc->is_locked() || doc->pages() < 1) {
    refuse(asset, doc && doc->is_locked() ? "PDF is encrypted; cannot render it"
                                          : "not a readable PDF: damaged, or no pages");
    return;
  }
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  const poppler::rectf box = page ? page->page_rect() : poppler::rectf();
  const double long_side_pt = std::max(box.width(), box.height());
  if (!page || long_side_pt <= 0) {
    refuse(asset, "not a readable PDF: the first page has no size");
    return;
  }
  double dpi = std::min(kPdfMaxDpi, kPdfLongSidePx * 72.0 / long_side_pt);
  double width = box.width() * dpi / 72.0, height = box.height() * dpi / 72.0;
  fit_budget(width, height, options.max_pixels);
  dpi = std::min(dpi, width * 72.0 / box.width());
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_argb32);
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0) {
    refuse(asset, "cannot render the PDF's first page");
    return;
  }
  unpremultiply_into(reinterpret_cast<const std::uint8_t*>(img.const_data()), img.width(),
                     img.height(), img.bytes_per_row(), asset.pixels);
  asset.pixel_format = "pdf";
  asset.dpi = dpi;
}

}  // namespace

void decode_pixels(const std::string& bytes, AssetKind kind, Asset& asset,
                   const LoadOptions& options) {
  if (kind == AssetKind::svg) render_svg(bytes, asset, options);
  else if (kind == AssetKind::image) decode_image(bytes, asset, options);
  else if (kind == AssetKind::pdf) render_pdf(bytes, asset, options);
}

cv::Mat render_svg_bgra(std::string_view bytes, double width_px, std::uint64_t max_pixels,
                        std::string& error) {
  GError* gerror = nullptr;
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()),
                                                 bytes.size(), &gerror);
  if (handle == nullptr) {
    error = gerror ? trimmed(gerror->message) : "parse error";
    if (gerror) g_error_free(gerror);
    return {};
  }
  std::unique_ptr<RsvgHandle, decltype(&g_object_unref)> owner(handle, g_object_unref);
  rsvg_handle_set_dpi(handle, 96.0);
  double width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) || width <= 0 ||
      height <= 0) {
    gboolean has_viewbox = FALSE;
    RsvgRectangle viewbox{};
    rsvg_handle_get_intrinsic_dimensions(handle, nullptr, nullptr, nullptr, nullptr, &has_viewbox,
                                         &viewbox);
    width = has_viewbox && viewbox.width > 0 ? viewbox.width : 300.0;
    height = has_viewbox && viewbox.height > 0 ? viewbox.height : 150.0;
  }
  if (width_px > 0) {
    height *= width_px / width;
    width = width_px;
  }
  fit_budget(width, height, max_pixels);
  const int w = static_cast<int>(width), h = static_cast<int>(height);
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface_owner(
      surface, cairo_surface_destroy);
  cairo_t* cr = cairo_create(surface);
  const RsvgRectangle viewport{0, 0, width, height};
  const gboolean ok = rsvg_handle_render_document(handle, cr, &viewport, &gerror);
  cairo_destroy(cr);
  if (!ok) {
    error = gerror ? trimmed(gerror->message) : "render error";
    if (gerror) g_error_free(gerror);
    return {};
  }
  cairo_surface_flush(surface);
  cv::Mat out;
  unpremultiply_into(cairo_image_surface_get_data(surface), w, h,
                     cairo_image_surface_get_stride(surface), out);
  return out;
}

Asset load_asset(const DiscoveredFile& file, AssetKind kind, const guide::Channel& channel,
                 const LoadOptions& options) {
  Asset asset;
  asset.path = file.path;
  asset.display_path = file.display_path;
  asset.match_path = file.match_path;
  asset.kind = kind;
  asset.channel = &channel;
  const bool binary = kind == AssetKind::image || kind == AssetKind::pdf;
  std::string bytes;
  if (!read_file(file.path, binary ? options.max_binary_bytes : options.max_text_bytes, bytes,
                 asset)) {
    return asset;
  }
  asset.byte_size = bytes.size();
  asset.content_hash = XXH3_64bits(bytes.data(), bytes.size());
  switch (kind) {
    case AssetKind::image:
      decode_image(bytes, asset, options);
      break;
    case AssetKind::pdf:
      if (bytes.compare(0, 5, "%PDF-") != 0) {
        refuse(asset, "not a PDF: the file has no %PDF- header");
      } else {
        render_pdf(bytes, asset, options);
      }
      break;
    case AssetKind::text:
      decode_text(bytes, asset);
      extract_plain_runs(asset);
      break;
    case AssetKind::markdown:
      decode_text(bytes, asset);
      extract_markdown_runs(asset);
      break;
    case AssetKind::copy_deck:
      decode_text(bytes, asset);
      extract_copy_deck_runs(asset);
      break;
    case AssetKind::css:
      decode_text(bytes, asset);
      css::parse_stylesheet(asset, 0, asset.text.size());
      break;
    case AssetKind::html:
      decode_text(bytes, asset);
      extract_html(asset);
      break;
    case AssetKind::svg:
      decode_text(bytes, asset);
      extract_svg(asset);
      if (asset.readable) render_svg(bytes, asset, options);
      break;
  }
  return asset;
}

}  // namespace brandlint
