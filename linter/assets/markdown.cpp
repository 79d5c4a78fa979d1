// Markdown copy: a CommonMark-shaped block masker (no external parser). It walks the lines once,
// tracking block quotes and list items as containers the way the CommonMark spec's parsing
// strategy does, blanks everything that is not copy, and records one block per paragraph,
// heading, table cell or HTML block. Inline markup is masked afterwards (markdown_inline.cpp),
// when every link reference definition is known.
//
// Scopes: ATX and setext headings get "heading"; image alt text becomes its own run with scope
// "alt" (and is blanked in the paragraph run, so no word is seen twice); everything else is
// "body". Front matter, code (fenced, indented, inline), HTML comments and tags, link
// destinations and titles, reference definitions and all markers become spaces.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "linter/assets/copy.h"
#include "linter/assets/markdown_inline.h"

namespace brandlint {
namespace {

using markdown::blank;
using markdown::InlineMode;
using markdown::Span;

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct Block {
  std::size_t begin = 0, end = 0;
  const char* scope = "body";
  InlineMode mode = InlineMode::markdown;
};

struct ListMarker {
  std::size_t end = 0;  // first byte after the marker
  bool ordered = false;
  bool starts_at_one = false;
};

class BlockMasker {
 public:
  BlockMasker(std::string_view source, std::string& masked) : src_(source), out_(masked) {}

  void run() {
    std::size_t pos = front_matter_end();
    while (pos < src_.size()) {
      std::size_t eol = src_.find('\n', pos);
      if (eol == std::string_view::npos) eol = src_.size();
      std::size_t le = eol;
      if (le > pos && src_[le - 1] == '\r') --le;
      line(pos, le);
      pos = eol + 1;
    }
    close_leaf();
  }

  std::vector<Block>& blocks() { return blocks_; }
  /// The front matter's `lang`, as written ("da", "en-GB"); "" when there is none.
  const std::string& lang() const { return lang_; }
  const std::set<std::string>& labels() const { return labels_; }

 private:
  enum class Leaf { none, paragraph, fenced, html_raw, html_text, indented, table };
  struct Container {
    bool quote = false;
    int indent = 0;  // list items: columns of content indentation
  };
  struct Cursor {
    std::size_t pos = 0;
    int col = 0;
  };

  // ------------------------------------------------------------------ line scanning helpers

  // Columns of whitespace at c (tabs to the next multiple of 4) and the first non-blank byte.
  int indentation(Cursor c, std::size_t le, std::size_t& first) const {
    const int start = c.col;
    while (c.pos < le && (src_[c.pos] == ' ' || src_[c.pos] == '\t')) {
      c.col = src_[c.pos] == '\t' ? (c.col / 4 + 1) * 4 : c.col + 1;
      ++c.pos;
    }
    first = c.pos;
    return c.col - start;
  }

  // Advances c by up to `columns` columns of whitespace.
  void advance(Cursor& c, std::size_t le, int columns) const {
    const int target = c.col + columns;
    while (c.pos < le && c.col < target && (src_[c.pos] == ' ' || src_[c.pos] == '\t')) {
      c.col = src_[c.pos] == '\t' ? (c.col / 4 + 1) * 4 : c.col + 1;
      ++c.pos;
    }
  }

  bool rest_blank(std::size_t p, std::size_t le) const {
    return std::all_of(src_.begin() + static_cast<std::ptrdiff_t>(p),
                       src_.begin() + static_cast<std::ptrdiff_t>(le), is_blank_char);
  }

  bool thematic_break(std::size_t p, std::size_t le) const {
    if (p >= le || (src_[p] != '-' && src_[p] != '*' && src_[p] != '_')) return false;
    int count = 0;
    for (std::size_t k = p; k < le; ++k) {
      if (src_[k] == src_[p]) ++count;
      else if (!is_blank_char(src_[k])) return false;
    }
    return count >= 3;
  }

