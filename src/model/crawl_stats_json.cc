#include "model/crawl_stats_json.h"

namespace issuegraph {

template <typename Json>
Json CrawlStatsJson(const CrawlStats& stats, const GraphSize* size) {
  Json out;
  out["requests"] = stats.requests;
  out["api"] = stats.api;
  out["partial"] = stats.partial;
  out["partial_reasons"] = stats.partial_reasons;
  if (size != nullptr) {
    out["nodes"] = size->nodes;
    out["edges"] = size->edges;
  }
  out["graphql_points"] = stats.graphql_points;
  out["retries"] = stats.retries;
  out["waited_ms"] = stats.waited_ms;
  out["cache_hits"] = stats.cache_hits;
  out["cache_misses"] = stats.cache_misses;
  out["requests_by_kind"] = stats.requests_by_kind;
  out["bytes"] = stats.bytes;
  out["wall_ms"] = stats.wall_ms;
  out["left_out"] = stats.left_out;
  out["beyond_depth"] = stats.beyond_depth;
  out["failed"] = stats.failed;
  out["truncated"] = stats.truncated;
  return out;
}

template nlohmann::json CrawlStatsJson<nlohmann::json>(const CrawlStats&, const GraphSize*);
template nlohmann::ordered_json CrawlStatsJson<nlohmann::ordered_json>(const CrawlStats&, const GraphSize*);

}  // namespace issuegraph
