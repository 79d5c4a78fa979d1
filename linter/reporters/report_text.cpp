#include "linter/reporters/report_text.h"

#include <fmt/format.h>

namespace brandlint::report {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t n = 0;
  unsigned min = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    n = 2, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    n = 3, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    n = 4, min = 0x10000;
  else
    return 0;
  if (i + n > text.size()) return 0;
  unsigned code = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not characters.
  if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return 0;
  return n;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : valid_utf8(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += kReplacement;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string box_text(const PixelBox& box) {
  return fmt::format("x={}, y={}, {}×{} px", box.x, box.y, box.w, box.h);
}

std::string message_with_box(const Finding& finding) {
  if (!finding.location.box) return finding.message;
  // Rules often name the region themselves ("region 200×120 at (800,520)"); say it once.
  const PixelBox& b = *finding.location.box;
  if (finding.message.find(fmt::format("{}×{}", b.w, b.h)) != std::string::npos)
    return finding.message;
  return fmt::format("{} (at {})", finding.message, box_text(*finding.location.box));
}

std::string where(const Finding& finding) {
  if (finding.location.line <= 0) return finding.path;
  return fmt::format("{}:{}:{}", finding.path, finding.location.line, finding.location.column);
}

std::string baseline_sentence(const BaselineUse& use) {
  std::string out = fmt::format(
      "{} finding(s) set aside by the baseline {} (recorded earlier, not counted)", use.matched,
      use.path);
  if (use.absent > 0) {
    out += fmt::format("; {} recorded finding(s) no longer occur: write it again with "
                       "--baseline-write to drop them",
                       use.absent);
  }
  return out;
}

}  // namespace brandlint::report
