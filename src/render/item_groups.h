// The runs of a text section's items that share one source line, the same
// for every report format: errors and code examples stand one by one, other
// items are grouped while they come from the same place. The groups point
// into the report, which must outlive them. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

#include "model/report.h"

namespace issuegraph::render {

// Items in report order; never empty.
using ItemGroup = std::vector<const ReportItem*>;

// The groups of section `kind` in order; none when the report has no such
// section or it has no items.
std::vector<ItemGroup> GroupSectionItems(const Report& report, SectionKind kind);

// Whether code item `i` of `group` stays under `step`, the list item open
// above it: a step's command, which the step introduces ("1. Build it:")
// or which another step follows. Every format nests it the same way.
bool StaysUnderStep(const ItemGroup& group, size_t i, const ReportItem* step);

}  // namespace issuegraph::render
