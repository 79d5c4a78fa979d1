// The brand guide as plain, typed, validated structs. Loaded from TOML by load.cpp.
// Every value a rule enforces knows where it came from (file:line:col and its guide key), so a
// finding can say which line of the brand book it enforces.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace brandlint::guide {

/// Where a value was written: the guide file, 1-based line and column, and its dotted key
/// ("palette.color[2].hex", "channels.sms.sms.max_segments").
struct SourceRef {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
};

/// Severity as written in a guide or on the command line. `off` disables a rule.
enum class Severity { off, info, warning, error };

/// An 8-bit sRGB colour.
struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct Brand {
  std::string name;       // canonical spelling; also a voice term
  std::string version;    // shown in every report
  std::string locale = "da-DK";
  std::string guide_url;  // "learn more" links in reports
  SourceRef name_ref;
};

struct PaletteColor {
  std::string name;
  Rgb rgb;
  std::string hex;  // canonical upper-case "#RRGGBB"
  std::string role;  // primary | secondary | accent | text | background | "" (free text)
  std::vector<int> tints;  // percentages mixed with white that are also allowed
  std::optional<double> max_share;  // 0..1 of a banner's graphic area
  std::optional<double> tolerance;  // per-colour ΔE00 override of palette.tolerance.exact
  SourceRef ref;  // key "palette.color[i]"
};

struct Neutral {
  Rgb rgb;
  std::string hex;
  SourceRef ref;  // key "palette.neutrals[i]"
};

struct Tolerance {
  double exact = 1.2;  // vector/CSS colours: info up to here, error above
  double warn = 2.0;   // raster regions: warning above
  double fail = 3.0;   // raster regions: error above
  SourceRef ref;
};

/// A text/background pair that text may use (WCAG 2.x contrast is checked for others).
struct ContrastPair {
  std::string text;        // palette colour name or hex
  std::string background;  // palette colour name or hex
  SourceRef ref;
};

/// `[palette.import]`: W3C design tokens (DTCG) or Style Dictionary JSON.
struct TokenImport {
  std::filesystem::path tokens;  // resolved against the guide's folder
  std::string select;            // dotted path with a trailing `*` wildcard, e.g. "color.brand.*"
  SourceRef ref;
};

struct Palette {
  Tolerance tolerance;
  int min_region_px = 64;
  std::vector<Neutral> neutrals;
  std::vector<PaletteColor> colors;  // listed colours first, then imported tokens
  std::vector<ContrastPair> pairs;
  std::optional<TokenImport> import;
};

struct Typography {
  std::vector<std::string> families;   // the first family of every font stack must be one of these
  std::vector<std::string> fallbacks;  // allowed after a brand family
  SourceRef ref;
};

struct Logo {
  std::string id;
  std::filesystem::path file;  // resolved against the guide's folder; must exist
  bool deprecated = false;
  std::string replaced_by;          // id of another logo
  std::vector<std::string> colorways;  // palette names or hex values
  std::optional<int> min_width_px;
  std::optional<double> min_width_mm;
  double clear_space = 0.0;  // × logo height
  bool rotation = false;     // rotation allowed?
  SourceRef ref;             // key "logo[i]"
};

/// `voice.term`: canonical spelling of a name or a house-style preference.
struct Term {
  std::string use;
  std::vector<std::string> not_;  // listed wrong variants
  std::string lang;               // "" = any language; else BCP 47 primary tag ("da", "en")
  SourceRef ref;                  // key "voice.term[i]"
};

/// `voice.banned`: words never to use. `*` at the end of a word matches any ending.
struct BannedGroup {
  std::vector<std::string> words;
  std::string reason;
  std::string lang;
  std::optional<Severity> severity;
  SourceRef ref;  // key "voice.banned[i]"
};

/// `voice.claims`: superlatives that need substantiation.
struct ClaimGroup {
  std::vector<std::string> words;
  std::string lang;
  Severity severity = Severity::warning;
  SourceRef ref;  // key "voice.claims[i]"
};

struct Readability {
  std::optional<double> lix_max;     // Danish/Nordic copy
  std::optional<double> flesch_min;  // English copy
  SourceRef ref;
};

/// `emoji = "allow" | "forbid" | N` (max per document).
struct EmojiPolicy {
  enum class Kind { allow, forbid, max } kind = Kind::allow;
  int max = 0;
  SourceRef ref;
};

