// "Did you mean" suggestions for guide keys, severities, colour names and token aliases.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace brandlint::guide {

/// Damerau-Levenshtein distance (insertions, deletions, substitutions and transpositions of
/// adjacent characters) between two UTF-8 strings, counted in code points. ASCII letters are
/// compared case-insensitively, because a wrongly cased key is the same mistake as a typo.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `typed`, or "" when none is close enough to be a plausible typo.
/// Ties go to the earliest candidate, so callers list the most common choices first.
std::string closest_match(std::string_view typed, std::span<const std::string_view> candidates);
std::string closest_match(std::string_view typed, std::span<const std::string> candidates);

}  // namespace brandlint::guide
