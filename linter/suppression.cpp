#include "linter/suppression.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "brandguide/suggest.h"
#include "linter/assets/css_tokenizer.h"
#include "linter/assets/html_tokenizer.h"
#include "linter/builtin_rules.h"
#include "linter/glob.h"

namespace brandlint {
namespace {

constexpr std::string_view kPrefix = "brandlint-";
// The accepted forms, for messages and evidence.
constexpr std::string_view kForms =
    "`brandlint-disable-next-line RULE[, RULE…] -- reason`, `brandlint-disable RULE -- reason` "
    "or `brandlint-enable RULE`";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// CSS comments in text[begin, end), skipping strings, url()s and escapes exactly as the CSS
// tokenizer does, so "/*" inside a string is never taken for a comment.
void css_comments(std::string_view text, std::size_t begin, std::size_t end,
                  std::vector<CommentSpan>& out) {
  for (std::size_t i = begin; i < end;) {
    if (text.compare(i, 2, "/*") == 0 && i + 1 < end) {
      const std::size_t close = text.substr(0, end).find("*/", i + 2);
      const std::size_t stop = close == std::string_view::npos ? end : close + 2;
      const std::size_t body_end = close == std::string_view::npos ? end : close;
      out.push_back({i, stop, i + 2, body_end});
      i = stop;
      continue;
    }
    const std::size_t skipped = css::skip_opaque(text, i, end);
    i = skipped > i ? skipped : i + 1;
  }
}

CommentSpan markup_comment(std::size_t begin, std::size_t end, std::string_view text) {
  const bool closed = end >= begin + 7 && text.compare(end - 3, 3, "-->") == 0;
  return {begin, end, begin + 4, closed ? end - 3 : end};
}

// Elements whose content shows code or is not markup: a comment there is an example.
bool is_code_element(std::string_view name) {
  return name == "pre" || name == "code" || name == "xmp" || name == "listing" ||
         name == "plaintext";
}

void markup_comments(std::string_view text, std::vector<CommentSpan>& out) {
  int code_depth = 0;
  html::Handlers handlers;
  handlers.on_start = [&](const html::Tag& tag) {
    if (is_code_element(tag.name) && !tag.self_closing) ++code_depth;
  };
  handlers.on_end = [&](std::string_view name) {
    if (is_code_element(name) && code_depth > 0) --code_depth;
  };
  handlers.on_raw = [&](std::string_view name, std::size_t begin, std::size_t end) {
    if (name == "style" && code_depth == 0) css_comments(text, begin, end, out);
  };
  html::tokenize(text, handlers, [&](std::size_t begin, std::size_t end) {
    if (code_depth == 0) out.push_back(markup_comment(begin, end, text));
  });
}

// "- ", "* ", "+ ", "1. " or "1) " (up to 9 digits): a Markdown list item marker.
bool starts_list_item(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+')) {
    return is_space(line[1]);
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
         (digits + 1 == line.size() || is_space(line[digits + 1]));
}

// Markdown: which lines are code (fenced, indented, front matter, raw <pre>-like HTML blocks),
// then HTML comments outside those lines and outside code spans. A line-level approximation of
// CommonMark that errs on the side of "code": a comment it misses is reported by nothing, but
// one it wrongly took for a directive would hide findings.
void markdown_comments(std::string_view text, std::vector<CommentSpan>& out) {
  std::vector<bool> code(text.size() + 1, false);
  const auto mark = [&](std::size_t b, std::size_t e) {
    std::fill(code.begin() + static_cast<std::ptrdiff_t>(b),
              code.begin() + static_cast<std::ptrdiff_t>(e), true);
  };
  std::size_t pos = 0;
  // Front matter: "---" (or "+++") on the first line up to the closing line.
  for (const std::string_view fence : {std::string_view("---"), std::string_view("+++")}) {
    if (!text.starts_with(fence)) continue;
    const std::size_t first_eol = text.find('\n');
    if (first_eol == std::string_view::npos || !trim(text.substr(3, first_eol - 3)).empty()) {
      continue;
    }
    for (std::size_t p = first_eol + 1; p < text.size();) {
      std::size_t eol = text.find('\n', p);
      if (eol == std::string_view::npos) eol = text.size();
      const std::string_view line = trim(text.substr(p, eol - p));
      if (line == fence || (fence == "---" && line == "...")) {
        mark(0, eol);
        pos = eol + 1;
        break;
      }
      p = eol + 1;
    }
  }
  char fence_char = 0;
  std::size_t fence_length = 0;
  std::string raw_close;  // "</pre" etc. while inside a raw HTML block
  bool previous_blank = true, in_list = false, indented = false;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    // Block-quote markers are containers, not content.
    std::size_t p = pos;
    for (;;) {
      std::size_t q = p;
      while (q < eol && q - p < 3 && text[q] == ' ') ++q;
      if (q < eol && text[q] == '>') {
        p = q + 1;
        if (p < eol && text[p] == ' ') ++p;
      } else {
        break;
      }
    }
    int indent = 0;
    std::size_t first = p;
    while (first < eol && (text[first] == ' ' || text[first] == '\t')) {
      indent = text[first] == '\t' ? (indent / 4 + 1) * 4 : indent + 1;
      ++first;
    }
    const std::string_view content = text.substr(first, eol - first);
    const bool blank = trim(content).empty();
    // A block may open right after a list marker ("- ```"); the marker is a container.
    std::string_view block = content;
    if (starts_list_item(block)) {
      block.remove_prefix(block.find_first_of(".)-*+") + 1);
      while (!block.empty() && is_space(block.front())) block.remove_prefix(1);
    }
    const auto run_of = [](std::string_view line, char c) {
      std::size_t k = 0;
      while (k < line.size() && line[k] == c) ++k;
      return k;
    };
    bool is_code = false;
    if (fence_char != 0) {
      is_code = true;
      if (indent < 4 && run_of(content, fence_char) >= fence_length &&
          trim(content.substr(run_of(content, fence_char))).empty()) {
        fence_char = 0;
      }
    } else if (!raw_close.empty()) {
      is_code = true;
      std::string lowered(content);
      std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
      if (lowered.find(raw_close) != std::string::npos) raw_close.clear();
    } else if (indent >= 4 && !in_list && (indented || (previous_blank && !blank))) {
      is_code = indented = true;  // an indented code block (list item content may be indented)
    } else if (blank && indented) {
      is_code = true;  // a blank line inside an indented code block
    } else if (indent < 4 && (run_of(block, '`') >= 3 || run_of(block, '~') >= 3) &&
               !(block[0] == '`' &&
                 block.substr(run_of(block, '`')).find('`') != std::string_view::npos)) {
      fence_char = block[0];
      fence_length = run_of(block, fence_char);
      is_code = true;
    } else if (indent < 4 && !block.empty() && block[0] == '<') {
      std::string lowered(block);
      std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower);
      for (const std::string_view name : {"pre", "script", "style", "textarea"}) {
        const std::size_t after = name.size() + 1;
        if (lowered.compare(1, name.size(), name) != 0) continue;
        if (after < lowered.size() && !is_space(lowered[after]) && lowered[after] != '>') continue;
        is_code = true;
        const std::string close = "</" + std::string(name);
        if (lowered.find(close, after) == std::string::npos) raw_close = close;
        break;
      }
    }
    if (is_code) {
      mark(pos, eol);
    } else {
      indented = false;
      if (starts_list_item(content)) {
        in_list = true;
      } else if (!blank && indent == 0 && previous_blank) {
        in_list = false;
      }
    }
    previous_blank = blank;
    pos = eol + 1;
  }

