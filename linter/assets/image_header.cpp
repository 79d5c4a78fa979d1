#include "linter/assets/image_header.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>
#include <zlib.h>

namespace brandlint {
namespace {

std::uint32_t be16(std::string_view b, std::size_t i) {
  return (std::uint32_t(std::uint8_t(b[i])) << 8) | std::uint8_t(b[i + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t i) {
  return (be16(b, i) << 16) | be16(b, i + 2);
}
std::uint32_t le16(std::string_view b, std::size_t i) {
  return std::uint8_t(b[i]) | (std::uint32_t(std::uint8_t(b[i + 1])) << 8);
}
std::uint32_t le24(std::string_view b, std::size_t i) {
  return le16(b, i) | (std::uint32_t(std::uint8_t(b[i + 2])) << 16);
}
std::uint32_t le32(std::string_view b, std::size_t i) {
  return le16(b, i) | (le16(b, i + 2) << 16);
}

constexpr std::size_t kMaxIccBytes = 4u << 20;

// Inflates a zlib stream (PNG iCCP), stopping at kMaxIccBytes. Empty on damage.
std::string inflate_capped(std::string_view compressed) {
  std::string out;
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  std::array<char, 16384> buffer{};
  int status = Z_OK;
  while (status == Z_OK && out.size() < kMaxIccBytes) {
    z.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.avail_out = static_cast<uInt>(buffer.size());
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      out.clear();
      break;
    }
    out.append(buffer.data(), buffer.size() - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

std::optional<ImageHeader> png_header(std::string_view b) {
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  ImageHeader h{"png", be32(b, 16), be32(b, 20), false, false, {}};
  // Walk the chunks up to the first IDAT looking for an embedded colour profile.
  std::size_t pos = 8;
  while (pos + 8 <= b.size()) {
    const std::uint32_t length = be32(b, pos);
    const std::string_view type = b.substr(pos + 4, 4);
    if (type == "iCCP" && pos + 8 + length <= b.size()) {
      h.has_icc_profile = true;
      // Profile name (1-79 bytes), NUL, compression method (0 = zlib), compressed profile.
      const std::string_view data = b.substr(pos + 8, length);
      const std::size_t nul = data.find('\0');
      if (nul != std::string_view::npos && nul + 2 <= data.size()) {
        h.icc_profile = inflate_capped(data.substr(nul + 2));
      }
    }
    if (type == "IDAT" || type == "IEND") break;
    pos += 12 + std::size_t(length);
  }
  return h;
}

std::optional<ImageHeader> jpeg_header(std::string_view b) {
  ImageHeader h{"jpeg", 0, 0, false, true, {}};
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
      // Then sequence number and chunk count (1 byte each); chunks come in order in practice.
      if (length >= 16 && pos + 18 <= b.size() && h.icc_profile.size() < kMaxIccBytes) {
        h.icc_profile.append(b.substr(
            pos + 18, std::min<std::size_t>(length - 16, b.size() - std::min(b.size(), pos + 18))));
      }
    }
    const bool is_sof =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (is_sof) {
      if (pos + 9 > b.size()) return std::nullopt;
      h.height = be16(b, pos + 5);
      h.width = be16(b, pos + 7);
      h.jpeg_frame = pos;
      h.jpeg_arithmetic = marker >= 0xC9;
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
  if (chunk == "VP8 ") {
    return ImageHeader{"webp", le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF, false, true, {}};
  }
  if (chunk == "VP8L") {
    const std::uint32_t bits = le32(b, 21);
    return ImageHeader{"webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, false, false, {}};
  }
  if (chunk == "VP8X") {
    const bool icc = (std::uint8_t(b[20]) & 0x20) != 0;
    ImageHeader h{"webp", le24(b, 24) + 1, le24(b, 27) + 1, icc, false, {}};
    // The chunks after VP8X: ICCP holds the profile, VP8 (lossy) or VP8L the bitstream.
    for (std::size_t pos = 30; pos + 8 <= b.size();) {
      const std::string_view type = b.substr(pos, 4);
      const std::size_t size = le32(b, pos + 4);
      if (type == "ICCP")
        h.icc_profile = std::string(b.substr(pos + 8, std::min(size, kMaxIccBytes)));
      if (type == "VP8 ") h.lossy = true;
      if (type == "VP8 " || type == "VP8L") break;
      pos += 8 + size + (size & 1);
    }
    return h;
  }
  return std::nullopt;
}

// A 'desc' (ICC v2 textDescriptionType) or 'mluc' (v4 multiLocalizedUnicodeType) tag as text.
std::string icc_text(std::string_view tag) {
  if (tag.size() >= 12 && tag.substr(0, 4) == "desc") {
    const std::size_t count = std::min<std::size_t>(be32(tag, 8), tag.size() - 12);
    std::string text(tag.substr(12, count));
    return text.substr(0, text.find('\0'));
  }
  if (tag.size() >= 28 && tag.substr(0, 4) == "mluc" && be32(tag, 8) > 0) {
    const std::size_t length = be32(tag, 20), offset = be32(tag, 24);
    if (offset > tag.size() || length > tag.size() - offset) return {};
    std::string text;  // UTF-16BE; profile names are ASCII in practice, others become '?'
    for (std::size_t i = offset; i + 1 < offset + length; i += 2) {
      const std::uint32_t unit = be16(tag, i);
      if (unit == 0) break;
      text += unit < 0x80 ? static_cast<char>(unit) : '?';
    }
    return text;
  }
  return {};
}

// sRGB primaries adapted to D50, as every sRGB ICC profile stores them (rXYZ, gXYZ, bXYZ).
constexpr std::array<std::array<double, 3>, 3> kSrgbPrimariesD50 = {
    {{0.4361, 0.2225, 0.0139}, {0.3851, 0.7169, 0.0971}, {0.1431, 0.0606, 0.7141}}};

}  // namespace

IccSummary describe_icc(std::string_view p) {
  IccSummary out;
  if (p.size() < 132 || p.substr(36, 4) != "acsp") {
    out.description = "unreadable ICC profile";
    return out;
  }
  out.color_space = std::string(p.substr(16, 4));
  out.color_space.erase(out.color_space.find_last_not_of(' ') + 1);
  const std::size_t tags = std::min<std::size_t>(be32(p, 128), (p.size() - 132) / 12);
  std::array<std::optional<std::array<double, 3>>, 3> primaries;
  for (std::size_t i = 0; i < tags; ++i) {
    const std::size_t entry = 132 + 12 * i;
    const std::string_view sig = p.substr(entry, 4);
    const std::size_t offset = be32(p, entry + 4), size = be32(p, entry + 8);
    if (offset > p.size() || size > p.size() - offset) continue;
    const std::string_view tag = p.substr(offset, size);
    if (sig == "desc") out.description = icc_text(tag);
    const int channel = sig == "rXYZ" ? 0 : sig == "gXYZ" ? 1 : sig == "bXYZ" ? 2 : -1;
    if (channel >= 0 && tag.size() >= 20 && tag.substr(0, 4) == "XYZ ") {
      std::array<double, 3> xyz{};
      for (std::size_t k = 0; k < 3; ++k) {
        xyz[k] = static_cast<std::int32_t>(be32(tag, 8 + 4 * k)) / 65536.0;  // s15Fixed16
      }
      primaries[std::size_t(channel)] = xyz;
    }
  }
  if (out.description.empty()) out.description = "unnamed";
  std::string lower = out.description;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  bool srgb_primaries = out.color_space == "RGB";
  for (std::size_t c = 0; c < 3 && srgb_primaries; ++c) {
    srgb_primaries = primaries[c].has_value();
    for (std::size_t k = 0; k < 3 && srgb_primaries; ++k) {
      srgb_primaries = std::abs((*primaries[c])[k] - kSrgbPrimariesD50[c][k]) < 0.003;
    }
  }
  out.srgb =
      out.color_space == "RGB" && (lower.find("srgb") != std::string::npos || srgb_primaries);
  return out;
}

std::optional<std::string> jpeg_data_problem(std::string_view b, const ImageHeader& h) {
  if (h.format != "jpeg") return std::nullopt;
  // Walk the segments after the frame header to the first start of scan.
  std::size_t pos = h.jpeg_frame;
  while (pos + 4 <= b.size()) {
    if (std::uint8_t(b[pos]) != 0xFF) return "damaged JPEG: no marker where one must be";
    const std::uint8_t marker = std::uint8_t(b[pos + 1]);
    if (marker == 0xFF) {
      ++pos;
      continue;
    }
    if (marker == 0xDA) break;
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // no length field
      pos += 2;
      continue;
    }
    pos += 2 + be16(b, pos + 2);
  }
  if (pos + 4 > b.size()) {
    return fmt::format("truncated JPEG: the file ends after {} bytes, before the image data",
                       b.size());
  }
  // Entropy-coded data never holds FF D9 (an FF in the data is followed by 00 or a restart
  // marker), so the end-of-image marker after the first scan is the real one.
  if (b.find("\xFF\xD9", pos) == std::string_view::npos) {
    return fmt::format(
        "truncated JPEG: no end-of-image marker after the image data (the file "
        "ends after {} bytes)",
        b.size());
  }
  const auto pixels = static_cast<std::uint64_t>(h.width) * static_cast<std::uint64_t>(h.height);
  // One bit per 8×8 luma block at the very least (a DC code); half that, to be safe.
  if (!h.jpeg_arithmetic && std::uint64_t(b.size()) * 1024 < pixels) {
    return fmt::format(
        "JPEG declares {}×{} pixels but holds only {} bytes, too few to encode "
        "them: a damaged file or a decompression bomb",
        h.width, h.height, b.size());
  }
  return std::nullopt;
}

std::optional<ImageHeader> read_image_header(std::string_view b) {
  if (b.substr(0, 8) == "\x89PNG\r\n\x1a\n") return png_header(b);
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return jpeg_header(b);
  if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a")) {
    return ImageHeader{"gif", le16(b, 6), le16(b, 8), false, false, {}};
  }
  if (b.size() >= 26 && b.substr(0, 2) == "BM") {
    const auto height = static_cast<std::int32_t>(le32(b, 22));
    return ImageHeader{
        "bmp", static_cast<std::int32_t>(le32(b, 18)), std::llabs(height), false, false, {}};
  }
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return webp_header(b);
  if (b.size() >= 4 && (b.substr(0, 4) == std::string_view("II*\0", 4) ||
                        b.substr(0, 4) == std::string_view("MM\0*", 4))) {
    return ImageHeader{"tiff", 0, 0, false, false, {}};
  }
  return std::nullopt;
}

}  // namespace brandlint
