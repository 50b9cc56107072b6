#include "analyze/linked.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <tuple>

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

struct Walk {
  std::map<std::string, int> distance;
  std::map<std::string, std::string> parent;       // first hop towards the root
  std::map<std::string, const Edge*> parent_edge;  // the edge that reached it
};

Walk BreadthFirst(const Graph& graph, const KeyMap& keys, const std::string& root) {
  std::map<std::string, std::vector<std::pair<std::string, const Edge*>>> adjacent;
  for (const Edge& edge : graph.edges) {
    const std::string& from = keys.Canonical(edge.from);
    const std::string& to = keys.Canonical(edge.to);
    if (from == to) continue;
    adjacent[from].emplace_back(to, &edge);
    adjacent[to].emplace_back(from, &edge);
  }
  for (auto& [key, list] : adjacent) {
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  Walk walk;
  walk.distance[root] = 0;
  std::deque<std::string> queue{root};
  while (!queue.empty()) {
    std::string key = queue.front();
    queue.pop_front();
    for (const auto& [next, edge] : adjacent[key]) {
      if (walk.distance.contains(next)) continue;
      walk.distance[next] = walk.distance[key] + 1;
      walk.parent[next] = key;
      walk.parent_edge[next] = edge;
      queue.push_back(next);
    }
  }
  return walk;
}

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

  Walk walk = BreadthFirst(graph, keys, root_key);
  std::vector<std::pair<SortKey, LinkedItem>> pulls;
  std::vector<std::pair<SortKey, LinkedItem>> issues;
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
    if (auto distance = walk.distance.find(key); distance != walk.distance.end()) {
      if (node == nullptr || node->depth == 0) item.depth = distance->second;
    }
    int rank = kIndirectRank;
    if (auto it = direct.find(key); it != direct.end()) {
      item.relation = std::string(it->second.relation.name);
      item.source = it->second.edge->provenance;
      rank = it->second.relation.rank;
    } else if (auto parent = walk.parent.find(key); parent != walk.parent.end()) {
      const Node* via = graph.Find(parent->second);
      IssueRef via_ref = RefOf(via, parent->second, root->ref);
      item.relation = "via " + RefTextOf(root->ref, via_ref, parent->second);
      // The path's first edge is what ties this row to the root.
      std::string hop = key;
      while (walk.parent.contains(hop) && walk.parent.at(hop) != root_key)
        hop = walk.parent.at(hop);
      if (auto edge = walk.parent_edge.find(hop); edge != walk.parent_edge.end()) {
        item.source = edge->second->provenance;
      }
    } else {
      item.relation = "linked";
    }
    bool other_repo = !ref.SameRepo(root->ref);
    if (item.type == NodeType::kPull) {
      int pull_rank = rank == 0 ? 0 : rank == 1 ? 1 : rank < kIndirectRank ? 2 : 3;
      pulls.emplace_back(SortKey{pull_rank, 0, other_repo, ref.RepoKey(), ref.number, key},
                         std::move(item));
    } else {
      issues.emplace_back(SortKey{rank, item.depth, other_repo, ref.RepoKey(), ref.number, key},
                          std::move(item));
    }
  }
  auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::sort(pulls.begin(), pulls.end(), by_key);
  std::sort(issues.begin(), issues.end(), by_key);
  for (auto& [sort_key, item] : pulls) lists.pulls.push_back(std::move(item));
  for (auto& [sort_key, item] : issues) lists.issues.push_back(std::move(item));
  return lists;
}

}  // namespace issuegraph::analyze
