// Paths the tests need: the source tree and the built binary (set by tests/CMakeLists.txt).
#pragma once

#include <filesystem>
#include <string>

namespace brandlint::testing {

inline std::filesystem::path source_dir() { return BRANDLINT_SOURCE_DIR; }
inline std::filesystem::path brandlint_binary() { return BRANDLINT_BINARY; }

/// Runs a shell command; returns its exit code and captures stdout (stderr too if asked).
struct CommandResult {
  int exit_code = -1;
  std::string out;
};
CommandResult run_command(const std::string& command);

/// A fresh, empty temporary folder removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  /// Writes `content` to `relative` (creating folders) and returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace brandlint::testing
