#include "linter/builtin_rules.h"

#include "linter/consistency.h"

namespace brandlint {
namespace {

const std::vector<AssetKind> kAllKinds = {AssetKind::text, AssetKind::markdown, AssetKind::css,
                                          AssetKind::html, AssetKind::svg,      AssetKind::image,
                                          AssetKind::pdf,  AssetKind::copy_deck};

const RuleMeta kInternalErrorMeta{kInternalError,
                                  "brandlint hit a bug while checking this file with one rule",
                                  kAllKinds, Severity::error, Fixable::never,
                                  "rules/brandlint/internal-error.md", {}};
const RuleMeta kUnreadableMeta{kUnreadableAsset,
                               "The file could not be read or decoded, so it was not checked",
                               kAllKinds, Severity::error, Fixable::never,
                               "rules/brandlint/unreadable-asset.md", {}};
const RuleMeta kEncodingMeta{kInvalidEncoding,
                             "The text is not valid UTF-8; damaged bytes were replaced",
                             kAllKinds, Severity::warning, Fixable::never,
                             "rules/brandlint/invalid-encoding.md", {}};

// Directives exist only where a comment cannot reach customers (linter/suppression.h).
const std::vector<AssetKind> kCommentKinds = {AssetKind::markdown, AssetKind::css,
                                              AssetKind::html, AssetKind::svg};
const RuleMeta kInvalidSuppressionMeta{
    kInvalidSuppression,
    "A brandlint-disable/enable comment is malformed, names an unknown rule or has no reason",
    kCommentKinds, Severity::warning, Fixable::never, "rules/brandlint/invalid-suppression.md",
    {}};
const RuleMeta kUnusedSuppressionMeta{
    kUnusedSuppression, "A brandlint-disable comment suppressed nothing and can be removed",
    kCommentKinds, Severity::info, Fixable::never, "rules/brandlint/unused-suppression.md", {}};

}  // namespace

std::span<const RuleMeta* const> builtin_rules() {
  // The run-level consistency rules are the engine's too (linter/consistency_checks.cpp).
  static const std::vector<const RuleMeta*> builtins = {
      &kInternalErrorMeta,      &kEncodingMeta,          &kUnreadableMeta,
      &kInvalidSuppressionMeta, &kUnusedSuppressionMeta, &palette_drift_meta(),
      &voice_drift_meta()};
  return builtins;
}

}  // namespace brandlint
