// The fix section: the merged pulls that close the root (title and the
// first paragraph of their description), else a closing commit, a
// maintainer's "fixed in …" and proposals: open pulls that would close the
// root, fix sections, and the fix options of an "expected" section. Root
// causes are in root_cause.h, workarounds in workaround.h. Pure;
// thread-safe.
#pragma once

#include <vector>

#include "analyze/thread.h"
#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze {

// The merged closing pulls (title, then the first paragraph of the body),
// else a closing commit, a maintainer's statement that it is fixed, and
// proposals: open pulls that would close the root, fix sections, and the
// fix options of an "expected" section.
std::vector<ReportItem> ExtractFix(const Graph& graph, const Thread& root,
                                   const std::vector<Thread>& merged_fixes);

}  // namespace issuegraph::analyze
