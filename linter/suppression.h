// Inline suppression: `brandlint-disable-next-line`, `brandlint-disable` and `brandlint-enable`
// comments in HTML, SVG, Markdown and CSS. The runner applies them to an asset's findings after
// every rule ran on it, so they work the same for every rule, built-ins included.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "linter/asset.h"
#include "linter/result.h"

namespace brandlint {

/// One `brandlint-…` comment of an asset, parsed.
struct Directive {
  enum class Kind { next_line, disable, enable };
  Kind kind = Kind::next_line;
  std::string keyword;             // as written: "brandlint-disable-next-line", ...
  std::size_t begin = 0, end = 0;  // the whole comment in Asset::text, delimiters included
  std::vector<std::string> rules;  // rule ids or globs as written; empty = every rule
  std::string reason;              // the text after " -- ", trimmed
  std::string problem;             // why the directive is invalid; empty when it is valid
};

/// A comment [begin, end) in Asset::text (delimiters included) and its inner text.
struct CommentSpan {
  std::size_t begin = 0, end = 0;
  std::size_t body_begin = 0, body_end = 0;
};

/// The comments of an asset that may hold directives: HTML/SVG comments outside <script>,
/// <style>, <pre>, <code> and other raw-text elements; CSS comments in .css files and in
/// <style> blocks; Markdown HTML comments outside fenced/indented code, code spans, front
/// matter and raw <pre>/<script>/<style>/<textarea> blocks. Plain text, copy decks and binary
/// kinds have none: a comment there would be copy that reaches customers. In text order.
std::vector<CommentSpan> directive_comments(const Asset& asset);

/// Parses the comments that start with "brandlint-" into directives. `known_rules` is every
/// rule id (registry and built-ins): a name that matches none makes the directive invalid.
std::vector<Directive> find_directives(const Asset& asset,
                                       std::span<const std::string_view> known_rules);

/// What the runner tells apply_suppressions about the asset's run.
struct SuppressionScope {
  std::span<const std::string_view> known_rules;
  /// Whether rule `id` ran on this asset (an unused directive is reported only for rules that
  /// ran: one for a rule that is off here, or filtered out by a test, proves nothing).
  std::function<bool(std::string_view id)> ran;
  /// Severity of the suppression diagnostics (invalid/unused) for this asset, nullopt when the
  /// guide turns them off or ignores them for this path.
  std::function<std::optional<Severity>(std::string_view id, Severity fallback)> severity;
};

/// Moves the findings a valid directive covers from `findings` into `suppressed` (with the
/// directive's reason), and appends brandlint/invalid-suppression and
/// brandlint/unused-suppression findings to `findings`. Engine failures (internal-error,
/// unreadable-asset) and the suppression diagnostics themselves cannot be suppressed.
void apply_suppressions(const Asset& asset, const SuppressionScope& scope,
                        std::vector<Finding>& findings, std::vector<SuppressedFinding>& suppressed);

}  // namespace brandlint
