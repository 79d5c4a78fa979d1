// Classification: what kind of asset a file is, and which channel of the guide it belongs to.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "brandguide/brand_guide.h"
#include "linter/asset.h"
#include "linter/glob.h"

namespace brandlint {

/// Kind from the first bytes (magic numbers), if they identify one.
std::optional<AssetKind> kind_from_magic(std::string_view head);
/// Kind from the file extension (case-insensitive), if brandlint checks that type.
std::optional<AssetKind> kind_from_extension(std::string_view path);

/// Channel globs compiled once. The first channel whose include globs match (and no exclude
/// glob does) wins; the guide's last channel, "default", matches everything.
class ChannelMatcher {
 public:
  explicit ChannelMatcher(const guide::BrandGuide& guide);
  const guide::Channel& channel_for(std::string_view match_path) const;
  /// The channel whose globs match `match_path`, or nullptr when only "default" would.
  const guide::Channel* match(std::string_view match_path) const;

 private:
  struct Compiled {
    const guide::Channel* channel;
    std::vector<Glob> include, exclude;
  };
  std::vector<Compiled> channels_;
  const guide::Channel* fallback_ = nullptr;
};

}  // namespace brandlint
