#include "rules/docs.h"

namespace brandlint::rules {

std::string_view find_rule_doc(std::string_view path) {
  for (const RuleDoc& doc : rule_docs()) {
    if (doc.path == path) return doc.markdown;
  }
  return {};
}

}  // namespace brandlint::rules
