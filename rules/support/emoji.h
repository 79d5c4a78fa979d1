// Emoji as users see them: one per emoji sequence (UTS #51), however many code points it has.
//   👍🏽 (base + skin tone), 👩‍💻 and 👨‍👩‍👧 (ZWJ sequences), 🇩🇰 (a pair of regional
//   indicators), 1️⃣ (keycap: digit/#/* + optional U+FE0F + U+20E3), 🏴 with tag characters,
//   ❤️ (text-default pictograph + U+FE0F) each count once.
// A code point starts an emoji when it has Emoji_Presentation, or is Extended_Pictographic and is
// followed by U+FE0F. Text-default symbols written plainly (©, ®, ™, ↔) are not emoji: the guide
// legally needs ® and ™.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace brandlint::text {

struct EmojiSpan {
  std::size_t begin = 0, end = 0;  // byte span in the searched text
};

/// Appends the emoji sequences of `utf8` to `out`, left to right.
void find_emoji(std::string_view utf8, std::vector<EmojiSpan>& out);

}  // namespace brandlint::text
