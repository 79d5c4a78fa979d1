// Loader-internal: one function per guide section. load.cpp calls them in dependency order
// (palette before logos, top-level sections before channels, which inherit from them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "brandguide/brand_guide.h"
#include "brandguide/toml_reader.h"

namespace brandlint::guide::detail {

/// Applies a palette table to `palette`: scalars and tolerances replace, colours and pairs are
/// added. Used for [palette] (onto defaults) and for a channel's `palette = {...}`.
void apply_palette(const Section& section, Palette& palette);

/// Applies a voice table to `voice`: scalars and lists replace, term/banned/claims are added.
void apply_voice(const Section& section, Voice& voice);

/// Applies a typography table: each list named replaces the inherited one.
void apply_typography(const Section& section, Typography& typography);

std::vector<Logo> load_logos(const Section& root, const Palette& palette);

/// Every channel in file order, each with merged settings, and "default" last.
std::vector<Channel> load_channels(const Section& root, const BrandGuide& guide);

std::vector<RuleOverride> load_rules(const Section& root);
std::vector<Ignore> load_ignores(const Section& root);

/// A severity value ("off" | "info" | "warning" | "error"), suggesting the closest on a typo.
std::optional<Severity> read_severity(const Section& section, std::string_view name);

/// Accepts "#RGB"/"#RRGGBB" or the name of a palette colour; anything else is an error at `at`
/// that suggests the closest colour name.
void check_colour_reference(const LoadContext& ctx, const toml::node& at, const std::string& key,
                            const std::string& value, const Palette& palette);

/// The standard "not a colour" message for a bad hex value.
std::string bad_hex_message(const std::string& key, std::string_view value);

}  // namespace brandlint::guide::detail
