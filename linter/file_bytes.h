// Reading a whole file into memory, for the places that need its exact bytes (fixes, the result
// cache's keys, baselines, report previews). Decoding assets has its own reader with size limits
// (linter/assets/load_asset.cpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace brandlint {

/// The file's bytes, or nullopt when it cannot be opened or read to the end.
std::optional<std::string> read_file_bytes(const std::filesystem::path& path);

}  // namespace brandlint
