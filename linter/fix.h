// `brandlint check --fix` and `--diff`: applying the fixes rules attach to findings
// (Finding::fix, a byte range of the asset's decoded text and its replacement) to the files.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "linter/asset.h"
#include "linter/result.h"

namespace brandlint {

/// Applies `edits` (byte ranges of `text`) in order of position. Of overlapping edits the one
/// that sorts first (begin, then end, then input order) is kept and the others are dropped, so
/// the result never depends on thread timing; two insertions at one offset overlap too.
/// Edits outside the text or splitting a UTF-8 sequence are dropped.
std::string apply_edits(std::string_view text, std::vector<Fix> edits, std::size_t& applied,
                        std::size_t& dropped);

/// False when `fix` would rewrite markup together with copy: its range holds both bytes that a
/// copy run reads and non-space bytes that none does (an HTML tag, Markdown emphasis, a link's
/// brackets and target, an entity). A voice rule sees the copy with markup blanked, so such a
/// fix would break the markup; the runner withholds it and keeps the finding. Fixes wholly in
/// copy (a word) or wholly outside it (a CSS colour) are fine.
bool fix_respects_markup(const Asset& asset, const Fix& fix);

/// The fixes for one file.
struct FileFix {
  std::string path;      // display path (as the findings give it; relative to the current folder)
  std::string original;  // the file's bytes as read
  std::string fixed;     // the bytes to write
  std::size_t applied = 0, dropped = 0;
  std::string skipped;  // why the file is left alone; empty when `fixed` is to be written
};

/// One FileFix per file that has findings with fixes (suppressed findings are not fixed), in
/// path order. Each file is read again and must still have the content hash it had when it was
/// linted; UTF-16 files and files with invalid UTF-8 are skipped (the fix offsets refer to the
/// decoded text, and re-encoding could damage them); a UTF-8 byte-order mark is kept.
std::vector<FileFix> plan_fixes(const RunResult& result);

/// Replaces the file atomically: a temporary file in the same folder, written, given the
/// original's permissions, fsync'ed, renamed over the original. A missing file is an error,
/// unless `create` (then it is made with mode 0644). Returns "" or the error.
std::string write_file_atomically(const std::string& path, std::string_view content,
                                  bool create = false);

/// A unified diff (3 lines of context) from `fix.original` to `fix.fixed`, with "a/" and "b/"
/// path prefixes as `git diff` and `patch -p1` expect. Empty when nothing changes.
std::string unified_diff(const FileFix& fix);

/// What --fix and --diff did.
struct FixOutcome {
  std::size_t files_changed = 0;  // written (--fix) or shown (--diff)
  std::size_t edits = 0;          // fixes applied
  bool failed = false;            // a file could not be written
};

/// Plans every fix of `result`; with `write`, writes the changed files, otherwise prints their
/// unified diff to `diff_out`. Skipped files, dropped edits and write errors go to `log`.
FixOutcome fix_files(const RunResult& result, bool write, std::ostream& diff_out,
                     std::ostream& log);

}  // namespace brandlint
