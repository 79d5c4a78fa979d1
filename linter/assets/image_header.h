// Reading an image's dimensions from its header, before any pixel is decoded, so a
// "decompression bomb" is refused (or decoded reduced) instead of exhausting memory.
#pragma once

#include <optional>
#include <string_view>

namespace brandlint {

struct ImageHeader {
  std::string_view format;  // "png", "jpeg", "gif", "bmp", "webp", "tiff"
  long long width = 0;
  long long height = 0;
  bool has_icc_profile = false;  // PNG iCCP chunk or JPEG APP2 ICC_PROFILE segment
};

/// Parses the header of PNG, JPEG, GIF, BMP and WebP files. TIFF is recognised but its
/// dimensions are left 0 (OpenCV's own pixel limit then applies). nullopt: not an image header.
std::optional<ImageHeader> read_image_header(std::string_view bytes);

}  // namespace brandlint
