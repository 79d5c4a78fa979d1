#include "linter/glob.h"

namespace brandlint {
namespace {

// Expands the first `{a,b}` group recursively; nested groups are expanded by the recursion.
void expand_braces(const std::string& pattern, std::vector<std::string>& out) {
  const std::size_t open = pattern.find('{');
  if (open == std::string::npos) {
    out.push_back(pattern);
    return;
  }
  int depth = 0;
  std::size_t close = std::string::npos;
  std::vector<std::size_t> commas;
  for (std::size_t i = open; i < pattern.size(); ++i) {
    if (pattern[i] == '{') ++depth;
    if (pattern[i] == '}' && --depth == 0) {
      close = i;
      break;
    }
    if (pattern[i] == ',' && depth == 1) commas.push_back(i);
  }
  if (close == std::string::npos) {  // unbalanced: treat literally
    out.push_back(pattern);
    return;
  }
  const std::string head = pattern.substr(0, open);
  const std::string tail = pattern.substr(close + 1);
  std::size_t start = open + 1;
  commas.push_back(close);
  for (std::size_t comma : commas) {
    expand_braces(head + pattern.substr(start, comma - start) + tail, out);
    start = comma + 1;
  }
}

bool class_match(std::string_view pattern, std::size_t& p, char c) {
  // pattern[p] == '['; on return p is just past ']'.
  std::size_t i = p + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool found = false;
  bool first = true;
  for (; i < pattern.size() && (pattern[i] != ']' || first); ++i, first = false) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (c >= pattern[i] && c <= pattern[i + 2]) found = true;
      i += 2;
    } else if (pattern[i] == c) {
      found = true;
    }
  }
  p = i + 1;
  return found != negate;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  // Backtracking points for `*` (within a segment) and `**` (across segments).
  std::size_t star_p = std::string_view::npos, star_t = 0;
  std::size_t dstar_p = std::string_view::npos, dstar_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      if (pattern.compare(p, 2, "**") == 0) {
        // `**/` matches zero or more whole segments; a trailing `**` matches everything.
        std::size_t after = p + 2;
        if (after < pattern.size() && pattern[after] == '/') ++after;
        dstar_p = after;
        dstar_t = t;
        star_p = std::string_view::npos;
        p = after;
        continue;
      }
      const char pc = pattern[p];
      if (pc == '*') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (pc == '?' && text[t] != '/') {
        ++p;
        ++t;
        continue;
      }
      if (pc == '[' && text[t] != '/') {
        std::size_t q = p;
        if (class_match(pattern, q, text[t])) {
          p = q;
          ++t;
          continue;
        }
      } else if (pc == text[t]) {
        ++p;
        ++t;
        continue;
      }
    }
    // Mismatch: let the innermost `*` eat one more character, but never a '/'.
    if (star_p != std::string_view::npos && text[star_t] != '/') {
      p = star_p;
      t = ++star_t;
      continue;
    }
    // Else let `**` eat one more segment.
    if (dstar_p != std::string_view::npos) {
      const std::size_t slash = text.find('/', dstar_t);
      if (slash == std::string_view::npos) {
        // `**` at the end of the pattern (nothing after it) matches the rest.
        return dstar_p >= pattern.size();
      }
      dstar_t = slash + 1;
      t = dstar_t;
      p = dstar_p;
      star_p = std::string_view::npos;
      continue;
    }
    return false;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  if (p < pattern.size() && pattern[p] == '/' && pattern.compare(p, 3, "/**") == 0) p += 3;
  return p == pattern.size();
}

Glob::Glob(std::string_view pattern) : pattern_(pattern) {
  std::string normalised(pattern);
  if (normalised.rfind("./", 0) == 0) normalised.erase(0, 2);
  expand_braces(normalised, expanded_);
}

bool Glob::matches(std::string_view path) const {
  for (const std::string& pattern : expanded_) {
    if (glob_match(pattern, path)) return true;
  }
  return false;
}

}  // namespace brandlint
