#include "linter/baseline.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "linter/builtin_rules.h"
#include "linter/file_bytes.h"

namespace brandlint {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // rule, path, fingerprint

Key key_of(const Finding& f) { return {f.rule, f.path, finding_fingerprint(f)}; }

// The paths a run looked at: its files, the paths of its findings, and where run-wide checks
// point (the guide). A baseline entry for any other path says nothing about this run.
std::set<std::string, std::less<>> paths_looked_at(const RunResult& result) {
  std::set<std::string, std::less<>> seen;
  for (const FileRecord& f : result.files) seen.insert(f.path);
  for (const Finding& f : result.findings) seen.insert(f.path);
  for (const Finding& f : result.baselined) seen.insert(f.path);
  for (const RunCheck& c : result.run_checks) seen.insert(c.path);
  return seen;
}

// The value of `name` in entry `index` as a string, or a BaselineError that says where.
std::string text_field(const Json& entry, const char* name, std::size_t index,
                       const std::string& file) {
  const auto it = entry.find(name);
  if (it == entry.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw BaselineError(fmt::format(
        "{}: entries[{}] has no \"{}\" string; write the file again with --baseline-write", file,
        index, name));
  }
  return it->get<std::string>();
}

}  // namespace

Baseline read_baseline(const std::filesystem::path& path) {
  const std::string file = path.string();
  const std::optional<std::string> text = read_file_bytes(path);
  if (!text) throw BaselineError(fmt::format("{}: cannot read the baseline file", file));
  Json doc;
  try {
    doc = Json::parse(*text);
  } catch (const Json::parse_error& e) {
    // nlohmann's message names the byte; the file is one JSON document, so that is enough to
    // find the damage (usually a merge conflict marker).
    throw BaselineError(fmt::format("{}: not valid JSON ({}); resolve the damage or write the "
                                    "file again with --baseline-write",
                                    file, e.what()));
  }
  if (!doc.is_object() || !doc.contains("schema") || doc["schema"] != kBaselineSchema ||
      !doc.contains("entries") || !doc["entries"].is_array()) {
    throw BaselineError(fmt::format(
        "{}: not a brandlint baseline (expected \"schema\": \"{}\" and an \"entries\" list)", file,
        kBaselineSchema));
  }
  Baseline baseline;
  baseline.path = file;
  std::size_t index = 0;
  for (const Json& entry : doc["entries"]) {
    if (!entry.is_object()) {
      throw BaselineError(fmt::format("{}: entries[{}] is not an object", file, index));
    }
    BaselineEntry e;
    e.rule = text_field(entry, "rule", index, file);
    e.path = text_field(entry, "path", index, file);
    e.fingerprint = text_field(entry, "fingerprint", index, file);
    const auto count = entry.find("count");
    if (count == entry.end() || !count->is_number_integer() || count->get<long long>() < 1 ||
        count->get<long long>() > 1'000'000) {
      throw BaselineError(
          fmt::format("{}: entries[{}] needs a \"count\" from 1 to 1000000", file, index));
    }
    e.count = count->get<int>();
    if (const auto m = entry.find("message"); m != entry.end() && m->is_string()) {
      e.message = m->get<std::string>();
    }
    baseline.entries.push_back(std::move(e));
    ++index;
  }
  return baseline;
}

Baseline make_baseline(const RunResult& result, const Baseline* previous) {
  std::map<Key, BaselineEntry> entries;
  if (previous != nullptr) {
    const auto seen = paths_looked_at(result);
    for (const BaselineEntry& e : previous->entries) {
      if (!seen.contains(e.path)) entries[{e.rule, e.path, e.fingerprint}] = e;
    }
  }
  // Findings already set aside by an older baseline are still debt: writing again keeps them.
  auto add = [&](const Finding& f) {
    if (f.rule == kInternalError) return;
    auto [it, fresh] = entries.try_emplace(key_of(f));
    if (fresh) {
      it->second = {f.rule, f.path, std::get<2>(it->first), 1, f.message};
    } else {
      ++it->second.count;
    }
  };
  for (const Finding& f : result.findings) add(f);
  for (const Finding& f : result.baselined) add(f);
  Baseline baseline;
  for (auto& [key, entry] : entries) baseline.entries.push_back(std::move(entry));
  // Sorted by path first, so a file's debt sits together in review.
  std::sort(baseline.entries.begin(), baseline.entries.end(),
            [](const BaselineEntry& a, const BaselineEntry& b) {
              return std::tie(a.path, a.rule, a.fingerprint) <
                     std::tie(b.path, b.rule, b.fingerprint);
            });
  return baseline;
}

std::string baseline_json(const Baseline& baseline, const std::string& tool_version) {
  Json entries = Json::array();
  for (const BaselineEntry& e : baseline.entries) {
    entries.push_back({{"path", e.path},
                       {"rule", e.rule},
                       {"fingerprint", e.fingerprint},
                       {"count", e.count},
                       {"message", e.message}});
  }
  const Json doc = {
      {"schema", kBaselineSchema},
      {"tool", "brandlint " + tool_version},
      {"about",
       "Findings recorded by `brandlint check --baseline-write`: later runs set them aside and "
       "fail only on new ones. Write it again to drop what has been fixed."},
      {"entries", std::move(entries)}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void apply_baseline(RunResult& result, const Baseline& baseline) {
  std::map<Key, int> left;
  for (const BaselineEntry& e : baseline.entries) left[{e.rule, e.path, e.fingerprint}] += e.count;
  const auto seen = paths_looked_at(result);
  BaselineUse use;
  use.path = baseline.path;
  std::vector<Finding> kept;
  // result.findings is in report order, so which of several equal findings counts as recorded
  // does not depend on thread timing.
  for (Finding& f : result.findings) {
    const auto it = f.rule == kInternalError ? left.end() : left.find(key_of(f));
    if (it != left.end() && it->second > 0) {
      --it->second;
      ++use.matched;
      result.baselined.push_back(std::move(f));
    } else {
      kept.push_back(std::move(f));
    }
  }
  result.findings = std::move(kept);
  for (const auto& [key, count] : left) {
    if (seen.contains(std::get<1>(key))) use.absent += count;
  }
  std::sort(result.baselined.begin(), result.baselined.end(), finding_less);
  result.baseline = std::move(use);
}

}  // namespace brandlint