  bool setext_underline(std::size_t p, std::size_t le) const {
    if (p >= le || (src_[p] != '=' && src_[p] != '-')) return false;
    std::size_t k = p;
    while (k < le && src_[k] == src_[p]) ++k;
    return rest_blank(k, le);
  }

  std::optional<ListMarker> list_marker(std::size_t p, std::size_t le) const {
    ListMarker m;
    if (p < le && (src_[p] == '-' || src_[p] == '+' || src_[p] == '*')) {
      m.end = p + 1;
    } else {
      std::size_t k = p;
      while (k < le && k - p < 9 && src_[k] >= '0' && src_[k] <= '9') ++k;
      if (k == p || k >= le || (src_[k] != '.' && src_[k] != ')')) return std::nullopt;
      m.ordered = true;
      m.starts_at_one = src_.substr(p, k - p).find_first_not_of('0') == k - p - 1 && src_[k - 1] == '1';
      m.end = k + 1;
    }
    if (m.end < le && src_[m.end] != ' ' && src_[m.end] != '\t') return std::nullopt;
    return m;
  }

  struct Fence {
    char ch = '`';
    std::size_t length = 0;
  };

  std::optional<Fence> fence_open(std::size_t p, std::size_t le) const {
    if (p >= le || (src_[p] != '`' && src_[p] != '~')) return std::nullopt;
    std::size_t k = p;
    while (k < le && src_[k] == src_[p]) ++k;
    if (k - p < 3) return std::nullopt;
    // A backtick fence's info string may not contain backticks (it would be inline code).
    if (src_[p] == '`' && src_.substr(k, le - k).find('`') != std::string_view::npos) return std::nullopt;
    return Fence{src_[p], k - p};
  }

  bool fence_close(std::size_t p, std::size_t le) const {
    std::size_t k = p;
    while (k < le && src_[k] == fence_.ch) ++k;
    return k - p >= fence_.length && rest_blank(k, le);
  }

  // CommonMark HTML block start conditions 1–7; returns 0 when the line starts none.
  int html_start(std::size_t p, std::size_t le) const {
    if (p >= le || src_[p] != '<') return 0;
    const std::string_view rest = src_.substr(p, le - p);
    const auto tag_at = [&](std::size_t k, std::string& name) {
      name.clear();
      while (k < rest.size() && ((rest[k] >= 'a' && rest[k] <= 'z') || (rest[k] >= 'A' && rest[k] <= 'Z') ||
                                 (rest[k] >= '0' && rest[k] <= '9') || rest[k] == '-')) {
        name.push_back(ascii_lower(rest[k++]));
      }
      return k;
    };
    std::string name;
    std::size_t k = tag_at(1, name);
    const auto ends_name = [&](std::size_t q) {
      return q >= rest.size() || rest[q] == ' ' || rest[q] == '\t' || rest[q] == '>' ||
             rest.compare(q, 2, "/>") == 0;
    };
    if ((name == "script" || name == "pre" || name == "style" || name == "textarea") && ends_name(k)) return 1;
    if (rest.starts_with("<!--")) return 2;
    if (rest.starts_with("<?")) return 3;
    if (rest.starts_with("<![CDATA[")) return 5;
    if (rest.size() > 2 && rest[1] == '!' && ((rest[2] >= 'a' && rest[2] <= 'z') || (rest[2] >= 'A' && rest[2] <= 'Z'))) return 4;
    if (rest.size() > 1 && rest[1] == '/') k = tag_at(2, name);
    static const std::set<std::string_view> kBlockTags = {
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center",
        "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main", "menu",
        "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul"};
    if (!name.empty() && kBlockTags.contains(name) && ends_name(k)) return 6;
    // Type 7: a complete open or closing tag alone on its line.
    if (!name.empty() && (ends_name(k) || rest[k] == '/')) {
      const std::size_t gt = rest.find('>');
      if (gt != std::string_view::npos && rest_blank(p + gt + 1, le)) return 7;
    }
    return 0;
  }