  // Code spans and comments in the remaining text. A code span closes at the next backtick run
  // of the same length within its paragraph. Both searches are remembered per paragraph, so a
  // hostile file full of backticks stays linear: the paragraph's end is the same for every
  // position in it, and a run length that found no closer up to it will not find one later.
  const auto find_paragraph_end = [&](std::size_t from) {
    for (std::size_t k = text.find('\n', from); k != std::string_view::npos;
         k = text.find('\n', k + 1)) {
      std::size_t e = text.find('\n', k + 1);
      if (e == std::string_view::npos) e = text.size();
      if (code[k + 1] || trim(text.substr(k + 1, e - k - 1)).empty()) return k;
    }
    return text.size();
  };
  std::size_t limit = 0;                        // end of the current paragraph
  std::map<std::size_t, std::size_t> unclosed;  // run length -> paragraph end it failed in
  const auto paragraph_end = [&](std::size_t from) {
    if (from >= limit) limit = find_paragraph_end(from);
    return limit;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (code[i]) {
      ++i;
      continue;
    }
    const char c = text[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '`') {
      std::size_t n = 0;
      while (i + n < text.size() && text[i + n] == '`') ++n;
      const std::size_t stop = paragraph_end(i);
      std::size_t k = i + n;
      std::size_t close = std::string_view::npos;
      if (const auto failed = unclosed.find(n);
          failed != unclosed.end() && failed->second == stop) {
        k = stop;
      }
      while (k < stop) {
        k = text.find('`', k);
        if (k == std::string_view::npos || k >= stop) break;
        std::size_t m = 0;
        while (k + m < text.size() && text[k + m] == '`') ++m;
        if (m == n) {
          close = k + m;
          break;
        }
        k += m;
      }
      if (close == std::string_view::npos) unclosed[n] = stop;
      i = close == std::string_view::npos ? i + n : close;  // an unclosed run is literal
      continue;
    }
    if (text.compare(i, 4, "<!--") == 0) {
      const std::size_t close = text.find("-->", i + 4);
      const std::size_t stop = close == std::string_view::npos ? text.size() : close + 3;
      out.push_back(markup_comment(i, stop, text));
      i = stop;
      continue;
    }
    ++i;
  }
}

