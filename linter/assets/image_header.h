// Reading an image's dimensions from its header, before any pixel is decoded, so a
// "decompression bomb" is refused (or decoded reduced) instead of exhausting memory.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace brandlint {

struct ImageHeader {
  std::string_view format;  // "png", "jpeg", "gif", "bmp", "webp", "tiff"
  long long width = 0;
  long long height = 0;
  bool has_icc_profile = false;  // PNG iCCP chunk, JPEG APP2 ICC_PROFILE or WebP ICCP chunk
  bool lossy = false;            // JPEG, or WebP with a VP8 (not VP8L) bitstream
  std::string icc_profile;       // the embedded profile's bytes (PNG: inflated), capped at 4 MiB
  std::size_t jpeg_frame = 0;    // JPEG: offset of the frame header (SOF) marker
  bool jpeg_arithmetic = false;  // JPEG: arithmetic-coded (SOF9–SOF15) rather than Huffman
};

/// What an ICC profile says about itself.
struct IccSummary {
  std::string description;  // the 'desc' tag ("Display P3", "sRGB IEC61966-2.1"), or "unnamed"
  std::string color_space;  // data colour space signature, trimmed: "RGB", "GRAY", "CMYK"...
  bool srgb = false;        // named sRGB, or RGB with the sRGB primaries
};

/// Reads the header, 'desc' tag and primaries of an ICC profile. Never throws; a damaged
/// profile is described as "unreadable ICC profile" and is not sRGB.
IccSummary describe_icc(std::string_view profile);

/// Parses the header of PNG, JPEG, GIF, BMP and WebP files. TIFF is recognised but its
/// dimensions are left 0 (OpenCV's own pixel limit then applies). nullopt: not an image header.
std::optional<ImageHeader> read_image_header(std::string_view bytes);

/// Why a JPEG's data cannot be the image its header declares, before it is decoded (libjpeg
/// only warns, fills what is missing with grey and returns an image): no end-of-image marker
/// after the first scan (truncated), or a Huffman-coded file too small to hold its pixels — every
/// 8×8 block takes at least one bit — which is how a "decompression bomb" declares 30000×30000
/// in a few kilobytes. nullopt: nothing wrong found.
std::optional<std::string> jpeg_data_problem(std::string_view bytes, const ImageHeader& header);

}  // namespace brandlint
