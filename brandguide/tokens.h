// Reading colours from design-token files: W3C Design Tokens (DTCG, including the 2025.10
// colour object form) and legacy Style Dictionary JSON. Independent of TOML so it can be tested
// on its own; load_palette.cpp turns its errors into guide errors.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "brandguide/brand_guide.h"

namespace brandlint::guide {

struct ColorToken {
  std::string path;  // dotted token path, e.g. "color.brand.primary"
  Rgb rgb;
};

/// A problem in a token file. `line`/`column` are set (1-based) for JSON syntax errors only;
/// other problems concern a token, named in the message.
struct TokenFileError : std::runtime_error {
  TokenFileError(std::string message, std::string suggestion_ = {}, int line_ = 0, int column_ = 0)
      : std::runtime_error(std::move(message)),
        suggestion(std::move(suggestion_)),
        line(line_),
        column(column_) {}
  std::string suggestion;  // closest token path for an alias that names no token
  int line;
  int column;
};

/// Colour tokens whose path matches `select`, in file order, with aliases resolved.
/// `select` is a dotted pattern: `*` matches within one segment, `**` any number of segments;
/// an empty pattern selects every colour token. Tokens typed as something other than a colour
/// are skipped.
std::vector<ColorToken> read_color_tokens(const std::filesystem::path& file,
                                          std::string_view select);

/// Parses token JSON text; `read_color_tokens` reads the file and calls this.
std::vector<ColorToken> parse_color_tokens(std::string_view json_text, std::string_view select);

/// True when the dotted token `path` matches the `select` pattern.
bool token_path_matches(std::string_view select, std::string_view path);

}  // namespace brandlint::guide
