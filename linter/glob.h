// Glob patterns as used in guides and ignore files: `*` (any run within one path segment),
// `**` (any number of segments), `?` (one character), `[abc]` classes and `{a,b}` alternatives.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace brandlint {

class Glob {
 public:
  explicit Glob(std::string_view pattern);
  /// True when the '/'-separated relative `path` matches the whole pattern.
  bool matches(std::string_view path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  std::vector<std::string> expanded_;  // `{a,b}` alternatives expanded once
};

/// Matches `text` against one expanded pattern (no braces).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace brandlint
