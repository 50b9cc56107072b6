#include "model/graph.h"

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

const Node* Graph::Find(std::string_view key) const {
  auto it = nodes.find(std::string(key));
  return it == nodes.end() ? nullptr : &it->second;
}

bool Graph::AddEdge(Edge edge) {
  std::string key = edge.from + '\x1f' + edge.to + '\x1f' + std::string(EdgeKindName(edge.kind));
  if (!edge_keys_.insert(std::move(key)).second) return false;
  edges.push_back(std::move(edge));
  return true;
}

}  // namespace issuegraph
