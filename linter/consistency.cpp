// Aggregation of per-file measurements into per-channel figures, and the cross-channel
// comparison. Pure: the same RunResult always gives the same figures, in the same order.
#include "linter/consistency.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "linter/result.h"

namespace brandlint {
namespace {

// Measurements are written by rules we do not control here: read defensively, never throw.
double number(const Json& object, std::string_view key) {
  if (!object.is_object()) return 0;
  const auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::optional<double> optional_number(const Json& object, std::string_view key) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

const Json* measurement(const FileRecord& file, std::string_view key) {
  const auto it = file.measurements.find(key);
  return it != file.measurements.end() && it->is_object() ? &*it : nullptr;
}

// Keys of `member` objects across all files, first in `preferred` order, then alphabetical.
std::vector<std::string> union_of_keys(const RunResult& result, std::string_view rule,
                                       std::string_view member,
                                       const std::vector<std::string>& preferred) {
  std::vector<std::string> extra;
  for (const FileRecord& file : result.files) {
    const Json* m = measurement(file, rule);
    if (m == nullptr || !m->contains(member) || !(*m)[std::string(member)].is_object()) continue;
    for (const auto& [key, value] : (*m)[std::string(member)].items()) {
      if (std::find(preferred.begin(), preferred.end(), key) == preferred.end() &&
          std::find(extra.begin(), extra.end(), key) == extra.end()) {
        extra.push_back(key);
      }
    }
  }
  std::sort(extra.begin(), extra.end());
  std::vector<std::string> out = preferred;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

std::optional<PaletteUse> palette_use(const RunResult& result, const std::string& channel,
                                      const std::vector<std::string>& names) {
  PaletteUse use;
  std::vector<double> weighted(names.size(), 0.0);
  double off = 0, photo = 0;
  for (const FileRecord& file : result.files) {
    const Json* m = file.channel == channel ? measurement(file, kPaletteMeasurement) : nullptr;
    if (m == nullptr) continue;
    ++use.files;
    const double px = std::max(0.0, number(*m, "graphic_px"));
    use.graphic_px += px;
    const Json& shares = m->contains("shares") ? (*m)["shares"] : Json();
    for (std::size_t i = 0; i < names.size(); ++i) weighted[i] += number(shares, names[i]) * px;
    off += number(*m, "off_palette") * px;
    photo += number(*m, "photo") * px;
  }
  if (use.files == 0) return std::nullopt;
  const double total = use.graphic_px;
  auto share = [&](double sum) { return total > 0 ? sum / total : 0.0; };
  for (std::size_t i = 0; i < names.size(); ++i)
    use.shares.emplace_back(names[i], share(weighted[i]));
  use.off_palette = share(off);
  use.photo = share(photo);
  return use;
}

std::optional<VoiceUse> voice_use(const RunResult& result, const std::string& channel,
                                  const std::vector<std::string>& forms) {
  VoiceUse use;
  double lix_sum = 0, lix_words = 0, flesch_sum = 0, flesch_words = 0;
  double exclamations = 0, emoji = 0;
  std::vector<double> address(forms.size(), 0.0);
  for (const FileRecord& file : result.files) {
    const Json* m = file.channel == channel ? measurement(file, kVoiceMeasurement) : nullptr;
    if (m == nullptr) continue;
    ++use.files;
    const double words = std::max(0.0, number(*m, "words"));
    use.words += words;
    use.sentences += std::max(0.0, number(*m, "sentences"));
    if (const auto lix = optional_number(*m, "lix")) {
      lix_sum += *lix * words;
      lix_words += words;
    }
    if (const auto flesch = optional_number(*m, "flesch")) {
      flesch_sum += *flesch * words;
      flesch_words += words;
    }
    exclamations += number(*m, "exclamations");
    emoji += number(*m, "emoji");
    const Json& forms_json = m->contains("address") ? (*m)["address"] : Json();
    for (std::size_t i = 0; i < forms.size(); ++i) address[i] += number(forms_json, forms[i]);
  }
  if (use.files == 0) return std::nullopt;
  if (lix_words > 0) use.lix = lix_sum / lix_words;
  if (flesch_words > 0) use.flesch = flesch_sum / flesch_words;
  if (use.sentences > 0) use.words_per_sentence = use.words / use.sentences;
  if (use.words > 0) {
    use.exclamations_per_100w = 100 * exclamations / use.words;
    use.emoji_per_100w = 100 * emoji / use.words;
  }
  double address_total = 0;
  for (double n : address) address_total += n;
  for (std::size_t i = 0; i < forms.size(); ++i) {
    use.address.emplace_back(forms[i], address_total > 0 ? address[i] / address_total : 0.0);
  }
  return use;
}

// The figures of one channel, without averages yet. `judged` says whether drift rules look at
// this channel's voice (enough words to mean something).
void channel_figures(const ChannelUse& use, const DriftLimits& limits,
                     std::vector<ConsistencyFigure>& out) {
  auto add = [&](std::string metric, double value, std::optional<double> threshold) {
    out.push_back({use.channel, std::move(metric), value, std::nullopt, threshold, false});
  };
  if (use.palette) {
    for (const auto& [name, share] : use.palette->shares)
      add("palette." + name, share, limits.share);
    add("palette.off_palette", use.palette->off_palette, limits.share);
    add("palette.photo", use.palette->photo, std::nullopt);
  }
  if (use.voice) {
    const bool judged = use.voice->words >= limits.min_words;
    auto limit = [&](double value) { return judged ? std::optional<double>(value) : std::nullopt; };
    if (use.voice->lix) add("voice.lix", *use.voice->lix, limit(limits.lix));
    if (use.voice->flesch) add("voice.flesch", *use.voice->flesch, limit(limits.flesch));
    if (use.voice->sentences > 0) {
      add("voice.words_per_sentence", use.voice->words_per_sentence,
          limit(limits.words_per_sentence));
    }
    add("voice.exclamations_per_100w", use.voice->exclamations_per_100w,
        limit(limits.exclamations));
    add("voice.emoji_per_100w", use.voice->emoji_per_100w, limit(limits.emoji));
    for (const auto& [form, share] : use.voice->address)
      add("voice.address." + form, share, std::nullopt);
  }
}

// Voice figures of channels too small to judge are shown but left out of other channels'
// averages: twelve words of SMS copy say little about the brand's voice.
bool counts_for_average(const ConsistencyFigure& figure, const Consistency& c,
                        const DriftLimits& limits) {
  if (figure.metric.rfind("voice.", 0) != 0) return true;
  for (const ChannelUse& use : c.channels) {
    if (use.channel == figure.channel) return use.voice && use.voice->words >= limits.min_words;
  }
  return false;
}

}  // namespace

Consistency measure_consistency(const RunResult& result, const DriftLimits& limits) {
  std::vector<std::string> colours;
  for (const PaletteEntry& p : result.palette) colours.push_back(p.name);
  const std::vector<std::string> names =
      union_of_keys(result, kPaletteMeasurement, "shares", colours);
  const std::vector<std::string> forms =
      union_of_keys(result, kVoiceMeasurement, "address", {"du", "De", "I", "you", "we"});

  // Channels in guide order, then any channel only the files know (cannot happen from run()).
  std::vector<std::string> channel_names;
  for (const ChannelInfo& c : result.channels) channel_names.push_back(c.name);
  for (const FileRecord& f : result.files) {
    if (std::find(channel_names.begin(), channel_names.end(), f.channel) == channel_names.end()) {
      channel_names.push_back(f.channel);
    }
  }

  Consistency out;
  for (const std::string& name : channel_names) {
    ChannelUse use{name, palette_use(result, name, names), voice_use(result, name, forms)};
    if (use.palette || use.voice) out.channels.push_back(std::move(use));
  }
  for (const ChannelUse& use : out.channels) channel_figures(use, limits, out.figures);

  for (ConsistencyFigure& figure : out.figures) {
    double sum = 0;
    int n = 0;
    for (const ConsistencyFigure& other : out.figures) {
      if (other.metric != figure.metric || other.channel == figure.channel) continue;
      if (!counts_for_average(other, out, limits)) continue;
      sum += other.value;
      ++n;
    }
    if (n == 0) continue;
    figure.brand_average = sum / n;
    // A hair of slack so that a difference exactly at the threshold is never drift.
    figure.drift = figure.threshold &&
                   std::abs(figure.value - *figure.brand_average) > *figure.threshold + 1e-9;
  }
  return out;
}

}  // namespace brandlint