// Parses one comment body; nullopt when it is not meant for brandlint at all.
std::optional<Directive> parse_directive(std::string_view body,
                                         std::span<const std::string_view> known) {
  body = trim(body);
  if (!body.starts_with(kPrefix)) return std::nullopt;
  Directive d;
  std::size_t k = 0;
  while (k < body.size() && !is_space(body[k])) ++k;
  d.keyword = std::string(body.substr(0, k));
  std::string_view rest = body.substr(k);
  if (d.keyword == "brandlint-disable-next-line") {
    d.kind = Directive::Kind::next_line;
  } else if (d.keyword == "brandlint-disable") {
    d.kind = Directive::Kind::disable;
  } else if (d.keyword == "brandlint-enable") {
    d.kind = Directive::Kind::enable;
  } else {
    d.problem = fmt::format("unknown directive '{}'; expected {}", d.keyword, kForms);
    return d;
  }
  // The reason follows " -- " (whitespace on both sides, as stylelint requires, so a rule glob
  // or a word with a hyphen is never cut), or a final " --" with nothing after it.
  std::string_view names = rest;
  for (std::size_t p = rest.find("--"); p != std::string_view::npos; p = rest.find("--", p + 1)) {
    if (p == 0 || !is_space(rest[p - 1])) continue;
    if (p + 2 < rest.size() && !is_space(rest[p + 2])) continue;
    names = rest.substr(0, p);
    d.reason = std::string(trim(rest.substr(p + 2)));
    break;
  }
  for (std::size_t p = 0; p < names.size();) {
    while (p < names.size() && (is_space(names[p]) || names[p] == ',')) ++p;
    std::size_t e = p;
    while (e < names.size() && !is_space(names[e]) && names[e] != ',') ++e;
    if (e > p) d.rules.emplace_back(names.substr(p, e - p));
    p = e;
  }
  for (const std::string& name : d.rules) {
    const Glob glob(name);
    if (std::any_of(known.begin(), known.end(),
                    [&](std::string_view id) { return glob.matches(id); })) {
      continue;
    }
    const std::string suggestion = guide::closest_match(name, known);
    d.problem =
        suggestion.empty()
            ? fmt::format("unknown rule '{}' in {}; `brandlint rules` lists them", name, d.keyword)
            : fmt::format("unknown rule '{}' in {}; did you mean '{}'?", name, d.keyword,
                          suggestion);
    return d;
  }
  if (d.kind != Directive::Kind::enable && d.reason.empty()) {
    d.problem = fmt::format(
        "{} needs a reason after ' -- ' (`{} {} -- why this is right here`); without one it "
        "suppresses nothing",
        d.keyword, d.keyword, d.rules.empty() ? "RULE" : d.rules.front());
  }
  return d;
}

bool unsuppressible(std::string_view rule) {
  return rule == kInternalError || rule == kUnreadableAsset || rule == kInvalidSuppression ||
         rule == kUnusedSuppression;
}

bool covers(const std::vector<Glob>& patterns, std::string_view rule) {
  return patterns.empty() || std::any_of(patterns.begin(), patterns.end(),
                                         [&](const Glob& p) { return p.matches(rule); });
}

