// The crawl's result: nodes (issues and pull requests) with their IssueRef,
// typed edges with the provenance that created them, and the crawl's own
// account of what it did and what it left out. The Graph owns its nodes;
// edges name them by NodeId and are indexed by node. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
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

// A link a source found in one node's text or timeline, naming both ends
// as GitHub does (either end may never be fetched).
struct Link {
  IssueRef from;
  IssueRef to;
  EdgeKind kind = EdgeKind::kMentions;
  Provenance provenance;
};

// A node's handle in its Graph: an index into the graph's node table, valid
// for that graph's life.
using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

struct Edge {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
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
  // into it). The crawler follows them and turns them into the graph's edges.
  std::vector<Link> links;
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
  bool partial = false;
  std::vector<std::string> partial_reasons;   // one sentence each
  std::vector<std::string> left_out;          // keys not fetched because a limit was hit
  std::vector<std::string> beyond_depth;      // keys seen one hop past --depth
  std::vector<std::string> failed;            // "key: message" for nodes that could not be read
  std::vector<std::string> truncated;         // "key: connection (n of total)" cut short
};

// The edges leaving or entering one node, in the order they were added: a
// view into the graph, valid while the graph is not changed.
class EdgeRange {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Edge;
    using difference_type = std::ptrdiff_t;
    using pointer = const Edge*;
    using reference = const Edge&;
    Iterator() = default;
    Iterator(const std::vector<Edge>* edges, std::vector<size_t>::const_iterator at) : edges_(edges), at_(at) {}
    const Edge& operator*() const { return (*edges_)[*at_]; }
    const Edge* operator->() const { return &(*edges_)[*at_]; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at_;
      return before;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }

   private:
    const std::vector<Edge>* edges_ = nullptr;
    std::vector<size_t>::const_iterator at_;
  };

  EdgeRange(const std::vector<Edge>& edges, const std::vector<size_t>& indices)
      : edges_(&edges), indices_(&indices) {}
  Iterator begin() const { return {edges_, indices_->begin()}; }
  Iterator end() const { return {edges_, indices_->end()}; }
  size_t size() const { return indices_->size(); }
  bool empty() const { return indices_->empty(); }

 private:
  const std::vector<Edge>* edges_;
  const std::vector<size_t>* indices_;
};

// The graph indexes what it names: every item (fetched, or only named by an
// edge because it failed or was left out) has one NodeId, its IssueRef and
// its key; edges name their ends by NodeId and are indexed by node, out and
// in, so nothing above this layer turns a key back into a reference.
class Graph {
 public:
  // The id of `ref` (by its key), adding an entry with no fetched node; such
  // an entry's Ref() is spelled as its key until the node is added.
  NodeId Intern(const IssueRef& ref);
  // Adds a fetched node, or fills the entry already named by its key; the
  // returned node stays where it is for the graph's life.
  Node& Add(Node node);
  // Names the root (interning it).
  void SetRoot(const IssueRef& ref) { root_ = Intern(ref); }

  NodeId root() const { return root_; }
  const Node* RootNode() const { return root_ == kNoNode ? nullptr : Get(root_); }
  // The root's key; empty while the graph has no root.
  const std::string& RootKey() const;

  std::optional<NodeId> IdOf(std::string_view key) const;
  const Node* Find(std::string_view key) const;  // a fetched node by key
  Node* FindMutable(std::string_view key);
  const Node* Get(NodeId id) const { return entries_.at(id).node ? &*entries_.at(id).node : nullptr; }
  const IssueRef& Ref(NodeId id) const { return entries_.at(id).ref; }
  const std::string& Key(NodeId id) const { return entries_.at(id).key; }
  // As GitHub spells it (the fetched node's ref), else the key.
  std::string Display(NodeId id) const;

  // Adds the edge unless one with the same (from, to, kind) is there.
  bool AddEdge(Edge edge);
  // The same, interning both ends of a source's link.
  bool AddEdge(const Link& link);
  const std::vector<Edge>& edges() const { return edges_; }
  // The edges leaving / entering a node, in the order they were added.
  EdgeRange Out(NodeId id) const { return {edges_, entries_.at(id).out}; }
  EdgeRange In(NodeId id) const { return {edges_, entries_.at(id).in}; }
  // Both, in the order they were added.
  std::vector<const Edge*> Touching(NodeId id) const;

  // Every id the graph names, fetched or not, in key order.
  std::vector<NodeId> IdsInKeyOrder() const;
  // Fetched nodes, in key order.
  std::vector<const Node*> Nodes() const;
  size_t node_count() const { return fetched_; }
  // Ids run from 0 to id_count() - 1.
  size_t id_count() const { return entries_.size(); }

  CrawlStats stats;

 private:
  struct Entry {
    IssueRef ref;
    std::string key;
    std::optional<Node> node;
    std::vector<size_t> out;
    std::vector<size_t> in;
  };
  std::deque<Entry> entries_;  // a deque: a node added never moves
  std::map<std::string, NodeId, std::less<>> by_key_;
  std::vector<Edge> edges_;
  std::set<std::tuple<NodeId, NodeId, EdgeKind>> edge_set_;
  NodeId root_ = kNoNode;
  size_t fetched_ = 0;
};

}  // namespace issuegraph
