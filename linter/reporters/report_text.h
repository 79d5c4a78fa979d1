// Small text helpers shared by the machine formats (SARIF, JUnit, GitHub, Markdown, HTML).
#pragma once

#include <string>
#include <string_view>

#include "linter/diagnostic.h"
#include "linter/result.h"

namespace brandlint::report {

/// `text` with invalid UTF-8 sequences replaced by U+FFFD, so every format stays well-formed.
std::string valid_utf8(std::string_view text);
/// XML 1.0 text/attribute escaping; characters XML cannot carry (C0 controls) become U+FFFD.
std::string xml_escape(std::string_view text);
/// A relative path as a URI reference (RFC 3986): unreserved characters and '/' kept, every
/// other byte percent-encoded ("kampagne/forår banner.png" -> "kampagne/for%C3%A5r%20banner.png").
/// Absolute paths become file:// URIs.
std::string path_to_uri(std::string_view path);
/// "x=120, y=40, 300×80 px" for a pixel box.
std::string box_text(const PixelBox& box);
/// The finding's message, plus the pixel box for image findings.
std::string message_with_box(const Finding& finding);
/// "path:line:col" (or just the path when the finding has no line).
std::string where(const Finding& finding);
/// One sentence on what the baseline did: "3 finding(s) set aside by the baseline
/// brandlint-baseline.json (recorded earlier, not counted); 2 recorded finding(s) no longer
/// occur: write it again with --baseline-write to drop them".
std::string baseline_sentence(const BaselineUse& use);

}  // namespace brandlint::report