  bool html_end_on_line(std::size_t p, std::size_t le) const {
    std::string line(src_.substr(p, le - p));
    std::transform(line.begin(), line.end(), line.begin(), ascii_lower);
    switch (html_type_) {
      case 1:
        return line.find("</script>") != std::string::npos || line.find("</pre>") != std::string::npos ||
               line.find("</style>") != std::string::npos || line.find("</textarea>") != std::string::npos;
      case 2: return line.find("-->") != std::string::npos;
      case 3: return line.find("?>") != std::string::npos;
      case 4: return line.find('>') != std::string::npos;
      case 5: return line.find("]]>") != std::string::npos;
      default: return false;
    }
  }

  // Could this line (at p, after containers) start a block, so it cannot be a lazy continuation?
  bool starts_block(std::size_t p, std::size_t le, int indent) const {
    if (indent >= 4) return false;
    if (src_[p] == '>' || thematic_break(p, le) || fence_open(p, le) || atx_level(p, le) > 0) return true;
    const int html = html_start(p, le);
    if (html >= 1 && html <= 6) return true;
    // Any list item: the innermost open container here is a list or quote, not the paragraph,
    // so CommonMark's "must start at 1 and not be empty to interrupt a paragraph" does not apply.
    return list_marker(p, le).has_value();
  }

  int atx_level(std::size_t p, std::size_t le) const {
    std::size_t k = p;
    while (k < le && src_[k] == '#') ++k;
    const auto level = static_cast<int>(k - p);
    if (level < 1 || level > 6 || (k < le && src_[k] != ' ' && src_[k] != '\t')) return 0;
    return level;
  }

  // ------------------------------------------------------------------ blocks

  void close_leaf() {
    if (leaf_ == Leaf::paragraph) {
      blocks_.push_back({para_begin_, para_end_, "body", InlineMode::markdown});
    } else if (leaf_ == Leaf::html_text) {
      blocks_.push_back({para_begin_, para_end_, "body", InlineMode::html});
    }
    leaf_ = Leaf::none;
    para_lines_ = 0;
  }

  void add_paragraph_line(std::size_t p, std::size_t le) {
    std::size_t e = le;
    while (e > p && is_blank_char(src_[e - 1])) --e;
    if (leaf_ != Leaf::paragraph) {
      leaf_ = Leaf::paragraph;
      para_begin_ = p;
      para_lines_ = 0;
    }
    para_end_ = e;
    ++para_lines_;
  }

  void atx_heading(std::size_t p, std::size_t le, int level) {
    blank(out_, p, p + static_cast<std::size_t>(level));
    std::size_t b = p + static_cast<std::size_t>(level);
    std::size_t e = le;
    while (b < e && is_blank_char(src_[b])) ++b;
    while (e > b && is_blank_char(src_[e - 1])) --e;
    // An optional closing sequence of '#'s, preceded by a space (or the whole content).
    std::size_t h = e;
    while (h > b && src_[h - 1] == '#') --h;
    if (h < e && (h == b || is_blank_char(src_[h - 1]))) {
      blank(out_, h, e);
      e = h;
      while (e > b && is_blank_char(src_[e - 1])) --e;
    }
    if (e > b) blocks_.push_back({b, e, "heading", InlineMode::markdown});
  }

  // Splits a table row at unescaped pipes; each trimmed cell becomes a block.
  std::size_t table_cells(std::size_t p, std::size_t le, bool record) {
    std::size_t cells = 0;
    std::size_t cell_begin = p;
    const auto flush = [&](std::size_t cell_end) {
      std::size_t b = cell_begin, e = cell_end;
      while (b < e && is_blank_char(src_[b])) ++b;
      while (e > b && is_blank_char(src_[e - 1])) --e;
      if (record && e > b) blocks_.push_back({b, e, "body", InlineMode::markdown});
      ++cells;
    };
    std::size_t e = le;
    while (e > p && is_blank_char(src_[e - 1])) --e;
    for (std::size_t k = p; k < e; ++k) {
      if (src_[k] == '\\') {
        ++k;
      } else if (src_[k] == '|') {
        if (k != p) flush(k);  // a leading pipe opens no cell
        if (record) blank(out_, k, k + 1);
        cell_begin = k + 1;
      }
    }
    if (cell_begin < e) flush(e);
    return cells;
  }

