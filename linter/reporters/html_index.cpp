// The --report-dir index page: every channel with its score and counts, linking the channel's
// report in each format (written beside it as <stem><extension>).
#include <ostream>

#include <fmt/format.h>

#include "linter/reporters/html_internal.h"

namespace brandlint {

void write_html_index(const RunResult& result, const ReportOptions& options, std::ostream& out) {
  const html::Context ctx{result,
                          options,
                          html::strings_for(result.locale),
                          summarize(result),
                          score_channels(result),
                          collect_checks(result)};
  out << html::page_head(ctx, html::escape(fmt::format("{} {} · {}", result.brand_name,
                                                       result.guide_version, ctx.t.report)));
  out << html::page_header(ctx) << "<main class=\"wrap\">\n";
  out << fmt::format("<section class=\"card\" id=\"overview\"><h2>{}</h2><ul class=\"overview\">",
                     html::escape(ctx.t.channels));
  for (std::size_t i = 0; i < ctx.channels.size(); ++i) {
    const ChannelSummary& c = ctx.channels[i];
    const std::string stem = channel_file_stem(c.name);
    std::string links;
    for (std::string_view format : report_formats()) {
      if (format == "html") continue;  // the card itself links the HTML report
      links += fmt::format(" <a href=\"{}{}\">{}</a>", html::escape(stem), report_extension(format),
                           format);
    }
    out << fmt::format(
        "<li><a class=\"tile\" href=\"{}.html\">{}<span class=\"name\">{}</span>"
        "<span class=\"sub\">{} · {}</span></a><span class=\"formats\">{}</span></li>",
        html::escape(stem), html::gauge_svg(ctx.scores[i].score, 72, ctx.t),
        html::escape(html::display_name(c.name)),
        html::escape(html::count_label(c.counts.error, Severity::error, ctx.t)),
        html::escape(html::count_label(c.counts.warning, Severity::warning, ctx.t)), links);
  }
  out << fmt::format("</ul><p class=\"formula-note\">{}</p></section>\n",
                     html::escape(ctx.t.formula));
  out << html::red_thread_section(ctx) << "</main>\n";
  out << fmt::format("<footer class=\"wrap\">{} brandlint {}</footer>\n</body>\n</html>\n",
                     html::escape(ctx.t.generated_by), html::escape(result.tool_version));
}

}  // namespace brandlint
