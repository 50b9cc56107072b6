// Source is where the crawler gets nodes from: GitHub's APIs, the store, an
// archive. The crawler asks for one BFS level at a time so that a source can
// batch; a source fills each node's `links` with the edges its text and
// timeline reveal. Implementations need not be thread-safe.
#pragma once

#include <vector>

#include "model/error.h"
#include "model/graph.h"
#include "model/issue_ref.h"

namespace issuegraph::crawl {

// kFull: body, comments and timeline (the node will be expanded).
// kSummary: title, state and body only (a leaf at the depth limit).
enum class Detail { kSummary, kFull };

struct FetchRequest {
  IssueRef ref;
  Detail detail = Detail::kFull;
};

class Source {
 public:
  virtual ~Source() = default;
  // One answer per request, in the same order. A failed node is an error
  // value; the crawl goes on with the rest.
  virtual std::vector<Result<Node>> Fetch(const std::vector<FetchRequest>& batch) = 0;
  // Adds this source's counters (requests, bytes, retries, ...) to `stats`.
  virtual void AddStats(CrawlStats& stats) const = 0;
};

}  // namespace issuegraph::crawl
