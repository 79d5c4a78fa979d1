// Decoding a discovered file into an Asset, once. User problems (corrupt image, over-budget
// image, invalid UTF-8) become Asset::problems, never exceptions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "linter/asset.h"
#include "linter/discovery.h"

namespace brandlint {

struct LoadOptions {
  std::uint64_t max_pixels = 100'000'000;           // decode budget per image
  std::uintmax_t max_text_bytes = 64ull << 20;      // text files larger than this are refused
  std::uintmax_t max_binary_bytes = 512ull << 20;   // image/PDF files larger than this are refused
};

/// Decodes image (`AssetKind::image`), SVG (`AssetKind::svg`) or PDF (`AssetKind::pdf`, first
/// page) bytes held in memory into asset.pixels with the same decoders load_asset uses, for
/// rules that must look at an image a page references (a data: URI, an inline <svg>) and for
/// report previews, whose pixel boxes must line up with what the rules saw. Problems go to
/// asset.problems.
void decode_pixels(const std::string& bytes, AssetKind kind, Asset& asset,
                   const LoadOptions& options);

Asset load_asset(const DiscoveredFile& file, AssetKind kind, const guide::Channel& channel,
                 const LoadOptions& options);

/// Renders an SVG document with librsvg, `width_px` wide (0: its intrinsic size; the height
/// keeps the aspect ratio), within `max_pixels`, as BGRA with straight alpha. Returns an empty
/// Mat and sets `error` when the document cannot be parsed or rendered. Used for SVG assets and
/// for the guide's reference logos.
cv::Mat render_svg_bgra(std::string_view bytes, double width_px, std::uint64_t max_pixels,
                        std::string& error);

}  // namespace brandlint
