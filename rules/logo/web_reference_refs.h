// What a page or stylesheet shows as images, for logo/web-reference: every <img src/srcset>,
// <picture><source srcset>, CSS url() and inline <svg>, with exact byte spans, the box the page
// gives it and its text alternative.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/asset.h"

namespace brandlint::logo_web {

/// A length the page sets for an image (an attribute or a style="" declaration), in CSS px.
struct BoxSide {
  std::optional<double> px;        // nullopt: not set, or not in px (auto, %, em...)
  bool set = false;                // declared at all
  std::size_t begin = 0, end = 0;  // where it is declared
};

/// One image reference.
struct ImageRef {
  enum class Kind { img_src, img_srcset, source_srcset, css_url, inline_svg } kind;
  std::string url;                 // decoded (character references); empty for inline SVG
  std::size_t begin = 0, end = 0;  // the URL (or the <svg> start tag's name) in Asset::text
  std::string svg;                 // inline SVG: the element's source, ready to render
  int element = -1;                // the <img>/<svg> it belongs to (index in Page::elements)
};

/// An <img> (with its <picture> sources) or inline <svg>: what a logo finding needs besides
/// the pixels.
struct ImageElement {
  bool is_svg = false;
  BoxSide width, height;
  bool fit_keeps_ratio = false;  // object-fit: contain/cover/scale-down/none never distorts
  bool has_alt = false;          // alt="" (img) or aria-label/<title> (svg) present
  std::string alt;               // decoded, as written
  std::size_t alt_begin = 0, alt_end = 0;
  std::size_t anchor_begin = 0, anchor_end = 0;  // where a missing alt is reported
};

struct Page {
  std::vector<ImageRef> refs;
  std::vector<ImageElement> elements;
};

/// Reads the references of an HTML page (markup and its CSS) or a stylesheet.
Page find_image_refs(const Asset& asset);

/// The page background: an opaque colour set on html/body (a style="" attribute or a rule whose
/// selector is exactly `html`, `body` or `:root`) in this file; white otherwise.
guide::Rgb page_background(const Asset& asset);

/// `s` without leading and trailing ASCII whitespace.
std::string_view trim_space(std::string_view s);

/// The candidate URLs of a srcset attribute value, with their offsets in `value`.
std::vector<std::pair<std::string, std::size_t>> srcset_urls(std::string_view value);

}  // namespace brandlint::logo_web
