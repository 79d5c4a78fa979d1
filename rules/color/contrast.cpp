// color/contrast: WCAG 2.x contrast of a text colour against the background declared with it.
//
// The pair is read from one CSS rule (a .css file or a <style> block) or one element's style=""
// attribute; an element without a background of its own takes the nearest ancestor's style=""
// background (the markup tree is known in the same file). Anything a linter cannot judge — an
// image, a gradient, a translucent background, an unresolved var(), no background at all — is
// an info "needs review", never a pass or a fail.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "linter/assets/html_tokenizer.h"
#include "linter/rule.h"
#include "rules/color/contrast_paint.h"
#include "rules/support/color.h"

namespace brandlint::rules {

namespace {

constexpr std::string_view kId = "color/contrast";

const RuleMeta& rule_meta() {
  static const RuleMeta m{
      .id = kId,
      .summary = "Text colour against its declared background meets WCAG 2.x contrast (AA or AAA)",
      .kinds = {AssetKind::css, AssetKind::html},
      .default_severity = Severity::error,
      .fixable = Fixable::never,
      .docs = "rules/color/contrast.md",
      .options = {"level"},
  };
  return m;
}

using contrast::Paint;

// The declarations of one block that matter here (indices into Asset::css_declarations).
struct BlockDecls {
  int color = -1, font_size = -1, font_weight = -1, font = -1;
  int background = -1, background_color = -1, background_image = -1;
};

// Later declarations win, unless an earlier one is !important and the later one is not.
void take(int& slot, int index, const std::vector<CssDeclaration>& decls) {
  if (slot < 0 || !decls[slot].important || decls[index].important) slot = index;
}

// The background a block's text sits on, and where it was declared.
struct Backdrop {
  std::optional<Paint> paint;  // nullopt: nothing declared anywhere we can see
  std::string source;          // "this rule", "this element", "ancestor <div> (line 3)"
};

// A guide pair with its colours resolved.
struct GuidePair {
  color::Rgb text, background;
  std::string text_label, background_label;
  std::string key;
};

std::optional<std::pair<color::Rgb, std::string>> resolve_guide_colour(
    const guide::Palette& palette, const std::string& value) {
  if (const auto rgb = guide::parse_hex(value)) return std::pair{*rgb, guide::to_hex(*rgb)};
  for (const guide::PaletteColor& c : palette.colors) {
    if (c.name == value) return std::pair{c.rgb, c.name + " " + c.hex};
  }
  return std::nullopt;  // the loader rejects unknown names; a hand-built guide may not
}

class Contrast final : public Rule {
 public:
  explicit Contrast(const RuleConfig& cfg) {
    if (const guide::OptionValue* v = cfg.option("level")) {
      const auto* s = std::get_if<std::string>(v);
      if (s == nullptr || (*s != "AA" && *s != "AAA")) {
        throw guide::GuideError(cfg.option_ref("level"),
                                fmt::format("option 'level' of rule '{}' must be \"AA\" or "
                                            "\"AAA\"",
                                            kId));
      }
      aaa_ = *s == "AAA";
      level_key_ = cfg.option_ref("level").key;
      if (level_key_.empty()) level_key_ = fmt::format("rules.\"{}\".level", kId);
    }
    const guide::Palette& palette = cfg.channel.palette;
    for (std::size_t i = 0; i < palette.pairs.size(); ++i) {
      const guide::ContrastPair& p = palette.pairs[i];
      const auto text = resolve_guide_colour(palette, p.text);
      const auto background = resolve_guide_colour(palette, p.background);
      if (!text || !background) continue;
      pairs_.push_back({text->first, background->first, text->second, background->second,
                        p.ref.key.empty() ? fmt::format("palette.pair[{}]", i) : p.ref.key});
    }
  }

  const RuleMeta& meta() const override { return rule_meta(); }

