#include "linter/cache.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <xxhash.h>

#include "linter/file_bytes.h"
#include "linter/fix.h"

namespace fs = std::filesystem;

namespace brandlint {
namespace {

// Bumped when the entry format changes: old entries then never match.
constexpr std::string_view kFormat = "brandlint-cache/1";

Json location_json(const Location& l) {
  Json j = {{"begin", l.begin},         {"end", l.end},
            {"line", l.line},           {"column", l.column},
            {"end_line", l.end_line},   {"end_column", l.end_column}};
  if (l.box) j["box"] = Json::array({l.box->x, l.box->y, l.box->w, l.box->h});
  return j;
}

Location location_from(const Json& j) {
  Location l;
  l.begin = j.at("begin").get<std::size_t>();
  l.end = j.at("end").get<std::size_t>();
  l.line = j.at("line").get<int>();
  l.column = j.at("column").get<int>();
  l.end_line = j.at("end_line").get<int>();
  l.end_column = j.at("end_column").get<int>();
  if (const auto box = j.find("box"); box != j.end()) {
    l.box = PixelBox{box->at(0).get<int>(), box->at(1).get<int>(), box->at(2).get<int>(),
                     box->at(3).get<int>()};
  }
  return l;
}

Json finding_json(const Finding& f) {
  Json j = {{"rule", f.rule},
            {"severity", guide::to_string(f.severity)},
            {"channel", f.channel},
            {"path", f.path},
            {"location", location_json(f.location)},
            {"message", f.message},
            {"evidence", f.evidence}};
  if (f.fix) {
    j["fix"] = {{"begin", f.fix->begin}, {"end", f.fix->end}, {"replacement", f.fix->replacement}};
  }
  return j;
}

Finding finding_from(const Json& j) {
  Finding f;
  f.rule = j.at("rule").get<std::string>();
  const std::optional<Severity> severity = guide::parse_severity(j.at("severity").get<std::string>());
  if (!severity) throw std::invalid_argument("severity");
  f.severity = *severity;
  f.channel = j.at("channel").get<std::string>();
  f.path = j.at("path").get<std::string>();
  f.location = location_from(j.at("location"));
  f.message = j.at("message").get<std::string>();
  f.evidence = j.at("evidence");
  if (const auto fix = j.find("fix"); fix != j.end()) {
    f.fix = Fix{fix->at("begin").get<std::size_t>(), fix->at("end").get<std::size_t>(),
                fix->at("replacement").get<std::string>()};
  }
  return f;
}

// Hashes a file's identity for the run key: its path, and its bytes when it is small (the
// guide, logos, tokens), else its size and modification time (dictionaries, the executable).
void hash_input(XXH3_state_t* state, const fs::path& path) {
  const std::string name = path.string();
  XXH3_64bits_update(state, name.data(), name.size() + 1);
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    XXH3_64bits_update(state, "missing", 8);
    return;
  }
  constexpr std::uintmax_t kHashWholeBelow = 8u << 20;
  if (size < kHashWholeBelow) {
    const std::string bytes = read_file_bytes(path).value_or("unreadable");
    XXH3_64bits_update(state, bytes.data(), bytes.size());
    return;
  }
  const auto stamp = fs::last_write_time(path, ec).time_since_epoch().count();
  const std::string id = fmt::format("{}:{}", size, stamp);
  XXH3_64bits_update(state, id.data(), id.size());
}

// A dependency's content, or 0 when it does not exist (then its creation is a change).
std::uint64_t dependency_hash(const fs::path& path) {
  const std::optional<std::string> bytes = read_file_bytes(path);
  if (!bytes) return 0;
  return XXH3_64bits(bytes->data(), bytes->size()) | 1;  // never 0 for an existing file
}

}  // namespace

Json file_result_json(const FileResult& r) {
  const FileRecord& f = r.record;
  Json findings = Json::array();
  for (const Finding& x : r.findings) findings.push_back(finding_json(x));
  Json suppressed = Json::array();
  for (const SuppressedFinding& s : r.suppressed) {
    suppressed.push_back({{"finding", finding_json(s.finding)}, {"justification", s.justification}});
  }
  Json dependencies = Json::array();
  for (const fs::path& d : r.dependencies) {
    dependencies.push_back({{"path", d.string()}, {"hash", dependency_hash(d)}});
  }
  return {{"format", kFormat},
          {"record",
           {{"path", f.path},
            {"channel", f.channel},
            {"kind", static_cast<int>(f.kind)},
            {"content_hash", f.content_hash},
            {"bytes", f.bytes},
            {"width", f.width},
            {"height", f.height},
            {"readable", f.readable},
            {"measurements", f.measurements},
            {"rules", f.rules}}},
          {"findings", std::move(findings)},
          {"suppressed", std::move(suppressed)},
          {"dependencies", std::move(dependencies)}};
}

