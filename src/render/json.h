// The JSON output contract (docs/json-output.md): root, nodes, edges,
// report and stats with stable keys; fields are only ever added. Pure and
// deterministic: the same graph and report give the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render {

std::string RenderJson(const Report& report, const Graph& graph);

// `json`, a report RenderJson wrote, with its "stats" (the last member)
// replaced by `stats` of a graph of `nodes` nodes and `edges` edges: the
// same bytes RenderJson gives for that graph with those stats. A report
// served again from the store tells of the run that served it.
std::string ReplaceJsonStats(std::string_view json, const CrawlStats& stats, size_t nodes,
                             size_t edges);

}  // namespace issuegraph::render
