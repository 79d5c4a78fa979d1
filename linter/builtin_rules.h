// Findings the engine itself reports: problems with the input, and bugs caught per (asset, rule).
#pragma once

#include <span>

#include "linter/rule.h"

namespace brandlint {

inline constexpr std::string_view kInternalError = "brandlint/internal-error";
inline constexpr std::string_view kUnreadableAsset = "brandlint/unreadable-asset";
inline constexpr std::string_view kInvalidEncoding = "brandlint/invalid-encoding";
inline constexpr std::string_view kInvalidSuppression = "brandlint/invalid-suppression";
inline constexpr std::string_view kUnusedSuppression = "brandlint/unused-suppression";

/// Metadata of the engine's own diagnostics (they have docs pages like rules do).
std::span<const RuleMeta* const> builtin_rules();

}  // namespace brandlint
