// `brandlint logo-check IMAGE… [--guide G] [--format text|json]`: what the logo engine sees in
// each image — every sighting with its variant scores, match quality, geometry, colour and clear
// space — so a designer can see why a logo rule fired (or did not).
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "linter/assets/load_asset.h"
#include "linter/classify.h"
#include "rules/commands.h"
#include "rules/logo/logo_common.h"

namespace fs = std::filesystem;

namespace brandlint::rules {

namespace {

using logo_rules::round_to;

std::string point(const cv::Point2f& p) { return fmt::format("({:.1f},{:.1f})", p.x, p.y); }

void print_text(std::ostream& out, const std::string& path, const Asset& asset,
                const logo::LogoLibrary& library, const std::vector<logo::LogoSighting>& found) {
  const int scale = std::max(1, asset.decode_scale);
  out << fmt::format("{}: {} logo{} ({}×{} px{})\n", path, found.size(),
                     found.size() == 1 ? "" : "s", asset.pixels.cols * scale,
                     asset.pixels.rows * scale,
                     asset.dpi > 0 ? fmt::format(", {:.0f} dpi", asset.dpi) : "");
  int n = 0;
  for (const logo::LogoSighting& s : found) {
    const logo::ReferenceLogo* ref = library.find(s.logo_id);
    out << fmt::format("  #{} {}{} at ({},{}) {}×{} px\n", ++n, s.logo_id,
                       s.deprecated ? " (DEPRECATED)" : "", s.box.x, s.box.y, s.box.w, s.box.h);
    out << fmt::format("     quad      {} {} {} {}\n", point(s.quad[0]), point(s.quad[1]),
                       point(s.quad[2]), point(s.quad[3]));
    std::string scores;
    for (const auto& v : s.variant_scores) {
      scores += fmt::format("{}{} {:.3f}", scores.empty() ? "" : " | ", v.logo_id, v.score);
    }
    out << fmt::format("     variants  {}   margin {:.3f}{}\n", scores, s.variant_margin,
                       s.runner_up_id.empty() ? "" : " over " + s.runner_up_id);
    if (s.found_by == "template") {
      out << fmt::format("     match     template correlation {:.3f} (small-logo search)\n",
                         s.template_correlation);
    } else {
      out << fmt::format("     match     {} inliers of {} matches on the logo (ratio {:.2f})\n",
                         s.inliers, s.matches, s.inlier_ratio);
    }
    std::string size = fmt::format("width {:.1f} px", s.width_px);
    if (s.width_mm) size += fmt::format(" = {:.1f} mm", *s.width_mm);
    if (ref && ref->logo.min_width_px) size += fmt::format(" (min {} px)", *ref->logo.min_width_px);
    if (ref && ref->logo.min_width_mm && s.width_mm)
      size += fmt::format(" (min {:g} mm)", *ref->logo.min_width_mm);
    out << fmt::format(
        "     geometry  scale {:.3f} × {:.3f}   stretch {:.1f} %   rotation {:.1f}°{}   {}\n",
        s.scale_x, s.scale_y, s.stretch * 100.0, s.rotation_deg,
        ref && ref->logo.rotation ? " (allowed)" : "", size);
    if (s.measured_hex.empty()) {
      out << "     colour    not measured (no opaque ink pixels)\n";
    } else {
      out << fmt::format("     colour    {} → {} ΔE00 {:.2f} (max {:.1f}){}\n", s.measured_hex,
                         s.colorway, s.colorway_delta_e, library.recolor_threshold(),
                         s.recolored ? "  RECOLOURED" : "");
    }
    std::string clear =
        s.clear_space_px > 0 ? fmt::format("{:.0f} px required: ", s.clear_space_px) : "";
    clear += s.clear_space_ok ? "ok" : s.clear_space_problem;
    if (s.clear_space_offender) {
      const PixelBox& o = *s.clear_space_offender;
      clear += fmt::format(" {}×{} at ({},{}), {:.1f} % of the zone", o.w, o.h, o.x, o.y,
                           s.clear_space_foreign_share * 100.0);
    }
    out << "     clear     " << clear << "\n";
  }
}

Json to_json(const std::string& path, const Asset& asset,
             const std::vector<logo::LogoSighting>& found) {
  const int scale = std::max(1, asset.decode_scale);
  Json file;
  file["path"] = path;
  file["size"] = {asset.pixels.cols * scale, asset.pixels.rows * scale};
  if (asset.dpi > 0) file["dpi"] = round_to(asset.dpi, 10);
  Json logos = Json::array();
  for (const logo::LogoSighting& s : found) {
    Json j = logo_rules::sighting_evidence(s);
    j["deprecated"] = s.deprecated;
    if (!s.replaced_by.empty()) j["replaced_by"] = s.replaced_by;
    j["found_by"] = s.found_by;
    if (s.found_by == "template") j["template_correlation"] = s.template_correlation;
    j["matches"] = s.matches;
    j["scale"] = {round_to(s.scale_x, 1000), round_to(s.scale_y, 1000)};
    j["stretch"] = round_to(s.stretch, 1000);
    j["rotation_deg"] = round_to(s.rotation_deg, 10);
    if (s.width_mm) j["width_mm"] = round_to(*s.width_mm, 10);
    j["colour"] = {{"measured", s.measured_hex},
                   {"colorway", s.colorway},
                   {"delta_e00", round_to(s.colorway_delta_e, 100)},
                   {"recolored", s.recolored}};
    Json clear = {{"required_px", round_to(s.clear_space_px, 10)}, {"ok", s.clear_space_ok}};
    if (!s.clear_space_ok) clear["problem"] = s.clear_space_problem;
    if (s.clear_space_offender) {
      const PixelBox& o = *s.clear_space_offender;
      clear["offender"] = {o.x, o.y, o.w, o.h};
      clear["foreign_share"] = round_to(s.clear_space_foreign_share, 1000);
    }
    j["clear_space"] = std::move(clear);
    logos.push_back(std::move(j));
  }
  file["logos"] = std::move(logos);
  return file;
}

}  // namespace

int logo_check(const std::vector<std::string>& images, const std::string& guide_flag,
               const std::string& format, std::ostream& out) {
  if (format != "text" && format != "json")
    throw UsageError("logo-check: --format must be text or json");
  const fs::path guide_path = locate_guide(guide_flag, images);
  if (guide_path.empty())
    throw UsageError("no brandguide.toml found in this folder or above; pass --guide PATH");
  const guide::BrandGuide guide = guide::load_guide(guide_path);
  if (guide.logos.empty())
    throw UsageError(fmt::format("{} registers no [[logo]]", guide_path.string()));
  std::shared_ptr<const logo::LogoLibrary> library;
  try {
    library = logo::LogoLibrary::shared(guide);
  } catch (const std::runtime_error& e) {
    throw guide::GuideError(guide.logos.front().ref, e.what());
  }
  int status = 0;
  Json files = Json::array();
  for (const std::string& image : images) {
    const auto kind = kind_from_extension(image);
    if (!kind ||
        (*kind != AssetKind::image && *kind != AssetKind::svg && *kind != AssetKind::pdf)) {
      fmt::print(stderr, "brandlint: error: {}: not an image, SVG or PDF\n", image);
      status = 2;
      continue;
    }
    DiscoveredFile file{image, image, fs::path(image).filename().string(), true};
    const Asset asset = load_asset(file, *kind, guide.channels.back(), LoadOptions{});
    if (asset.pixels.empty()) {
      const std::string why = asset.problems.empty() ? "no pixels" : asset.problems.front().message;
      fmt::print(stderr, "brandlint: error: {}: {}\n", image, why);
      status = 2;
      continue;
    }
    const auto found = logo::find_logos(*library, asset);
    if (format == "json") {
      files.push_back(to_json(image, asset, found));
    } else {
      print_text(out, image, asset, *library, found);
    }
  }
  if (format == "json") {
    Json doc;
    doc["schema"] = "brandlint-logo-check/1";
    doc["guide"] = guide_path.string();
    doc["files"] = std::move(files);
    out << doc.dump(2) << "\n";
  }
  return status;
}

}  // namespace brandlint::rules
