// The status line: one sentence on where the root stands, inferred from its
// state and the graph, and the provenance it rests on. A fix is claimed only
// on a merged pull that closes the root; a maintainer's "fixed in …" or a
// closing commit is reported as such. Pure; thread-safe.
#pragma once

#include <string>

#include "analyze/thread.h"
#include "model/graph.h"

namespace issuegraph::analyze {

struct StatusLine {
  std::string text;
  Provenance source;
};

// `root_thread` is the root's parsed conversation (for maintainers'
// statements); `workaround_known` appends "; a workaround is known".
StatusLine InferStatus(const Graph& graph, const Thread& root_thread, bool workaround_known);

}  // namespace issuegraph::analyze
