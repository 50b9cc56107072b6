// CachedSource is the read-through crawl::Source: it answers from the Store
// what is fresh and complete enough, sends the rest to the network source in
// ONE inner Fetch per level (batching kept), and writes what comes back in
// one transaction per level. Offline it never touches the network and names
// what is missing. Not thread-safe; one per crawl, like the source it wraps.
//
// Revalidation of stale nodes. Over REST a stale node is fetched again,
// cheaply: the client revalidates with If-None-Match from the store's
// validators (SqliteValidatorCache), so unchanged answers are 304s. Over
// GraphQL a crawl::FreshnessProbe asks every stale node of a level in one
// batched query for its `updatedAt` and the `totalCount` of its linking
// connections; nodes whose stamp matches are confirmed without a refetch,
// only the changed ones are fetched. A probe ReportCache made earlier in
// the same run left its findings in the store (StoredNode::probed_by):
// those nodes are not probed twice.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "crawl/source.h"
#include "model/error.h"
#include "model/graph.h"
#include "store/node_table.h"
#include "store/report_cache.h"
#include "store/store.h"

namespace issuegraph::store {

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
  // This run's name (ReportCache::run): a node its probe confirmed is fresh
  // whatever its age and max_age; one it found changed is fetched unprobed.
  std::string run;
};

class CachedSource : public crawl::Source {
 public:
  // `inner` (not owned) may be null: then the source is offline. `probe`
  // (not owned, may be null) revalidates stale nodes before refetching.
  // `log` (not owned, may be null) is told every stored row an answer came
  // from, and spoilt when an answer did not come from one.
  CachedSource(Store& store, crawl::Source* inner, CachedSourceOptions options,
               crawl::FreshnessProbe* probe = nullptr, RowLog* log = nullptr);

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

 private:
  bool Offline() const { return options_.offline || inner_ == nullptr; }
  // Fetch's answers before summary requests are cut to summaries.
  std::vector<Result<Node>> Answer(const std::vector<crawl::FetchRequest>& batch);
  void Note(std::string notice);
  void Spoil();
  void Member(ReportMember::Kind kind, std::string key, int64_t revision);
  // `asked` answered by the stored node `key` (an alias when they differ).
  void NodeMember(const std::string& asked, const std::string& key, int64_t revision);

  Store& store_;
  crawl::Source* inner_;
  CachedSourceOptions options_;
  crawl::FreshnessProbe* probe_;
  RowLog* log_;
  std::optional<Error> network_failure_;  // set once the network failed this crawl
  int64_t hits_ = 0;
  int64_t misses_ = 0;
  std::vector<std::string> truncated_;
  std::vector<std::string> notices_;
};

}  // namespace issuegraph::store
