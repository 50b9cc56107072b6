// The runs of a text section's items that share one source line, the same
// for every report format: errors and code examples stand one by one, other
// items are grouped while they come from the same place. The groups point
// into the report, which must outlive them. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "model/report.h"

namespace issuegraph::render {

// Items in report order; never empty.
using ItemGroup = std::vector<const ReportItem*>;

// The groups of section `kind` in order; none when the report has no such
// section or it has no items.
std::vector<ItemGroup> GroupSectionItems(const Report& report, SectionKind kind);

}  // namespace issuegraph::render
