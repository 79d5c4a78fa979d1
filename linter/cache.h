// The result cache (`brandlint check --cache`): a file's findings depend only on its bytes, its
// path and channel, the guide (and the files it names) and brandlint itself, so a second run of
// an unchanged repository reads each file, hashes it and takes its results from disk instead of
// decoding images and running rules. Run-level checks (consistency) are computed fresh from the
// cached measurements, so they are always current.
//
// Keys: the run key hashes brandlint's version and executable (size, mtime), the guide's bytes,
// every logo and token file it names, the hunspell dictionaries, the decode budget and the rule
// selection; the file key hashes the run key, the file's bytes, display path, match path,
// channel and kind. A changed input gives a different key: entries are never updated in place,
// so a stale entry is never read. Entries are JSON files `<dir>/<2 hex>/<16 hex>.json`, written
// atomically (temporary file + rename) so concurrent runs and crashes leave only whole entries;
// an unreadable or damaged entry is a miss. Old entries are never read again; delete the folder
// to reclaim the space.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linter/result.h"

namespace brandlint {

inline constexpr const char* kDefaultCacheDir = ".brandlint-cache";

/// One file's results: what the runner keeps of it.
struct FileResult {
  FileRecord record;
  std::vector<Finding> findings;
  std::vector<SuppressedFinding> suppressed;
  // Other files the rules read for it (RuleContext::depends_on): a cached result is used only
  // while each still has the content it had (or is still missing).
  std::vector<std::filesystem::path> dependencies;
};

/// JSON form of a file's results, exact (offsets, fixes, evidence in order), with the content
/// hash of each dependency; and back. from_json() returns nullopt for anything that is not a
/// whole, well-formed entry, and for an entry whose dependencies changed since.
Json file_result_json(const FileResult& result);
std::optional<FileResult> file_result_from_json(const Json& j);

class ResultCache {
 public:
  ResultCache(std::filesystem::path dir, std::uint64_t run_key);

  /// The key of one file's results, from its bytes and where it sits in the run.
  std::uint64_t file_key(std::string_view bytes, std::string_view display_path,
                         std::string_view match_path, std::string_view channel,
                         std::string_view kind) const;
  std::optional<FileResult> load(std::uint64_t key) const;
  /// Best effort: a cache that cannot be written costs speed, never correctness.
  void store(std::uint64_t key, const FileResult& result) const;

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  std::size_t write_failures() const { return write_failures_; }

 private:
  std::filesystem::path entry_path(std::uint64_t key) const;

  std::filesystem::path dir_;
  std::uint64_t run_key_;
  mutable std::atomic<std::size_t> hits_{0}, misses_{0}, write_failures_{0};
};

/// Hash of everything besides a file that decides its results (see the header comment).
/// `inputs` are the guide file and the files it names; `settings` the run's options that
/// change results (decode budget, rule selection).
std::uint64_t cache_run_key(const std::vector<std::filesystem::path>& inputs,
                            std::string_view settings);

}  // namespace brandlint
