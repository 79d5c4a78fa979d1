// The red thread in the HTML report: each channel's palette use as a bar and its voice figures,
// and across channels a matrix with every figure that drifts from the other channels marked,
// each drift also said in one plain sentence.
#include <algorithm>

#include <fmt/format.h>

#include "linter/reporters/html_internal.h"

namespace brandlint::html {
namespace {

std::string colour_of(const RunResult& result, std::string_view name) {
  for (const PaletteEntry& p : result.palette) {
    if (p.name == name) return first_hex(p.hex).value_or("#9AA3AF");
  }
  // Neutrals are measured under their hex value; anything else is a colour the guide lacks.
  return first_hex(name).value_or("#9AA3AF");
}

bool is_share(std::string_view metric) { return metric.rfind("palette.", 0) == 0; }

std::string metric_label(std::string_view metric, const Strings& t) {
  if (metric == "palette.off_palette") return std::string(t.off_palette);
  if (metric == "palette.photo") return std::string(t.photo);
  if (metric == "voice.lix") return std::string(t.lix);
  if (metric == "voice.flesch") return std::string(t.flesch);
  if (metric == "voice.words_per_sentence") return std::string(t.words_per_sentence);
  if (metric == "voice.exclamations_per_100w") return std::string(t.exclamations);
  if (metric == "voice.emoji_per_100w") return std::string(t.emoji);
  if (metric.rfind("voice.address.", 0) == 0) return std::string(metric.substr(14));
  return std::string(metric.substr(metric.find('.') + 1));
}

std::string metric_value(const ConsistencyFigure& f, double value, const Strings& t) {
  if (is_share(f.metric)) return percent(value, t);
  const int decimals = f.metric == "voice.lix" || f.metric == "voice.flesch" ? 0 : 1;
  return number(value, decimals, t);
}

// Placeholders are filled with already-escaped values; the templates are ours.
std::string fill(std::string_view templ,
                 const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out(templ);
  for (const auto& [key, value] : values) {
    const std::string token = fmt::format("{{{}}}", key);
    for (std::size_t at = out.find(token); at != std::string::npos;
         at = out.find(token, at + value.size())) {
      out.replace(at, token.size(), value);
    }
  }
  return out;
}

std::string palette_block(const Context& ctx, const PaletteUse& use) {
  std::string bar, legend;
  double used = 0;
  // Segments never overflow the bar, even if a measuring rule's shares add up to more than 1.
  auto segment = [&](double share, std::string_view css, const std::string& title) {
    const double width = std::clamp(share, 0.0, std::max(0.0, 1.0 - used));
    used += width;
    if (width <= 0) return;
    bar += fmt::format("<span style=\"width:{:.2f}%{}\" title=\"{}\"></span>", width * 100, css,
                       title);
  };
  for (const auto& [name, share] : use.shares) {
    const std::string hex = colour_of(ctx.result, name);
    segment(share, ";background:" + hex, escape(name) + " " + percent(share, ctx.t));
    legend +=
        fmt::format("<li><span class=\"chip\" style=\"background:{}\"></span>{} <b>{}</b></li>",
                    hex, escape(name), percent(share, ctx.t));
  }
  segment(use.off_palette,
          ";background:repeating-linear-gradient(45deg,#b0b6c0 0 4px,#d5d9df 4px 8px)",
          escape(ctx.t.off_palette) + " " + percent(use.off_palette, ctx.t));
  legend += fmt::format("<li><span class=\"chip bar-off\"></span>{} <b>{}</b></li>",
                        escape(ctx.t.off_palette), percent(use.off_palette, ctx.t));
  // Lossy images leave the compression band along edges in no share (color/off-palette): the
  // rest of the bar, named so that it is not read as a gap in the report.
  if (const double rest = 1.0 - used; rest >= 0.005) {
    segment(rest, ";background:transparent",
            escape(ctx.t.unattributed) + " " + percent(rest, ctx.t));
    legend += fmt::format("<li><span class=\"chip bar-rest\"></span>{} <b>{}</b></li>",
                          escape(ctx.t.unattributed), percent(rest, ctx.t));
  }
  if (use.photo > 0) {
    legend += fmt::format("<li>{} <b>{}</b></li>", escape(ctx.t.photo), percent(use.photo, ctx.t));
  }
  return fmt::format(
      "<div><h4>{}</h4><div class=\"bar\">{}</div><ul class=\"legend\">{}</ul></div>",
      escape(ctx.t.palette_use), bar, legend);
}

std::string voice_block(const Context& ctx, const VoiceUse& v) {
  const Strings& t = ctx.t;
  std::string items;
  auto item = [&](std::string_view label, const std::string& value) {
    items += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>", escape(label), value);
  };
  if (v.lix) item(t.lix, number(*v.lix, 0, t));
  if (v.flesch) item(t.flesch, number(*v.flesch, 0, t));
  if (v.sentences > 0) item(t.words_per_sentence, number(v.words_per_sentence, 1, t));
  item(t.exclamations, number(v.exclamations_per_100w, 1, t));
  item(t.emoji, number(v.emoji_per_100w, 1, t));
  std::string address;
  for (const auto& [form, share] : v.address) {
    if (share > 0)
      address +=
          fmt::format("{}{} {}", address.empty() ? "" : " · ", escape(form), percent(share, t));
  }
  if (!address.empty()) item(t.address, "<span style=\"font-size:14px\">" + address + "</span>");
  return fmt::format(
      "<div><h4>{} <span style=\"font-weight:400\">({} {})</span></h4><dl "
      "class=\"voice\">{}</dl></div>",
      escape(t.voice), number(v.words, 0, t), escape(t.words), items);
}

}  // namespace

std::string channel_brand_use(const Context& ctx, std::string_view channel) {
  for (const ChannelUse& use : ctx.result.consistency.channels) {
    if (use.channel != channel) continue;
    const bool both = use.palette && use.voice;
    std::string out = both ? "<div class=\"brand-use\">" : "<div class=\"brand-use single\">";
    if (use.palette) out += palette_block(ctx, *use.palette);
    if (use.voice) out += voice_block(ctx, *use.voice);
    return out + "</div>";
  }
  return {};
}

std::string drift_sentence(const ConsistencyFigure& f, const Strings& t) {
  const std::string channel = escape(display_name(f.channel));
  const std::string value = metric_value(f, f.value, t);
  const std::string others = metric_value(f, f.brand_average.value_or(0), t);
  if (f.metric == "palette.off_palette") {
    return fill(t.drift_off_palette, {{"channel", channel}, {"value", value}, {"others", others}});
  }
  const std::string what = escape(metric_label(f.metric, t));
  return fill(is_share(f.metric) ? t.drift_palette : t.drift_value,
              {{"channel", channel}, {"what", what}, {"value", value}, {"others", others}});
}

std::string red_thread_section(const Context& ctx) {
  const Consistency& c = ctx.result.consistency;
  std::string out = fmt::format("<section class=\"card redthread\" id=\"red-thread\"><h2>{}</h2>",
                                escape(ctx.t.red_thread));
  if (c.empty()) {
    return out + fmt::format("<p class=\"formula-note\">{}</p></section>\n",
                             escape(ctx.t.no_measurements));
  }
  out += fmt::format("<p class=\"formula-note\" style=\"margin-top:0\">{}</p>",
                     escape(ctx.t.red_thread_intro));
  std::string sentences;
  for (const ConsistencyFigure& f : c.figures) {
    if (f.drift) sentences += "<li>" + drift_sentence(f, ctx.t) + "</li>";
  }
  out += sentences.empty() ? fmt::format("<p class=\"empty\">{}</p>", escape(ctx.t.no_drift))
                           : "<ul class=\"drift\">" + sentences + "</ul>";

  // Columns: every compared metric, in figure order (photo share and address forms are shown
  // per channel; they are context, not brand rules).
  std::vector<std::string> metrics;
  for (const ConsistencyFigure& f : c.figures) {
    if (f.metric == "palette.photo" || f.metric.rfind("voice.address.", 0) == 0) continue;
    if (std::find(metrics.begin(), metrics.end(), f.metric) == metrics.end())
      metrics.push_back(f.metric);
  }
  out += fmt::format("<div class=\"matrix-wrap\"><table class=\"matrix\"><thead><tr><th>{}</th>",
                     escape(ctx.t.channel));
  for (const std::string& m : metrics) {
    const bool colour = is_share(m) && m != "palette.off_palette";
    out += fmt::format(
        "<th>{}{}</th>",
        colour ? fmt::format("<span class=\"chip\" style=\"width:12px;height:12px;"
                             "display:block;margin:0 0 3px auto;background:{}\"></span>",
                             colour_of(ctx.result, m.substr(8)))
               : std::string(),
        escape(metric_label(m, ctx.t)));
  }
  out += "</tr></thead><tbody>";
  for (const ChannelUse& use : c.channels) {
    out += fmt::format("<tr><th>{}</th>", escape(display_name(use.channel)));
    for (const std::string& m : metrics) {
      const auto f = std::find_if(
          c.figures.begin(), c.figures.end(),
          [&](const ConsistencyFigure& x) { return x.channel == use.channel && x.metric == m; });
      if (f == c.figures.end()) {
        out += "<td class=\"none\">–</td>";
      } else if (f->drift) {
        out += fmt::format("<td class=\"drift\">{}<small>{} {}</small></td>",
                           metric_value(*f, f->value, ctx.t), escape(ctx.t.others),
                           metric_value(*f, f->brand_average.value_or(0), ctx.t));
      } else {
        out += fmt::format("<td>{}</td>", metric_value(*f, f->value, ctx.t));
      }
    }
    out += "</tr>";
  }
  return out + "</tbody></table></div></section>\n";
}

}  // namespace brandlint::html
