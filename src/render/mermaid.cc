#include "render/mermaid.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include "render/graph_view.h"
#include "render/utf8.h"

namespace issuegraph::render {
namespace {

constexpr size_t kTitleLimit = 40;  // bytes of title shown in a node
constexpr int kNoTie = 8;           // no arrow between the node and the root

// How strongly an edge kind ties a neighbour to the root, for choosing
// which neighbours a capped diagram keeps: lower is stronger.
int KindStrength(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kCloses:
      return 0;
    case EdgeKind::kConnected:
      return 1;
    case EdgeKind::kDuplicateOf:
      return 2;
    case EdgeKind::kSubIssueOf:
      return 3;
    case EdgeKind::kReferencedByCommit:
      return 4;
    case EdgeKind::kMentions:
      return 5;
    case EdgeKind::kCrossReferenced:
      return 6;
  }
  return 7;
}

int TieStrength(const ViewArrow& arrow) {
  int best = kNoTie;
  for (EdgeKind kind : arrow.kinds) best = std::min(best, KindStrength(kind));
  return best;
}

// The nodes a diagram of at most `cap` nodes keeps: the root, then its
// direct neighbours (strongest tie, then most links first), then nodes two
// steps away, those reached along the most paths and with the most links
// first. Ties go to the lower index, so the choice is deterministic.
std::vector<bool> ChooseNodes(const GraphView& view, size_t cap) {
  const size_t count = view.nodes.size();
  std::vector<bool> keep(count, false);
  if (!view.root.has_value()) {
    for (size_t i = 0; i < count && i < cap; ++i) keep[i] = true;
    return keep;
  }
  const size_t root = *view.root;
  std::vector<std::vector<size_t>> neighbours(count);
  std::vector<int> tie(count, kNoTie);
  for (const ViewArrow& arrow : view.arrows) {
    neighbours[arrow.from].push_back(arrow.to);
    neighbours[arrow.to].push_back(arrow.from);
    if (arrow.from == root) tie[arrow.to] = std::min(tie[arrow.to], TieStrength(arrow));
    if (arrow.to == root) tie[arrow.from] = std::min(tie[arrow.from], TieStrength(arrow));
  }
  for (std::vector<size_t>& list : neighbours) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  keep[root] = true;
  size_t kept = 1;

  // Sorted ascending: "count - links" puts the most linked first.
  std::vector<std::tuple<int, size_t, size_t>> first;  // (tie, count - links, index)
  for (size_t next : neighbours[root]) {
    first.emplace_back(tie[next], count - neighbours[next].size(), next);
  }
  std::sort(first.begin(), first.end());
  for (const auto& [strength, links, index] : first) {
    if (kept >= cap) return keep;
    keep[index] = true;
    ++kept;
  }

  std::map<size_t, size_t> paths;  // node two steps away -> paths of length 2 to it
  for (const auto& [strength, links, index] : first) {
    for (size_t next : neighbours[index]) {
      if (next != root && tie[next] == kNoTie) ++paths[next];
    }
  }
  std::vector<std::tuple<size_t, size_t, size_t>> second;  // (count - paths, count - links, index)
  for (const auto& [index, through] : paths) {
    second.emplace_back(count - through, count - neighbours[index].size(), index);
  }
  std::sort(second.begin(), second.end());
  for (const auto& [through, links, index] : second) {
    if (kept >= cap) break;
    keep[index] = true;
    ++kept;
  }
  return keep;
}

}  // namespace

std::string EscapeMermaidLabel(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : DisplayUtf8(text)) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '[':
        out += "#91;";
        break;
      case ']':
        out += "#93;";
        break;
      case '(':
        out += "#40;";
        break;
      case ')':
        out += "#41;";
        break;
      case '{':
        out += "#123;";
        break;
      case '}':
        out += "#125;";
        break;
      case '|':
        out += "#124;";
        break;
      case '`':
        out += "#96;";
        break;
      case '%':
        out += "#37;";
        break;
      case '\\':
        out += "#92;";
        break;
      case '*':
        out += "#42;";
        break;
      case '_':
        out += "#95;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          if (out.empty() || out.back() != ' ') out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string RenderMermaid(const Graph& graph) {
  GraphView view = BuildGraphView(graph);
  std::vector<bool> keep(view.nodes.size(), true);
  size_t left_out = 0;
  if (view.nodes.size() > kMermaidMaxNodes) {
    keep = ChooseNodes(view, kMermaidMaxNodes);
    left_out = static_cast<size_t>(std::count(keep.begin(), keep.end(), false));
  }

  std::string out = "graph LR\n";
  if (left_out > 0) {
    out += "  %% " + std::to_string(left_out) + " of " + std::to_string(view.nodes.size()) +
           " nodes left out: kept the root, its neighbours and the best-linked nodes two steps"
           " away\n";
  }
  std::map<std::string_view, std::vector<std::string_view>> classes;  // by class name
  for (size_t i = 0; i < view.nodes.size(); ++i) {
    if (!keep[i]) continue;
    const ViewNode& node = view.nodes[i];
    std::string label = node.ref_label;
    if (!node.title.empty()) {
      label += ' ';
      label += ShortenText(node.title, kTitleLimit);
    }
    out += "  " + node.id + "[\"" + EscapeMermaidLabel(label) + "\"]\n";
    classes[NodeClassName(node.node_class)].push_back(node.id);
  }
  if (left_out > 0) {
    out += "  more[\"" + std::to_string(left_out) + (left_out == 1 ? " more item" : " more items") +
           " not drawn; see the linked tables\"]\n";
  }
  for (const ViewArrow& arrow : view.arrows) {
    if (!keep[arrow.from] || !keep[arrow.to]) continue;
    out += "  " + view.nodes[arrow.from].id + " -->|" + arrow.Label() + "| " +
           view.nodes[arrow.to].id + "\n";
  }

  for (NodeClass node_class : {NodeClass::kOpen, NodeClass::kClosed, NodeClass::kMerged,
                               NodeClass::kDeclined, NodeClass::kUnfetched}) {
    NodeColors colors = ColorsOf(node_class);
    out += "  classDef " + std::string(NodeClassName(node_class)) +
           " fill:" + std::string(colors.fill) + ",stroke:" + std::string(colors.stroke) +
           (node_class == NodeClass::kUnfetched ? ",stroke-dasharray:4 3" : "") +
           ",color:" + std::string(colors.text) + "\n";
  }
  if (left_out > 0) out += "  classDef note fill:#fff8c5,stroke:#d4a72c,color:#1f2328\n";
  for (const auto& [name, members] : classes) {
    std::string list;
    for (std::string_view id : members) {
      if (!list.empty()) list += ',';
      list += id;
    }
    out += "  class " + list + " " + std::string(name) + "\n";
  }
  if (left_out > 0) out += "  class more note\n";
  if (view.root.has_value()) out += "  style " + view.nodes[*view.root].id + " stroke-width:4px\n";
  return out;
}

}  // namespace issuegraph::render
