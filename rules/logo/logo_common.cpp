#include "rules/logo/logo_common.h"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace brandlint::rules::logo_rules {

std::shared_ptr<const logo::LogoLibrary> library_for(const RuleConfig& cfg) {
  if (cfg.guide.logos.empty()) return nullptr;
  try {
    return logo::LogoLibrary::shared(cfg.guide);
  } catch (const std::runtime_error& e) {
    throw guide::GuideError(cfg.guide.logos.front().ref, e.what());
  }
}

const std::vector<logo::LogoSighting>& sightings(const logo::LogoLibrary& library,
                                                 const Asset& asset) {
  return logo::logo_sightings(library, asset);
}

std::string logo_key(const logo::LogoLibrary& library, const std::string& logo_id,
                     const std::string& field) {
  const logo::ReferenceLogo* ref = library.find(logo_id);
  const std::string base = ref && !ref->logo.ref.key.empty()
                               ? ref->logo.ref.key
                               : fmt::format("logo[{}]", ref ? ref->index : 0);
  return field.empty() ? base : base + "." + field;
}

double round_to(double value, double scale) { return std::round(value * scale) / scale; }

bool below_minimum_width(const guide::Logo& logo, const logo::LogoSighting& s) {
  if (s.width_mm) return logo.min_width_mm && *s.width_mm < *logo.min_width_mm;
  return logo.min_width_px && s.width_px < double(*logo.min_width_px);
}

Json sighting_evidence(const logo::LogoSighting& s) {
  Json e;
  e["logo"] = s.logo_id;
  e["box"] = Json::array({s.box.x, s.box.y, s.box.w, s.box.h});
  Json quad = Json::array();
  for (const auto& p : s.quad) quad.push_back({round_to(p.x, 10), round_to(p.y, 10)});
  e["quad"] = std::move(quad);
  e["width_px"] = round_to(s.width_px, 10);
  e["height_px"] = round_to(s.height_px, 10);
  e["inliers"] = s.inliers;
  e["inlier_ratio"] = round_to(s.inlier_ratio, 100);
  Json scores = Json::object();
  for (const auto& v : s.variant_scores) scores[v.logo_id] = v.score;
  e["variant_scores"] = std::move(scores);
  if (!s.runner_up_id.empty()) e["runner_up"] = s.runner_up_id;
  e["variant_margin"] = round_to(s.variant_margin, 1000);
  return e;
}

std::string describe(const logo::LogoSighting& s) {
  return fmt::format("logo '{}' {:.0f}×{:.0f} px at ({},{})", s.logo_id, s.width_px, s.height_px,
                     s.box.x, s.box.y);
}

}  // namespace brandlint::rules::logo_rules
