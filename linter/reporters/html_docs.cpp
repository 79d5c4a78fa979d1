// Rule documentation inside the report: the compiled-in Markdown pages rendered as simple HTML,
// so "learn more" works from a mailed file with no network and no repository checkout.
#include <fmt/format.h>

#include "linter/reporters/html_internal.h"

namespace brandlint::html {
namespace {

// Inline Markdown on already-escaped text: `code`, **strong**, [text](http…) links.
std::string inline_markdown(std::string_view escaped) {
  std::string out;
  for (std::size_t i = 0; i < escaped.size();) {
    if (escaped[i] == '`') {
      const std::size_t end = escaped.find('`', i + 1);
      if (end != std::string_view::npos) {
        out += fmt::format("<code>{}</code>", escaped.substr(i + 1, end - i - 1));
        i = end + 1;
        continue;
      }
    }
    if (escaped.substr(i, 2) == "**") {
      const std::size_t end = escaped.find("**", i + 2);
      if (end != std::string_view::npos) {
        out +=
            fmt::format("<strong>{}</strong>", inline_markdown(escaped.substr(i + 2, end - i - 2)));
        i = end + 2;
        continue;
      }
    }
    if (escaped[i] == '[') {
      const std::size_t close = escaped.find("](", i);
      const std::size_t end = close == std::string_view::npos ? close : escaped.find(')', close);
      if (end != std::string_view::npos) {
        const std::string_view text = escaped.substr(i + 1, close - i - 1);
        const std::string_view url = escaped.substr(close + 2, end - close - 2);
        // Only web links; a relative link would point into a repository the reader lacks.
        if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) {
          out += fmt::format("<a href=\"{}\">{}</a>", url, inline_markdown(text));
        } else {
          out += inline_markdown(text);
        }
        i = end + 1;
        continue;
      }
    }
    out += escaped[i++];
  }
  return out;
}

std::string table_row(std::string_view line, bool header) {
  std::string row = "<tr>";
  std::string_view rest = line;
  if (!rest.empty() && rest.front() == '|') rest.remove_prefix(1);
  if (!rest.empty() && rest.back() == '|') rest.remove_suffix(1);
  while (true) {
    const std::size_t bar = rest.find('|');
    std::string_view cell = rest.substr(0, bar);
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    row += fmt::format("<{0}>{1}</{0}>", header ? "th" : "td", inline_markdown(escape(cell)));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  return row + "</tr>";
}

}  // namespace

std::string render_markdown(std::string_view markdown) {
  std::string out, paragraph;
  enum class Block { none, list, table, code } block = Block::none;
  auto flush = [&] {
    if (!paragraph.empty()) out += fmt::format("<p>{}</p>", inline_markdown(escape(paragraph)));
    paragraph.clear();
    if (block == Block::list) out += "</ul>";
    if (block == Block::table) out += "</table>";
    block = Block::none;
  };
  bool title_skipped = false;
  std::size_t pos = 0;
  while (pos <= markdown.size()) {
    std::size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (block == Block::code) {
      if (line.rfind("```", 0) == 0) {
        out += "</code></pre>";
        block = Block::none;
      } else {
        out += escape(line) + "\n";
      }
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      flush();
      out += "<pre><code>";
      block = Block::code;
    } else if (line.empty()) {
      flush();
    } else if (line.front() == '#') {
      flush();
      const std::size_t level = line.find_first_not_of('#');
      std::string_view text = line.substr(level == std::string_view::npos ? line.size() : level);
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
      if (!title_skipped && level == 1) {
        title_skipped = true;  // the page title is the rule id, already the article's heading
        continue;
      }
      const std::size_t h = std::min<std::size_t>(6, level + 3);
      out += fmt::format("<h{0}>{1}</h{0}>", h, inline_markdown(escape(text)));
    } else if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) {
      if (block != Block::list) {
        flush();
        out += "<ul>";
        block = Block::list;
      }
      out += fmt::format("<li>{}</li>", inline_markdown(escape(line.substr(2))));
    } else if (line.front() == '|') {
      const bool separator = line.find_first_not_of("|-: ") == std::string_view::npos;
      if (block != Block::table) {
        flush();
        out += "<table>";
        block = Block::table;
        out += table_row(line, true);
      } else if (!separator) {
        out += table_row(line, false);
      }
    } else if (block == Block::list && line.rfind("  ", 0) == 0) {
      // The line continues the list item: insert it before "</li>".
      out.insert(out.size() - 5, fmt::format(" {}", inline_markdown(escape(line.substr(2)))));
    } else {
      if (block != Block::none) flush();
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
  }
  if (block == Block::code) {
    out += "</code></pre>";  // an unclosed fence ends with the page
    block = Block::none;
  }
  flush();
  return out;
}

}  // namespace brandlint::html