struct Voice {
  std::optional<int> sentence_max_words;
  Readability readability;
  std::optional<int> exclamations_max;
  EmojiPolicy emoji;
  bool shouting = false;
  std::vector<std::string> acronyms;
  std::string address;              // "du" | "De" | "you" | ""
  std::vector<std::string> accept;  // words never flagged as misspellings
  std::vector<Term> terms;
  std::vector<BannedGroup> banned;
  std::vector<ClaimGroup> claims;
  /// Where each scalar above was set, for evidence. Indexed by the name under [voice]
  /// ("sentence_max_words", "readability.lix_max", "emoji", "address", ...); each SourceRef's
  /// key is the full dotted key ("voice.sentence_max_words", or
  /// "channels.instagram.voice.sentence_max_words" when a channel overrides it). Only values
  /// the guide sets have an entry.
  std::map<std::string, SourceRef> refs;
};

struct SafeZone {
  int top = 0, bottom = 0, left = 0, right = 0;
};

struct ImageSpec {
  std::vector<std::string> sizes;  // "1080x1080"
  std::optional<SafeZone> safe_zone;
  std::optional<int> max_kb;
  SourceRef ref;
};

struct SmsSpec {
  std::optional<int> max_segments;
  SourceRef ref;
};

struct PrintSpec {
  std::optional<int> min_dpi;
  bool cmyk = false;
  SourceRef ref;
};

/// A channel: which files belong to it and the effective settings for them. The loader has
/// already merged the top-level palette/typography/voice with the channel's overrides, so rules
/// never merge anything themselves.
struct Channel {
  std::string name;
  std::vector<std::string> include;  // globs, matched against paths relative to the scan root
  std::vector<std::string> exclude;
  std::string locale;                // effective (channel override or brand.locale)
  Palette palette;                   // effective
  Typography typography;             // effective
  Voice voice;                       // effective
  ImageSpec image;
  SmsSpec sms;
  PrintSpec print;
  std::map<std::string, int> limits;  // e.g. headline = 30, description = 90
  bool require_logo = false;
  SourceRef ref;  // key "channels.<name>"
};

/// A value in a rule override table (`[rules] "id" = { severity = ..., key = value }`).
using OptionValue = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

struct RuleOverride {
  std::string rule;  // exact id, or a glob such as "color/*"
  std::optional<Severity> severity;
  std::map<std::string, OptionValue> options;
  std::map<std::string, SourceRef> option_refs;
  SourceRef ref;
};

struct Ignore {
  std::vector<std::string> paths;  // globs
  std::vector<std::string> rules;  // ids or globs; empty = every rule
  std::string reason;              // required
  SourceRef ref;
};

struct BrandGuide {
  std::filesystem::path path;  // the guide file
  std::filesystem::path dir;   // its folder; relative paths in the guide resolve against it
  Brand brand;
  Palette palette;
  Typography typography;
  std::vector<Logo> logos;
  Voice voice;
  std::vector<Channel> channels;  // in file order; "default" (all top-level settings) is last
  std::vector<RuleOverride> rules;
  std::vector<Ignore> ignores;

  /// The channel named `name`, or nullptr.
  const Channel* find_channel(std::string_view name) const;
};

/// A problem with the guide itself. `what()` is the full one-line message
/// "FILE:LINE:COL: error: MESSAGE" (plus "; did you mean 'x'?" where it applies).
class GuideError : public std::runtime_error {
 public:
  GuideError(SourceRef where, std::string message, std::string suggestion = {});
  const SourceRef& where() const { return where_; }
  const std::string& message() const { return message_; }
  const std::string& suggestion() const { return suggestion_; }

 private:
  SourceRef where_;
  std::string message_;
  std::string suggestion_;
};

/// Loads and validates a guide file. Throws GuideError on the first problem found (unknown keys,
/// wrong types, bad hex, missing logo files, out-of-range tolerances, ...).
BrandGuide load_guide(const std::filesystem::path& file);

/// Parses a guide from a string; `file` names it in messages and anchors relative paths.
BrandGuide load_guide_from_string(std::string_view toml_text, const std::filesystem::path& file);

/// Walks up from `start` looking for `brandguide.toml`; returns an empty path if none is found.
std::filesystem::path find_guide(const std::filesystem::path& start);

/// Parses "#RGB", "#RRGGBB" (case-insensitive, '#' required). Returns nullopt when invalid.
std::optional<Rgb> parse_hex(std::string_view text);

/// Canonical upper-case "#RRGGBB".
std::string to_hex(Rgb rgb);

/// "off" | "info" | "warning" | "error" -> Severity.
std::optional<Severity> parse_severity(std::string_view text);
std::string_view to_string(Severity severity);

}  // namespace brandlint::guide
