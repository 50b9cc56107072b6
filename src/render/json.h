// The JSON output contract (docs/json-output.md): root, nodes, edges,
// report and stats with stable keys; fields are only ever added. Pure and
// deterministic: the same graph and report give the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/crawl_stats_json.h"
#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render {

std::string RenderJson(const Report& report, const Graph& graph);

// RenderJson in two parts, for a report stored once and served again with
// the stats of the run that serves it. The body: the whole document but
// its last member, "stats" (a JSON object itself). FinishJson: that body
// with "stats" written from `stats`, `size` and whether this run served a
// stored report as it was; for a body RenderJsonBody wrote and a fresh
// crawl, the bytes RenderJson gives for a graph with those stats.
std::string RenderJsonBody(const Report& report, const Graph& graph);
std::string FinishJson(std::string_view body, const CrawlStats& stats, const GraphSize& size,
                       bool served_from_store = false);

}  // namespace issuegraph::render
