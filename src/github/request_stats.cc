#include "github/request_stats.h"

namespace issuegraph::github {

void AddRequestStats(std::string_view api, const http::ClientStats& client,
                     const std::map<std::string, int64_t>& requests_by_kind,
                     const std::vector<std::string>& truncated, CrawlStats& stats) {
  stats.api = std::string(api);
  stats.requests += client.requests;
  stats.retries += client.retries;
  stats.waited_ms += client.waited_ms;
  stats.bytes += client.bytes;
  for (const auto& [kind, count] : requests_by_kind) stats.requests_by_kind[kind] += count;
  stats.truncated.insert(stats.truncated.end(), truncated.begin(), truncated.end());
}

}  // namespace issuegraph::github