  void check(const Asset& asset, RuleContext& ctx) const override {
    const std::vector<CssDeclaration>& decls = asset.css_declarations;
    if (decls.empty()) return;
    const contrast::CustomProperties props(asset);
    std::vector<BlockDecls> blocks(asset.css_blocks.size());
    for (std::size_t i = 0; i < decls.size(); ++i) {
      const CssDeclaration& d = decls[i];
      if (d.block < 0 || static_cast<std::size_t>(d.block) >= blocks.size()) continue;
      BlockDecls& b = blocks[static_cast<std::size_t>(d.block)];
      const int index = static_cast<int>(i);
      if (d.property == "color")
        take(b.color, index, decls);
      else if (d.property == "background")
        take(b.background, index, decls);
      else if (d.property == "background-color")
        take(b.background_color, index, decls);
      else if (d.property == "background-image")
        take(b.background_image, index, decls);
      else if (d.property == "font-size")
        take(b.font_size, index, decls);
      else if (d.property == "font-weight")
        take(b.font_weight, index, decls);
      else if (d.property == "font")
        take(b.font, index, decls);
    }
    const auto value = [&](int index) {
      if (index < 0) return std::string_view();
      const CssDeclaration& d = decls[static_cast<std::size_t>(index)];
      return std::string_view(asset.text).substr(d.value_begin, d.value_end - d.value_begin);
    };
    // Each block's own background, analysed once; `none` (transparent, a keyword) counts as
    // not declared, so the backdrop behind it is looked for further out.
    std::vector<std::optional<Paint>> own(blocks.size());
    for (std::size_t k = 0; k < blocks.size(); ++k)
      own[k] = own_background(blocks[k], value, props);
    std::vector<Backdrop> inherited(blocks.size());
    if (asset.kind == AssetKind::html) inherit_backgrounds(asset, own, inherited);

    for (std::size_t k = 0; k < blocks.size(); ++k) {
      const BlockDecls& b = blocks[k];
      if (b.color < 0) continue;
      const Paint fg = contrast::text_paint(value(b.color), props);
      if (fg.kind == Paint::Kind::none) continue;  // inherit, initial...: nothing declared here
      Backdrop backdrop;
      if (own[k]) {
        backdrop.paint = own[k];
        backdrop.source = asset.css_blocks[k].element.empty() ? "this rule" : "this element";
      } else {
        backdrop = inherited[k];
      }
      const contrast::TextSize size =
          contrast::text_size(value(b.font_size), value(b.font_weight), value(b.font));
      judge(ctx, decls[static_cast<std::size_t>(b.color)], fg, backdrop, size);
    }
  }

 private:
  // Walks the page's elements; a style="" block without a background of its own gets the
  // nearest ancestor's (by the element tree, which the same file fixes).
  static void inherit_backgrounds(const Asset& asset, const std::vector<std::optional<Paint>>& own,
                                  std::vector<Backdrop>& inherited) {
    std::unordered_map<std::size_t, std::size_t> by_attribute;  // style value offset -> block
    for (std::size_t k = 0; k < asset.css_blocks.size(); ++k) {
      if (!asset.css_blocks[k].element.empty()) by_attribute[asset.css_blocks[k].prelude_begin] = k;
    }
    struct Open {
      std::string name;
      Backdrop backdrop;  // what this element's content sits on
    };
    std::vector<Open> stack{Open{}};
    html::tokenize(asset.text, html::Handlers{
                                   .on_text = nullptr,
                                   .on_start =
                                       [&](const html::Tag& tag) {
                                         Open open{tag.name, stack.back().backdrop};
                                         if (const html::Attribute* style = tag.find("style")) {
                                           const auto it = by_attribute.find(style->value_begin);
                                           if (it != by_attribute.end()) {
                                             inherited[it->second] = stack.back().backdrop;
                                             if (own[it->second]) {
                                               const LineColumn at =
                                                   asset.lines.at(asset.text, style->value_begin);
                                               open.backdrop.paint = own[it->second];
                                               open.backdrop.source = fmt::format(
                                                   "ancestor <{}> (line {})", tag.name, at.line);
                                             }
                                           }
                                         }
                                         if (!tag.self_closing && !html::is_void(tag.name))
                                           stack.push_back(std::move(open));
                                       },
                                   .on_end =
                                       [&](std::string_view name) {
                                         for (std::size_t k = stack.size(); k-- > 1;) {
                                           if (stack[k].name == name) {
                                             stack.resize(k);
                                             break;
                                           }
                                         }
                                       },
                                   .on_raw = nullptr,
                               });
  }

  // A block's own backdrop from `background`, `background-color` and `background-image`. The
  // shorthand resets both longhands, so a longhand counts only after it; an image or gradient
  // covers the colour whatever the order.
  template <typename Value>
  static std::optional<Paint> own_background(const BlockDecls& b, const Value& value,
                                             const contrast::CustomProperties& props) {
    std::optional<Paint> result;
    const auto consider = [&](int index, bool image_only) {
      if (index < 0 || (index < b.background && b.background >= 0 && !image_only)) return;
      Paint p = contrast::background_paint(value(index), props);
      if (p.kind == Paint::Kind::none) return;
      const bool covers = p.kind != Paint::Kind::color;
      if (image_only && !covers) return;
      if (!result || covers || result->kind == Paint::Kind::color) result = std::move(p);
    };
    consider(b.background, false);
    if (b.background_color > b.background) consider(b.background_color, false);
    if (b.background_image > b.background) consider(b.background_image, true);
    return result;
  }

  std::string_view level() const { return aaa_ ? "AAA" : "AA"; }

