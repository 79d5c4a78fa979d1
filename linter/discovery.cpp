#include "linter/discovery.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "linter/baseline.h"
#include "linter/glob.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

// Folders that hold other people's code or build output, never brand assets.
constexpr std::array<std::string_view, 6> kVendorFolders = {
    "node_modules", "vendor", "bower_components", "__pycache__", "third_party", "_site"};
constexpr std::array<std::string_view, 2> kIgnoreFileNames = {".gitignore", ".brandlintignore"};

std::string generic(const fs::path& p) { return p.generic_string(); }

std::string display_path_of(const fs::path& path) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec) {
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    const fs::path rel = absolute.lexically_relative(cwd);
    if (!ec && !rel.empty() && *rel.begin() != "..") return generic(rel);
  }
  return generic(path.lexically_normal());
}

std::string read_small_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Walker {
  Discovery& out;
  std::set<fs::path> excluded;  // canonical paths
  std::set<fs::path> visited_dirs;

  bool is_excluded(const fs::path& p) const {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(p, ec);
    return !ec && excluded.count(canonical) > 0;
  }

  void walk(const fs::path& dir, const std::string& rel_dir,
            std::vector<IgnoreFile> ignores) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      out.problems.push_back({generic(dir), fmt::format("cannot read folder: {}", ec.message())});
      return;
    }
    if (!visited_dirs.insert(canonical).second) {
      out.problems.push_back(
          {display_path_of(dir), "symlink loop or repeated folder: already scanned, skipped"});
      return;
    }
    for (std::string_view name : kIgnoreFileNames) {
      const fs::path file = dir / name;
      if (fs::is_regular_file(file, ec)) ignores.emplace_back(rel_dir, read_small_file(file));
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      out.problems.push_back({display_path_of(dir), fmt::format("cannot list: {}", ec.message())});
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;  // hidden files and folders
      const bool is_dir = entry.is_directory(ec);
      if (is_dir && std::find(kVendorFolders.begin(), kVendorFolders.end(), name) !=
                        kVendorFolders.end()) {
        continue;
      }
      const std::string rel = rel_dir + name;
      std::optional<bool> ignored;
      for (const IgnoreFile& ignore : ignores) {
        if (auto verdict = ignore.match(rel, is_dir)) ignored = verdict;  // last match wins
      }
      if (ignored.value_or(false)) continue;
      if (is_dir) {
        walk(entry.path(), rel + "/", ignores);
      } else if (entry.is_regular_file(ec) && !is_excluded(entry.path()) &&
                 name != kBaselineFile) {  // brandlint's own record, not campaign copy
        out.files.push_back({entry.path(), display_path_of(entry.path()), rel, false});
      }
    }
  }
};

}  // namespace

IgnoreFile::IgnoreFile(std::string base, std::string_view content) : base_(std::move(base)) {
  std::size_t start = 0;
  while (start <= content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string line(content.substr(start, end - start));
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Pattern pattern;
    if (line[0] == '!') {
      pattern.negate = true;
      line.erase(0, 1);
    } else if (line[0] == '\\') {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.dir_only = true;
      line.pop_back();
    }
    if (!line.empty() && line[0] == '/') {
      pattern.anchored = true;
      line.erase(0, 1);
    } else if (line.find('/') != std::string::npos) {
      pattern.anchored = true;
    }
    if (line.empty()) continue;
    pattern.glob = std::move(line);
    patterns_.push_back(std::move(pattern));
    if (start > content.size()) break;
  }
}

std::optional<bool> IgnoreFile::match(const std::string& root_relative, bool is_dir) const {
  if (root_relative.compare(0, base_.size(), base_) != 0) return std::nullopt;
  const std::string rel = root_relative.substr(base_.size());
  const std::size_t slash = rel.rfind('/');
  const std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  std::optional<bool> verdict;
  for (const Pattern& pattern : patterns_) {
    if (pattern.dir_only && !is_dir) continue;
    const bool hit = pattern.anchored ? glob_match(pattern.glob, rel) : glob_match(pattern.glob, name);
    if (hit) verdict = !pattern.negate;
  }
  return verdict;
}

Discovery discover(const std::vector<fs::path>& paths, const std::vector<fs::path>& exclude_paths) {
  Discovery result;
  Walker walker{result, {}, {}};
  for (const fs::path& p : exclude_paths) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(p, ec);
    if (!ec) walker.excluded.insert(canonical);
  }
  for (const fs::path& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.problems.push_back({generic(path), "no such file or folder"});
    } else if (fs::is_directory(status)) {
      walker.walk(path, "", {});
    } else {
      // An explicitly named file is always linted; its match path is its path as given.
      result.files.push_back(
          {path, display_path_of(path), generic(path.lexically_normal()), true});
    }
  }
  // Stable order for everything downstream; duplicates (a file named twice) removed.
  std::sort(result.files.begin(), result.files.end(),
            [](const auto& a, const auto& b) { return a.display_path < b.display_path; });
  result.files.erase(std::unique(result.files.begin(), result.files.end(),
                                 [](const auto& a, const auto& b) {
                                   return a.display_path == b.display_path;
                                 }),
                     result.files.end());
  return result;
}

}  // namespace brandlint
