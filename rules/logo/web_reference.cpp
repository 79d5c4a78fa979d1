// logo/web-reference: logos a web page or stylesheet shows through <img>, <picture>, CSS url()
// or inline <svg> — a deprecated logo (recognised by perceptual hash, whatever its file name),
// a stretched logo, and a logo whose alt text does not name the brand.
//
// Referenced local files are decoded with the engine's own decoders (SVG through its librsvg
// path) and hashed over the page background; the guide's logos are hashed once per guide and
// background (phash::prepared_logos). Remote URLs are never fetched.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "linter/assets/load_asset.h"
#include "linter/classify.h"
#include "linter/rule.h"
#include "rules/logo/web_reference_refs.h"
#include "rules/support/perceptual_hash.h"
#include "rules/support/text.h"

namespace brandlint::rules {

namespace {

namespace fs = std::filesystem;
using logo_web::ImageElement;
using logo_web::ImageRef;

constexpr std::string_view kId = "logo/web-reference";
constexpr guide::Rgb kWhite{255, 255, 255};
// |shown ratio / intrinsic ratio − 1| above this is a visible distortion (3 %: a 240×80 logo
// shown 240×78 is within it, 240×76 is not).
constexpr double kStretchTolerance = 0.03;
// Referenced images are decoded under this budget: a logo is small, and a page may reference
// huge photos that are no logo.
constexpr std::uint64_t kMaxReferencedPixels = 25'000'000;

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary =
          "Logos on web pages: no deprecated logo, no stretched logo, alt text names the "
          "brand",
      .kinds = {AssetKind::html, AssetKind::css},
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/logo/web-reference.md",
      .options = {},
  };
  return m;
}

