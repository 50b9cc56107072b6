// GraphqlSource reads a whole BFS level in a few batched GraphQL queries:
// per node, its thread and linking events in one connection, closing
// references, parent and sub-issues; long threads are paged to the end, and
// closing commits are resolved to their pulls in one more batched query.
// Needs a token (GitHub refuses anonymous GraphQL). Not thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crawl/source.h"
#include "github/api_location.h"
#include "github/graphql_query.h"
#include "http/client.h"

namespace issuegraph::github {

struct GraphqlOptions {
  ApiLocation api;
  std::string web_host{kPublicHost};
  // Nodes per query. 20 full nodes cost about one point (five connections
  // each, GitHub's formula) and keep responses well inside GitHub's 10 s;
  // summaries are small. See docs/github-access.md.
  int full_batch = 20;
  int summary_batch = 100;
};

class GraphqlSource : public crawl::Source, public crawl::FreshnessProbe {
 public:
  // `fallback` (may be null) is asked once for items GraphQL cannot resolve:
  // GraphQL says only NOT_FOUND, where REST tells deleted (410) from missing.
  GraphqlSource(http::Client& client, GraphqlOptions options, crawl::Source* fallback = nullptr);

  std::vector<Result<Node>> Fetch(const std::vector<crawl::FetchRequest>& batch) override;
  void AddStats(CrawlStats& stats) const override;

  // What GitHub says now of each item, in batched probe queries (100 refs
  // per query document).
  std::vector<Result<crawl::Stamp>> Probe(const std::vector<IssueRef>& refs) override;
  crawl::Stamp StampOf(const Node& node) const override;
  // The link count of a node this source fetched in full; -1 for a node
  // that does not hold its timeline.
  static int64_t LinkCount(const Node& node);

 private:
  // Sends the documents together; each answer is the response object
  // ({data, errors}) or the error that sank the whole document.
  std::vector<Result<nlohmann::json>> Execute(const std::vector<GraphqlRequest>& requests,
                                              const std::string& kind);
  // A thread longer than its first page: where the next page starts, how
  // many entries lie between the first page and the tail, and the tail.
  struct OpenThread {
    Node* node = nullptr;
    std::string after;
    int64_t middle = 0;
    const nlohmann::json* tail = nullptr;  // the last entries, in order
  };
  void PageTimelines(std::vector<OpenThread>& threads);
  std::map<std::string, IssueRef> ResolveCommits(const std::vector<Node*>& nodes);

  http::Client& client_;
  GraphqlOptions options_;
  crawl::Source* fallback_;
  int64_t points_ = 0;
  std::vector<std::string> truncated_;
  std::map<std::string, int64_t> requests_by_kind_;
};

}  // namespace issuegraph::github