  bool delimiter_row(std::size_t p, std::size_t le) const {
    bool dash = false;
    for (std::size_t k = p; k < le; ++k) {
      const char c = src_[k];
      if (c == '-') dash = true;
      else if (c != '|' && c != ':' && !is_blank_char(c)) return false;
    }
    return dash && src_.substr(p, le - p).find('|') != std::string_view::npos;
  }

  // "[label]: destination 'title'" on one line: the definition is blanked, the label kept.
  bool reference_definition(std::size_t p, std::size_t le) {
    if (p >= le || src_[p] != '[') return false;
    const std::size_t close = src_.substr(0, le).find("]:", p);
    if (close == std::string_view::npos || close == p + 1) return false;
    const std::string_view label = src_.substr(p + 1, close - p - 1);
    if (label.find_first_of("[]") != std::string_view::npos) return false;
    if (label.starts_with("^")) {  // a footnote definition: its text is copy, the marker is not
      blank(out_, p, close + 2);
      std::size_t first = close + 2;
      while (first < le && is_blank_char(src_[first])) ++first;
      if (first < le) add_paragraph_line(first, le);
      return true;
    }
    if (rest_blank(close + 2, le)) return false;  // destination on the next line: not handled
    labels_.insert(markdown::normalize_label(label));
    blank(out_, p, le);
    return true;
  }

  std::size_t front_matter_end() {
    for (const std::string_view fence : {std::string_view("---"), std::string_view("+++")}) {
      if (!src_.starts_with(fence)) continue;
      std::size_t eol = src_.find('\n');
      if (eol == std::string_view::npos || !rest_blank(fence.size(), eol)) continue;
      std::size_t pos = eol + 1;
      while (pos < src_.size()) {
        std::size_t next = src_.find('\n', pos);
        if (next == std::string_view::npos) next = src_.size();
        const bool yaml_end = fence == "---" && src_.compare(pos, 3, "...") == 0;
        if ((src_.compare(pos, 3, fence) == 0 || yaml_end) && rest_blank(pos + 3, next)) {
          blank(out_, 0, next);
          return next + 1;
        }
        front_lang_line(pos, next);
        pos = next + 1;
      }
      lang_.clear();  // never closed: not front matter
    }
    return 0;
  }

  // A top-level `lang: da` (YAML) or `lang = "en-GB"` (TOML) line of the front matter: the
  // language the whole document is written in. Nested keys (indented) and other keys are ignored.
  void front_lang_line(std::size_t p, std::size_t le) {
    if (le > p && src_[le - 1] == '\r') --le;
    const std::string_view line = src_.substr(p, le - p);
    if (!line.starts_with("lang")) return;
    std::size_t k = 4;
    while (k < line.size() && is_blank_char(line[k])) ++k;
    if (k >= line.size() || (line[k] != ':' && line[k] != '=')) return;
    ++k;
    while (k < line.size() && is_blank_char(line[k])) ++k;
    std::size_t e = line.find('#', k);  // a trailing comment
    if (e == std::string_view::npos) e = line.size();
    while (e > k && is_blank_char(line[e - 1])) --e;
    if (e > k + 1 && (line[k] == '"' || line[k] == '\'') && line[e - 1] == line[k]) {
      ++k;
      --e;
    }
    const std::string_view value = line.substr(k, e - k);
    const bool tag = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (tag) lang_ = std::string(value);
  }

  // ------------------------------------------------------------------ one line

