#include "linter/diagnostic.h"

#include <tuple>

#include <fmt/format.h>
#include <xxhash.h>

namespace brandlint {

bool finding_less(const Finding& a, const Finding& b) {
  // Whole-file and text findings have no box; -1 sorts them before image regions of the file.
  const PixelBox none{-1, -1, 0, 0};
  const PixelBox box_a = a.location.box.value_or(none);
  const PixelBox box_b = b.location.box.value_or(none);
  const Location& la = a.location;
  const Location& lb = b.location;
  return std::tie(a.path, la.line, la.column, la.end_line, la.end_column, box_a.y, box_a.x,
                  box_a.h, box_a.w, a.rule, a.message) <
         std::tie(b.path, lb.line, lb.column, lb.end_line, lb.end_column, box_b.y, box_b.x,
                  box_b.h, box_b.w, b.rule, b.message);
}

std::string finding_fingerprint(const Finding& f) {
  std::string key = f.rule + '\x1f' + f.path + '\x1f';
  bool measured = false;
  for (const char* name : {"metric", "measured"}) {
    const auto it = f.evidence.find(name);
    if (it == f.evidence.end()) continue;
    key += it->is_string() ? it->get<std::string>()
                           : it->dump(-1, ' ', false, Json::error_handler_t::replace);
    measured = true;
    break;
  }
  if (!measured) key += f.message;
  return fmt::format("{:016x}", XXH3_64bits(key.data(), key.size()));
}

}  // namespace brandlint
