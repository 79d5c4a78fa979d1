// load_guide: TOML text -> validated BrandGuide. Sections load in dependency order: the palette
// before logos (colourways name palette colours), every top-level section before the channels
// that inherit from it.
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "brandguide/loader.h"

namespace brandlint::guide::detail {
namespace {

Brand load_brand(const Section& root) {
  std::optional<Section> section = root.table("brand");
  if (!section) {
    root.ctx().fail(toml::source_region{{1, 1}, {1, 1}, nullptr},
                    "the guide has no [brand] table; start it with [brand] and name = \"Nordlys\"");
  }
  section->allow_only({"name", "version", "locale", "guide_url"});
  Brand brand;
  brand.name = section->required_string("name", "name = \"Nordlys\"");
  brand.name_ref = section->ref("name");
  brand.version = section->string("version").value_or("");
  if (std::optional<std::string> locale = section->string("locale")) {
    if (!is_language_tag(*locale)) {
      section->fail_at("locale",
                       fmt::format("brand.locale = '{}' is not a language tag; write e.g. "
                                   "\"da-DK\" or \"en-GB\"",
                                   *locale));
    }
    brand.locale = *locale;
  }
  brand.guide_url = section->string("guide_url").value_or("");
  if (!brand.guide_url.empty() && !brand.guide_url.starts_with("https://") &&
      !brand.guide_url.starts_with("http://")) {
    section->fail_at(
        "guide_url",
        fmt::format("brand.guide_url = '{}' must start with https:// or http://", brand.guide_url));
  }
  return brand;
}

Palette load_palette(const Section& root) {
  std::optional<Section> section = root.table("palette");
  const std::string_view remedy =
      "list colours with [[palette.color]] (name and hex) or import them with [palette.import]";
  if (!section)
    root.ctx().fail(root.table().source(), fmt::format("the guide has no [palette]; {}", remedy));
  Palette palette;
  apply_palette(*section, palette);
  if (palette.colors.empty()) section->fail(fmt::format("the palette has no colours; {}", remedy));
  return palette;
}

Typography load_typography(const Section& root) {
  Typography typography;
  if (std::optional<Section> section = root.table("typography")) {
    apply_typography(*section, typography);
  } else {
    typography.ref = root.ref("typography");
  }
  return typography;
}

Voice load_voice(const Section& root) {
  Voice voice;
  if (std::optional<Section> section = root.table("voice")) {
    apply_voice(*section, voice);
  } else {
    const SourceRef top = root.ref();
    voice.emoji.ref = SourceRef{top.file, top.line, top.column, "voice.emoji"};
    voice.readability.ref = SourceRef{top.file, top.line, top.column, "voice.readability"};
  }
  return voice;
}

BrandGuide load_parsed(const toml::table& document, const std::filesystem::path& file) {
  LoadContext ctx{file.string(),
                  file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path()};
  const Section root(ctx, document, "", "the top level");
  root.allow_only(
      {"brand", "palette", "typography", "logo", "voice", "channels", "rules", "ignore"});
  BrandGuide guide;
  guide.path = file;
  guide.dir = ctx.dir;
  guide.brand = load_brand(root);
  guide.palette = load_palette(root);
  guide.typography = load_typography(root);
  guide.logos = load_logos(root, guide.palette);
  guide.voice = load_voice(root);
  guide.rules = load_rules(root);
  guide.ignores = load_ignores(root);
  guide.channels = load_channels(root, guide);
  return guide;
}

}  // namespace

void apply_typography(const Section& section, Typography& typography) {
  section.allow_only({"families", "fallbacks"});
  if (auto families = section.strings("families")) typography.families = std::move(*families);
  if (auto fallbacks = section.strings("fallbacks")) typography.fallbacks = std::move(*fallbacks);
  typography.ref = section.ref();
}

}  // namespace brandlint::guide::detail

namespace brandlint::guide {

BrandGuide load_guide_from_string(std::string_view toml_text, const std::filesystem::path& file) {
  toml::table document;
  try {
    document = toml::parse(toml_text, std::string_view(file.string()));
  } catch (const toml::parse_error& error) {
    const toml::source_position begin = error.source().begin;
    throw GuideError(
        SourceRef{file.string(), static_cast<int>(begin.line), static_cast<int>(begin.column), {}},
        std::string(error.description()));
  }
  return detail::load_parsed(document, file);
}

BrandGuide load_guide(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    throw GuideError(SourceRef{file.string(), 1, 1, {}},
                     "this is a folder; name the guide file itself, e.g. brandguide.toml");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw GuideError(SourceRef{file.string(), 1, 1, {}},
                     fmt::format("cannot read the guide: {}", std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_guide_from_string(text.str(), file);
}

}  // namespace brandlint::guide
