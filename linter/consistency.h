// The red thread: per-channel aggregates of the measurements rules record on every file, each
// channel compared with the other channels, and the two run-level drift checks built on that.
//
// Measurement conventions (FileRecord::measurements, keyed by the measuring rule's id):
//   palette  "color/off-palette": {"graphic_px": int, "shares": {"<colour>": fraction, ...},
//                                  "off_palette": fraction, "photo": fraction}
//   voice    "voice/readability": {"words": int, "sentences": int, "lix": number|null,
//                                  "flesch": number|null, "exclamations": int, "emoji": int,
//                                  "address": {"du": n, "De": n, "I": n, "you": n, "we": n}}
// A channel's palette is weighted by graphic_px, its voice by words. The "brand average" a
// channel is compared with is the plain mean of the *other* channels' aggregates: every channel
// is one voice of the brand, so a huge poster does not outweigh twenty banners.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brandlint {

namespace guide {
struct BrandGuide;
}
struct RunResult;
struct RuleMeta;

inline constexpr std::string_view kPaletteMeasurement = "color/off-palette";
inline constexpr std::string_view kVoiceMeasurement = "voice/readability";
inline constexpr std::string_view kPaletteDrift = "consistency/palette-drift";
inline constexpr std::string_view kVoiceDrift = "consistency/voice-drift";

/// A channel's palette use: shares of its graphic area (0..1).
struct PaletteUse {
  int files = 0;
  double graphic_px = 0;
  std::vector<std::pair<std::string, double>> shares;  // guide palette order, then others A-Z
  double off_palette = 0;
  double photo = 0;
};

/// A channel's voice figures.
struct VoiceUse {
  int files = 0;
  double words = 0;
  double sentences = 0;
  std::optional<double> lix;     // word-weighted over files that have one
  std::optional<double> flesch;  // idem
  double words_per_sentence = 0;
  double exclamations_per_100w = 0;
  double emoji_per_100w = 0;
  std::vector<std::pair<std::string, double>> address;  // share of each address form (0..1)
};

struct ChannelUse {
  std::string channel;
  std::optional<PaletteUse> palette;
  std::optional<VoiceUse> voice;
};

/// One cell of the channels × metrics matrix. Metrics: "palette.<colour>", "palette.off_palette",
/// "palette.photo", "voice.lix", "voice.flesch", "voice.words_per_sentence",
/// "voice.exclamations_per_100w", "voice.emoji_per_100w", "voice.address.<form>".
struct ConsistencyFigure {
  std::string channel;
  std::string metric;
  double value = 0;
  std::optional<double> brand_average;  // mean of the other channels that have this metric
  std::optional<double> threshold;      // allowed |value - brand_average|, where a rule judges it
  bool drift = false;                   // beyond the threshold: a drift finding was made
};

struct Consistency {
  std::vector<ChannelUse> channels;        // result channel order; channels with no data omitted
  std::vector<ConsistencyFigure> figures;  // channel order, then metric order as listed above
  bool empty() const { return channels.empty(); }
};

/// The drift thresholds; defaults overridden by `[rules."consistency/..."]` options.
struct DriftLimits {
  double share = 0.15;            // palette-drift max_share_difference (absolute share)
  double lix = 10;                // voice-drift max_lix_difference
  double flesch = 15;             // voice-drift max_flesch_difference
  double words_per_sentence = 8;  // voice-drift max_sentence_words_difference
  double exclamations = 2;        // voice-drift max_exclamations_difference (per 100 words)
  double emoji = 3;               // voice-drift max_emoji_difference (per 100 words)
  double min_words = 50;          // voice-drift min_words: smaller channels are not judged
};

/// Metadata of the two run-level rules (listed with the engine's built-in rules).
const RuleMeta& palette_drift_meta();
const RuleMeta& voice_drift_meta();

/// Reads the thresholds from the guide's [rules] options. Throws guide::GuideError for an option
/// of the wrong type or a negative value.
DriftLimits drift_limits(const guide::BrandGuide& guide);

/// Aggregates `result.files[*].measurements` per channel and compares the channels.
Consistency measure_consistency(const RunResult& result, const DriftLimits& limits);

/// The run-level stage: fills result.consistency, records the consistency checks that ran and
/// adds a finding (pointing at the channel's definition in the guide) for every drifting figure.
/// `only_rules` restricts it like RunOptions::only_rules (empty = all). Keeps findings sorted.
void check_consistency(const guide::BrandGuide& guide, RunResult& result,
                       const std::vector<std::string>& only_rules = {});

}  // namespace brandlint
