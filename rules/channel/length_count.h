// How long copy is, the two ways channels count: grapheme clusters (what a reader sees as one
// character) and X's weighted length (twitter-text v3 config). Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace brandlint::rules::length {

/// Grapheme clusters in UTF-8 text (ICU character BreakIterator, extended clusters).
std::size_t graphemes(std::string_view utf8);

/// X's weighted length (twitter-text v3.json: scale 100, default weight 200): code points in
/// U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F and U+2032-U+2037 weigh 1, all others 2; an emoji
/// (one grapheme cluster, ZWJ sequences and flags included) weighs 2; a URL weighs 23.
std::size_t x_weighted(std::string_view utf8);

}  // namespace brandlint::rules::length
