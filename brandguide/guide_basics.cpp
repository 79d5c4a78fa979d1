// The small, loader-independent parts of the guide API: errors, hex colours, severities and
// finding the guide file.
#include <system_error>

#include <fmt/format.h>

#include "brandguide/brand_guide.h"

namespace brandlint::guide {
namespace {

std::string format_error(const SourceRef& where, const std::string& message,
                         const std::string& suggestion) {
  std::string text =
      fmt::format("{}:{}:{}: error: {}", where.file, where.line, where.column, message);
  if (!suggestion.empty()) text += fmt::format("; did you mean '{}'?", suggestion);
  return text;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

GuideError::GuideError(SourceRef where, std::string message, std::string suggestion)
    : std::runtime_error(format_error(where, message, suggestion)),
      where_(std::move(where)),
      message_(std::move(message)),
      suggestion_(std::move(suggestion)) {}

const Channel* BrandGuide::find_channel(std::string_view name) const {
  for (const Channel& channel : channels) {
    if (channel.name == name) return &channel;
  }
  return nullptr;
}

std::optional<Rgb> parse_hex(std::string_view text) {
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  if (text.front() != '#') return std::nullopt;
  const std::string_view digits = text.substr(1);
  int values[6] = {};
  for (std::size_t i = 0; i < digits.size(); ++i) {
    values[i] = hex_digit(digits[i]);
    if (values[i] < 0) return std::nullopt;
  }
  auto channel = [&](std::size_t index) -> std::uint8_t {
    // "#RGB" is shorthand for "#RRGGBB": each digit is doubled, as in CSS.
    if (digits.size() == 3) return static_cast<std::uint8_t>(values[index] * 17);
    return static_cast<std::uint8_t>(values[2 * index] * 16 + values[2 * index + 1]);
  };
  return Rgb{channel(0), channel(1), channel(2)};
}

std::string to_hex(Rgb rgb) { return fmt::format("#{:02X}{:02X}{:02X}", rgb.r, rgb.g, rgb.b); }

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::off;
  if (text == "info") return Severity::info;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::off:
      return "off";
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "off";
}

std::filesystem::path find_guide(const std::filesystem::path& start) {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return {};
  std::filesystem::path dir = (cwd / start).lexically_normal();
  if (std::filesystem::is_regular_file(dir, ec)) dir = dir.parent_path();
  while (true) {
    const std::filesystem::path candidate = dir / "brandguide.toml";
    if (std::filesystem::is_regular_file(candidate, ec)) {
      // Messages name the guide by this path, so prefer "brandguide.toml:12:1" to a long
      // absolute path: relative when the guide is inside the working directory or the caller
      // started from a relative path, absolute otherwise.
      const std::filesystem::path relative = candidate.lexically_relative(cwd);
      const bool inside = !relative.empty() && *relative.begin() != "..";
      return inside || !start.is_absolute() ? relative : candidate;
    }
    if (!dir.has_relative_path()) return {};  // reached the root
    dir = dir.parent_path();
  }
}

}  // namespace brandlint::guide