  void line(std::size_t ls, std::size_t le) {
    Cursor c{ls, 0};
    std::size_t matched = 0;
    std::size_t first = 0;
    for (; matched < containers_.size(); ++matched) {
      const int indent = indentation(c, le, first);
      if (containers_[matched].quote) {
        if (indent > 3 || first >= le || src_[first] != '>') break;
        blank(out_, first, first + 1);
        c.col += indent + 1;
        c.pos = first + 1;
        advance(c, le, 1);
      } else if (first >= le) {
        continue;  // blank lines keep list items open
      } else if (indent >= containers_[matched].indent) {
        advance(c, le, containers_[matched].indent);
      } else {
        break;
      }
    }
    const int indent = indentation(c, le, first);
    const bool blank_line = first >= le;

    if (matched < containers_.size()) {
      if (leaf_ == Leaf::paragraph && !blank_line && !starts_block(first, le, indent)) {
        add_paragraph_line(first, le);  // lazy continuation
        return;
      }
      if (leaf_ == Leaf::fenced || leaf_ == Leaf::html_raw) leaf_ = Leaf::none;
      close_leaf();
      containers_.resize(matched);
    }

    switch (leaf_) {
      case Leaf::fenced:
        if (indent < 4 && fence_close(first, le)) leaf_ = Leaf::none;
        blank(out_, c.pos, le);
        return;
      case Leaf::html_raw:
        blank(out_, c.pos, le);
        if (html_end_on_line(c.pos, le)) leaf_ = Leaf::none;
        return;
      case Leaf::html_text:
        if (blank_line) close_leaf();
        else para_end_ = le;
        return;
      case Leaf::indented:
        if (blank_line || indent >= 4) {
          blank(out_, c.pos, le);
          return;
        }
        leaf_ = Leaf::none;
        break;
      default: break;
    }

    if (leaf_ == Leaf::paragraph && !blank_line && indent < 4 && setext_underline(first, le) &&
        matched == containers_.size()) {
      blocks_.push_back({para_begin_, para_end_, "heading", InlineMode::markdown});
      leaf_ = Leaf::none;
      blank(out_, first, le);
      return;
    }

    open_containers(c, le);
    leaf(c, le);
  }

  void open_containers(Cursor& c, std::size_t le) {
    for (;;) {
      std::size_t first = 0;
      const int indent = indentation(c, le, first);
      if (indent >= 4 || first >= le) return;
      if (src_[first] == '>') {
        close_leaf();
        blank(out_, first, first + 1);
        c.col += indent + 1;
        c.pos = first + 1;
        advance(c, le, 1);
        containers_.push_back({true, 0});
        continue;
      }
      if (thematic_break(first, le)) return;
      const auto marker = list_marker(first, le);
      if (!marker) return;
      const bool empty = rest_blank(marker->end, le);
      if (leaf_ == Leaf::paragraph && (empty || (marker->ordered && !marker->starts_at_one))) return;
      close_leaf();
      blank(out_, first, marker->end);
      const int marker_cols = indent + static_cast<int>(marker->end - first);
      Cursor after{marker->end, c.col + marker_cols};
      std::size_t content = 0;
      int spaces = indentation(after, le, content);
      if (spaces >= 5 || empty) spaces = 1;  // indented code right after a marker keeps 1 space
      advance(after, le, spaces);
      containers_.push_back({false, marker_cols + spaces});
      c = after;
    }
  }

