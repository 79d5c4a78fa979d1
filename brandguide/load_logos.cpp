// [[logo]]: reference artwork, colourways, minimum sizes, clear space and deprecations.
#include <algorithm>
#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "brandguide/loader.h"
#include "brandguide/suggest.h"

namespace brandlint::guide::detail {
namespace {

std::filesystem::path read_logo_file(const Section& entry) {
  const std::string written = entry.required_string("file", "file = \"logos/primary.svg\"");
  std::string extension = std::filesystem::path(written).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension != ".svg" && extension != ".png") {
    entry.fail_at("file",
                  fmt::format("{} = '{}' must be an SVG or PNG file", entry.key("file"), written));
  }
  const std::filesystem::path resolved = (entry.ctx().dir / written).lexically_normal();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(resolved, ec)) {
    entry.fail_at("file",
                  fmt::format("{} '{}' does not exist (looked for {}); paths are relative to "
                              "the guide's folder",
                              entry.key("file"), written, resolved.string()));
  }
  return resolved;
}

void read_colorways(const Section& entry, const Palette& palette, Logo& logo) {
  logo.colorways = entry.strings("colorways").value_or(std::vector<std::string>{});
  if (logo.colorways.empty()) return;
  const toml::array& written = *entry.find("colorways")->as_array();
  for (std::size_t i = 0; i < logo.colorways.size(); ++i) {
    check_colour_reference(entry.ctx(), *written.get(i),
                           fmt::format("{}[{}]", entry.key("colorways"), i), logo.colorways[i],
                           palette);
  }
}

Logo read_logo(const Section& entry, const Palette& palette) {
  entry.allow_only({"id", "file", "colorways", "min_width_px", "min_width_mm", "clear_space",
                    "rotation", "deprecated", "replaced_by"});
  Logo logo;
  logo.id = entry.required_string("id", "id = \"primary\"");
  logo.file = read_logo_file(entry);
  read_colorways(entry, palette, logo);
  logo.min_width_px = entry.integer_in("min_width_px", 1, 100000);
  logo.min_width_mm = entry.number("min_width_mm");
  if (logo.min_width_mm && !(*logo.min_width_mm > 0)) {
    entry.fail_at("min_width_mm", fmt::format("{} must be above 0 millimetres, got {}",
                                              entry.key("min_width_mm"), *logo.min_width_mm));
  }
  logo.clear_space = entry.number("clear_space").value_or(0.0);
  if (!(logo.clear_space >= 0 && logo.clear_space <= 10)) {
    entry.fail_at("clear_space",
                  fmt::format("{} must be from 0 to 10 (× the logo's height), got {}",
                              entry.key("clear_space"), logo.clear_space));
  }
  logo.rotation = entry.boolean("rotation").value_or(false);
  logo.deprecated = entry.boolean("deprecated").value_or(false);
  logo.replaced_by = entry.string("replaced_by").value_or("");
  logo.ref = entry.ref();
  return logo;
}

}  // namespace

std::vector<Logo> load_logos(const Section& root, const Palette& palette) {
  const std::vector<Section> entries = root.tables("logo");
  std::vector<Logo> logos;
  std::vector<std::string> ids;
  for (const Section& entry : entries) {
    Logo logo = read_logo(entry, palette);
    if (std::find(ids.begin(), ids.end(), logo.id) != ids.end()) {
      const auto first =
          std::find_if(logos.begin(), logos.end(), [&](const Logo& l) { return l.id == logo.id; });
      entry.fail_at(
          "id", fmt::format("logo id '{}' is used twice: {} and {}; each logo needs a unique id",
                            logo.id, first->ref.key, logo.ref.key));
    }
    ids.push_back(logo.id);
    logos.push_back(std::move(logo));
  }
  // A replacement may be listed after the logo it replaces, so check once all ids are known.
  for (std::size_t i = 0; i < logos.size(); ++i) {
    const std::string& target = logos[i].replaced_by;
    if (target.empty()) continue;
    const std::string key = entries[i].key("replaced_by");
    if (std::find(ids.begin(), ids.end(), target) == ids.end()) {
      entries[i].fail_at("replaced_by",
                         fmt::format("{} = '{}' is not the id of a [[logo]]", key, target),
                         closest_match(target, ids));
    }
    if (target == logos[i].id) {
      entries[i].fail_at("replaced_by",
                         fmt::format("{} = '{}' names the logo itself", key, target));
    }
  }
  return logos;
}

}  // namespace brandlint::guide::detail
