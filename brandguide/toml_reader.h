// Loader-internal: typed, position-aware access to one TOML table of a guide. Every accessor
// validates the value's type and throws GuideError pointing at the offending key or value, so
// the section loaders read like the schema they implement.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "brandguide/brand_guide.h"

namespace brandlint::guide::detail {

/// What every section of one load shares: the guide file as given and its folder.
struct LoadContext {
  std::string file;           // as given by the caller; used verbatim in every SourceRef
  std::filesystem::path dir;  // relative paths in the guide resolve against it

  SourceRef ref(const toml::source_region& region, std::string key) const;
  [[noreturn]] void fail(const toml::source_region& region, std::string message,
                         std::string suggestion = {}) const;
};

/// One TOML table and the dotted key it lives at ("" for the document root).
class Section {
 public:
  /// `title` names the table in unknown-key messages: "[voice]", "[[palette.color]]".
  Section(const LoadContext& ctx, const toml::table& table, std::string key, std::string title);

  const LoadContext& ctx() const { return *ctx_; }
  const toml::table& table() const { return *table_; }
  /// Dotted key of this table, or of `name` inside it.
  const std::string& key() const { return key_; }
  std::string key(std::string_view name) const;
  /// How messages name this table: "[voice]", or "logo[1]" for an entry of an array of tables.
  std::string label() const;
  SourceRef ref() const;
  SourceRef ref(std::string_view name) const;  // where the value of `name` is written
  bool has(std::string_view name) const { return table_->contains(name); }
  const toml::node* find(std::string_view name) const { return table_->get(name); }

  /// Rejects any key not in `allowed`, suggesting the closest allowed key. Checks in file order
  /// so the first mistake a reader would see is the one reported.
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  /// The keys of this table in file order (TOML tables themselves are unordered).
  std::vector<std::string_view> keys_in_file_order() const;

  std::optional<std::string> string(std::string_view name) const;
  std::string required_string(std::string_view name, std::string_view example) const;
  std::optional<double> number(std::string_view name) const;
  std::optional<std::int64_t> integer(std::string_view name) const;
  std::optional<int> integer_in(std::string_view name, std::int64_t min, std::int64_t max) const;
  std::optional<bool> boolean(std::string_view name) const;
  std::optional<std::vector<std::string>> strings(std::string_view name) const;
  std::optional<Section> table(std::string_view name) const;
  /// `[[name]]` entries (or an array of inline tables); each Section's key is "key.name[i]".
  std::vector<Section> tables(std::string_view name) const;

  /// Errors pointing at the value of `name` (or at this table when `name` is absent).
  [[noreturn]] void fail_at(std::string_view name, std::string message,
                            std::string suggestion = {}) const;
  [[noreturn]] void fail(std::string message, std::string suggestion = {}) const;

 private:
  const toml::node& node(std::string_view name) const;
  [[noreturn]] void wrong_type(std::string_view name, std::string_view expected) const;

  const LoadContext* ctx_;
  const toml::table* table_;
  std::string key_;
  std::string title_;
};

/// `parent.name`, quoting `name` when it is not a bare TOML key (`rules."color/off-palette"`).
std::string dotted_key(std::string_view parent, std::string_view name);

/// "string", "integer", "float", "boolean", "array", "table", "date", ... for messages.
std::string_view type_name(const toml::node& node);

/// Checks a list of glob patterns for mistakes the matcher would silently accept.
void check_globs(const Section& section, std::string_view name,
                 const std::vector<std::string>& globs);

/// Checks a BCP 47 tag such as "da-DK" or "en" (primary language plus optional subtags).
bool is_language_tag(std::string_view tag);

}  // namespace brandlint::guide::detail
