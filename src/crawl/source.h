// Source is where the crawler gets nodes from: GitHub's APIs, the store, an
// archive. The crawler asks for one BFS level at a time so that a source can
// batch; a source fills each node's `links` with the edges its text and
// timeline reveal. Implementations need not be thread-safe.
#pragma once

#include <cstdint>
#include <string>
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

// What the network says of an item now, for telling whether a stored copy
// changed: its updatedAt and how many linking items it has (timeline
// entries of the linking types, closing references, sub-issues).
// updatedAt alone misses a new closing reference, which adds a timeline
// item to the target without touching it.
struct Stamp {
  std::string updated_at;
  int64_t link_count = -1;  // -1: unknown
};

// Asks the network, cheaply and in bulk, whether stored items changed
// (GitHub's GraphQL: one aliased query per ~100 refs). Implemented by the
// GraphQL source; REST revalidates with If-None-Match instead.
class FreshnessProbe {
 public:
  virtual ~FreshnessProbe() = default;
  // One stamp per ref, in order. An error means "do not know": the item
  // is fetched again.
  virtual std::vector<Result<Stamp>> Probe(const std::vector<IssueRef>& refs) = 0;
  // The stamp a probe would have returned when `node` was fetched, as far
  // as the node tells (its updated_at; the link count when it holds its
  // timeline, else -1). Stored with every fetched node, so the first
  // revalidation already has something to compare.
  virtual Stamp StampOf(const Node& node) const = 0;
};

}  // namespace issuegraph::crawl
