// CachedSource is the read-through crawl::Source: it answers from the Store
// what is fresh and complete enough, sends the rest to the network source in
// ONE inner Fetch per level (batching kept), and writes what comes back in
// one transaction per level. Offline it never touches the network and names
// what is missing. Not thread-safe; one per crawl, like the source it wraps.
//
// Revalidation of stale nodes. Today a stale node is fetched again through
// the inner source; over REST that is cheap because the client revalidates
// with If-None-Match from the store's validators (SqliteValidatorCache), so
// unchanged answers are 304s. The cheaper way, for GraphQL, is a
// FreshnessProbe: one batched query asking every stale node's `updatedAt`
// and the `totalCount` of its linking connections (timelineItems over the
// linking item types, closedByPullRequestsReferences / closingIssuesReferences,
// subIssues) -- `updatedAt` alone misses a new closing reference, which adds
// a timeline item to the target without touching it. Nodes whose stamp
// matches are confirmed without a refetch; only the changed ones are fetched.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "crawl/source.h"
#include "model/error.h"
#include "model/graph.h"
#include "store/node_table.h"
#include "store/store.h"

namespace issuegraph::store {

// Asks the network, cheaply and in bulk, whether stored nodes changed.
// Implemented beside the GraphQL source (one aliased query per ~100 refs).
class FreshnessProbe {
 public:
  virtual ~FreshnessProbe() = default;
  // One stamp per ref, in order: updatedAt and the linking-connection count
  // the network reports now. An error means "do not know": the node is
  // fetched again.
  virtual std::vector<Result<NodeStamp>> Probe(const std::vector<IssueRef>& refs) = 0;
  // The stamp that a probe would have returned when `node` was fetched, as
  // far as the node tells (its updated_at; the link count when the node
  // holds its timeline, else -1). Stored with every node the inner source
  // returns, so the first revalidation already has something to compare.
  virtual NodeStamp StampOf(const Node& node) const = 0;
};

// What one probe of stored nodes found, by key.
struct Revalidation {
  std::vector<std::string> confirmed;  // unchanged: touched, fresh again, same revision
  std::vector<std::string> changed;    // changed, or the probe could not tell
};

// Probes the stale stored nodes in one call (the probe batches them) and
// touches the unchanged ones; a changed node stays stale for a crawl to
// refetch (CachedSourceOptions::revalidated saves it a second probe).
Result<Revalidation> ConfirmUnchanged(Store& store, std::string_view scope,
                                      const std::vector<StoredNode>& stale, FreshnessProbe& probe);

struct CachedSourceOptions {
  // Names the API the nodes come from (e.g. ApiLocation::rest, "https://
  // api.github.com"): github.com, an Enterprise server and a local test
  // server never answer for each other.
  std::string scope;
  std::chrono::seconds max_age{600};  // a node fetched longer ago is stale
  bool refresh = false;               // treat every stored node as stale
  bool offline = false;               // never call the inner source
  // Whether the inner source sends a token. Refusals (404, 403, 410) are
  // remembered like nodes, but replayed only to runs with the same
  // credentials: a token may open what an anonymous run could not see.
  bool authenticated = false;
  // A probe earlier in this run (ConfirmUnchanged): its confirmed nodes are
  // fresh whatever their age and --max-age, its changed ones are fetched
  // without probing them again.
  Revalidation revalidated;
};

class CachedSource : public crawl::Source {
 public:
  // `inner` (not owned) may be null: then the source is offline. `probe`
  // (not owned, may be null) revalidates stale nodes before refetching.
  CachedSource(Store& store, crawl::Source* inner, CachedSourceOptions options,
               FreshnessProbe* probe = nullptr);

  // A request is served from the store, with no request, when the stored
  // node is fresh and complete enough: a kFull request needs a complete (or
  // deleted) node, a kSummary request takes any, cut to what a summary
  // fetch gives (no thread; the links of its text and its parent). A refusal the network
  // gave (not found, forbidden, gone) is remembered and replayed by the
  // same rules, so a warm rerun asks nothing. Offline, anything stored is
  // served whatever its age; a kFull request answered by a summary is
  // listed in stats.truncated; a missing node is a kNotFound error saying
  // so. Online, when the network fails (kNetwork, kServer, kRateLimited)
  // for a node the store holds, the stored node is served and a notice
  // says so; the network is not asked again during this crawl (stored
  // nodes answer, missing ones get that failure).
  std::vector<Result<Node>> Fetch(const std::vector<crawl::FetchRequest>& batch) override;
  // The inner source's counters, plus cache_hits and cache_misses.
  void AddStats(CrawlStats& stats) const override;

  // One sentence each, for stderr: stale answers, store write failures.
  const std::vector<std::string>& notices() const { return notices_; }

  // Every stored row the answers so far came from (nodes, remembered
  // failures, the aliases that led to them) with the revision read or
  // written, sorted; nullopt when some answer is not in the store as
  // given (offline, a network failure, an error not remembered, a failed
  // write). A report made from these answers may be served again while
  // the rows stay as they are (Store::FindServableReport).
  std::optional<std::vector<ReportMember>> members() const;

 private:
  bool Offline() const { return options_.offline || inner_ == nullptr; }
  // Fetch's answers before summary requests are cut to summaries.
  std::vector<Result<Node>> Answer(const std::vector<crawl::FetchRequest>& batch);
  void Note(std::string notice);
  void Member(ReportMember::Kind kind, std::string key, int64_t revision);
  // `asked` answered by the stored node `key` (an alias when they differ).
  void NodeMember(const std::string& asked, const std::string& key, int64_t revision);

  Store& store_;
  crawl::Source* inner_;
  CachedSourceOptions options_;
  FreshnessProbe* probe_;
  std::optional<Error> network_failure_;  // set once the network failed this crawl
  int64_t hits_ = 0;
  int64_t misses_ = 0;
  std::vector<std::string> truncated_;
  std::vector<std::string> notices_;
  std::vector<ReportMember> members_;
  std::unordered_set<std::string> confirmed_;  // options_.revalidated, for lookups
  std::unordered_set<std::string> changed_;
  bool reproducible_ = true;  // every answer so far came from a stored row
};

}  // namespace issuegraph::store
