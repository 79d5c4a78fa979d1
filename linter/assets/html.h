// HTML and SVG markup for the web rules: copy runs (visible text and the attributes people read)
// and the CSS inside the markup (<style>, style="", SVG presentation attributes).
#pragma once

#include "linter/asset.h"

namespace brandlint {

/// Fills asset.runs, asset.css_declarations and asset.css_blocks from an HTML page.
///
/// Positions come from a small tolerant tokenizer of our own rather than libxml2's HTML parser:
/// libxml2 reports only a line per node and nothing for attributes, and recovering columns by
/// re-scanning from that line would be a second tokenizer anyway. This one reads tags,
/// attributes, comments, raw-text elements and character references the way the HTML tokenizer
/// does, never builds a tree, never loads anything and is linear in the input, so hostile input
/// cannot make it expand or fetch.
void extract_html(Asset& asset);

/// Fills asset.css_declarations and asset.css_blocks from an SVG document: <style> blocks,
/// style="" attributes and the colour presentation attributes (fill, stroke, stop-color,
/// flood-color, lighting-color, color). Same tokenizer as HTML: no DTD, no entity expansion.
void extract_svg(Asset& asset);

}  // namespace brandlint
