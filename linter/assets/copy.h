// Turning file bytes into copy: decoding text files and extracting the runs voice rules read.
#pragma once

#include <string>
#include <string_view>

#include "linter/asset.h"

namespace brandlint {

/// Decodes raw file bytes into asset.text (UTF-8): strips a UTF-8 BOM, converts UTF-16 LE/BE
/// with BOM, and replaces each invalid UTF-8 sequence with U+FFFD while recording a
/// LoadProblem{"brandlint/invalid-encoding", ..., byte offset} for it (the rest is still
/// checked). Also builds asset.lines.
void decode_text(std::string_view raw, Asset& asset);

/// Fills asset.runs for a plain-text file: one run per paragraph (blank-line separated).
void extract_plain_runs(Asset& asset);

/// Fills asset.runs for Markdown: headings, paragraphs, list items, emphasis, link text and
/// image alt text are copy; fenced/indented code, inline code, HTML comments, front matter and
/// link/image targets are blanked so every byte keeps its offset.
void extract_markdown_runs(Asset& asset);

/// Fills asset.runs for a copy deck (.json/.toml with string fields such as headline,
/// description, primary_text): one run per string value, scope = the field name.
void extract_copy_deck_runs(Asset& asset);

}  // namespace brandlint
