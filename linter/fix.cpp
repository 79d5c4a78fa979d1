#include "linter/fix.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "linter/file_bytes.h"
#include "linter/reporters/report_text.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

bool continuation(std::string_view text, std::size_t i) {
  return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t eol = text.find('\n', pos);
    const std::size_t stop = eol == std::string_view::npos ? text.size() : eol + 1;
    lines.push_back(text.substr(pos, stop - pos));
    pos = stop;
  }
  return lines;
}

void diff_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string apply_edits(std::string_view text, std::vector<Fix> edits, std::size_t& applied,
                        std::size_t& dropped) {
  applied = dropped = 0;
  std::stable_sort(edits.begin(), edits.end(), [](const Fix& a, const Fix& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;        // text[0, copied) is in `out`
  bool last_was_insert = false;  // the previous kept edit inserted at `copied`
  for (const Fix& e : edits) {
    const bool valid = e.begin <= e.end && e.end <= text.size() && !continuation(text, e.begin) &&
                       !continuation(text, e.end);
    const bool overlaps =
        e.begin < copied || (e.begin == copied && last_was_insert && e.begin == e.end);
    if (!valid || overlaps) {
      ++dropped;
      continue;
    }
    out.append(text.substr(copied, e.begin - copied));
    out.append(e.replacement);
    copied = e.end;
    last_was_insert = e.begin == e.end;
    ++applied;
  }
  out.append(text.substr(copied));
  return out;
}

bool fix_respects_markup(const Asset& asset, const Fix& fix) {
  if (fix.end <= fix.begin || fix.end > asset.text.size() || asset.runs.empty()) return true;
  // Which bytes of the range some run reads as they are written.
  std::vector<bool> copy(fix.end - fix.begin, false);
  const auto mark = [&](std::size_t source, char seen) {
    if (source >= fix.begin && source < fix.end && asset.text[source] == seen) {
      copy[source - fix.begin] = true;
    }
  };
  for (const TextRun& run : asset.runs) {
    if (run.text.empty()) continue;
    // Runs map forward through the source (offsets never decrease), so their ends bound them.
    if (run.source_of(0) >= fix.end || run.source_of(run.text.size() - 1) < fix.begin) continue;
    for (std::size_t i = 0; i < run.text.size(); ++i) mark(run.source_of(i), run.text[i]);
  }
  bool any_copy = false, any_markup = false;
  for (std::size_t i = 0; i < copy.size(); ++i) {
    const char c = asset.text[fix.begin + i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;  // between words either way
    (copy[i] ? any_copy : any_markup) = true;
  }
  return !(any_copy && any_markup);
}

std::vector<FileFix> plan_fixes(const RunResult& result) {
  std::map<std::string, std::vector<Fix>> by_path;
  for (const Finding& f : result.findings) {
    if (f.fix) by_path[f.path].push_back(*f.fix);
  }
  std::vector<FileFix> plans;
  for (auto& [path, edits] : by_path) {
    FileFix plan;
    plan.path = path;
    const auto record = std::find_if(result.files.begin(), result.files.end(),
                                     [&](const FileRecord& r) { return r.path == path; });
    std::error_code ec;
    std::optional<std::string> bytes;
    if (record == result.files.end()) {
      plan.skipped = "not a file of this run";
    } else if (fs::is_symlink(fs::symlink_status(path, ec))) {
      plan.skipped = "a symbolic link: brandlint rewrites only the files it scanned, not links";
    } else if (bytes = read_file_bytes(path); !bytes) {
      plan.skipped = "cannot read it again";
    } else if (plan.original = std::move(*bytes);
               XXH3_64bits(plan.original.data(), plan.original.size()) != record->content_hash) {
      plan.skipped = "changed since it was linted; run brandlint again";
    } else {
      const std::string_view raw = plan.original;
      const bool utf8_bom = raw.starts_with("\xEF\xBB\xBF");
      const std::string_view body = raw.substr(utf8_bom ? 3 : 0);
      if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF")) {
        plan.skipped =
            "UTF-16 text: fixes are not written into it, so its encoding is kept; "
            "apply them by hand or convert it to UTF-8";
      } else if (report::valid_utf8(body) != body) {
        plan.skipped =
            "not valid UTF-8: fix offsets refer to the repaired text, so writing "
            "them could damage the file";
      } else {
        plan.fixed = std::string(utf8_bom ? "\xEF\xBB\xBF" : "") +
                     apply_edits(body, std::move(edits), plan.applied, plan.dropped);
      }
    }
    plans.push_back(std::move(plan));
  }
  return plans;
}

std::string write_file_atomically(const std::string& path, std::string_view content,
                                  bool create) {
  const fs::path target(path);
  // A new file (a baseline written the first time) gets the usual 0644; --fix never creates
  // one (a file deleted since it was linted stays deleted).
  struct stat original {};
  original.st_mode = 0644;
  if (::stat(path.c_str(), &original) != 0 && !(create && errno == ENOENT))
    return fmt::format("cannot stat: {}", std::strerror(errno));
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (folder / ("." + target.filename().string() + ".brandlint-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    return fmt::format("cannot create a temporary file beside it: {}", std::strerror(errno));
  const auto fail = [&](std::string_view what) {
    const std::string message = fmt::format("{}: {}", what, std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return message;
  };
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write the temporary file");
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot keep the file mode");
  if (::fsync(fd) != 0) return fail("cannot flush the temporary file");
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    return fmt::format("cannot close the temporary file: {}", std::strerror(errno));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string message = fmt::format("cannot replace the file: {}", std::strerror(errno));
    ::unlink(temp.c_str());
    return message;
  }
  // The rename is durable once the folder's entry is on disk.
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return "";
}

std::string unified_diff(const FileFix& fix) {
  constexpr std::size_t kContext = 3;
  const std::string_view a = fix.original, b = fix.fixed;
  if (a == b) return "";
  const std::vector<std::string_view> old_lines = split_lines(a), new_lines = split_lines(b);
  // The changed block: everything between the common leading and trailing lines, then hunks
  // split wherever more than 2 × context unchanged lines separate two changes (found with a
  // line-by-line comparison inside the block, which fixes never reorder).
  std::size_t head = 0;
  while (head < old_lines.size() && head < new_lines.size() && old_lines[head] == new_lines[head])
    ++head;
  std::size_t tail = 0;
  while (tail < old_lines.size() - head && tail < new_lines.size() - head &&
         old_lines[old_lines.size() - 1 - tail] == new_lines[new_lines.size() - 1 - tail]) {
    ++tail;
  }
  // Changes as (old begin, old end, new begin, new end) line ranges. No general diff algorithm
  // is needed: fixes replace text inside lines, so when the line counts agree the lines pair up
  // one to one; when a fix adds or removes a line break, the whole changed block is one change.
  struct Change {
    std::size_t ob, oe, nb, ne;
  };
  std::vector<Change> changes;
  const std::size_t old_end = old_lines.size() - tail, new_end = new_lines.size() - tail;
  if (old_end - head == new_end - head) {
    for (std::size_t i = head; i < old_end; ++i) {
      if (old_lines[i] == new_lines[i]) continue;
      if (!changes.empty() && changes.back().oe == i) {
        ++changes.back().oe;
        ++changes.back().ne;
      } else {
        changes.push_back({i, i + 1, i, i + 1});
      }
    }
  } else {
    changes.push_back({head, old_end, head, new_end});
  }
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", fix.path, fix.path);
  for (std::size_t c = 0; c < changes.size();) {
    std::size_t last = c;
    while (last + 1 < changes.size() && changes[last + 1].ob - changes[last].oe <= 2 * kContext)
      ++last;
    const std::size_t ob = changes[c].ob > kContext ? changes[c].ob - kContext : 0;
    const std::size_t nb = changes[c].nb - (changes[c].ob - ob);
    const std::size_t oe = std::min(old_lines.size(), changes[last].oe + kContext);
    const std::size_t ne = changes[last].ne + (oe - changes[last].oe);
    const auto range = [](std::size_t begin, std::size_t count) {
      return count == 0 ? fmt::format("{},0", begin) : fmt::format("{},{}", begin + 1, count);
    };
    out += fmt::format("@@ -{} +{} @@\n", range(ob, oe - ob), range(nb, ne - nb));
    std::size_t o = ob;
    for (std::size_t k = c; k <= last; ++k) {
      for (; o < changes[k].ob; ++o) diff_line(out, ' ', old_lines[o]);
      for (std::size_t i = changes[k].ob; i < changes[k].oe; ++i) diff_line(out, '-', old_lines[i]);
      for (std::size_t i = changes[k].nb; i < changes[k].ne; ++i) diff_line(out, '+', new_lines[i]);
      o = changes[k].oe;
    }
    for (; o < oe; ++o) diff_line(out, ' ', old_lines[o]);
    c = last + 1;
  }
  return out;
}

FixOutcome fix_files(const RunResult& result, bool write, std::ostream& diff_out,
                     std::ostream& log) {
  FixOutcome outcome;
  for (const FileFix& plan : plan_fixes(result)) {
    if (!plan.skipped.empty()) {
      log << fmt::format("brandlint: {}: not fixed: {}\n", plan.path, plan.skipped);
      continue;
    }
    if (plan.dropped > 0) {
      log << fmt::format(
          "brandlint: {}: {} fix(es) overlap an earlier one and were left for the "
          "next run\n",
          plan.path, plan.dropped);
    }
    if (plan.fixed == plan.original) continue;  // never touch a file the fixes leave as it is
    if (!write) {
      diff_out << unified_diff(plan);
    } else if (const std::string error = write_file_atomically(plan.path, plan.fixed);
               !error.empty()) {
      log << fmt::format("brandlint: error: {}: not fixed: {}\n", plan.path, error);
      outcome.failed = true;
      continue;
    }
    ++outcome.files_changed;
    outcome.edits += plan.applied;
  }
  return outcome;
}

}  // namespace brandlint
