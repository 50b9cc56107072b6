#include "model/graph.h"
#include "model/ascii.h"

#include <algorithm>
#include <iterator>

namespace issuegraph {

std::string_view NodeTypeName(NodeType type) { return type == NodeType::kPull ? "pull" : "issue"; }

std::string_view NodeStateName(NodeState state) {
  switch (state) {
    case NodeState::kOpen: return "open";
    case NodeState::kClosed: return "closed";
    case NodeState::kMerged: return "merged";
  }
  return "open";
}

std::string_view EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kMentions: return "mentions";
    case EdgeKind::kCloses: return "closes";
    case EdgeKind::kCrossReferenced: return "cross_referenced";
    case EdgeKind::kConnected: return "connected";
    case EdgeKind::kDuplicateOf: return "duplicate_of";
    case EdgeKind::kSubIssueOf: return "sub_issue_of";
    case EdgeKind::kReferencedByCommit: return "referenced_by_commit";
  }
  return "mentions";
}

std::string Provenance::Text() const {
  switch (where) {
    case Where::kBody: return node + " (body)";
    case Where::kComment: return node + " (comment " + id + ")";
    case Where::kEvent: return node + " (event " + id + ")";
  }
  return node;
}

NodeId Graph::Intern(const IssueRef& ref) {
  std::string key = ref.Key();
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
  const auto id = static_cast<NodeId>(entries_.size());
  by_key_.emplace(key, id);
  // Until it is fetched, GitHub has not said how an item is spelled: it is
  // known by its key.
  IssueRef keyed = ref;
  keyed.owner = LowerAscii(ref.owner);
  keyed.repo = LowerAscii(ref.repo);
  entries_.push_back(Entry{std::move(keyed), std::move(key), std::nullopt, {}, {}});
  return id;
}

Node& Graph::Add(Node node) {
  Entry& entry = entries_[Intern(node.ref)];
  if (!entry.node) ++fetched_;
  entry.ref = node.ref;
  entry.node = std::move(node);
  return *entry.node;
}

const std::string& Graph::RootKey() const {
  static const std::string kNone;
  return root_ == kNoNode ? kNone : Key(root_);
}

std::optional<NodeId> Graph::IdOf(std::string_view key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

const Node* Graph::Find(std::string_view key) const {
  auto id = IdOf(key);
  return id ? Get(*id) : nullptr;
}

Node* Graph::FindMutable(std::string_view key) {
  auto id = IdOf(key);
  if (!id || !entries_[*id].node) return nullptr;
  return &*entries_[*id].node;
}

std::string Graph::Display(NodeId id) const {
  const Node* node = Get(id);
  return node != nullptr ? node->ref.Text() : Key(id);
}

bool Graph::AddEdge(Edge edge) {
  if (!edge_set_.emplace(edge.from, edge.to, edge.kind).second) return false;
  const size_t index = edges_.size();
  entries_.at(edge.from).out.push_back(index);
  entries_.at(edge.to).in.push_back(index);
  edges_.push_back(std::move(edge));
  return true;
}

bool Graph::AddEdge(const Link& link) {
  Edge edge;
  edge.from = Intern(link.from);
  edge.to = Intern(link.to);
  edge.kind = link.kind;
  edge.provenance = link.provenance;
  return AddEdge(std::move(edge));
}

std::vector<const Edge*> Graph::Touching(NodeId id) const {
  const Entry& entry = entries_.at(id);
  std::vector<size_t> indices;
  indices.reserve(entry.out.size() + entry.in.size());
  std::merge(entry.out.begin(), entry.out.end(), entry.in.begin(), entry.in.end(),
             std::back_inserter(indices));
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());  // a loop is both
  std::vector<const Edge*> edges;
  edges.reserve(indices.size());
  for (size_t index : indices) edges.push_back(&edges_[index]);
  return edges;
}

std::vector<NodeId> Graph::IdsInKeyOrder() const {
  std::vector<NodeId> ids;
  ids.reserve(by_key_.size());
  for (const auto& [key, id] : by_key_) ids.push_back(id);
  return ids;
}

std::vector<const Node*> Graph::Nodes() const {
  std::vector<const Node*> nodes;
  nodes.reserve(fetched_);
  for (const auto& [key, id] : by_key_) {
    if (const Node* node = Get(id)) nodes.push_back(node);
  }
  return nodes;
}

}  // namespace issuegraph
