#include "rules/registry.h"

#include <vector>

// The one table: one line per rule, alphabetical by rule id. Each rule file defines
// `RuleEntry <name>_rule()` in namespace brandlint::rules.
#define BRANDLINT_RULES(X) \
  X(channel_sms_length) \
  X(channel_text_length) \
  X(color_accent_share) \
  X(color_color_profile) \
  X(color_css_off_palette) \
  X(color_off_palette) \
  X(logo_clear_space) \
  X(logo_deprecated) \
  X(logo_distorted) \
  X(logo_missing) \
  X(logo_recolored) \
  X(logo_too_small) \
  X(type_font_family) \
  X(voice_address) \
  X(voice_banned_term) \
  X(voice_brand_name) \
  X(voice_claims) \
  X(voice_emoji) \
  X(voice_exclamation) \
  X(voice_preferred_term) \
  X(voice_readability) \
  X(voice_repeated_word) \
  X(voice_sentence_length) \
  X(voice_shouting) \
  /* end of table */

namespace brandlint::rules {

#define BRANDLINT_DECLARE(name) RuleEntry name##_rule();
BRANDLINT_RULES(BRANDLINT_DECLARE)
#undef BRANDLINT_DECLARE

std::span<const RuleEntry> registry() {
#define BRANDLINT_ROW(name) name##_rule(),
  static const std::vector<RuleEntry> table = {BRANDLINT_RULES(BRANDLINT_ROW)};
#undef BRANDLINT_ROW
  return table;
}

}  // namespace brandlint::rules
