#include "analyze/linked.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

constexpr int kIndirectRank = 100;
constexpr int kMentionedByRank = 7;

struct Relation {
  std::string_view kind;  // the JSON enum (LinkedItem::relation_kind)
  int rank = kIndirectRank;  // lower is stronger
};

// From the root's side: `kind` names how the row stands to the root, the
// same whichever end the edge was read from.
Relation RelationOf(EdgeKind kind, bool from_root) {
  switch (kind) {
    case EdgeKind::kCloses:
      return from_root ? Relation{"closes", 0} : Relation{kRelationClosedBy, 0};
    case EdgeKind::kConnected:
      return {kRelationConnected, 1};
    case EdgeKind::kDuplicateOf:
      return from_root ? Relation{kRelationDuplicateOf, 2} : Relation{kRelationDuplicatedBy, 3};
    case EdgeKind::kSubIssueOf:
      return from_root ? Relation{"sub_issue_of", 4} : Relation{"parent_of", 5};
    case EdgeKind::kReferencedByCommit:
      return from_root ? Relation{"references_by_commit", 6} : Relation{"referenced_by_commit", 6};
    case EdgeKind::kCrossReferenced:
    case EdgeKind::kMentions:
      return from_root ? Relation{"mentions", 8} : Relation{"mentioned_by", kMentionedByRank};
  }
  return {};
}

struct Direct {
  Relation relation;
  const Edge* edge = nullptr;
};

// Breadth-first from the root, edges followed either way, each node's
// neighbours in key order (so the walk, and every "via" it yields, is
// deterministic).
class Walk {
 public:
  Walk(const Graph& graph, NodeId root) : root_(root) {
    const std::vector<NodeId> ids = graph.IdsInKeyOrder();
    std::vector<size_t> rank(ids.size());  // by id: its place in key order
    for (size_t i = 0; i < ids.size(); ++i) rank[ids[i]] = i;
    std::vector<std::vector<std::pair<NodeId, const Edge*>>> adjacent(ids.size());
    for (const Edge& edge : graph.edges()) {
      if (edge.from == edge.to) continue;
      adjacent[edge.from].emplace_back(edge.to, &edge);
      adjacent[edge.to].emplace_back(edge.from, &edge);
    }
    for (auto& list : adjacent) {
      std::stable_sort(list.begin(), list.end(),
                       [&](const auto& x, const auto& y) { return rank[x.first] < rank[y.first]; });
    }
    distance_.assign(ids.size(), -1);
    parent_.assign(ids.size(), kNoNode);
    parent_edge_.assign(ids.size(), nullptr);
    distance_[root_] = 0;
    std::deque<NodeId> queue{root_};
    while (!queue.empty()) {
      NodeId current = queue.front();
      queue.pop_front();
      for (const auto& [next, edge] : adjacent[current]) {
        if (distance_[next] >= 0) continue;
        distance_[next] = distance_[current] + 1;
        parent_[next] = current;
        parent_edge_[next] = edge;
        queue.push_back(next);
      }
    }
  }

  // Hops from the root; nullopt when the walk never reached `id`.
  std::optional<int> Distance(NodeId id) const {
    if (distance_[id] < 0) return std::nullopt;
    return distance_[id];
  }

  // The node `id` was reached from; kNoNode for the root and unreached nodes.
  NodeId Parent(NodeId id) const { return parent_[id]; }

  // The first edge on the path from the root to `id`: what ties it to the root.
  const Edge* FirstEdge(NodeId id) const {
    if (parent_[id] == kNoNode) return nullptr;
    NodeId hop = id;
    while (parent_[hop] != kNoNode && parent_[hop] != root_) hop = parent_[hop];
    return parent_edge_[hop];
  }

 private:
  NodeId root_;
  std::vector<int> distance_;  // -1: not reached
  std::vector<NodeId> parent_;
  std::vector<const Edge*> parent_edge_;
};

using SortKey = std::tuple<int, int, bool, std::string, int64_t, std::string>;

}  // namespace

std::string RelationWords(std::string_view kind, std::string_view ref) {
  const std::string other(ref);
  if (kind == kRelationClosedBy) return other + " closes this";
  if (kind == "closes") return "closes " + other;
  if (kind == kRelationConnected) return "connected with " + other;
  if (kind == kRelationDuplicateOf) return "duplicate of " + other;
  if (kind == kRelationDuplicatedBy) return other + " is a duplicate of this";
  if (kind == "sub_issue_of") return "sub-issue of " + other;
  if (kind == "parent_of") return other + " is a sub-issue of this";
  if (kind == "references_by_commit") return "references " + other + " in a commit";
  if (kind == "referenced_by_commit") return other + " references this in a commit";
  if (kind == "mentions") return "mentions " + other;
  if (kind == "mentioned_by") return other + " mentions this";
  return std::string(kind);
}

