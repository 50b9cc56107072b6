// The one place a GitHub source's spending becomes CrawlStats: what its
// HTTP client counted, its requests by kind, and what it had to cut.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/client.h"
#include "model/graph.h"

namespace issuegraph::github {

// Adds to `stats`: the client's requests, retries, waits and bytes,
// `requests_by_kind` and `truncated`; names the API (`graphql`, `rest`).
void AddRequestStats(std::string_view api, const http::ClientStats& client,
                     const std::map<std::string, int64_t>& requests_by_kind,
                     const std::vector<std::string>& truncated, CrawlStats& stats);

}  // namespace issuegraph::github
