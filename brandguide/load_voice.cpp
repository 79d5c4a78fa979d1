// [voice]: sentence length, readability, exclamations, emoji, shouting, address, word lists.
#include <algorithm>

#include <fmt/format.h>

#include "brandguide/loader.h"
#include "brandguide/suggest.h"

namespace brandlint::guide::detail {
namespace {

constexpr std::string_view kAddressForms[] = {"du", "De", "you"};

std::string read_lang(const Section& entry) {
  const std::string lang = entry.string("lang").value_or("");
  if (!lang.empty() && !is_language_tag(lang)) {
    entry.fail_at("lang",
                  fmt::format("{} = '{}' is not a language code; write e.g. \"da\" or \"en\"",
                              entry.key("lang"), lang));
  }
  return lang;
}

std::vector<std::string> required_words(const Section& entry, std::string_view example) {
  std::vector<std::string> words = entry.strings("words").value_or(std::vector<std::string>{});
  if (words.empty()) {
    entry.fail_at("words", fmt::format("{} needs a non-empty list of words, e.g. {}", entry.label(),
                                       example));
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty() || words[i] == "*") {
      entry.fail_at("words", fmt::format("{}[{}] must be a word or a word stem followed by '*'",
                                         entry.key("words"), i));
    }
  }
  return words;
}

void read_readability(const Section& section, Voice& voice) {
  section.allow_only({"lix_max", "flesch_min"});
  Readability& readability = voice.readability;
  if (std::optional<double> lix = section.number("lix_max")) {
    if (!(*lix > 0 && *lix <= 100)) {
      section.fail_at("lix_max",
                      fmt::format("{} must be a LIX score above 0 and at most 100 (typical: "
                                  "30-50), got {}",
                                  section.key("lix_max"), *lix));
    }
    readability.lix_max = lix;
    voice.refs["readability.lix_max"] = section.ref("lix_max");
  }
  if (std::optional<double> flesch = section.number("flesch_min")) {
    if (!(*flesch >= 0 && *flesch <= 100)) {
      section.fail_at("flesch_min", fmt::format("{} must be a Flesch reading ease from 0 to 100 "
                                                "(typical: 50-70), got {}",
                                                section.key("flesch_min"), *flesch));
    }
    readability.flesch_min = flesch;
    voice.refs["readability.flesch_min"] = section.ref("flesch_min");
  }
  readability.ref = section.ref();
}

void read_emoji(const Section& section, Voice& voice) {
  const toml::node* node = section.find("emoji");
  if (!node) return;
  EmojiPolicy policy;
  const std::string key = section.key("emoji");
  if (const auto* count = node->as_integer()) {
    if (count->get() < 0 || count->get() > 1000) {
      section.fail_at("emoji", fmt::format("{} must be \"allow\", \"forbid\" or the most emoji per "
                                           "document (0 or more), got {}",
                                           key, count->get()));
    }
    policy.kind = EmojiPolicy::Kind::max;
    policy.max = static_cast<int>(count->get());
  } else if (const auto* text = node->as_string(); text && text->get() == "allow") {
    policy.kind = EmojiPolicy::Kind::allow;
  } else if (text && text->get() == "forbid") {
    policy.kind = EmojiPolicy::Kind::forbid;
  } else {
    const std::string got = text ? fmt::format("'{}'", text->get()) : std::string(type_name(*node));
    constexpr std::string_view choices[] = {"allow", "forbid"};
    section.fail_at("emoji",
                    fmt::format("{} must be \"allow\", \"forbid\" or the most emoji per document "
                                "(a whole number), got {}",
                                key, got),
                    text ? closest_match(text->get(), choices) : std::string());
  }
  policy.ref = section.ref("emoji");
  voice.emoji = policy;
  voice.refs["emoji"] = policy.ref;
}

void read_address(const Section& section, Voice& voice) {
  std::optional<std::string> address = section.string("address");
  if (!address) return;
  if (std::find(std::begin(kAddressForms), std::end(kAddressForms), *address) ==
      std::end(kAddressForms)) {
    section.fail_at(
        "address",
        fmt::format("{} must be \"du\" or \"De\" (Danish) or \"you\" (English), got '{}'",
                    section.key("address"), *address),
        closest_match(*address, kAddressForms));
  }
  voice.address = *address;
  voice.refs["address"] = section.ref("address");
}

void read_terms(const Section& section, Voice& voice) {
  for (const Section& entry : section.tables("term")) {
    entry.allow_only({"use", "not", "lang"});
    Term term;
    term.use = entry.required_string("use", "use = \"Nordlys\"");
    term.not_ = entry.strings("not").value_or(std::vector<std::string>{});
    for (std::size_t i = 0; i < term.not_.size(); ++i) {
      if (term.not_[i] == term.use) {
        entry.fail_at("not",
                      fmt::format("{}[{}] = '{}' is the spelling to use; remove it from 'not'",
                                  entry.key("not"), i, term.use));
      }
    }
    term.lang = read_lang(entry);
    term.ref = entry.ref();
    voice.terms.push_back(std::move(term));
  }
}

void read_word_groups(const Section& section, Voice& voice) {
  for (const Section& entry : section.tables("banned")) {
    entry.allow_only({"words", "reason", "lang", "severity"});
    BannedGroup group;
    group.words = required_words(entry, "words = [\"billig\", \"gratis*\"]");
    group.reason = entry.string("reason").value_or("");
    group.lang = read_lang(entry);
    group.severity = read_severity(entry, "severity");
    group.ref = entry.ref();
    voice.banned.push_back(std::move(group));
  }
  for (const Section& entry : section.tables("claims")) {
    entry.allow_only({"words", "lang", "severity"});
    ClaimGroup group;
    group.words = required_words(entry, "words = [\"bedst*\", \"nummer 1\"]");
    group.lang = read_lang(entry);
    group.severity = read_severity(entry, "severity").value_or(Severity::warning);
    group.ref = entry.ref();
    voice.claims.push_back(std::move(group));
  }
}

}  // namespace

void apply_voice(const Section& section, Voice& voice) {
  section.allow_only({"sentence_max_words", "readability", "exclamations_max", "emoji", "shouting",
                      "acronyms", "address", "accept", "term", "banned", "claims"});
  if (auto words = section.integer_in("sentence_max_words", 1, 1000)) {
    voice.sentence_max_words = words;
    voice.refs["sentence_max_words"] = section.ref("sentence_max_words");
  }
  if (std::optional<Section> readability = section.table("readability"))
    read_readability(*readability, voice);
  if (auto exclamations = section.integer_in("exclamations_max", 0, 1000)) {
    voice.exclamations_max = exclamations;
    voice.refs["exclamations_max"] = section.ref("exclamations_max");
  }
  read_emoji(section, voice);
  if (std::optional<bool> shouting = section.boolean("shouting")) {
    voice.shouting = *shouting;
    voice.refs["shouting"] = section.ref("shouting");
  }
  if (auto acronyms = section.strings("acronyms")) {
    voice.acronyms = std::move(*acronyms);
    voice.refs["acronyms"] = section.ref("acronyms");
  }
  read_address(section, voice);
  if (auto accept = section.strings("accept")) {
    voice.accept = std::move(*accept);
    voice.refs["accept"] = section.ref("accept");
  }
  read_terms(section, voice);
  read_word_groups(section, voice);
  // Defaults still point somewhere useful: the table that could have set them.
  if (voice.emoji.ref.file.empty()) voice.emoji.ref = section.ref("emoji");
  if (voice.readability.ref.file.empty()) voice.readability.ref = section.ref("readability");
}

}  // namespace brandlint::guide::detail
