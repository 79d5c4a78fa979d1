// Finding the files to lint: walk the given paths, honour .gitignore and .brandlintignore, skip
// hidden and vendor folders, never loop through symlinks. Output order is sorted and stable.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace brandlint {

struct DiscoveredFile {
  std::filesystem::path path;  // as the engine opens it
  std::string display_path;    // shown in reports: relative to the current directory if inside
  std::string match_path;      // relative to the scan root (the directory argument)
  bool explicit_arg = false;   // named on the command line (never ignored)
};

struct DiscoveryProblem {
  std::string path;
  std::string message;
};

struct Discovery {
  std::vector<DiscoveredFile> files;
  std::vector<DiscoveryProblem> problems;  // missing paths, unreadable folders, symlink loops
};

/// Walks `paths` (files or folders). `exclude_paths` (e.g. the guide file) are skipped.
Discovery discover(const std::vector<std::filesystem::path>& paths,
                   const std::vector<std::filesystem::path>& exclude_paths = {});

/// Gitignore-style rules of one ignore file, relative to the folder that holds it.
class IgnoreFile {
 public:
  IgnoreFile(std::string base, std::string_view content);
  /// nullopt: no rule matched; true: ignored; false: re-included by a `!` rule.
  std::optional<bool> match(const std::string& root_relative, bool is_dir) const;

 private:
  struct Pattern {
    std::string glob;
    bool negate = false;
    bool dir_only = false;
    bool anchored = false;  // contains a '/' other than a trailing one: relative to base
  };
  std::string base_;  // folder of the ignore file, relative to the scan root ("" or "a/b/")
  std::vector<Pattern> patterns_;
};

}  // namespace brandlint