  void leaf(Cursor c, std::size_t le) {
    std::size_t first = 0;
    const int indent = indentation(c, le, first);
    if (first >= le) {
      close_leaf();
      return;
    }
    if (indent >= 4 && leaf_ != Leaf::paragraph) {
      close_leaf();
      leaf_ = Leaf::indented;
      blank(out_, c.pos, le);
      return;
    }
    if (indent < 4) {
      if (thematic_break(first, le)) {
        close_leaf();
        blank(out_, first, le);
        return;
      }
      if (const int level = atx_level(first, le); level > 0) {
        close_leaf();
        atx_heading(first, le, level);
        return;
      }
      if (const auto fence = fence_open(first, le)) {
        close_leaf();
        fence_ = *fence;
        leaf_ = Leaf::fenced;
        blank(out_, first, le);
        return;
      }
      const int html = html_start(first, le);
      if (html != 0 && (html != 7 || leaf_ != Leaf::paragraph)) {
        close_leaf();
        html_type_ = html;
        if (html <= 5) {
          blank(out_, first, le);
          leaf_ = html_end_on_line(first, le) ? Leaf::none : Leaf::html_raw;
        } else {
          leaf_ = Leaf::html_text;
          para_begin_ = first;
          para_end_ = le;
        }
        return;
      }
    }
    if (leaf_ == Leaf::table) {
      table_cells(first, le, true);
      return;
    }
    if (leaf_ == Leaf::paragraph && para_lines_ == 1 && delimiter_row(first, le) &&
        src_.substr(para_begin_, para_end_ - para_begin_).find('|') != std::string_view::npos &&
        table_cells(para_begin_, para_end_, false) == table_cells(first, le, false)) {
      leaf_ = Leaf::none;  // the paragraph line was a table header
      table_cells(para_begin_, para_end_, true);
      blank(out_, first, le);
      leaf_ = Leaf::table;
      return;
    }
    if (leaf_ != Leaf::paragraph && reference_definition(first, le)) return;
    add_paragraph_line(first, le);
  }

  std::string_view src_;
  std::string& out_;
  std::vector<Container> containers_;
  std::vector<Block> blocks_;
  std::set<std::string> labels_;
  Leaf leaf_ = Leaf::none;
  Fence fence_;
  int html_type_ = 0;
  std::size_t para_begin_ = 0, para_end_ = 0;
  int para_lines_ = 0;
  std::string lang_;
};

bool has_copy(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return !is_blank_char(c) && c != '\n'; });
}

}  // namespace

void extract_markdown_runs(Asset& asset) {
  asset.runs.clear();
  std::string masked = asset.text;
  BlockMasker masker(asset.text, masked);
  masker.run();

  // Front matter `lang` is the language of every run (as an HTML lang attribute is for its
  // element), overriding the channel's locale.
  std::string lang = masker.lang().substr(0, masker.lang().find_first_of("-_"));
  std::transform(lang.begin(), lang.end(), lang.begin(), ascii_lower);
  std::vector<Block>& blocks = masker.blocks();
  std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.begin < b.begin; });
  const auto add_run = [&](std::size_t begin, std::size_t end, const char* scope) {
    const std::string_view text = std::string_view(masked).substr(begin, end - begin);
    if (!has_copy(text)) return;
    TextRun run;
    run.text = std::string(text);
    run.source_offset = begin;
    run.scope = scope;
    run.lang = lang;
    asset.runs.push_back(std::move(run));
  };
  std::vector<Span> alts;
  for (const Block& block : blocks) {
    alts.clear();
    markdown::mask_inlines(masked, block.begin, block.end, block.mode, masker.labels(), alts);
    // Alt text is read by screen readers, not in the flow of the paragraph: its own run, and
    // blanked in the paragraph's so each word is checked once.
    for (const Span& alt : alts) add_run(alt.begin, alt.end, "alt");
    for (const Span& alt : alts) blank(masked, alt.begin, alt.end);
    add_run(block.begin, block.end, block.scope);
  }
  // Alt runs were emitted before their paragraph; order everything by position.
  const auto by_offset = [](const TextRun& a, const TextRun& b) { return a.source_offset < b.source_offset; };
  if (!std::is_sorted(asset.runs.begin(), asset.runs.end(), by_offset)) {
    std::stable_sort(asset.runs.begin(), asset.runs.end(), by_offset);
  }
}

}  // namespace brandlint
