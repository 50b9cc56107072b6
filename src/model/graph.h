// The crawl's result: nodes (issues and pull requests) keyed by IssueRef::Key,
// typed edges with the provenance that created them, and the crawl's own
// account of what it did and what it left out. Plain values; the Graph owns
// its nodes and edges name them by key. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/issue_ref.h"

namespace issuegraph {

enum class NodeType { kIssue, kPull };
enum class NodeState { kOpen, kClosed, kMerged };

std::string_view NodeTypeName(NodeType type);    // "issue" | "pull"
std::string_view NodeStateName(NodeState state);  // "open" | "closed" | "merged"

struct Comment {
  std::string id;  // GitHub's comment id (REST numeric id as text)
  std::string author;
  std::string author_association;  // OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, ...
  std::string created_at;          // ISO 8601, UTC
  std::string body;
  std::string url;  // html_url: https://HOST/O/R/issues/N#issuecomment-ID
};

// A timeline event as GitHub reports it. `other` names the item the event
// points at when the API says so (cross-reference source, closing pull,
// duplicate's canonical, connected subject).
struct Event {
  std::string id;
  std::string type;  // GitHub's event name: cross-referenced, closed, referenced, ...
  std::string actor;
  std::string created_at;
  std::optional<IssueRef> other;
  // Duplicate events name both sides: `subject` is the duplicate, `other`
  // the canonical item. Empty: this node is the duplicate.
  std::optional<IssueRef> subject;
  std::string commit_id;
  std::string commit_repo;  // OWNER/REPO of commit_id; empty: this node's repository
  bool will_close = false;  // cross-reference from a pull that closes this item
};

// Where an edge or an extracted line came from.
struct Provenance {
  enum class Where { kBody, kComment, kEvent };
  std::string node;  // key of the node whose text or timeline holds it
  Where where = Where::kBody;
  std::string id;    // comment or event id; empty for the body
  std::string url;   // a link a person can click

  // "OWNER/REPO#N (body)", "OWNER/REPO#N (comment ID)", "OWNER/REPO#N (event ID)".
  std::string Text() const;
};

enum class EdgeKind {
  kMentions,            // text reference without a closing keyword
  kCloses,              // closing keyword in a pull, or a pull that closed the issue
  kCrossReferenced,     // GitHub's cross-referenced timeline event
  kConnected,           // linked in the Development sidebar
  kDuplicateOf,         // from the duplicate to the canonical item
  kSubIssueOf,          // from the child to the parent
  kReferencedByCommit,  // a commit of `from` referenced `to`
};

std::string_view EdgeKindName(EdgeKind kind);

struct Edge {
  std::string from;  // node keys
  std::string to;
  EdgeKind kind = EdgeKind::kMentions;
  Provenance provenance;
};

struct Node {
  IssueRef ref;
  NodeType type = NodeType::kIssue;
  std::string title;
  std::string body;
  NodeState state = NodeState::kOpen;
  std::string state_reason;  // completed | not_planned | duplicate | reopened | ""
  std::string author;
  std::string author_association;
  std::vector<std::string> labels;
  std::string created_at;
  std::string updated_at;
  std::string closed_at;
  std::string url;
  int64_t comment_count = 0;  // as GitHub counts them, even if not fetched
  std::vector<Comment> comments;
  std::vector<Event> events;
  // Pull requests only.
  bool merged = false;
  std::string merged_at;
  bool draft = false;
  std::string base;
  std::string head;
  // Filled by the source: links this node's text and timeline reveal, in
  // either direction (a cross-reference on this node's timeline is an edge
  // into it). The crawler follows them and moves them into Graph::edges.
  std::vector<Edge> links;
  // How much was fetched: a full node has its comments and timeline.
  bool complete = false;
  bool deleted = false;
  std::vector<std::string> aliases;  // keys the node was known by before a move
  int depth = 0;
};

struct CrawlStats {
  std::string api = "rest";
  int64_t requests = 0;
  int64_t graphql_points = 0;
  int64_t retries = 0;
  int64_t waited_ms = 0;  // time spent waiting out rate limits and back-offs
  std::map<std::string, int64_t> requests_by_kind;  // "issue", "timeline", "graphql_level", ...
  int64_t bytes = 0;
  int64_t wall_ms = 0;
  int64_t cache_hits = 0;    // requests the store answered without the network
  int64_t cache_misses = 0;  // requests passed on to the network (or missing offline)
  // The whole report was a stored one, served as it is: no crawl, no analysis.
  bool served_from_store = false;
  bool partial = false;
  std::vector<std::string> partial_reasons;   // one sentence each
  std::vector<std::string> left_out;          // keys not fetched because a limit was hit
  std::vector<std::string> beyond_depth;      // keys seen one hop past --depth
  std::vector<std::string> failed;            // "key: message" for nodes that could not be read
  std::vector<std::string> truncated;         // "key: connection (n of total)" cut short
};

struct Graph {
  std::string root;  // key of the root node
  std::map<std::string, Node> nodes;
  std::vector<Edge> edges;
  CrawlStats stats;

  const Node* Find(std::string_view key) const;
  // Adds the edge unless one with the same (from, to, kind) is there.
  bool AddEdge(Edge edge);

 private:
  std::set<std::string> edge_keys_;  // "from\x1fto\x1fkind" of every edge
};

}  // namespace issuegraph
