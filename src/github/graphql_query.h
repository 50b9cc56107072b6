// The GraphQL documents issuegraph sends, built in one place so every shape
// can be listed (AllQueryShapes) and validated against GitHub's published
// schema in the test suite. Values travel as variables, never spliced into
// the document. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "crawl/source.h"
#include "model/issue_ref.h"

namespace issuegraph::github {

struct GraphqlRequest {
  std::string query;
  nlohmann::json variables = nlohmann::json::object();
  std::string Body() const;  // {"query": ..., "variables": ...}
};

// Nodes of one BFS level: alias n<i> for batch[i]. Full nodes bring their
// first page of comments and linking timeline items, closing references,
// parent and sub-issues; summaries only what a table row needs.
GraphqlRequest LevelQuery(const std::vector<crawl::FetchRequest>& batch);

// The next page of one node's timeline (comments and linking events), for
// several nodes at once: alias p<i> for pages[i].
struct PageRequest {
  IssueRef ref;
  std::string after;  // endCursor of the previous page
};
GraphqlRequest TimelinePagesQuery(const std::vector<PageRequest>& pages);

// The pull requests of commits (closing or referencing commits): alias c<i>.
struct CommitRequest {
  std::string owner;
  std::string repo;
  std::string oid;
};
GraphqlRequest CommitPullsQuery(const std::vector<CommitRequest>& commits);

// Freshness of stored nodes, cheaply: per ref (alias n<i>) its updatedAt and
// the totalCount of its linking connections, no content.
GraphqlRequest ProbeQuery(const std::vector<IssueRef>& refs);

// One example of every document shape the client can send, for validation.
std::vector<GraphqlRequest> AllQueryShapes();

inline constexpr int kTimelinePageSize = 100;  // GitHub's maximum for a connection
inline constexpr int kClosingRefsPageSize = 25;
inline constexpr int kSubIssuesPageSize = 50;

}  // namespace issuegraph::github