// A referenced image, decoded and hashed over one background.
struct Decoded {
  bool ok = false;
  std::uint64_t hash = 0;
  int width = 0, height = 0;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string base64_decoded(std::string_view s) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : s) {
    int v = -1;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+' || c == '-')
      v = 62;
    else if (c == '/' || c == '_')
      v = 63;
    else if (c == '=')
      break;
    if (v < 0) continue;  // whitespace and line breaks inside the URI
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// "https:", "mailto:", "data:"... : the scheme, lower-cased, or "" for a relative reference.
std::string scheme_of(std::string_view url) {
  std::size_t i = 0;
  while (i < url.size() && (std::isalnum(static_cast<unsigned char>(url[i])) || url[i] == '+' ||
                            url[i] == '-' || url[i] == '.')) {
    ++i;
  }
  if (i == 0 || i >= url.size() || url[i] != ':' ||
      !std::isalpha(static_cast<unsigned char>(url[0]))) {
    return {};
  }
  std::string s(url.substr(0, i));
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The folder the scan started from: the asset's path minus its match path.
fs::path scan_root(const Asset& asset) {
  fs::path root = asset.path;
  if (asset.match_path.empty()) return root.parent_path();
  for (const auto& part : fs::path(asset.match_path)) {
    (void)part;
    root = root.parent_path();
  }
  return root;
}

// A local reference resolved against the page's folder; a root-relative one ("/img/a.svg")
// against each folder from the page's up to the scan root, nearest first (the site root is
// not known, but it is one of them).
// Every path looked at goes to `tried`, found or not: the page's result depends on each (a file
// created later at a nearer candidate would change which image the page shows).
std::optional<fs::path> resolve_local(const Asset& asset, std::string_view url,
                                      std::vector<fs::path>& tried) {
  const std::size_t cut = url.find_first_of("?#");
  const std::string path = percent_decoded(url.substr(0, cut));
  if (path.empty()) return std::nullopt;
  const auto usable = [&](const fs::path& p) {
    tried.push_back(p);
    std::error_code ec;
    return fs::is_regular_file(p, ec);
  };
  const fs::path dir = asset.path.parent_path();
  if (path.front() != '/') {
    fs::path p = (dir / path).lexically_normal();
    return usable(p) ? std::optional(p) : std::nullopt;
  }
  const fs::path root = scan_root(asset).lexically_normal();
  for (fs::path base = dir.lexically_normal();; base = base.parent_path()) {
    fs::path p = (base / path.substr(1)).lexically_normal();
    if (usable(p)) return p;
    if (base == root || !base.has_relative_path() || base == base.parent_path()) break;
  }
  return std::nullopt;
}

Decoded decode_bytes(const std::string& bytes, AssetKind kind, guide::Rgb background) {
  Asset tmp;
  LoadOptions options;
  options.max_pixels = kMaxReferencedPixels;
  decode_pixels(bytes, kind, tmp, options);
  Decoded d;
  if (!tmp.readable || tmp.pixels.empty()) return d;
  d.ok = true;
  d.hash = phash::dct_hash(tmp.pixels, background);
  d.width = tmp.pixels.cols;
  d.height = tmp.pixels.rows;
  return d;
}

std::string_view describe(ImageRef::Kind kind) {
  switch (kind) {
    case ImageRef::Kind::img_src:
      return "<img src>";
    case ImageRef::Kind::img_srcset:
      return "<img srcset>";
    case ImageRef::Kind::source_srcset:
      return "<source srcset>";
    case ImageRef::Kind::css_url:
      return "url()";
    case ImageRef::Kind::inline_svg:
      return "inline <svg>";
  }
  return "image";
}

// A URL as messages quote it: data: URIs are cut after their media type.
std::string quoted_url(const std::string& url) {
  if (url.rfind("data:", 0) == 0) return url.substr(0, std::min(url.find(','), url.size())) + ",…";
  return url;
}

double round_3(double v) { return std::round(v * 1000.0) / 1000.0; }

// What identified an element as a logo.
struct Sighting {
  const phash::PreparedLogo* logo = nullptr;
  int distance = 0;
  Decoded image;
  bool from_src = false;
};

class WebReference final : public Rule {
 public:
  explicit WebReference(const RuleConfig& cfg)
      : guide_(cfg.guide),
        brand_(cfg.guide.brand.name),
        white_logos_(phash::prepared_logos(cfg.guide, kWhite)) {}

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    if (guide_.logos.empty()) return;
    const logo_web::Page page = logo_web::find_image_refs(asset);
    if (page.refs.empty()) return;
    const guide::Rgb background = logo_web::page_background(asset);
    const std::shared_ptr<const phash::LogoSet> logos =
        background == kWhite ? white_logos_ : phash::prepared_logos(guide_, background);
    std::vector<Sighting> sightings(page.elements.size());
    for (const ImageRef& ref : page.refs) {
      const Decoded image = decode(asset, ref, background, ctx);
      if (!image.ok) continue;
      const phash::LogoMatch match = phash::best_match(*logos, image.hash);
      if (match.logo == nullptr || match.distance > phash::kMatchDistance) continue;
      if (match.logo->deprecated) report_deprecated(ctx, ref, match);
      if (ref.element < 0) continue;
      Sighting& s = sightings[static_cast<std::size_t>(ref.element)];
      const bool from_src = ref.kind == ImageRef::Kind::img_src;
      // The <img src> decides the intrinsic ratio when it is a logo; a srcset/<source>
      // candidate otherwise (all candidates of one image share a ratio).
      if (s.logo == nullptr || (from_src && !s.from_src))
        s = {match.logo, match.distance, image, from_src};
    }
    for (std::size_t k = 0; k < sightings.size(); ++k) {
      if (sightings[k].logo == nullptr) continue;
      check_box(ctx, page.elements[k], sightings[k]);
      check_alt(ctx, page.elements[k], sightings[k]);
    }
  }

 private:
  Decoded decode(const Asset& asset, const ImageRef& ref, guide::Rgb background,
                 RuleContext& ctx) const {
    if (ref.kind == ImageRef::Kind::inline_svg) {
      return decode_bytes(ref.svg, AssetKind::svg, background);
    }
    const std::string_view url = logo_web::trim_space(ref.url);
    const std::string scheme = scheme_of(url);
    if (scheme == "data") {
      const std::size_t comma = url.find(',');
      if (comma == std::string_view::npos) return {};
      std::string meta(url.substr(5, comma - 5));
      for (char& c : meta) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const bool base64 = meta.size() >= 7 && meta.compare(meta.size() - 7, 7, ";base64") == 0;
      const std::string mime = meta.substr(0, meta.find(';'));
      if (mime.rfind("image/", 0) != 0) return {};
      const std::string bytes =
          base64 ? base64_decoded(url.substr(comma + 1)) : percent_decoded(url.substr(comma + 1));
      return decode_bytes(bytes, mime == "image/svg+xml" ? AssetKind::svg : AssetKind::image,
                          background);
    }
    // Remote (http:, https:, //host) and other schemes are never fetched: brandlint does not
    // use the network.
    if (!scheme.empty() || url.rfind("//", 0) == 0 || url.empty() || url.front() == '#') return {};
    std::vector<fs::path> tried;
    const std::optional<fs::path> file = resolve_local(asset, url, tried);
    for (const fs::path& p : tried) ctx.depends_on(p);  // the page's verdict follows the image
    if (!file) return {};
    return decode_file(*file, background);
  }

  // Each referenced file is decoded once per run and background, however many pages use it.
  Decoded decode_file(const fs::path& file, guide::Rgb background) const {
    const std::optional<AssetKind> kind = kind_from_extension(file.string());
    if (kind != AssetKind::image && kind != AssetKind::svg) return {};
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec);
    const std::string key = fmt::format("{}|{}|{}|{}", file.string(), guide::to_hex(background),
                                        ec ? 0 : size, ec ? 0 : time.time_since_epoch().count());
    {
      const std::lock_guard<std::mutex> lock(cache_mutex_);
      const auto it = cache_.find(key);
      if (it != cache_.end()) return it->second;
    }
    DiscoveredFile discovered;
    discovered.path = file;
    discovered.display_path = discovered.match_path = file.generic_string();
    LoadOptions options;
    options.max_pixels = kMaxReferencedPixels;
    static const guide::Channel kNoChannel;  // the decoders read no channel setting
    const Asset asset = load_asset(discovered, *kind, kNoChannel, options);
    Decoded d;
    if (asset.readable && !asset.pixels.empty()) {
      d = {true, phash::dct_hash(asset.pixels, background), asset.pixels.cols, asset.pixels.rows};
    }
    const std::lock_guard<std::mutex> lock(cache_mutex_);
    cache_.emplace(key, d);  // a racing thread computed the same value: either copy is right
    return d;
  }

  void report_deprecated(RuleContext& ctx, const ImageRef& ref,
                         const phash::LogoMatch& match) const {
    const phash::PreparedLogo& logo = *match.logo;
    std::string message =
        fmt::format("{} {}shows the deprecated logo '{}' (pHash distance {} of 64, same logo ≤ {})",
                    describe(ref.kind), ref.url.empty() ? "" : "'" + quoted_url(ref.url) + "' ",
                    logo.id, match.distance, phash::kMatchDistance);
    if (!logo.replaced_by.empty()) message += fmt::format("; use '{}' instead", logo.replaced_by);
    Json evidence;
    evidence["measured"] = fmt::format("logo '{}' (deprecated)", logo.id);
    evidence["expected"] = logo.replaced_by.empty() ? std::string("a current logo")
                                                    : fmt::format("logo '{}'", logo.replaced_by);
    evidence["guide_key"] = logo.key + ".deprecated";
    evidence["logo_id"] = logo.id;
    evidence["replaced_by"] = logo.replaced_by;
    evidence["hash_distance"] = match.distance;
    evidence["threshold"] = phash::kMatchDistance;
    evidence["reference"] = ref.url.empty() ? std::string("inline <svg>") : quoted_url(ref.url);
    ctx.report_text(ref.begin, ref.end, std::move(message), std::move(evidence));
  }

  void check_box(RuleContext& ctx, const ImageElement& el, const Sighting& s) const {
    if (el.is_svg || el.fit_keeps_ratio || !el.width.px || !el.height.px) return;
    if (s.image.width <= 0 || s.image.height <= 0) return;
    const double shown = *el.width.px / *el.height.px;
    const double intrinsic = double(s.image.width) / double(s.image.height);
    const double distortion = shown / intrinsic - 1.0;
    if (std::abs(distortion) <= kStretchTolerance) return;
    const std::string w = fmt::format("{:g}", *el.width.px), h = fmt::format("{:g}", *el.height.px);
    std::string message = fmt::format(
        "logo '{}' is {}: shown {}×{} (ratio {:.3f}) but the file is {}×{} (ratio {:.3f}), "
        "{:.1f} % off (allowed {:g} %)",
        s.logo->id, distortion > 0 ? "stretched wide" : "squashed narrow", w, h, shown,
        s.image.width, s.image.height, intrinsic, std::abs(distortion) * 100.0,
        kStretchTolerance * 100.0);
    Json evidence;
    evidence["measured"] = round_3(shown);
    evidence["expected"] = round_3(intrinsic);
    evidence["guide_key"] = s.logo->key;
    evidence["logo_id"] = s.logo->id;
    evidence["box"] = {*el.width.px, *el.height.px};
    evidence["intrinsic"] = {s.image.width, s.image.height};
    evidence["distortion"] = round_3(distortion);
    evidence["tolerance"] = kStretchTolerance;
    evidence["hash_distance"] = s.distance;
    const std::size_t begin = std::min(el.width.begin, el.height.begin);
    const std::size_t end = std::max(el.width.end, el.height.end);
    ctx.report_text(begin, end, std::move(message), std::move(evidence));
  }

  void check_alt(RuleContext& ctx, const ImageElement& el, const Sighting& s) const {
    if (brand_.empty()) return;
    const std::string alt = text::display_form(el.alt);
    const bool names_brand =
        text::match_form(alt).find(text::match_form(brand_)) != std::string::npos;
    if (el.has_alt && names_brand) return;
    std::string message;
    if (!el.has_alt) {
      message = fmt::format("logo '{}' has no {}; name the brand ({})", s.logo->id,
                            el.is_svg ? "aria-label or <title>" : "alt text", brand_);
    } else if (alt.empty()) {
      message = fmt::format("logo '{}' has an empty {}; name the brand ({})", s.logo->id,
                            el.is_svg ? "text alternative" : "alt text", brand_);
    } else {
      message = fmt::format("{} \"{}\" of logo '{}' does not name the brand ({})",
                            el.is_svg ? "text alternative" : "alt text", alt, s.logo->id, brand_);
    }
    Json evidence;
    evidence["measured"] = el.has_alt ? Json(alt) : Json(nullptr);
    evidence["expected"] = fmt::format("a text alternative naming {}", brand_);
    evidence["guide_key"] = "brand.name";
    evidence["logo_id"] = s.logo->id;
    evidence["hash_distance"] = s.distance;
    const std::size_t begin = el.has_alt ? el.alt_begin : el.anchor_begin;
    const std::size_t end = el.has_alt ? el.alt_end : el.anchor_end;
    ctx.report_text(begin, end, std::move(message), std::move(evidence), std::nullopt,
                    std::min(Severity::warning, ctx.severity()));
  }

  const guide::BrandGuide& guide_;
  std::string brand_;
  std::shared_ptr<const phash::LogoSet> white_logos_;  // prepared by the factory, once per guide
  mutable std::mutex cache_mutex_;
  mutable std::map<std::string, Decoded> cache_;
};

}  // namespace

RuleEntry logo_web_reference_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<WebReference>(cfg);
          }};
}

}  // namespace brandlint::rules
