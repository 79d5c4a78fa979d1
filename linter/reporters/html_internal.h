// Pieces of the HTML report, one file each: the page shell (html_report.cpp), styles and script
// (html_assets.cpp), channel sections (html_channel.cpp), finding cards (html_finding.cpp), the
// red thread (html_consistency.cpp), thumbnails (html_thumbnail.cpp), UI strings
// (html_strings.cpp) and markup helpers (html_markup.cpp). Internal to the reporters.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/reporters/reporter.h"
#include "linter/score.h"

namespace brandlint::html {

/// The report's UI words, in Danish or English (picked from the brand's locale).
struct Strings {
  std::string_view lang;  // "da" | "en"
  std::string_view report, guide, scanned, tool, channels, files, checks, score;
  std::string_view findings, passed_checks, no_findings, no_checks, whole_file, no_preview, enlarged;
  std::string_view errors, warnings, infos, error, warning, info;
  std::string_view band_pass, band_average, band_fail, formula;
  std::string_view red_thread, red_thread_intro, no_measurements, no_drift, brand_use;
  std::string_view palette_use, off_palette, photo, voice, lix, flesch, words_per_sentence;
  std::string_view unattributed;  // the compression band of lossy images: in no share
  std::string_view exclamations, emoji, address, channel, others, words, graphic_area;
  std::string_view drift_palette, drift_off_palette,
      drift_value;  // {channel} {what} {value} {others}
  std::string_view details, found, brand_colour, rules, documentation, not_checked, learn_more;
  std::string_view suppressed;  // findings waived by brandlint-disable comments, with reasons
  std::string_view baselined;        // findings set aside by the baseline file
  std::string_view baseline_absent;  // {count} {file}: recorded findings that are gone
  std::string_view filter_severity, filter_rule, all_rules, sort, sort_severity, sort_file,
      sort_rule, shown_count, generated_by, overview, more_findings;
};

const Strings& strings_for(std::string_view locale);

/// Everything a section needs; built once per report.
struct Context {
  const RunResult& result;
  const ReportOptions& options;
  const Strings& t;
  std::vector<ChannelSummary> channels;
  std::vector<ChannelScore> scores;
  std::vector<Check> checks;
};

// --- markup helpers (html_markup.cpp) ---
/// HTML text/attribute escaping of any bytes (invalid UTF-8 becomes U+FFFD).
std::string escape(std::string_view text);
/// "web" -> "Web": channel names as headings and sentence starts.
std::string display_name(std::string_view channel);
/// An id-safe token for anchors ("color/off-palette" -> "color-off-palette").
std::string anchor(std::string_view text);
/// Locale-aware numbers: "38.2" / "38,2"; shares as "41%" / "41 %".
std::string number(double value, int decimals, const Strings& t);
std::string percent(double share, const Strings& t);
/// "12 errors" with the right word.
std::string count_label(int n, Severity severity, const Strings& t);
std::string_view severity_label(Severity severity, const Strings& t);
/// A rule's docs page as simple HTML (headings, paragraphs, lists, code), all text escaped.
std::string render_markdown(std::string_view markdown);
std::string base64(std::string_view bytes);
/// A canonical "#RRGGBB" from the first hex colour in `text`, if any ("#abc8" -> "#AABBCC").
std::optional<std::string> first_hex(std::string_view text);
/// The score gauge (SVG), Lighthouse style; `size` in CSS pixels.
std::string gauge_svg(const std::optional<int>& score, int size, const Strings& t);
/// Pixel box as "x 800, y 520 · 200 × 120 px".
std::string box_label(const PixelBox& box);

// --- sections ---
/// `<!DOCTYPE html>` to `<body>`: charset, CSP, title (already escaped), inline CSS.
std::string page_head(const Context& ctx, std::string_view title);
/// The dark header: brand, guide version, guide path, scan time, tool, count badges.
std::string page_header(const Context& ctx);
std::string page_css();
std::string page_script();
std::string channel_section(const Context& ctx, std::size_t index);
std::string finding_card(const Context& ctx, const Finding& finding);
/// The palette bars and voice figures of one channel ("" when it has no measurements).
std::string channel_brand_use(const Context& ctx, std::string_view channel);
/// The cross-channel section: drift sentences and the channels × metrics matrix.
std::string red_thread_section(const Context& ctx);
/// The drift sentence of a figure, in the report's language.
std::string drift_sentence(const ConsistencyFigure& figure, const Strings& t);

// --- files read at report time ---
/// Pictures of an image finding, as data: URIs.
struct Preview {
  std::string thumbnail;            // the whole image, at most 320 px, with the box outlined
  std::optional<std::string> crop;  // the box and its surroundings enlarged, when the box is
                                    // small enough in the thumbnail to need it
};
/// The preview of the image, SVG or PDF page at `path` (resolved against base_dir), decoded as
/// the rules decoded it so `box` lines up; nullopt when the file cannot be read or decoded.
std::optional<Preview> preview(const std::filesystem::path& base_dir, const std::string& path,
                               const std::optional<PixelBox>& box);
/// Line `line` of the text file at `path`, escaped, with code points [column, end) wrapped in
/// <mark>; long lines are cut around the mark. nullopt when the file or line is missing.
std::optional<std::string> snippet(const std::filesystem::path& base_dir, const std::string& path,
                                   const Location& location);

}  // namespace brandlint::html
