// The sections a reader acts on: root cause, fix and workarounds, read from
// the root's thread, its canonical item's thread when it is a duplicate, and
// the pulls that fix it. Maintainers' words and workarounds that later
// replies confirm come first. Pure; thread-safe.
#pragma once

#include <vector>

#include "analyze/thread.h"
#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze {

// Root-cause and analysis sections of the thread, maintainers' comments
// explaining the cause, and the cause as described by merged closing pulls.
std::vector<ReportItem> ExtractRootCause(const Thread& root,
                                         const std::vector<Thread>& merged_fixes);

// The merged closing pulls (title, then the first paragraph of the body),
// else a closing commit, else proposals: open pulls that would close the
// root, fix sections, and the fix options of an "expected" section.
std::vector<ReportItem> ExtractFix(const Graph& graph, const Thread& root,
                                   const std::vector<Thread>& merged_fixes);

// Workaround sections and comments with workaround cues, from the root's
// thread and then `related` threads; each counts later replies by others
// that say it worked. Ordered: maintainers' and confirmed ones first; at
// most eight workarounds.
std::vector<ReportItem> ExtractWorkarounds(const Thread& root,
                                           const std::vector<const Thread*>& related);

}  // namespace issuegraph::analyze
