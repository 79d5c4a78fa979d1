// The one table of rules. Adding a rule: rules/<domain>/<rule>.cpp and .md, one line in
// registry.cpp (alphabetical by id), fixtures/<domain>/<rule>/. tests/registry_test.cpp checks all four.
#pragma once

#include <span>

#include "linter/rule.h"

namespace brandlint::rules {

/// Every rule, sorted by id.
std::span<const RuleEntry> registry();

}  // namespace brandlint::rules
