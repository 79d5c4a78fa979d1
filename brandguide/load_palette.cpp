// [palette]: tolerances, neutrals, colours, contrast pairs and design-token import.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "brandguide/loader.h"
#include "brandguide/suggest.h"
#include "brandguide/tokens.h"

namespace brandlint::guide::detail {
namespace {

constexpr std::string_view kToleranceRule = "tolerances must satisfy 0 < exact ≤ warn ≤ fail ≤ 100";

void read_tolerance(const Section& section, Tolerance& tolerance) {
  section.allow_only({"exact", "warn", "fail"});
  tolerance.exact = section.number("exact").value_or(tolerance.exact);
  tolerance.warn = section.number("warn").value_or(tolerance.warn);
  tolerance.fail = section.number("fail").value_or(tolerance.fail);
  tolerance.ref = section.ref();
  const std::string key = section.key();
  if (!(tolerance.exact > 0)) {
    section.fail_at("exact", fmt::format("{}.exact must be above 0, got {}; {}", key,
                                         tolerance.exact, kToleranceRule));
  }
  // Blame the value the author wrote: in a channel override, the inherited one is not the typo.
  auto check_order = [&](std::string_view lower_name, double lower, std::string_view upper_name,
                         double upper) {
    if (upper >= lower) return;
    if (section.has(upper_name) || !section.has(lower_name)) {
      section.fail_at(upper_name, fmt::format("{}.{} = {} is below {} = {}; {}", key, upper_name,
                                              upper, lower_name, lower, kToleranceRule));
    }
    section.fail_at(lower_name, fmt::format("{}.{} = {} is above {} = {}; {}", key, lower_name,
                                            lower, upper_name, upper, kToleranceRule));
  };
  check_order("exact", tolerance.exact, "warn", tolerance.warn);
  check_order("warn", tolerance.warn, "fail", tolerance.fail);
  if (tolerance.fail > 100) {
    section.fail_at(
        "fail", fmt::format("{}.fail = {} is above 100; {}", key, tolerance.fail, kToleranceRule));
  }
}

void read_neutrals(const Section& section, Palette& palette) {
  const std::optional<std::vector<std::string>> written = section.strings("neutrals");
  if (!written) return;
  const toml::array& array = *section.find("neutrals")->as_array();
  palette.neutrals.clear();
  for (std::size_t i = 0; i < written->size(); ++i) {
    const std::string key = fmt::format("{}[{}]", section.key("neutrals"), i);
    const toml::node& at = *array.get(i);
    const std::optional<Rgb> rgb = parse_hex((*written)[i]);
    if (!rgb) section.ctx().fail(at.source(), bad_hex_message(key, (*written)[i]));
    palette.neutrals.push_back(Neutral{*rgb, to_hex(*rgb), section.ctx().ref(at.source(), key)});
  }
}

std::vector<int> read_tints(const Section& entry) {
  const toml::node* node = entry.find("tints");
  if (!node) return {};
  const toml::array* array = node->as_array();
  if (!array) {
    entry.fail_at("tints", fmt::format("{} must be a list of percentages such as [20, 40], got {}",
                                       entry.key("tints"), type_name(*node)));
  }
  std::vector<int> tints;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const auto* value = element.as_integer();
    if (!value || value->get() < 1 || value->get() > 99) {
      const std::string got =
          value ? fmt::format("{}", value->get()) : std::string(type_name(element));
      entry.ctx().fail(element.source(),
                       fmt::format("{}[{}] must be a whole percentage from 1 to 99, got {}",
                                   entry.key("tints"), i, got));
    }
    tints.push_back(static_cast<int>(value->get()));
  }
  return tints;
}

void add_color(Palette& palette, PaletteColor color, const LoadContext& ctx,
               const toml::source_region& at) {
  for (const PaletteColor& existing : palette.colors) {
    if (existing.name == color.name) {
      ctx.fail(at,
               fmt::format("colour name '{}' is used twice: {} and {}; each palette colour needs "
                           "a unique name",
                           color.name, existing.ref.key, color.ref.key));
    }
  }
  palette.colors.push_back(std::move(color));
}

void read_color(const Section& entry, Palette& palette) {
  entry.allow_only({"name", "hex", "role", "tints", "max_share", "tolerance"});
  PaletteColor color;
  color.name = entry.required_string("name", "name = \"Nordlys Blå\"");
  const std::string hex = entry.required_string("hex", "hex = \"#0B3D91\"");
  const std::optional<Rgb> rgb = parse_hex(hex);
  if (!rgb) entry.fail_at("hex", bad_hex_message(entry.key("hex"), hex));
  color.rgb = *rgb;
  color.hex = to_hex(*rgb);
  color.role = entry.string("role").value_or("");
  color.tints = read_tints(entry);
  color.max_share = entry.number("max_share");
  if (color.max_share && !(*color.max_share > 0 && *color.max_share <= 1)) {
    entry.fail_at("max_share",
                  fmt::format("{} must be a share above 0 and at most 1 (0.15 = 15%), got {}",
                              entry.key("max_share"), *color.max_share));
  }
  color.tolerance = entry.number("tolerance");
  if (color.tolerance && !(*color.tolerance > 0 && *color.tolerance <= 100)) {
    entry.fail_at("tolerance", fmt::format("{} must be a ΔE00 above 0 and at most 100, got {}",
                                           entry.key("tolerance"), *color.tolerance));
  }
  color.ref = entry.ref();
  add_color(palette, std::move(color), entry.ctx(), entry.find("name")->source());
}

void read_import(const Section& section, Palette& palette) {
  section.allow_only({"tokens", "select"});
  TokenImport import;
  const std::string written =
      section.required_string("tokens", "tokens = \"tokens/color.tokens.json\"");
  import.tokens = (section.ctx().dir / written).lexically_normal();
  import.select = section.string("select").value_or("");
  import.ref = section.ref();
  const LoadContext& ctx = section.ctx();
  const toml::source_region& at = section.find("tokens")->source();
  const std::string key = section.key("tokens");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(import.tokens, ec)) {
    ctx.fail(at, fmt::format("{} '{}' does not exist (looked for {})", key, written,
                             import.tokens.string()));
  }
  std::vector<ColorToken> tokens;
  try {
    tokens = read_color_tokens(import.tokens, import.select);
  } catch (const TokenFileError& error) {
    if (error.line > 0) {
      throw GuideError(SourceRef{import.tokens.string(), error.line, error.column, key},
                       error.what());
    }
    ctx.fail(at, fmt::format("{} '{}': {}", key, written, error.what()), error.suggestion);
  }
  if (tokens.empty()) {
    section.fail_at(section.has("select") ? "select" : "tokens",
                    fmt::format("{} '{}' selects no colour tokens from '{}'", section.key("select"),
                                import.select, written));
  }
  for (const ColorToken& token : tokens) {
    PaletteColor color;
    color.name = token.path;
    color.rgb = token.rgb;
    color.hex = to_hex(token.rgb);
    color.ref = ctx.ref(at, fmt::format("{}[{}]", section.key(), token.path));
    add_color(palette, std::move(color), ctx, at);
  }
  palette.import = std::move(import);
}

