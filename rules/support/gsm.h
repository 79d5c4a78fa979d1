// SMS encoding facts (3GPP TS 23.038 / GSM 03.38): which characters the GSM 7-bit default
// alphabet holds, what each costs, and how a message splits into segments. Pure functions.
//
// A message is sent in GSM-7 when every character is in the basic table (1 septet) or the
// extension table (2 septets: ESC + code); one character outside both forces UCS-2 for the
// whole message, where every UTF-16 code unit counts (a character outside the BMP, such as most
// emoji, is 2 units). Single messages hold 160 septets or 70 units; in a multipart message the
// user data header leaves 153 septets or 67 units per segment.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace brandlint::sms {

/// Septets `cp` takes in GSM-7: 1 (basic table), 2 (extension table), 0 (not encodable).
int gsm_septets(char32_t cp);

/// A replacement in GSM-7 for a character that forces UCS-2 ("’" -> "'", "–" -> "-",
/// "…" -> "..."), or "" when there is no obvious one (emoji).
std::string_view gsm_replacement(char32_t cp);

enum class Encoding { gsm7, ucs2 };

/// Units per single message and per segment of a multipart message.
struct SegmentSize {
  std::size_t single, multipart;
};
SegmentSize segment_size(Encoding encoding);

/// The cost of each character of a message in its encoding's units (septets or UTF-16 units).
/// Segments never split a character: an ESC pair or a surrogate pair that does not fit in
/// what is left of a segment moves to the next one.
std::size_t count_segments(const std::vector<int>& costs, Encoding encoding);

/// A decoded message: the code points, each with its byte offset in the UTF-8 input.
struct CodePoint {
  char32_t cp;
  std::size_t offset;  // byte offset of the first byte
  std::size_t size;    // UTF-8 length in bytes
};
/// Decodes UTF-8 (an invalid byte becomes U+FFFD, which forces UCS-2 like any other).
std::vector<CodePoint> decode(std::string_view utf8);

struct Measure {
  Encoding encoding = Encoding::gsm7;
  std::size_t units = 0;     // septets (GSM-7) or UTF-16 code units (UCS-2)
  std::size_t segments = 0;  // 0 for an empty message
  std::vector<std::size_t> forcing;  // indexes into the code points of those that forced UCS-2
};
Measure measure(const std::vector<CodePoint>& message);

}  // namespace brandlint::sms