std::optional<FileResult> file_result_from_json(const Json& j) {
  try {
    if (j.at("format") != kFormat) return std::nullopt;
    FileResult r;
    const Json& rec = j.at("record");
    r.record.path = rec.at("path").get<std::string>();
    r.record.channel = rec.at("channel").get<std::string>();
    const int kind = rec.at("kind").get<int>();
    if (kind < static_cast<int>(AssetKind::text) || kind > static_cast<int>(AssetKind::copy_deck)) {
      return std::nullopt;
    }
    r.record.kind = static_cast<AssetKind>(kind);
    r.record.content_hash = rec.at("content_hash").get<std::uint64_t>();
    r.record.bytes = rec.at("bytes").get<std::size_t>();
    r.record.width = rec.at("width").get<int>();
    r.record.height = rec.at("height").get<int>();
    r.record.readable = rec.at("readable").get<bool>();
    r.record.measurements = rec.at("measurements");
    r.record.rules = rec.at("rules").get<std::vector<std::string>>();
    for (const Json& f : j.at("findings")) r.findings.push_back(finding_from(f));
    for (const Json& s : j.at("suppressed")) {
      r.suppressed.push_back({finding_from(s.at("finding")), s.at("justification").get<std::string>()});
    }
    for (const Json& d : j.at("dependencies")) {
      fs::path path = d.at("path").get<std::string>();
      if (dependency_hash(path) != d.at("hash").get<std::uint64_t>()) return std::nullopt;
      r.dependencies.push_back(std::move(path));
    }
    return r;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged or foreign entry is a miss
  }
}

ResultCache::ResultCache(fs::path dir, std::uint64_t run_key)
    : dir_(std::move(dir)), run_key_(run_key) {}

std::uint64_t ResultCache::file_key(std::string_view bytes, std::string_view display_path,
                                    std::string_view match_path, std::string_view channel,
                                    std::string_view kind) const {
  const std::uint64_t content = XXH3_64bits(bytes.data(), bytes.size());
  const std::string key = fmt::format("{:016x}\x1f{:016x}\x1f{}\x1f{}\x1f{}\x1f{}", run_key_, content,
                                      display_path, match_path, channel, kind);
  return XXH3_64bits(key.data(), key.size());
}

fs::path ResultCache::entry_path(std::uint64_t key) const {
  const std::string hex = fmt::format("{:016x}", key);
  return dir_ / hex.substr(0, 2) / (hex + ".json");
}

std::optional<FileResult> ResultCache::load(std::uint64_t key) const {
  std::optional<FileResult> result;
  if (const std::optional<std::string> text = read_file_bytes(entry_path(key))) {
    const Json j = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) result = file_result_from_json(j);
  }
  ++(result ? hits_ : misses_);
  return result;
}

void ResultCache::store(std::uint64_t key, const FileResult& result) const {
  const fs::path path = entry_path(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const std::string text =
      file_result_json(result).dump(-1, ' ', false, Json::error_handler_t::replace);
  if (ec || !write_file_atomically(path.string(), text, /*create=*/true).empty()) {
    ++write_failures_;
  }
}

std::uint64_t cache_run_key(const std::vector<fs::path>& inputs, std::string_view settings) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  const std::string head = fmt::format("{}\x1f{}\x1f", kFormat, BRANDLINT_VERSION);
  XXH3_64bits_update(state, head.data(), head.size());
  XXH3_64bits_update(state, settings.data(), settings.size());
  // brandlint itself: a rebuilt binary of the same version may judge differently.
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) hash_input(state, self);
  for (const fs::path& input : inputs) hash_input(state, input);
  // The spelling dictionaries (voice/spelling): an updated package changes verdicts.
  const char* hunspell = std::getenv("BRANDLINT_HUNSPELL_DIR");
  const fs::path dictionaries = hunspell && *hunspell ? hunspell : "/usr/share/hunspell";
  std::vector<fs::path> dictionary_files;
  for (fs::directory_iterator it(dictionaries, ec), end; !ec && it != end; it.increment(ec)) {
    dictionary_files.push_back(it->path());
  }
  std::sort(dictionary_files.begin(), dictionary_files.end());
  for (const fs::path& d : dictionary_files) {
    const auto size = fs::file_size(d, ec);
    const auto stamp = ec ? 0 : fs::last_write_time(d, ec).time_since_epoch().count();
    const std::string id = fmt::format("{}:{}:{}\x1f", d.string(), size, stamp);
    XXH3_64bits_update(state, id.data(), id.size());
  }
  const std::uint64_t key = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return key;
}

}  // namespace brandlint