void read_pair(const Section& entry, Palette& palette) {
  entry.allow_only({"text", "background"});
  ContrastPair pair;
  pair.text = entry.required_string("text", "text = \"Midnat\"");
  pair.background = entry.required_string("background", "background = \"#FFFFFF\"");
  check_colour_reference(entry.ctx(), *entry.find("text"), entry.key("text"), pair.text, palette);
  check_colour_reference(entry.ctx(), *entry.find("background"), entry.key("background"),
                         pair.background, palette);
  pair.ref = entry.ref();
  palette.pairs.push_back(std::move(pair));
}

}  // namespace

std::string bad_hex_message(const std::string& key, std::string_view value) {
  return fmt::format("{} = '{}' is not a colour; write #RGB or #RRGGBB", key, value);
}

void check_colour_reference(const LoadContext& ctx, const toml::node& at, const std::string& key,
                            const std::string& value, const Palette& palette) {
  if (value.starts_with('#')) {
    if (!parse_hex(value)) ctx.fail(at.source(), bad_hex_message(key, value));
    return;
  }
  std::vector<std::string> names;
  for (const PaletteColor& color : palette.colors) {
    if (color.name == value) return;
    names.push_back(color.name);
  }
  ctx.fail(at.source(),
           fmt::format("{} = '{}' is neither a palette colour name nor a hex value such as #FFFFFF",
                       key, value),
           closest_match(value, names));
}

void apply_palette(const Section& section, Palette& palette) {
  section.allow_only({"tolerance", "min_region_px", "neutrals", "color", "import", "pair"});
  if (std::optional<Section> tolerance = section.table("tolerance")) {
    read_tolerance(*tolerance, palette.tolerance);
  } else if (palette.tolerance.ref.file.empty()) {
    palette.tolerance.ref = section.ref("tolerance");  // the defaults apply to this palette
  }
  palette.min_region_px = section.integer_in("min_region_px", 1, std::numeric_limits<int>::max())
                              .value_or(palette.min_region_px);
  read_neutrals(section, palette);
  for (const Section& entry : section.tables("color")) read_color(entry, palette);
  if (std::optional<Section> import = section.table("import")) read_import(*import, palette);
  // Pairs last: they may name any listed or imported colour.
  for (const Section& entry : section.tables("pair")) read_pair(entry, palette);
}

}  // namespace brandlint::guide::detail
