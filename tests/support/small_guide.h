// The smallest useful brand guide for end-to-end tests through the CLI: brand Nordlys (da-DK),
// one palette colour, one banned word ("billig"). Shared so the tests agree on what it holds.
#pragma once

namespace brandlint::testing {

inline constexpr const char* kSmallGuide = R"([brand]
name = "Nordlys"
version = "1.0"
locale = "da-DK"

[palette]
[[palette.color]]
name = "Nordlys Blå"
hex = "#0B3D91"

[[voice.banned]]
words = ["billig"]
reason = "Vi konkurrerer ikke på pris."
)";

}  // namespace brandlint::testing
