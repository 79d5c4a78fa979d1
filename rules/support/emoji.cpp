#include "rules/support/emoji.h"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace brandlint::text {
namespace {

constexpr UChar32 kVs16 = 0xFE0F, kVs15 = 0xFE0E, kZwj = 0x200D, kKeycap = 0x20E3;

bool is_regional(UChar32 c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool is_skin_tone(UChar32 c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool is_tag(UChar32 c) { return c >= 0xE0020 && c <= 0xE007F; }
bool is_keycap_base(UChar32 c) { return (c >= '0' && c <= '9') || c == '#' || c == '*'; }
bool pictographic(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) != 0; }

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(reinterpret_cast<const uint8_t*>(s.data())), n_(static_cast<int32_t>(s.size())) {}
  bool done() const { return i_ >= n_; }
  int32_t pos() const { return i_; }
  void seek(int32_t i) { i_ = i; }
  UChar32 next() {
    UChar32 c = 0;
    U8_NEXT(s_, i_, n_, c);
    return c;
  }
  UChar32 peek() const {
    if (i_ >= n_) return -1;
    int32_t j = i_;
    UChar32 c = 0;
    U8_NEXT(s_, j, n_, c);
    return c;
  }

 private:
  const uint8_t* s_;
  int32_t n_;
  int32_t i_ = 0;
};

// Consumes modifiers, variation selectors, tags and ZWJ-joined pictographs after an emoji base.
void extend(Reader& r) {
  while (!r.done()) {
    const UChar32 c = r.peek();
    if (c == kVs16 || c == kVs15 || is_skin_tone(c) || is_tag(c) || c == kKeycap) {
      r.next();
    } else if (c == kZwj) {
      const int32_t at = r.pos();
      r.next();
      const UChar32 joined = r.done() ? -1 : r.next();
      if (joined < 0 || !pictographic(joined)) {
        r.seek(at);
        return;
      }
    } else {
      return;
    }
  }
}

}  // namespace

void find_emoji(std::string_view utf8, std::vector<EmojiSpan>& out) {
  Reader r(utf8);
  while (!r.done()) {
    const int32_t begin = r.pos();
    const UChar32 c = r.next();
    bool emoji = false;
    if (c < 0x80) {
      // Keycaps: "1" + U+FE0F + U+20E3 or "1" + U+20E3. ASCII otherwise never starts an emoji,
      // and checking the next code point only after a keycap base keeps plain text fast.
      if (is_keycap_base(c)) {
        const int32_t at = r.pos();
        UChar32 d = r.peek();
        if (d == kVs16) {
          r.next();
          d = r.peek();
        }
        if (d == kKeycap) {
          r.next();
          out.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(r.pos())});
        } else {
          r.seek(at);
        }
      }
      continue;
    }
    if (c < 0x00A9) continue;
    if (is_regional(c)) {
      if (is_regional(r.peek())) r.next();  // a flag is a pair; a lone indicator still counts
      emoji = true;
    } else if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) {
      emoji = true;
    } else if (pictographic(c) && r.peek() == kVs16) {
      emoji = true;
    }
    if (!emoji) continue;
    extend(r);
    out.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(r.pos())});
  }
}

}  // namespace brandlint::text
