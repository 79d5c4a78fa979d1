// An asset is a scanned file, decoded once. Rules never open files: they read the Asset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>

#include "brandguide/brand_guide.h"

namespace brandlint {

/// What a file is, decided from its extension and its first bytes (magic numbers).
enum class AssetKind { text, markdown, css, html, svg, image, pdf, copy_deck };

std::string_view to_string(AssetKind kind);

/// 1-based line and column; the column counts Unicode code points.
struct LineColumn {
  int line = 1;
  int column = 1;
};

/// Maps byte offsets of a UTF-8 text to line:column. Built once per asset.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);
  /// Line and column (code points, 1-based) of byte `offset`; offsets past the end clamp.
  LineColumn at(std::string_view text, std::size_t offset) const;
  std::size_t line_count() const { return starts_.size(); }

 private:
  std::vector<std::size_t> starts_;  // byte offset of each line's first byte
};

/// A piece of copy that voice rules read, with the exact place it came from. `text` has the same
/// length as the source span unless `offsets` is set; markup that is not copy is blanked with
/// spaces (Markdown emphasis, link targets, code), so offsets stay exact without re-searching.
struct TextRun {
  std::string text;
  std::size_t source_offset = 0;      // byte offset of text[0] in Asset::text
  std::vector<std::uint32_t> offsets;  // optional: source offset of each byte of `text`
  std::string scope = "body";          // body | heading | alt | title | button | meta | caption ...
  std::string lang;                    // BCP 47 primary tag ("da", "en"); "" = channel default

  /// Byte offset in Asset::text of byte `i` of `text` (i may equal text.size()).
  std::size_t source_of(std::size_t i) const;
};

/// A problem found while decoding that is the user's, not a bug: becomes a finding.
struct LoadProblem {
  std::string rule;  // "brandlint/unreadable-asset", "brandlint/invalid-encoding", ...
  std::string message;
  std::size_t offset = 0;  // byte offset in the original file, where it applies
};

/// A CSS declaration found in a stylesheet, a <style> block, a style="" attribute or an SVG
/// presentation attribute, with exact byte offsets into Asset::text. Filled once by the loader so
/// rules never re-parse markup.
struct CssDeclaration {
  std::string property;          // lower-cased; custom properties keep their "--" name as written
  std::size_t name_begin = 0;    // first byte of the property name
  std::size_t value_begin = 0;   // first byte of the value (leading whitespace skipped)
  std::size_t value_end = 0;     // one past the value ("!important" and trailing space excluded)
  bool important = false;
  int block = -1;                // index in Asset::css_blocks
};

/// The rule, at-rule block or element that holds declarations.
struct CssBlock {
  std::size_t prelude_begin = 0, prelude_end = 0;  // selector or at-rule prelude; empty for attributes
  std::string at_rule;   // "font-face", "page"... for an at-rule block; "" for a style rule
  std::string element;   // tag name when the declarations come from a markup attribute
  int parent = -1;       // enclosing block (@media...), -1 at top level
};

struct Asset {
  std::filesystem::path path;  // what the engine opened
  std::string display_path;    // what reports show ('/'-separated, relative where possible)
  std::string match_path;      // relative to the scan root; matched against channel/ignore globs
  AssetKind kind = AssetKind::text;
  const guide::Channel* channel = nullptr;
  std::uint64_t content_hash = 0;  // xxh3 of the raw bytes
  std::size_t byte_size = 0;

  // Text kinds: the decoded UTF-8 content (BOM removed, UTF-16 converted) and its line index.
  // All text offsets in findings refer to this string.
  std::string text;
  LineIndex lines;
  std::vector<TextRun> runs;  // copy for voice rules
  // CSS, HTML and SVG: every declaration (see CssDeclaration), parsed once by the loader.
  std::vector<CssDeclaration> css_declarations;
  std::vector<CssBlock> css_blocks;

  // Raster kinds, SVG (rendered by librsvg) and PDF (first page, rendered by poppler): BGRA
  // pixels, 8 bits per channel.
  cv::Mat pixels;
  std::string pixel_format;  // "png", "jpeg", "webp", "tiff", "bmp", "gif", "svg", "pdf"
  bool lossy = false;        // JPEG or lossy WebP: flat colours carry compression noise
  int decode_scale = 1;      // pixels are 1/decode_scale of the file's size (reduced JPEG decode)
  double dpi = 0.0;          // pixels per inch when known (PDF pages: the render resolution); 0 = unknown
  std::string icc_profile;   // description of an embedded ICC profile; "" when there is none
  std::string icc_color_space;  // its colour space signature: "RGB", "GRAY", "CMYK"...
  bool icc_srgb = true;      // false: an embedded profile says the pixels are not sRGB

  /// Results derived from this asset that several rules share (e.g. the raster palette
  /// analysis), keyed by what they were computed with. Filled by the first rule that needs one;
  /// the runner checks one asset's rules on one thread, so no locking is needed.
  mutable std::map<std::string, std::shared_ptr<const void>> derived;

  std::vector<LoadProblem> problems;
  bool readable = true;  // false: only the unreadable-asset finding is reported
};

}  // namespace brandlint
