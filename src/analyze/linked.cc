#include "analyze/linked.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

constexpr int kIndirectRank = 100;

struct Relation {
  std::string_view name;
  int rank = kIndirectRank;  // lower is stronger
};

Relation RelationOf(EdgeKind kind, bool from_root) {
  switch (kind) {
    case EdgeKind::kCloses:
      return {kRelationCloses, 0};
    case EdgeKind::kConnected:
      return {kRelationConnected, 1};
    case EdgeKind::kDuplicateOf:
      return from_root ? Relation{kRelationDuplicateOf, 2} : Relation{kRelationDuplicates, 3};
    case EdgeKind::kSubIssueOf:
      return from_root ? Relation{"parent", 4} : Relation{"sub-issue", 5};
    case EdgeKind::kReferencedByCommit:
      return from_root ? Relation{"references by commit", 6} : Relation{"referenced by commit", 6};
    case EdgeKind::kCrossReferenced:
    case EdgeKind::kMentions:
      return from_root ? Relation{"mentions", 8} : Relation{"mentioned by", 7};
  }
  return {};
}

struct Direct {
  Relation relation;
  const Edge* edge = nullptr;
};

// Follows moves: an edge may name a node by a key it had before a rename.
class KeyMap {
 public:
  explicit KeyMap(const Graph& graph) {
    for (const auto& [key, node] : graph.nodes) {
      for (const std::string& alias : node.aliases) aliases_.emplace(alias, key);
    }
  }
  const std::string& Canonical(const std::string& key) const {
    auto it = aliases_.find(key);
    return it == aliases_.end() ? key : it->second;
  }

 private:
  std::map<std::string, std::string> aliases_;
};

