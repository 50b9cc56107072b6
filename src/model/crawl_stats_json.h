// The one writer of CrawlStats as JSON, for the JSON report's "stats"
// (docs/json-output.md) and for archives and stored reports. Readers stay
// with their formats (store/graph_json.h reads what the store wrote).
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "model/graph.h"

namespace issuegraph {

// The graph's size, which the JSON report's "stats" tells besides the
// crawl's counters.
struct GraphSize {
  size_t nodes = 0;
  size_t edges = 0;
};

// `stats` as a JSON object, keys in the report's documented order; with
// `size`, its two fields too (after partial_reasons). Json: nlohmann::json
// or nlohmann::ordered_json.
template <typename Json>
Json CrawlStatsJson(const CrawlStats& stats, const GraphSize* size = nullptr);

}  // namespace issuegraph
