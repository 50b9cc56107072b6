// The graph as the pictures draw it (Mermaid, DOT, the HTML list): one node
// per key (fetched nodes, the root, every edge end) numbered n0, n1, ... in
// sorted key order, each with its short reference, title and state class,
// and one arrow per ordered pair carrying its edge kinds. A plain value that
// borrows nothing; pure and deterministic.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/graph.h"

namespace issuegraph::render {

// How a node is drawn: by state, with declined (closed as not planned or
// duplicate, pulls closed unmerged) apart from done.
enum class NodeClass { kOpen, kClosed, kMerged, kDeclined, kUnfetched };

std::string_view NodeClassName(NodeClass node_class);  // "open", "closed", ...

// One palette for every picture.
struct NodeColors {
  std::string_view fill;
  std::string_view stroke;
  std::string_view text;
};
NodeColors ColorsOf(NodeClass node_class);

struct ViewNode {
  std::string key;
  std::string id;         // "n0", "n1", ... by sorted key
  std::string ref_label;  // "#12", "PR #134", "other/lib#7" (relative to the root's repository)
  std::string title;      // empty when the node was not fetched
  std::string url;        // the item's page; empty when unknown
  NodeClass node_class = NodeClass::kUnfetched;
  bool root = false;
};

struct ViewArrow {
  size_t from = 0;  // indices into GraphView::nodes
  size_t to = 0;
  // In EdgeKind order; a cross-reference only when it is the only kind, as
  // it is GitHub's record of a link already drawn.
  std::vector<EdgeKind> kinds;

  std::string Label() const;  // "closes", "duplicate of, mentions"
};

struct GraphView {
  std::vector<ViewNode> nodes;    // sorted by key
  std::vector<ViewArrow> arrows;  // sorted by (from, to); no self-loops
  std::optional<size_t> root;     // index of the root, when it has a key
};

GraphView BuildGraphView(const Graph& graph);

// "duplicate_of" -> "duplicate of".
std::string EdgeKindLabel(EdgeKind kind);

// `text` cut to at most `limit` bytes on a code point boundary, with "…"
// when something was cut.
std::string ShortenText(std::string_view text, size_t limit);

}  // namespace issuegraph::render