// Breadth-first from the root over canonical keys, edges followed either
// way, each node's neighbours in key order (so the walk, and every "via"
// it yields, is deterministic). Keys are numbered in sorted order.
class Walk {
 public:
  Walk(const Graph& graph, const KeyMap& keys, const std::string& root) {
    for (const Edge& edge : graph.edges) {
      const std::string& from = keys.Canonical(edge.from);
      const std::string& to = keys.Canonical(edge.to);
      if (from == to) continue;
      keys_.push_back(from);
      keys_.push_back(to);
    }
    keys_.push_back(root);
    std::sort(keys_.begin(), keys_.end());
    keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
    std::vector<std::vector<std::pair<size_t, const Edge*>>> adjacent(keys_.size());
    for (const Edge& edge : graph.edges) {
      const std::string& from = keys.Canonical(edge.from);
      const std::string& to = keys.Canonical(edge.to);
      if (from == to) continue;
      size_t a = *IndexOf(from);
      size_t b = *IndexOf(to);
      adjacent[a].emplace_back(b, &edge);
      adjacent[b].emplace_back(a, &edge);
    }
    for (auto& list : adjacent) {
      std::stable_sort(list.begin(), list.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
    }
    distance_.assign(keys_.size(), -1);
    parent_.assign(keys_.size(), kNone);
    parent_edge_.assign(keys_.size(), nullptr);
    root_ = *IndexOf(root);
    distance_[root_] = 0;
    std::deque<size_t> queue{root_};
    while (!queue.empty()) {
      size_t current = queue.front();
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

  // Hops from the root; nullopt when the walk never reached `key`.
  std::optional<int> Distance(std::string_view key) const {
    auto index = IndexOf(key);
    if (!index || distance_[*index] < 0) return std::nullopt;
    return distance_[*index];
  }

  // The key `key` was reached from; nullptr for the root and unreached keys.
  const std::string* Parent(std::string_view key) const {
    auto index = IndexOf(key);
    if (!index || parent_[*index] == kNone) return nullptr;
    return &keys_[parent_[*index]];
  }

  // The first edge on the path from the root to `key`: what ties it to the root.
  const Edge* FirstEdge(std::string_view key) const {
    auto index = IndexOf(key);
    if (!index || parent_[*index] == kNone) return nullptr;
    size_t hop = *index;
    while (parent_[hop] != kNone && parent_[hop] != root_) hop = parent_[hop];
    return parent_edge_[hop];
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  std::optional<size_t> IndexOf(std::string_view key) const {
    auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
    if (it == keys_.end() || *it != key) return std::nullopt;
    return static_cast<size_t>(it - keys_.begin());
  }

  std::vector<std::string> keys_;  // sorted, unique
  std::vector<int> distance_;      // -1: not reached
  std::vector<size_t> parent_;     // kNone for the root and unreached keys
  std::vector<const Edge*> parent_edge_;
  size_t root_ = 0;
};

IssueRef RefOf(const Node* node, const std::string& key, const IssueRef& root) {
  if (node != nullptr) return node->ref;
  auto parsed = ParseShortRef(key, root.host);
  if (parsed) return *parsed;
  IssueRef ref;
  ref.host = root.host;
  ref.owner = key;  // not a key we can read: shown as is
  return ref;
}

std::string RefTextOf(const IssueRef& root, const IssueRef& ref, const std::string& key) {
  if (ref.number == 0) return key;
  return RelativeRefText(root, ref);
}

using SortKey = std::tuple<int, int, bool, std::string, int64_t, std::string>;

}  // namespace

LinkedLists FindLinked(const Graph& graph) {
  LinkedLists lists;
  const Node* root = graph.Find(graph.root);
  if (root == nullptr) return lists;
  KeyMap keys(graph);
  const std::string& root_key = graph.root;

  std::map<std::string, Direct> direct;
  std::set<std::string> all;
  std::set<std::string> pull_like;  // unfetched ends that only a pull can be
  for (const auto& [key, node] : graph.nodes) {
    if (key != root_key) all.insert(key);
  }
  for (const Edge& edge : graph.edges) {
    const std::string& from = keys.Canonical(edge.from);
    const std::string& to = keys.Canonical(edge.to);
    if (from == to) continue;
    for (const std::string* end : {&from, &to}) {
      if (*end != root_key) all.insert(*end);
    }
    if (edge.kind == EdgeKind::kCloses || edge.kind == EdgeKind::kConnected ||
        edge.kind == EdgeKind::kReferencedByCommit) {
      pull_like.insert(from);
    }
    if (from != root_key && to != root_key) continue;
    bool from_root = from == root_key;
    const std::string& other = from_root ? to : from;
    Relation relation = RelationOf(edge.kind, from_root);
    auto it = direct.find(other);
    if (it == direct.end() || relation.rank < it->second.relation.rank) {
      direct[other] = Direct{relation, &edge};
    }
  }

  Walk walk(graph, keys, root_key);
  const std::string root_repo = root->ref.RepoKey();
  // Rows are sorted by key and index, then moved once into place.
  std::vector<LinkedItem> items;
  items.reserve(all.size());
  std::vector<std::pair<SortKey, size_t>> pulls;
  std::vector<std::pair<SortKey, size_t>> issues;
  for (const std::string& key : all) {
    const Node* node = graph.Find(key);
    LinkedItem item;
    item.key = key;
    IssueRef ref = RefOf(node, key, root->ref);
    item.ref_text = RefTextOf(root->ref, ref, key);
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
      item.url = ref.number == 0 ? std::string() : ref.HtmlUrl();
      item.type = pull_like.contains(key) ? NodeType::kPull : NodeType::kIssue;
    }
    if (auto distance = walk.Distance(key)) {
      if (node == nullptr || node->depth == 0) item.depth = *distance;
    }
    int rank = kIndirectRank;
    if (auto it = direct.find(key); it != direct.end()) {
      item.relation = std::string(it->second.relation.name);
      item.source = it->second.edge->provenance;
      rank = it->second.relation.rank;
    } else if (const std::string* parent = walk.Parent(key)) {
      const Node* via = graph.Find(*parent);
      IssueRef via_ref = RefOf(via, *parent, root->ref);
      item.relation = "via " + RefTextOf(root->ref, via_ref, *parent);
      // The path's first edge is what ties this row to the root.
      if (const Edge* edge = walk.FirstEdge(key)) item.source = edge->provenance;
    } else {
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
