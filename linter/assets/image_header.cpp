#include "linter/assets/image_header.h"

#include <cstdint>
#include <cstdlib>

namespace brandlint {
namespace {

std::uint32_t be16(std::string_view b, std::size_t i) {
  return (std::uint32_t(std::uint8_t(b[i])) << 8) | std::uint8_t(b[i + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
std::uint32_t le16(std::string_view b, std::size_t i) {
  return std::uint8_t(b[i]) | (std::uint32_t(std::uint8_t(b[i + 1])) << 8);
}
std::uint32_t le24(std::string_view b, std::size_t i) {
  return le16(b, i) | (std::uint32_t(std::uint8_t(b[i + 2])) << 16);
}
std::uint32_t le32(std::string_view b, std::size_t i) { return le16(b, i) | (le16(b, i + 2) << 16); }

std::optional<ImageHeader> png_header(std::string_view b) {
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  ImageHeader h{"png", be32(b, 16), be32(b, 20), false};
  // Walk the chunks up to the first IDAT looking for an embedded colour profile.
  std::size_t pos = 8;
  while (pos + 8 <= b.size()) {
    const std::uint32_t length = be32(b, pos);
    const std::string_view type = b.substr(pos + 4, 4);
    if (type == "iCCP") h.has_icc_profile = true;
    if (type == "IDAT" || type == "IEND") break;
    pos += 12 + std::size_t(length);
  }
  return h;
}

std::optional<ImageHeader> jpeg_header(std::string_view b) {
  ImageHeader h{"jpeg", 0, 0, false};
  std::size_t pos = 2;
  while (pos + 4 <= b.size()) {
    if (std::uint8_t(b[pos]) != 0xFF) return std::nullopt;
    const std::uint8_t marker = std::uint8_t(b[pos + 1]);
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      pos += 2;
      continue;
    }
    const std::uint32_t length = be16(b, pos + 2);
    if (length < 2) return std::nullopt;
    if (marker == 0xE2 && b.substr(pos + 4, 12) == std::string_view("ICC_PROFILE\0", 12)) {
      h.has_icc_profile = true;
    }
    const bool is_sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                        marker != 0xCC;
    if (is_sof) {
      if (pos + 9 > b.size()) return std::nullopt;
      h.height = be16(b, pos + 5);
      h.width = be16(b, pos + 7);
      return h;
    }
    if (marker == 0xDA) break;  // start of scan without a frame header: corrupt
    pos += 2 + length;
  }
  return std::nullopt;
}

std::optional<ImageHeader> webp_header(std::string_view b) {
  if (b.size() < 30) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") return ImageHeader{"webp", le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF, false};
  if (chunk == "VP8L") {
    const std::uint32_t bits = le32(b, 21);
    return ImageHeader{"webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, false};
  }
  if (chunk == "VP8X") {
    const bool icc = (std::uint8_t(b[20]) & 0x20) != 0;
    return ImageHeader{"webp", le24(b, 24) + 1, le24(b, 27) + 1, icc};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ImageHeader> read_image_header(std::string_view b) {
  if (b.substr(0, 8) == "\x89PNG\r\n\x1a\n") return png_header(b);
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return jpeg_header(b);
  if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) {
    return ImageHeader{"gif", le16(b, 6), le16(b, 8), false};
  }
  if (b.size() >= 26 && b.substr(0, 2) == "BM") {
    const auto height = static_cast<std::int32_t>(le32(b, 22));
    return ImageHeader{"bmp", static_cast<std::int32_t>(le32(b, 18)), std::llabs(height), false};
  }
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return webp_header(b);
  if (b.size() >= 4 && (b.substr(0, 4) == std::string_view("II*\0", 4) ||
                        b.substr(0, 4) == std::string_view("MM\0*", 4))) {
    return ImageHeader{"tiff", 0, 0, false};
  }
  return std::nullopt;
}

}  // namespace brandlint
