#include "render/graph_view.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace issuegraph::render {
namespace {

NodeClass ClassOf(const Node* node) {
  if (node == nullptr || node->deleted) return NodeClass::kUnfetched;
  if (node->type == NodeType::kPull) {
    if (node->merged || node->state == NodeState::kMerged) return NodeClass::kMerged;
    return node->state == NodeState::kOpen ? NodeClass::kOpen : NodeClass::kDeclined;
  }
  if (node->state == NodeState::kOpen) return NodeClass::kOpen;
  if (node->state_reason == "not_planned" || node->state_reason == "duplicate") {
    return NodeClass::kDeclined;
  }
  return NodeClass::kClosed;
}

}  // namespace

std::string_view NodeClassName(NodeClass node_class) {
  switch (node_class) {
    case NodeClass::kOpen:
      return "open";
    case NodeClass::kClosed:
      return "closed";
    case NodeClass::kMerged:
      return "merged";
    case NodeClass::kDeclined:
      return "declined";
    case NodeClass::kUnfetched:
      return "unfetched";
  }
  return "unfetched";
}

NodeColors ColorsOf(NodeClass node_class) {
  switch (node_class) {
    case NodeClass::kOpen:
      return {"#dafbe1", "#1a7f37", "#1f2328"};
    case NodeClass::kClosed:
      return {"#fbefff", "#8250df", "#1f2328"};
    case NodeClass::kMerged:
      return {"#eee0ff", "#6639ba", "#1f2328"};
    case NodeClass::kDeclined:
      return {"#f6f8fa", "#6e7781", "#1f2328"};
    case NodeClass::kUnfetched:
      return {"#ffffff", "#8c959f", "#57606a"};
  }
  return {"#ffffff", "#8c959f", "#57606a"};
}

std::string EdgeKindLabel(EdgeKind kind) {
  std::string label(EdgeKindName(kind));
  for (char& c : label) {
    if (c == '_') c = ' ';
  }
  return label;
}

std::string ViewArrow::Label() const {
  std::string label;
  for (EdgeKind kind : kinds) {
    if (!label.empty()) label += ", ";
    label += EdgeKindLabel(kind);
  }
  return label;
}

std::string ShortenText(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

GraphView BuildGraphView(const Graph& graph) {
  const IssueRef root_ref = graph.root() != kNoNode ? graph.Ref(graph.root()) : IssueRef{};

  // Every node once, in key order: the fetched ones, the root and the ends
  // of every edge that is not a loop.
  std::vector<bool> linked(graph.id_count(), false);
  for (const Edge& edge : graph.edges()) {
    if (edge.from != edge.to) linked[edge.from] = linked[edge.to] = true;
  }
  GraphView view;
  std::vector<size_t> index_of(graph.id_count(), 0);
  std::string root_repo = root_ref.RepoKey() + "#";
  for (const NodeId id : graph.IdsInKeyOrder()) {
    const Node* node = graph.Get(id);
    if (node == nullptr && id != graph.root() && !linked[id]) continue;
    index_of[id] = view.nodes.size();
    const std::string& key = graph.Key(id);
    ViewNode& out = view.nodes.emplace_back();
    out.key = key;
    out.id = "n" + std::to_string(view.nodes.size() - 1);
    if (node != nullptr) {
      std::string ref =
          node->ref.SameRepo(root_ref) ? "#" + std::to_string(node->ref.number) : node->ref.Text();
      out.ref_label = node->type == NodeType::kPull ? "PR " + ref : ref;
      out.title = node->title;
      out.url = node->url.empty() ? node->ref.HtmlUrl() : node->url;
    } else {
      // Keys are lower(owner)/lower(repo)#N.
      out.ref_label = key.starts_with(root_repo) ? key.substr(root_repo.size() - 1) : key;
      out.url = graph.Ref(id).HtmlUrl();
    }
    out.node_class = ClassOf(node);
    out.root = id == graph.root();
    if (out.root) view.root = view.nodes.size() - 1;
  }

  // One arrow per ordered pair, its kinds in EdgeKind order.
  std::vector<std::tuple<size_t, size_t, EdgeKind>> ends;
  ends.reserve(graph.edges().size());
  for (const Edge& edge : graph.edges()) {
    if (edge.from == edge.to) continue;
    ends.emplace_back(index_of[edge.from], index_of[edge.to], edge.kind);
  }
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  for (size_t i = 0; i < ends.size();) {
    ViewArrow arrow{std::get<0>(ends[i]), std::get<1>(ends[i]), {}};
    for (;
         i < ends.size() && std::get<0>(ends[i]) == arrow.from && std::get<1>(ends[i]) == arrow.to;
         ++i) {
      arrow.kinds.push_back(std::get<2>(ends[i]));
    }
    if (arrow.kinds.size() > 1) std::erase(arrow.kinds, EdgeKind::kCrossReferenced);
    view.arrows.push_back(std::move(arrow));
  }
  return view;
}

}  // namespace issuegraph::render
