// CSS structure for the web rules: declarations and the blocks that hold them, with exact byte
// offsets into the asset's text. Follows CSS Syntax Level 3 closely enough to never mistake a
// comment, a string, an escape or a url() for structure.
#pragma once

#include <cstddef>
#include <string_view>

#include "linter/asset.h"

namespace brandlint::css {

/// Index just past the comment/string/url/escape that starts at `i`, or `i` when none does.
/// Shared with the colour scanner so both skip exactly the same things.
std::size_t skip_opaque(std::string_view text, std::size_t i, std::size_t end);

/// Parses text[begin, end) as a stylesheet (a .css file or a <style> block) and appends its
/// declarations and blocks to the asset.
void parse_stylesheet(Asset& asset, std::size_t begin, std::size_t end);

/// Parses text[begin, end) as a declaration list (a style="" attribute) of element `element`.
void parse_declaration_list(Asset& asset, std::size_t begin, std::size_t end,
                            std::string_view element);

}  // namespace brandlint::css