LinkedLists FindLinked(const Graph& graph) {
  LinkedLists lists;
  const Node* root = graph.RootNode();
  if (root == nullptr) return lists;
  const NodeId root_id = graph.root();

  std::map<NodeId, Direct> direct;
  std::vector<bool> pull_like(graph.id_count(), false);  // unfetched ends only a pull can be
  std::vector<bool> linked(pull_like.size(), false);
  for (const Edge& edge : graph.edges()) {
    if (edge.from == edge.to) continue;
    linked[edge.from] = linked[edge.to] = true;
    if (edge.kind == EdgeKind::kCloses || edge.kind == EdgeKind::kConnected ||
        edge.kind == EdgeKind::kReferencedByCommit) {
      pull_like[edge.from] = true;
    }
    if (edge.from != root_id && edge.to != root_id) continue;
    bool from_root = edge.from == root_id;
    const NodeId other = from_root ? edge.to : edge.from;
    Relation relation = RelationOf(edge.kind, from_root);
    auto it = direct.find(other);
    if (it == direct.end() || relation.rank < it->second.relation.rank) {
      direct[other] = Direct{relation, &edge};
    }
  }

  Walk walk(graph, root_id);
  const std::string root_repo = root->ref.RepoKey();
  // Rows are sorted by key and index, then moved once into place.
  std::vector<LinkedItem> items;
  std::vector<std::pair<SortKey, size_t>> pulls;
  std::vector<std::pair<SortKey, size_t>> issues;
  for (const NodeId id : graph.IdsInKeyOrder()) {
    const Node* node = graph.Get(id);
    if (id == root_id || (node == nullptr && !linked[id])) continue;
    const std::string& key = graph.Key(id);
    const IssueRef& ref = graph.Ref(id);
    LinkedItem item;
    item.key = key;
    item.ref_text = RelativeRefText(root->ref, ref);
    item.full_ref = node != nullptr ? node->ref.Text() : ref.Text();  // as nodes[].ref spells it
    item.fetched = node != nullptr && !node->deleted;
    if (node != nullptr) {
      item.title = node->title;
      item.url = node->url.empty() ? node->ref.HtmlUrl() : node->url;
      item.type = node->type;
      item.state = node->state;
      item.state_reason = node->deleted ? "deleted" : node->state_reason;
      item.merged_at = node->merged_at;
      item.author = node->author;
      item.draft = node->draft;
      item.depth = node->depth;
    } else {
      item.url = ref.HtmlUrl();
      item.type = pull_like[id] ? NodeType::kPull : NodeType::kIssue;
    }
    if (auto distance = walk.Distance(id)) {
      if (node == nullptr || node->depth == 0) item.depth = *distance;
    }
    int rank = kIndirectRank;
    // Closed as a duplicate, marked on its own timeline (read only one
    // level deeper), and it names the root and no other canonical item:
    // it is a duplicate of the root, at every depth.
    if (auto it = direct.find(id); it != direct.end() && it->second.relation.rank == kMentionedByRank &&
                                   node != nullptr && node->state_reason == "duplicate") {
      const bool elsewhere = std::ranges::any_of(graph.Out(id), [&](const Edge& edge) {
        return edge.kind == EdgeKind::kDuplicateOf && edge.to != root_id;
      });
      if (!elsewhere) it->second.relation = Relation{kRelationDuplicatedBy, 3};
    }
    if (auto it = direct.find(id); it != direct.end()) {
      item.relation_kind = std::string(it->second.relation.kind);
      item.relation = RelationWords(item.relation_kind, item.ref_text);
      item.source = it->second.edge->provenance;
      rank = it->second.relation.rank;
    } else if (const NodeId parent = walk.Parent(id); parent != kNoNode) {
      item.relation_kind = "via";
      item.via = graph.Ref(parent).Text();
      item.relation = "via " + RelativeRefText(root->ref, graph.Ref(parent));
      // The path's first edge is what ties this row to the root.
      if (const Edge* edge = walk.FirstEdge(id)) item.source = edge->provenance;
    } else {
      item.relation_kind = "linked";
      item.relation = "linked";
    }
    std::string repo = ref.RepoKey();
    bool other_repo = repo != root_repo;
    if (item.type == NodeType::kPull) {
      int pull_rank = rank == 0 ? 0 : rank == 1 ? 1 : rank < kIndirectRank ? 2 : 3;
      pulls.emplace_back(SortKey{pull_rank, 0, other_repo, std::move(repo), ref.number, key},
                         items.size());
    } else {
      issues.emplace_back(SortKey{rank, item.depth, other_repo, std::move(repo), ref.number, key},
                          items.size());
    }
    items.push_back(std::move(item));
  }
  // Keys are unique, so the order is total and the same on every run.
  std::sort(pulls.begin(), pulls.end());
  std::sort(issues.begin(), issues.end());
  lists.pulls.reserve(pulls.size());
  lists.issues.reserve(issues.size());
  for (const auto& [sort_key, index] : pulls) lists.pulls.push_back(std::move(items[index]));
  for (const auto& [sort_key, index] : issues) lists.issues.push_back(std::move(items[index]));
  return lists;
}

}  // namespace issuegraph::analyze
