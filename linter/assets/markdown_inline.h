// Inline Markdown masking, used by the block masker in markdown.cpp. Internal to linter/assets.
//
// Masking never changes a byte's position: markup becomes spaces (newlines are kept), so a run
// cut from the masked buffer maps to the source by identity.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace brandlint::markdown {

struct Span {
  std::size_t begin = 0, end = 0;
};

/// What the inline scanner recognises inside a block.
enum class InlineMode {
  markdown,  // paragraphs, headings, table cells: the full CommonMark inline syntax
  html,      // raw HTML blocks: only tags, comments and entities
};

/// Replaces bytes [begin, end) of `buffer` with spaces, keeping '\n' so line structure survives.
void blank(std::string& buffer, std::size_t begin, std::size_t end);

/// Link reference labels in CommonMark's matching form (case-folded ASCII, collapsed spaces).
std::string normalize_label(std::string_view label);

/// Masks the inline markup of buffer[begin, end): code spans (and <code>, <kbd>, <samp>) become
/// U+FFFC followed by spaces, a placeholder token that is no word; HTML tags and comments, autolinks
/// and bare URLs, link/image destinations and titles, brackets, emphasis and strike-through
/// delimiters, backslashes of escapes. Entities are decoded in place: the character, then
/// default-ignorable fill (U+200B, U+00AD) up to the entity's length, which word matching
/// skips, so "bl&aring;" still reads as one word. Appends the span of each image's alt text to
/// `alts` (the caller turns them into their own runs).
void mask_inlines(std::string& buffer, std::size_t begin, std::size_t end, InlineMode mode,
                  const std::set<std::string>& labels, std::vector<Span>& alts);

}  // namespace brandlint::markdown
