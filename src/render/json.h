// The JSON output contract (DESIGN.md, "JSON output"): root, nodes, edges,
// report and stats with stable keys; fields are only ever added. Pure and
// deterministic: the same graph and report give the same bytes.
#pragma once

#include <string>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render {

std::string RenderJson(const Report& report, const Graph& graph);

}  // namespace issuegraph::render
