// The labelled logo corpus (docs/logo-corpus.md).
//
//   logo_corpus generate OUT [--images N] [--seed S] [--photos DIR|none]
//       writes OUT/{images,required}/*.png|jpg, OUT/labels.json, OUT/brandguide.toml (the two
//       example logos, a require_logo channel), OUT/brandguide-1.toml (the primary logo only)
//       and OUT/brandguide-5.toml (five logos).
//       --photos: sample photos for photographic backgrounds (default: opencv-doc's, when
//       installed; "none" or absent: procedural texture).
//   logo_corpus evaluate OUT/labels.json REPORT.json
//       scores the logo/* findings of `brandlint check OUT --guide OUT/brandguide.toml
//       --format json` against the labels; exit 1 when a class is below 0.95 precision or recall
//       or a current logo is called deprecated.
#include "tools/logo_corpus.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "tools/logo_corpus_eval.h"

namespace fs = std::filesystem;
namespace lc = brandlint::logo_corpus;

namespace {

int usage() {
  std::cerr << "usage: logo_corpus generate OUT [--images N] [--seed S] [--photos DIR|none]\n"
               "       logo_corpus evaluate LABELS.json REPORT.json\n";
  return 2;
}

// The repository: BRANDLINT_SOURCE_DIR when set, else the folder this tool was built from.
fs::path source_dir() {
  if (const char* env = std::getenv("BRANDLINT_SOURCE_DIR"); env && *env) return env;
  return BRANDLINT_SOURCE_DIR;
}

int generate(int argc, char** argv) {
  if (argc < 3) return usage();
  lc::Options options;
  options.source_dir = source_dir();
  options.photos = lc::default_photos();
  const fs::path out = argv[2];
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (arg == "--images") {
      options.images = std::stoi(value);
    } else if (arg == "--seed") {
      options.seed = std::stoull(value);
    } else if (arg == "--photos") {
      options.photos = value == "none" ? fs::path() : fs::path(value);
    } else {
      return usage();
    }
  }
  if (options.images < 1) return usage();
  const lc::Corpus corpus = lc::generate(out, options);
  std::cout << "wrote " << corpus.images.size() << " images, labels.json, "
            << corpus.guide.filename().string() << " and " << corpus.guide_five.filename().string()
            << " into " << out.string() << "\n";
  return 0;
}

int evaluate(int argc, char** argv) {
  if (argc != 4) return usage();
  const lc::Corpus corpus = lc::read_labels(argv[2]);
  std::ifstream in(argv[3], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[3] << "\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto findings = lc::findings_from_report(corpus.images, brandlint::Json::parse(text.str()));
  const lc::Evaluation e = lc::evaluate(corpus.images, {}, findings);
  std::cout << lc::format_evaluation(e, /*with_detection=*/false);
  bool ok = e.deprecated_on_current.empty();
  for (const auto& [cls, t] : e.classes) ok = ok && t.precision() >= 0.95 && t.recall() >= 0.95;
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc >= 2 && std::string(argv[1]) == "generate") return generate(argc, argv);
    if (argc >= 2 && std::string(argv[1]) == "evaluate") return evaluate(argc, argv);
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "logo_corpus: " << e.what() << "\n";
    return 2;
  }
}
