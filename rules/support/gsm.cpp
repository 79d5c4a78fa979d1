#include "rules/support/gsm.h"

#include <algorithm>
#include <array>

namespace brandlint::sms {
namespace {

// The basic table in code order 0x00-0x7F, as Unicode (unicode.org MAPPINGS/ETSI/GSM0338.TXT).
// 0x1B is the escape to the extension table, never a character of its own; 0x06 is ù (some
// secondary tables wrongly print ú).
constexpr std::array<char32_t, 128> kBasic = {
    U'@',  U'£',  U'$',  U'¥',  U'è',  U'é',  U'ù',  U'ì',  U'ò',  U'Ç',  U'\n', U'Ø',  U'ø',
    U'\r', U'Å',  U'å',  U'Δ',  U'_',  U'Φ',  U'Γ',  U'Λ',  U'Ω',  U'Π',  U'Ψ',  U'Σ',  U'Θ',
    U'Ξ',  0,     U'Æ',  U'æ',  U'ß',  U'É',  U' ',  U'!',  U'"',  U'#',  U'¤',  U'%',  U'&',
    U'\'', U'(',  U')',  U'*',  U'+',  U',',  U'-',  U'.',  U'/',  U'0',  U'1',  U'2',  U'3',
    U'4',  U'5',  U'6',  U'7',  U'8',  U'9',  U':',  U';',  U'<',  U'=',  U'>',  U'?',  U'¡',
    U'A',  U'B',  U'C',  U'D',  U'E',  U'F',  U'G',  U'H',  U'I',  U'J',  U'K',  U'L',  U'M',
    U'N',  U'O',  U'P',  U'Q',  U'R',  U'S',  U'T',  U'U',  U'V',  U'W',  U'X',  U'Y',  U'Z',
    U'Ä',  U'Ö',  U'Ñ',  U'Ü',  U'§',  U'¿',  U'a',  U'b',  U'c',  U'd',  U'e',  U'f',  U'g',
    U'h',  U'i',  U'j',  U'k',  U'l',  U'm',  U'n',  U'o',  U'p',  U'q',  U'r',  U's',  U't',
    U'u',  U'v',  U'w',  U'x',  U'y',  U'z',  U'ä',  U'ö',  U'ñ',  U'ü',  U'à'};

static_assert(kBasic[0x0B] == U'Ø' && kBasic[0x0F] == U'å' && kBasic[0x1C] == U'Æ' &&
              kBasic[0x40] == U'¡' && kBasic[0x60] == U'¿' && kBasic[0x7F] == U'à');

// The extension table: form feed (0x0A), ^ (0x14), { } (0x28, 0x29), \ (0x2F), [ ~ ] (0x3C-0x3E),
// | (0x40) and € (0x65).
constexpr std::array<char32_t, 10> kExtension = {U'\f', U'^', U'{', U'}', U'\\',
                                                 U'[',  U'~', U']', U'|', U'€'};

struct Replacement {
  char32_t cp;
  std::string_view gsm;
};
// What editors and word processors put in place of plain characters, with the plain ones.
constexpr std::array<Replacement, 22> kReplacements = {{
    {U'\u2018', "'"},   {U'\u2019', "'"},   {U'\u201A', "'"},   {U'\u201B', "'"},
    {U'\u2032', "'"},   {U'\u201C', "\""},  {U'\u201D', "\""},  {U'\u201E', "\""},
    {U'\u201F', "\""},  {U'\u2033', "\""},  {U'«', "\""},       {U'»', "\""},
    {U'\u2010', "-"},   {U'\u2011', "-"},   {U'\u2012', "-"},   {U'\u2013', "-"},
    {U'\u2014', "-"},   {U'\u2026', "..."}, {U'\u00A0', " "},   {U'\u202F', " "},
    {U'\u2022', "-"},   {U'\u00B4', "'"},
}};

}  // namespace

int gsm_septets(char32_t cp) {
  if (cp == 0) return 0;
  if (std::find(kBasic.begin(), kBasic.end(), cp) != kBasic.end()) return 1;
  if (std::find(kExtension.begin(), kExtension.end(), cp) != kExtension.end()) return 2;
  return 0;
}

std::string_view gsm_replacement(char32_t cp) {
  for (const Replacement& r : kReplacements) {
    if (r.cp == cp) return r.gsm;
  }
  return {};
}

SegmentSize segment_size(Encoding encoding) {
  return encoding == Encoding::gsm7 ? SegmentSize{160, 153} : SegmentSize{70, 67};
}

std::size_t count_segments(const std::vector<int>& costs, Encoding encoding) {
  std::size_t total = 0;
  for (const int c : costs) total += static_cast<std::size_t>(c);
  if (total == 0) return 0;
  const SegmentSize size = segment_size(encoding);
  if (total <= size.single) return 1;
  // Greedy packing, whole characters only: a 2-unit character never straddles a border.
  std::size_t segments = 1, used = 0;
  for (const int c : costs) {
    const auto cost = static_cast<std::size_t>(c);
    if (used + cost > size.multipart) {
      ++segments;
      used = 0;
    }
    used += cost;
  }
  return segments;
}

std::vector<CodePoint> decode(std::string_view s) {
  std::vector<CodePoint> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    bool ok = n != 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (!ok) {
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back({cp, i, n});
    i += n;
  }
  return out;
}

Measure measure(const std::vector<CodePoint>& message) {
  Measure m;
  std::vector<int> costs;
  costs.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    const int septets = gsm_septets(message[i].cp);
    if (septets == 0) m.forcing.push_back(i);
    costs.push_back(septets);
  }
  if (!m.forcing.empty()) {
    m.encoding = Encoding::ucs2;
    for (std::size_t i = 0; i < message.size(); ++i) costs[i] = message[i].cp > 0xFFFF ? 2 : 1;
  }
  for (const int c : costs) m.units += static_cast<std::size_t>(c);
  m.segments = count_segments(costs, m.encoding);
  return m;
}

}  // namespace brandlint::sms
