// The report's graph as a picture in the page, with no script: the DOT
// that render/dot makes is laid out by Graphviz's C library (gvc, cgraph,
// the "dot" engine), and the SVG is written here from the layout's
// numbers, not by Graphviz's SVG renderer. So only what this file writes
// can come out: <svg>, <g>, <title>, <rect>, <path>, <polygon>, <text> and
// <a>, with a fixed set of attributes; every label is escaped text; colours
// only as #rrggbb; a link only where `link` maps an item's URL to a path
// of this site. No issue title can add an element, an attribute, a script,
// an event handler or a URL of another host.
//
// Layout costs grow fast with the graph, so a graph with more than
// `max_nodes` items or `max_edges` arrows is not drawn (the page's list of
// links stays). Graphviz is not thread-safe: one layout at a time in the
// process (this file takes a lock).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "model/error.h"

namespace issuegraph::serve {

struct GraphPictureOptions {
  size_t max_nodes = 150;
  size_t max_edges = 400;
  // An item's page (a node's URL in the DOT) to a path of this site
  // ("/OWNER/REPO/issues/N"), or "" for no link. Anything but a plain
  // site path it returns is dropped.
  std::function<std::string(std::string_view url)> link;
};

struct GraphPicture {
  std::string svg;        // "<svg ...>...</svg>"; empty when not drawn
  size_t nodes = 0;
  size_t edges = 0;
  bool too_large = false;  // over a cap: not laid out
};

// The picture of `dot` (render/dot's output); an error when Graphviz
// cannot read or lay it out.
Result<GraphPicture> DrawGraph(std::string_view dot, const GraphPictureOptions& options);

// `html` (render/html's report content) with the picture, or the sentence
// telling why there is none, at the top of its graph section.
std::string WithGraphPicture(const std::string& html, const GraphPicture& picture);

}  // namespace issuegraph::serve
