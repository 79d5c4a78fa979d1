#include "linter/classify.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

namespace brandlint {

std::optional<AssetKind> kind_from_magic(std::string_view head) {
  auto starts = [&](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  if (starts("\x89PNG\r\n\x1a\n") || starts("\xFF\xD8\xFF") || starts("GIF87a") ||
      starts("GIF89a") || starts("BM") || starts("II*\0") || starts(std::string_view("MM\0*", 4)) ||
      (starts("RIFF") && head.size() >= 12 && head.substr(8, 4) == "WEBP")) {
    return AssetKind::image;
  }
  if (starts("%PDF-")) return AssetKind::pdf;
  return std::nullopt;
}

std::optional<AssetKind> kind_from_extension(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return std::nullopt;
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  struct Entry {
    std::string_view ext;
    AssetKind kind;
  };
  static constexpr std::array<Entry, 18> kTable = {{
      {"png", AssetKind::image},     {"jpg", AssetKind::image},      {"jpeg", AssetKind::image},
      {"webp", AssetKind::image},    {"tif", AssetKind::image},      {"tiff", AssetKind::image},
      {"bmp", AssetKind::image},     {"svg", AssetKind::svg},        {"pdf", AssetKind::pdf},
      {"html", AssetKind::html},     {"htm", AssetKind::html},       {"css", AssetKind::css},
      {"md", AssetKind::markdown},   {"markdown", AssetKind::markdown}, {"txt", AssetKind::text},
      {"json", AssetKind::copy_deck}, {"toml", AssetKind::copy_deck}, {"gif", AssetKind::image},
  }};
  for (const Entry& entry : kTable) {
    if (entry.ext == ext) return entry.kind;
  }
  return std::nullopt;
}

ChannelMatcher::ChannelMatcher(const guide::BrandGuide& guide) {
  for (const guide::Channel& channel : guide.channels) {
    Compiled compiled{&channel, {}, {}};
    for (const std::string& g : channel.include) compiled.include.emplace_back(g);
    for (const std::string& g : channel.exclude) compiled.exclude.emplace_back(g);
    channels_.push_back(std::move(compiled));
    if (channel.name == "default") fallback_ = &channel;
  }
  if (fallback_ == nullptr && !guide.channels.empty()) fallback_ = &guide.channels.back();
  if (fallback_ == nullptr) throw std::logic_error("a loaded guide always has a default channel");
}

const guide::Channel* ChannelMatcher::match(std::string_view match_path) const {
  for (const Compiled& c : channels_) {
    if (c.channel == fallback_) continue;  // "default" takes what no other channel does
    auto hit = [&](const Glob& g) { return g.matches(match_path); };
    if (std::any_of(c.include.begin(), c.include.end(), hit) &&
        std::none_of(c.exclude.begin(), c.exclude.end(), hit)) {
      return c.channel;
    }
  }
  return nullptr;
}

const guide::Channel& ChannelMatcher::channel_for(std::string_view match_path) const {
  const guide::Channel* channel = match(match_path);
  return channel != nullptr ? *channel : *fallback_;
}

}  // namespace brandlint