std::string describe(const Directive& d) {
  std::string rules;
  for (const std::string& r : d.rules) rules += (rules.empty() ? " " : ", ") + r;
  return d.keyword + rules;
}

// An open `brandlint-disable` range: one per named pattern, so `enable` can close them one by one.
struct Range {
  std::size_t directive;  // index in the directive list
  std::size_t pattern;    // index in its rules; kAll = every rule
  std::size_t begin, end;
};
constexpr std::size_t kAll = std::size_t(-1);

}  // namespace

std::vector<CommentSpan> directive_comments(const Asset& asset) {
  std::vector<CommentSpan> out;
  switch (asset.kind) {
    case AssetKind::css:
      css_comments(asset.text, 0, asset.text.size(), out);
      break;
    case AssetKind::html:
    case AssetKind::svg:
      markup_comments(asset.text, out);
      break;
    case AssetKind::markdown:
      markdown_comments(asset.text, out);
      break;
    default:
      break;
  }
  std::sort(out.begin(), out.end(),
            [](const CommentSpan& a, const CommentSpan& b) { return a.begin < b.begin; });
  return out;
}

std::vector<Directive> find_directives(const Asset& asset,
                                       std::span<const std::string_view> known_rules) {
  std::vector<Directive> out;
  for (const CommentSpan& c : directive_comments(asset)) {
    const std::string_view body =
        std::string_view(asset.text).substr(c.body_begin, c.body_end - c.body_begin);
    std::optional<Directive> d = parse_directive(body, known_rules);
    if (!d) continue;
    d->begin = c.begin;
    d->end = c.end;
    out.push_back(std::move(*d));
  }
  return out;
}

