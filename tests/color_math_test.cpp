// Golden checks of the colour math: the Sharma 34-pair CIEDE2000 table, the reference points of
// docs visual.md §1.3 and §5, tints, CSS hex parsing and the palette matcher.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "rules/support/color.h"

namespace brandlint::color {
namespace {

Rgb hex(std::string_view text) {
  const auto parsed = parse_css_hex(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed ? parsed->rgb : Rgb{};
}

std::string two_decimals(double value) { return fmt::format("{:.2f}", value); }

struct SharmaPair {
  Lab lab1, lab2;
  double expected;
};

// Sharma, Wu & Dalal (2005), Table 1; the same 34 pairs as colour-science's
// test_delta_E_CIE2000_Sharma2004.
constexpr std::array<SharmaPair, 34> kSharma = {{
    {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
    {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
    {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
    {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -1.1848, -84.8006}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -0.9009, -85.5211}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
    {{50.0000, -1.0000, 2.0000}, {50.0000, 0.0000, 0.0000}, 2.3669},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0010}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0012}, 7.2195},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0010, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
    {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
    {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
    {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
    {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2972, 0.0000}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 1.8634, 0.5757}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2592, 0.3350}, 1.0000},
    {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
    {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
    {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
    {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
    {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
    {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
    {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
    {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
}};

TEST(ColorMath, SharmaTableAllPairs) {
  for (std::size_t i = 0; i < kSharma.size(); ++i) {
    const SharmaPair& p = kSharma[i];
    EXPECT_NEAR(delta_e00(p.lab1, p.lab2), p.expected, 1e-4) << "pair " << i + 1;
  }
}

TEST(ColorMath, SharmaTableIsSymmetric) {
  for (std::size_t i = 0; i < kSharma.size(); ++i) {
    const SharmaPair& p = kSharma[i];
    EXPECT_NEAR(delta_e00(p.lab2, p.lab1), p.expected, 1e-4) << "pair " << i + 1 << " swapped";
    EXPECT_NEAR(delta_e00(p.lab1, p.lab2), delta_e00(p.lab2, p.lab1), 1e-12) << "pair " << i + 1;
  }
}

TEST(ColorMath, IdenticalColoursHaveZeroDifference) {
  for (const SharmaPair& p : kSharma) EXPECT_EQ(delta_e00(p.lab1, p.lab1), 0.0);
}

TEST(ColorMath, WeightsScaleTheLightnessTerm) {
  // A pure lightness difference: doubling kL halves ΔE00 (the textiles setting).
  const Lab a{40.0, 10.0, 10.0}, b{45.0, 10.0, 10.0};
  EXPECT_NEAR(delta_e00(a, b, {2.0, 1.0, 1.0}), delta_e00(a, b) / 2.0, 1e-12);
}

TEST(ColorMath, ReferencePointsFromTheNotes) {
  struct Point {
    const char* hex1;
    const char* hex2;
    const char* expected;
  };
  const Point points[] = {
      {"#2B4EFF", "#2C4FFF", "0.27"}, {"#E4002B", "#E4002F", "0.97"},
      {"#003DA5", "#0033A0", "3.16"}, {"#E4002B", "#C8102E", "5.94"},
      {"#FFFFFF", "#FAFAFA", "1.00"}, {"#000000", "#0A0A0A", "1.59"},
  };
  for (const Point& p : points) {
    EXPECT_EQ(two_decimals(delta_e00(hex(p.hex1), hex(p.hex2))), p.expected)
        << p.hex1 << " vs " << p.hex2;
    EXPECT_EQ(two_decimals(delta_e00(hex(p.hex2), hex(p.hex1))), p.expected)
        << p.hex2 << " vs " << p.hex1;
  }
}

TEST(ColorMath, SrgbToLabOfKnownColours) {
  const Lab white = srgb_to_lab(Rgb{255, 255, 255});
  EXPECT_NEAR(white.L, 100.0, 1e-3);
  EXPECT_NEAR(white.a, 0.0, 1e-3);
  EXPECT_NEAR(white.b, 0.0, 1e-3);

  const Lab black = srgb_to_lab(Rgb{0, 0, 0});
  EXPECT_EQ(black, (Lab{0.0, 0.0, 0.0}));

  // Pure sRGB primaries with the IEC matrix and D65 (0.95047, 1, 1.08883).
  const Lab red = srgb_to_lab(Rgb{255, 0, 0});
  EXPECT_NEAR(red.L, 53.2408, 1e-3);
  EXPECT_NEAR(red.a, 80.0925, 1e-3);
  EXPECT_NEAR(red.b, 67.2032, 1e-3);
  const Lab green = srgb_to_lab(Rgb{0, 255, 0});
  EXPECT_NEAR(green.L, 87.7347, 1e-3);
  EXPECT_NEAR(green.a, -86.1827, 1e-3);
  EXPECT_NEAR(green.b, 83.1793, 1e-3);
  const Lab blue = srgb_to_lab(Rgb{0, 0, 255});
  EXPECT_NEAR(blue.L, 32.2970, 1e-3);
  EXPECT_NEAR(blue.a, 79.1875, 1e-3);
  EXPECT_NEAR(blue.b, -107.8602, 1e-3);

  // Greys are achromatic: a and b vanish at every lightness.
  for (int v = 0; v <= 255; v += 15) {
    const auto c = static_cast<std::uint8_t>(v);
    const Lab grey = srgb_to_lab(Rgb{c, c, c});
    EXPECT_NEAR(grey.a, 0.0, 1e-3) << v;
    EXPECT_NEAR(grey.b, 0.0, 1e-3) << v;
  }
}

TEST(ColorMath, DoubleAndEightBitInputsAgree) {
  const Lab from_bytes = srgb_to_lab(Rgb{11, 61, 145});
  const Lab from_doubles = srgb_to_lab(11 / 255.0, 61 / 255.0, 145 / 255.0);
  EXPECT_EQ(from_bytes, from_doubles);
}

TEST(ColorMath, OkLab) {
  const Lab white = srgb_to_oklab(Rgb{255, 255, 255});
  EXPECT_NEAR(white.L, 1.0, 1e-4);
  EXPECT_NEAR(white.a, 0.0, 1e-4);
  EXPECT_NEAR(white.b, 0.0, 1e-4);
  // Ottosson's published value for sRGB red: (0.627955, 0.224863, 0.125846).
  const Lab red = srgb_to_oklab(Rgb{255, 0, 0});
  EXPECT_NEAR(red.L, 0.62796, 1e-4);
  EXPECT_NEAR(red.a, 0.22486, 1e-4);
  EXPECT_NEAR(red.b, 0.12585, 1e-4);
  EXPECT_NEAR(delta_e_ok(srgb_to_oklab(Rgb{0, 0, 0}), white), 1.0, 1e-4);
  EXPECT_EQ(delta_e_ok(red, red), 0.0);
}

TEST(ColorMath, WcagContrast) {
  const Rgb white{255, 255, 255};
  EXPECT_EQ(two_decimals(contrast_ratio(hex("#767676"), white)), "4.54");
  EXPECT_EQ(two_decimals(contrast_ratio(hex("#777777"), white)), "4.48");
  EXPECT_EQ(two_decimals(contrast_ratio(white, hex("#767676"))), "4.54");
  EXPECT_DOUBLE_EQ(contrast_ratio(Rgb{0, 0, 0}, white), 21.0);
  EXPECT_DOUBLE_EQ(contrast_ratio(white, white), 1.0);
  EXPECT_NEAR(relative_luminance(white), 1.0, 1e-12);
  EXPECT_EQ(relative_luminance(Rgb{0, 0, 0}), 0.0);
  // Displayed like axe-core: truncated, so #777 (4.478) shows 4.47 and never looks like a pass.
  EXPECT_DOUBLE_EQ(truncate_2(contrast_ratio(hex("#767676"), white)), 4.54);
  EXPECT_DOUBLE_EQ(truncate_2(contrast_ratio(hex("#777777"), white)), 4.47);
}

TEST(ColorMath, TruncateTwoDecimals) {
  EXPECT_DOUBLE_EQ(truncate_2(4.499), 4.49);
  EXPECT_DOUBLE_EQ(truncate_2(4.5), 4.5);
  EXPECT_DOUBLE_EQ(truncate_2(21.0), 21.0);
  EXPECT_DOUBLE_EQ(truncate_2(1.0), 1.0);
}

TEST(ColorMath, Tints) {
  const Rgb blue{0x0B, 0x3D, 0x91};
  EXPECT_EQ(tint(blue, 0), blue);
  EXPECT_EQ(tint(blue, 100), (Rgb{255, 255, 255}));
  EXPECT_EQ(guide::to_hex(tint(blue, 20)), "#3C64A7");  // 59.8, 99.8, 167 rounded
  EXPECT_EQ(guide::to_hex(tint(blue, 40)), "#6D8BBD");  // 108.6, 138.6, 189
  EXPECT_EQ(guide::to_hex(tint(blue, 60)), "#9DB1D3");  // 157.4, 177.4, 211
  EXPECT_EQ(guide::to_hex(tint(blue, 80)), "#CED8E9");  // 206.2, 216.2, 233
  // Exact halves round up: 0 + 255·50/100 = 127.5 -> 128; 250 + 5·10/100 = 250.5 -> 251.
  EXPECT_EQ(tint(Rgb{0, 0, 0}, 50), (Rgb{128, 128, 128}));
  EXPECT_EQ(tint(Rgb{250, 250, 250}, 10), (Rgb{251, 251, 251}));
  EXPECT_EQ(tint(blue, 150), (Rgb{255, 255, 255}));  // clamped
}

TEST(ColorMath, ParseCssHex) {
  auto c = parse_css_hex("#1a4fa0");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rgb, (Rgb{0x1A, 0x4F, 0xA0}));
  EXPECT_EQ(c->alpha, 255);
  EXPECT_EQ(c->digits, 6);

  c = parse_css_hex("#Fa0");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rgb, (Rgb{0xFF, 0xAA, 0x00}));
  EXPECT_EQ(c->alpha, 255);
  EXPECT_EQ(c->digits, 3);

  c = parse_css_hex("#f0a8");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rgb, (Rgb{0xFF, 0x00, 0xAA}));
  EXPECT_EQ(c->alpha, 0x88);
  EXPECT_EQ(c->digits, 4);

  c = parse_css_hex("#0B3D9180");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->rgb, (Rgb{0x0B, 0x3D, 0x91}));
  EXPECT_EQ(c->alpha, 0x80);
  EXPECT_EQ(c->digits, 8);

  for (const char* bad : {"", "#", "#f", "#ff", "#fffff", "#fffffff", "#fffffffff", "fff",
                          "#ggg", "#12345g", " #fff", "#fff "}) {
    EXPECT_FALSE(parse_css_hex(bad)) << '"' << bad << '"';
  }
}

guide::PaletteColor palette_color(std::string name, Rgb rgb, std::vector<int> tints = {},
                                  std::optional<double> tolerance = std::nullopt) {
  guide::PaletteColor c;
  c.name = std::move(name);
  c.rgb = rgb;
  c.hex = guide::to_hex(rgb);
  c.tints = std::move(tints);
  c.tolerance = tolerance;
  return c;
}

guide::Neutral neutral(Rgb rgb) {
  guide::Neutral n;
  n.rgb = rgb;
  n.hex = guide::to_hex(rgb);
  return n;
}

guide::Palette nordlys_palette() {
  guide::Palette p;
  p.colors.push_back(palette_color("Nordlys Blå", {0x0B, 0x3D, 0x91}, {20, 40}));
  p.colors.push_back(palette_color("Midnat", {0x0A, 0x1A, 0x2F}));
  p.colors.push_back(palette_color("Polarlys", {0x3D, 0xDC, 0x97}, {}, 2.0));
  p.neutrals.push_back(neutral({255, 255, 255}));
  p.neutrals.push_back(neutral({0, 0, 0}));
  return p;
}

TEST(ColorMatcher, ListsColoursTintsThenNeutrals) {
  const PaletteMatcher m(nordlys_palette());
  const auto colors = m.colors();
  ASSERT_EQ(colors.size(), 7u);
  EXPECT_EQ(colors[0].label(), "Nordlys Blå #0B3D91");
  EXPECT_EQ(colors[0].guide_key, "palette.color[0]");
  EXPECT_EQ(colors[1].label(), "Nordlys Blå 20% #3C64A7");
  EXPECT_EQ(colors[1].guide_key, "palette.color[0].tints");
  EXPECT_EQ(colors[2].label(), "Nordlys Blå 40% #6D8BBD");
  EXPECT_EQ(colors[3].label(), "Midnat #0A1A2F");
  EXPECT_EQ(colors[3].guide_key, "palette.color[1]");
  EXPECT_EQ(colors[4].label(), "Polarlys #3DDC97");
  EXPECT_EQ(colors[4].tolerance, 2.0);
  EXPECT_EQ(colors[5].label(), "neutral #FFFFFF");
  EXPECT_EQ(colors[5].guide_key, "palette.neutrals[0]");
  EXPECT_EQ(colors[6].guide_key, "palette.neutrals[1]");
  for (const AllowedColor& c : colors) EXPECT_EQ(c.lab, srgb_to_lab(c.rgb)) << c.label();
}

TEST(ColorMatcher, PrefersTheGuideKeysOfTheLoader) {
  guide::Palette p = nordlys_palette();
  p.colors[1].ref.key = "palette.color[7]";
  const PaletteMatcher m(p);
  EXPECT_EQ(m.colors()[3].guide_key, "palette.color[7]");
}

TEST(ColorMatcher, Nearest) {
  const PaletteMatcher m(nordlys_palette());
  PaletteMatch hit = m.nearest(Rgb{0x0B, 0x3D, 0x91});
  ASSERT_NE(hit.color, nullptr);
  EXPECT_EQ(hit.color->name, "Nordlys Blå");
  EXPECT_EQ(hit.delta_e00, 0.0);

  hit = m.nearest(hex("#0B3D92"));
  EXPECT_EQ(hit.color->name, "Nordlys Blå");
  EXPECT_GT(hit.delta_e00, 0.0);
  EXPECT_LT(hit.delta_e00, 1.2);

  hit = m.nearest(hex("#1A4FA0"));
  EXPECT_EQ(hit.index, 0u);
  EXPECT_EQ(two_decimals(hit.delta_e00), two_decimals(delta_e00(hex("#1A4FA0"), hex("#0B3D91"))));

  hit = m.nearest(hex("#6D8BBE"));  // one step off the 40% tint
  EXPECT_EQ(hit.color->name, "Nordlys Blå 40%");

  hit = m.nearest(hex("#FEFEFE"));
  EXPECT_EQ(hit.color->label(), "neutral #FFFFFF");

  // The Lab overload agrees with the sRGB one.
  const PaletteMatch by_lab = m.nearest(srgb_to_lab(hex("#123456")));
  const PaletteMatch by_rgb = m.nearest(hex("#123456"));
  EXPECT_EQ(by_lab.index, by_rgb.index);
  EXPECT_DOUBLE_EQ(by_lab.delta_e00, by_rgb.delta_e00);
}

TEST(ColorMatcher, TiesGoToTheFirstColourInListOrder) {
  // The same colour listed as a palette colour and as a neutral: the named colour wins.
  guide::Palette p;
  p.colors.push_back(palette_color("Sne", {255, 255, 255}));
  p.colors.push_back(palette_color("Sne igen", {255, 255, 255}));
  p.neutrals.push_back(neutral({255, 255, 255}));
  const PaletteMatcher m(p);
  EXPECT_EQ(m.nearest(Rgb{255, 255, 255}).index, 0u);
  EXPECT_EQ(m.nearest(Rgb{250, 250, 250}).index, 0u);
  EXPECT_EQ(m.nearest(srgb_to_lab(Rgb{250, 250, 250})).index, 0u);
  EXPECT_EQ(m.exact(Rgb{255, 255, 255}), 0u);

  // Reversed order, reversed winner: the tie-break is the list, not the name.
  guide::Palette q;
  q.colors.push_back(p.colors[1]);
  q.colors.push_back(p.colors[0]);
  EXPECT_EQ(PaletteMatcher(q).nearest(Rgb{250, 250, 250}).color->name, "Sne igen");
}

TEST(ColorMatcher, EmptyPaletteHasNoNearest) {
  const PaletteMatcher m(guide::Palette{});
  EXPECT_EQ(m.nearest(Rgb{1, 2, 3}).color, nullptr);
  EXPECT_FALSE(m.exact(Rgb{1, 2, 3}));
}

}  // namespace
}  // namespace brandlint::color