  double required(bool large) const {
    if (aaa_) return large ? 4.5 : 7.0;
    return large ? 3.0 : 4.5;
  }

  const GuidePair* guide_pair(color::Rgb text, color::Rgb background) const {
    for (const GuidePair& p : pairs_) {
      if (p.text == text && p.background == background) return &p;
    }
    return nullptr;
  }

  void judge(RuleContext& ctx, const CssDeclaration& d, const Paint& fg, const Backdrop& backdrop,
             const contrast::TextSize& size) const {
    const double need = required(size.large);
    const std::string size_name = size.large ? "large text" : "normal text";
    Json evidence;
    evidence["foreground"] =
        fg.kind == Paint::Kind::color ? contrast::hex_of(fg.rgb, fg.alpha) : fg.written;
    const auto review = [&](std::string why, std::string background) {
      evidence["background"] = std::move(background);
      evidence["background_source"] = backdrop.source;
      evidence["ratio"] = nullptr;
      evidence["required"] = need;
      evidence["level"] = level();
      evidence["text_size"] = size.evidence;
      evidence["measured"] = "not measurable";
      evidence["expected"] = fmt::format("≥ {}:1", contrast::short_number(need));
      evidence["guide_key"] = level_key_;
      ctx.report_text(d.name_begin, d.value_end,
                      fmt::format("contrast of text {} needs review: {}", fg.written, why),
                      std::move(evidence), std::nullopt, Severity::info);
    };
    if (fg.kind == Paint::Kind::unresolved) {
      return review(fmt::format("the text colour cannot be resolved in this file"), "unknown");
    }
    if (!backdrop.paint) {
      return review("no background is declared for it in this file", "unknown");
    }
    const Paint& bg = *backdrop.paint;
    switch (bg.kind) {
      case Paint::Kind::image:
        return review(fmt::format("the background is an image ({})", bg.written), bg.written);
      case Paint::Kind::gradient:
        return review(fmt::format("the background is a gradient ({})", bg.written), bg.written);
      case Paint::Kind::unresolved:
        return review(fmt::format("the background {} cannot be resolved in this file", bg.written),
                      bg.written);
      case Paint::Kind::none:
      case Paint::Kind::color:
        break;
    }
    if (bg.alpha < 1.0) {
      return review(fmt::format("the background {} is translucent; what shows through it is "
                                "unknown",
                                contrast::hex_of(bg.rgb, bg.alpha)),
                    contrast::hex_of(bg.rgb, bg.alpha));
    }
    // A translucent text colour is what the eye sees once blended over the opaque background.
    const color::Rgb seen = fg.alpha < 1.0 ? contrast::composite(fg.rgb, fg.alpha, bg.rgb) : fg.rgb;
    const double ratio = color::truncate_2(color::contrast_ratio(seen, bg.rgb));
    if (ratio >= need) return;
    const GuidePair* pair = guide_pair(fg.rgb, bg.rgb);
    const std::string fg_hex = contrast::hex_of(fg.rgb, fg.alpha);
    const std::string bg_hex = guide::to_hex(bg.rgb);
    if (fg.alpha < 1.0) evidence["composited"] = guide::to_hex(seen);
    evidence["background"] = bg_hex;
    evidence["background_source"] = backdrop.source;
    evidence["ratio"] = ratio;
    evidence["required"] = need;
    evidence["level"] = level();
    evidence["text_size"] = size.evidence;
    evidence["measured"] = fmt::format("{:.2f}:1", ratio);
    evidence["expected"] = fmt::format("≥ {}:1", contrast::short_number(need));
    evidence["guide_key"] = pair != nullptr ? pair->key : level_key_;
    std::string message = fmt::format(
        "text {}{} on {} has contrast {:.2f}:1, below the {}:1 WCAG {} requires for {}", fg_hex,
        fg.alpha < 1.0 ? fmt::format(" (seen as {})", guide::to_hex(seen)) : std::string(), bg_hex,
        ratio, contrast::short_number(need), level(), size_name);
    if (pair != nullptr) {
      message += fmt::format("; the guide's pair {} ({} on {}) fails too", pair->key,
                             pair->text_label, pair->background_label);
    }
    ctx.report_text(d.name_begin, d.value_end, std::move(message), std::move(evidence));
  }

  bool aaa_ = false;
  // Without an option the threshold is the guide's own promise: text on any pair it does not
  // list is checked against AA (docs/brand-guide.md, [[palette.pair]]).
  std::string level_key_ = "palette.pair";
  std::vector<GuidePair> pairs_;
};

}  // namespace

RuleEntry color_contrast_rule() {
  return {&rule_meta(), [](const RuleConfig& cfg) -> std::unique_ptr<Rule> {
            return std::make_unique<Contrast>(cfg);
          }};
}

}  // namespace brandlint::rules