void apply_suppressions(const Asset& asset, const SuppressionScope& scope,
                        std::vector<Finding>& findings,
                        std::vector<SuppressedFinding>& suppressed) {
  // Most files have no directive: one search instead of parsing their comments.
  if (asset.text.find(kPrefix) == std::string::npos) return;
  const std::vector<Directive> directives = find_directives(asset, scope.known_rules);
  if (directives.empty()) return;
  const auto line_of = [&](std::size_t offset) { return asset.lines.at(asset.text, offset); };

  std::vector<Finding> diagnostics;
  const auto diagnose = [&](const Directive& d, std::string_view rule, Severity fallback,
                            std::string message, Json evidence) {
    const std::optional<Severity> severity = scope.severity(rule, fallback);
    if (!severity || *severity == Severity::off) return;
    Finding f;
    f.rule = std::string(rule);
    f.severity = *severity;
    f.channel = asset.channel->name;
    f.path = asset.display_path;
    f.location.begin = d.begin;
    f.location.end = d.end;
    const LineColumn start = line_of(d.begin), stop = line_of(d.end);
    f.location.line = start.line;
    f.location.column = start.column;
    f.location.end_line = stop.line;
    f.location.end_column = stop.column;
    f.message = std::move(message);
    f.evidence = std::move(evidence);
    diagnostics.push_back(std::move(f));
  };

  // Ranges: a disable opens one per pattern; an enable closes the open ones with the same
  // pattern (or all of them when it names none); the rest stay open to the end of the file.
  std::vector<Range> ranges;
  std::vector<Range> open;
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const Directive& d = directives[i];
    if (!d.problem.empty()) {
      diagnose(
          d, kInvalidSuppression, Severity::warning, d.problem,
          Json{{"measured",
                std::string(trim(std::string_view(asset.text).substr(d.begin, d.end - d.begin)))},
               {"expected", std::string(kForms)},
               {"guide_key", nullptr}});
      continue;
    }
    if (d.kind == Directive::Kind::disable) {
      if (d.rules.empty()) open.push_back({i, kAll, d.end, asset.text.size()});
      for (std::size_t k = 0; k < d.rules.size(); ++k) {
        open.push_back({i, k, d.end, asset.text.size()});
      }
    } else if (d.kind == Directive::Kind::enable) {
      std::vector<std::string> unmatched;
      const std::vector<std::string> names =
          d.rules.empty() ? std::vector<std::string>{""} : d.rules;
      for (const std::string& name : names) {
        bool closed = false;
        for (auto it = open.begin(); it != open.end();) {
          const bool same = it->pattern == kAll
                                ? name.empty()
                                : directives[it->directive].rules[it->pattern] == name;
          if (name.empty() || same) {
            it->end = d.begin;
            ranges.push_back(*it);
            it = open.erase(it);
            closed = true;
          } else {
            ++it;
          }
        }
        if (!closed) unmatched.push_back(name.empty() ? "any rule" : "'" + name + "'");
      }
      if (!unmatched.empty()) {
        std::string list;
        for (const std::string& u : unmatched) list += (list.empty() ? "" : ", ") + u;
        diagnose(d, kInvalidSuppression, Severity::warning,
                 fmt::format("{} ends no open brandlint-disable for {}; an enable names the same "
                             "rule or pattern as its disable",
                             describe(d), list),
                 Json{{"measured", describe(d)},
                      {"expected", "a preceding brandlint-disable naming the same rules"},
                      {"guide_key", nullptr}});
      }
    }
  }
  for (Range& r : open) ranges.push_back(r);

  // Each directive's patterns compiled once, next-line directives by the line they cover, and
  // per directive and pattern whether it suppressed something.
  std::vector<std::vector<Glob>> globs(directives.size());
  std::multimap<int, std::size_t> next_line_at;
  std::vector<std::vector<bool>> used(directives.size());
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const Directive& d = directives[i];
    for (const std::string& r : d.rules) globs[i].emplace_back(r);
    used[i].assign(std::max<std::size_t>(1, d.rules.size()), false);
    if (d.problem.empty() && d.kind == Directive::Kind::next_line) {
      next_line_at.emplace(line_of(d.end - 1).line + 1, i);
    }
  }
  const auto mark_used = [&](std::size_t i, std::string_view rule) {
    if (globs[i].empty()) used[i][0] = true;
    for (std::size_t k = 0; k < globs[i].size(); ++k) {
      if (globs[i][k].matches(rule)) used[i][k] = true;
    }
  };
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    std::optional<std::size_t> by;
    if (!unsuppressible(f.rule)) {
      const bool positioned = f.location.line > 0;
      const auto [first, last] = next_line_at.equal_range(f.location.line);
      for (auto it = first; it != last && !by && positioned; ++it) {
        if (covers(globs[it->second], f.rule)) by = it->second;
      }
      for (const Range& r : ranges) {
        if (by) break;
        const bool inside = positioned ? f.location.begin >= r.begin && f.location.begin < r.end
                                       : r.end == asset.text.size();
        if (inside && (r.pattern == kAll || globs[r.directive][r.pattern].matches(f.rule))) {
          by = r.directive;
        }
      }
    }
    if (!by) {
      kept.push_back(std::move(f));
      continue;
    }
    mark_used(*by, f.rule);
    suppressed.push_back({std::move(f), directives[*by].reason});
  }
  findings = std::move(kept);

  for (std::size_t i = 0; i < directives.size(); ++i) {
    const Directive& d = directives[i];
    if (!d.problem.empty() || d.kind == Directive::Kind::enable) continue;
    std::string unused;
    for (std::size_t k = 0; k < used[i].size(); ++k) {
      if (used[i][k]) continue;
      // Only a rule that ran here can prove the directive useless.
      const bool any_ran =
          std::any_of(scope.known_rules.begin(), scope.known_rules.end(), [&](std::string_view id) {
            return !unsuppressible(id) && (d.rules.empty() || globs[i][k].matches(id)) &&
                   scope.ran(id);
          });
      if (!any_ran) continue;
      unused += (unused.empty() ? "" : ", ") + (d.rules.empty() ? "any rule" : d.rules[k]);
    }
    if (unused.empty()) continue;
    const std::string where = d.kind == Directive::Kind::next_line
                                  ? fmt::format("on line {}", line_of(d.end - 1).line + 1)
                                  : std::string("in its range");
    diagnose(d, kUnusedSuppression, Severity::info,
             fmt::format("{} suppresses nothing: no finding of {} {}; remove it", describe(d),
                         unused, where),
             // The directive is what identifies this finding across runs (SARIF fingerprints).
             Json{{"measured", describe(d)},
                  {"expected", fmt::format("a finding of {} {} to suppress", unused, where)},
                  {"suppressed", 0},
                  {"guide_key", nullptr}});
  }
  for (Finding& f : diagnostics) findings.push_back(std::move(f));
}

}  // namespace brandlint
