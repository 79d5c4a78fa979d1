// [channels.NAME]: which files belong to a channel and what it overrides. Each Channel carries
// the effective settings (top level merged with the channel's overrides), so rules never merge.
#include <algorithm>
#include <charconv>
#include <limits>

#include <fmt/format.h>

#include "brandguide/loader.h"

namespace brandlint::guide::detail {
namespace {

constexpr int kMaxInt = std::numeric_limits<int>::max();

bool is_size(std::string_view text) {
  // "1080x1080": two positive whole numbers around an 'x'.
  const std::size_t x = text.find('x');
  if (x == std::string_view::npos || x == 0 || x + 1 == text.size()) return false;
  for (std::string_view part : {text.substr(0, x), text.substr(x + 1)}) {
    int value = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size() || value <= 0) return false;
  }
  return true;
}

void read_image(const Section& section, ImageSpec& image) {
  section.allow_only({"sizes", "safe_zone", "max_kb"});
  if (auto sizes = section.strings("sizes")) {
    for (std::size_t i = 0; i < sizes->size(); ++i) {
      if (!is_size((*sizes)[i])) {
        section.ctx().fail(section.find("sizes")->as_array()->get(i)->source(),
                           fmt::format("{}[{}] = '{}' is not a size; write WIDTHxHEIGHT in pixels, "
                                       "e.g. \"1080x1350\"",
                                       section.key("sizes"), i, (*sizes)[i]));
      }
    }
    image.sizes = std::move(*sizes);
  }
  if (std::optional<Section> zone = section.table("safe_zone")) {
    zone->allow_only({"top", "bottom", "left", "right"});
    SafeZone safe;
    safe.top = zone->integer_in("top", 0, 100000).value_or(0);
    safe.bottom = zone->integer_in("bottom", 0, 100000).value_or(0);
    safe.left = zone->integer_in("left", 0, 100000).value_or(0);
    safe.right = zone->integer_in("right", 0, 100000).value_or(0);
    image.safe_zone = safe;
  }
  if (auto max_kb = section.integer_in("max_kb", 1, kMaxInt)) image.max_kb = max_kb;
  image.ref = section.ref();
}

void read_sms(const Section& section, SmsSpec& sms) {
  section.allow_only({"max_segments"});
  sms.max_segments = section.integer_in("max_segments", 1, 255);
  sms.ref = section.ref();
}

void read_print(const Section& section, PrintSpec& print) {
  section.allow_only({"min_dpi", "cmyk"});
  print.min_dpi = section.integer_in("min_dpi", 1, 10000);
  print.cmyk = section.boolean("cmyk").value_or(false);
  print.ref = section.ref();
}

void read_limits(const Section& section, std::map<std::string, int>& limits) {
  // Limit names are free ("headline", "description", "title"): rules look up the ones they know.
  for (std::string_view name : section.keys_in_file_order()) {
    limits[std::string(name)] = *section.integer_in(name, 1, kMaxInt);
  }
}

std::string read_locale(const Section& section, std::string fallback) {
  std::optional<std::string> locale = section.string("locale");
  if (!locale) return fallback;
  if (!is_language_tag(*locale)) {
    section.fail_at("locale",
                    fmt::format("{} = '{}' is not a language tag; write e.g. \"da-DK\" or "
                                "\"en-GB\"",
                                section.key("locale"), *locale));
  }
  return *locale;
}

// Starts from the top-level settings so that whatever the channel does not name is inherited.
Channel inherited_channel(const BrandGuide& guide, std::string name, SourceRef ref) {
  Channel channel;
  channel.name = std::move(name);
  channel.locale = guide.brand.locale;
  channel.palette = guide.palette;
  channel.typography = guide.typography;
  channel.voice = guide.voice;
  // Specs the channel does not set still point at the channel, under the key they would have.
  auto spec_ref = [&](std::string_view spec) {
    return SourceRef{ref.file, ref.line, ref.column, ref.key + "." + std::string(spec)};
  };
  channel.image.ref = spec_ref("image");
  channel.sms.ref = spec_ref("sms");
  channel.print.ref = spec_ref("print");
  channel.ref = std::move(ref);
  return channel;
}

void read_overrides(const Section& section, Channel& channel) {
  if (auto voice = section.table("voice")) apply_voice(*voice, channel.voice);
  if (auto palette = section.table("palette")) apply_palette(*palette, channel.palette);
  if (auto typography = section.table("typography"))
    apply_typography(*typography, channel.typography);
  if (auto image = section.table("image")) read_image(*image, channel.image);
  if (auto sms = section.table("sms")) read_sms(*sms, channel.sms);
  if (auto print = section.table("print")) read_print(*print, channel.print);
  if (auto limits = section.table("limits")) read_limits(*limits, channel.limits);
  channel.require_logo = section.boolean("require_logo").value_or(false);
}

Channel read_channel(const Section& channels, std::string_view name, const BrandGuide& guide) {
  const toml::node& node = *channels.find(name);
  const toml::table* table = node.as_table();
  const std::string key = channels.key(name);
  if (!table) {
    channels.fail_at(
        name, fmt::format("{} must be a table such as {{ include = [\"site/**\"] }}, got {}", key,
                          type_name(node)));
  }
  const Section section(channels.ctx(), *table, key, fmt::format("[{}]", key));
  section.allow_only({"include", "exclude", "locale", "voice", "palette", "typography", "image",
                      "sms", "print", "limits", "require_logo"});
  Channel channel = inherited_channel(guide, std::string(name), section.ref());
  const bool is_default = name == "default";
  channel.include = section.strings("include").value_or(std::vector<std::string>{});
  if (channel.include.empty() && is_default && !section.has("include")) channel.include = {"**"};
  if (channel.include.empty()) {
    section.fail_at("include",
                    fmt::format("{} needs 'include', a non-empty list of globs matched against "
                                "paths relative to the scanned folder, e.g. include = "
                                "[\"social/instagram/**\"]",
                                key));
  }
  check_globs(section, "include", channel.include);
  channel.exclude = section.strings("exclude").value_or(std::vector<std::string>{});
  check_globs(section, "exclude", channel.exclude);
  channel.locale = read_locale(section, channel.locale);
  read_overrides(section, channel);
  return channel;
}

}  // namespace

std::vector<Channel> load_channels(const Section& root, const BrandGuide& guide) {
  std::vector<Channel> channels;
  std::optional<Channel> default_channel;
  if (std::optional<Section> section = root.table("channels")) {
    for (std::string_view name : section->keys_in_file_order()) {
      Channel channel = read_channel(*section, name, guide);
      if (name == "default") {
        default_channel = std::move(channel);
      } else {
        channels.push_back(std::move(channel));
      }
    }
  }
  if (!default_channel) {
    // Files no channel claims still get every top-level rule.
    const SourceRef ref = root.has("channels") ? root.ref("channels") : root.ref();
    default_channel = inherited_channel(
        guide, "default", SourceRef{ref.file, ref.line, ref.column, "channels.default"});
    default_channel->include = {"**"};
  }
  channels.push_back(std::move(*default_channel));
  return channels;
}

}  // namespace brandlint::guide::detail
