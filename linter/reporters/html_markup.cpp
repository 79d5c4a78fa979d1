// Markup helpers for the HTML report. Everything that came from a scanned file, the guide or a
// rule passes through escape() before it reaches the page.
#include <cmath>

#include <fmt/format.h>

#include "linter/reporters/html_internal.h"
#include "linter/reporters/report_text.h"

namespace brandlint::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : report::valid_utf8(text)) {
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
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string display_name(std::string_view channel) {
  std::string out(channel);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string anchor(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    out += keep ? c : (static_cast<unsigned char>(c) < 0x80 ? '-' : '_');
  }
  return out;
}

std::string number(double value, int decimals, const Strings& t) {
  std::string out = fmt::format("{:.{}f}", value, decimals);
  if (out == "-0" || out.rfind("-0.", 0) == 0) {
    // Never show "-0.0" for a value that rounds to zero.
    if (std::abs(value) * std::pow(10.0, decimals) < 0.5) out.erase(0, 1);
  }
  if (t.lang == "da") {
    for (char& c : out) c = c == '.' ? ',' : c;
  }
  return out;
}

std::string percent(double share, const Strings& t) {
  const double pct = share * 100;
  // Below 10 % one decimal tells "0.4 %" from "0 %"; above, whole percents are enough.
  const int decimals = pct > 0 && pct < 10 && std::round(pct) != pct ? 1 : 0;
  return number(pct, decimals, t) + (t.lang == "da" ? "\u00A0%" : "%");
}

std::string_view severity_label(Severity severity, const Strings& t) {
  switch (severity) {
    case Severity::error:
      return t.error;
    case Severity::warning:
      return t.warning;
    case Severity::info:
    case Severity::off:
      break;
  }
  return t.info;
}

std::string count_label(int n, Severity severity, const Strings& t) {
  const std::string_view plural = severity == Severity::error     ? t.errors
                                  : severity == Severity::warning ? t.warnings
                                                                  : t.infos;
  const std::string_view singular = severity_label(severity, t);
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

std::string box_label(const PixelBox& box) {
  return fmt::format("x {}, y {} · {} × {} px", box.x, box.y, box.w, box.h);
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto at = [&](std::size_t k) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < bytes.size()) {
    const unsigned v = (at(i) << 16) | (i + 1 < bytes.size() ? at(i + 1) << 8 : 0);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> first_hex(std::string_view text) {
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  for (std::size_t i = text.find('#'); i != std::string_view::npos; i = text.find('#', i + 1)) {
    std::size_t n = 0;
    while (i + 1 + n < text.size() && is_hex(text[i + 1 + n])) ++n;
    if (n != 3 && n != 4 && n != 6 && n != 8) continue;
    std::string digits(text.substr(i + 1, n));
    if (n <= 4) digits = {digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]};
    std::string hex = fmt::format("#{}", digits.substr(0, 6));
    for (char& c : hex) c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
    return hex;  // only '#' and hex digits: safe inside a style attribute
  }
  return std::nullopt;
}

std::string gauge_svg(const std::optional<int>& score, int size, const Strings& t) {
  constexpr double kRadius = 52;
  constexpr double kCircumference = 2 * 3.14159265358979 * kRadius;
  const std::string band = score ? std::string(to_string(score_band(*score))) : "none";
  const std::string_view band_word = !score ? std::string_view("–")
                                     : score_band(*score) == ScoreBand::pass    ? t.band_pass
                                     : score_band(*score) == ScoreBand::average ? t.band_average
                                                                                : t.band_fail;
  const double dash = score ? kCircumference * *score / 100.0 : 0.0;
  return fmt::format(
      "<svg class=\"gauge {0}\" viewBox=\"0 0 120 120\" width=\"{1}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2} {3} / 100 ({4})\"><circle class=\"track\" cx=\"60\" cy=\"60\" r=\"52\"/>"
      "<circle class=\"arc\" cx=\"60\" cy=\"60\" r=\"52\" stroke-dasharray=\"{5:.2f} {6:.2f}\" "
      "transform=\"rotate(-90 60 60)\"/><text x=\"60\" y=\"60\" dominant-baseline=\"central\" "
      "text-anchor=\"middle\">{3}</text></svg>",
      band, size, escape(t.score), score ? std::to_string(*score) : "–", escape(band_word), dash,
      kCircumference);
}

}  // namespace brandlint::html
