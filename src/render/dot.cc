#include "render/dot.h"

#include "render/graph_view.h"
#include "render/utf8.h"

namespace issuegraph::render {
namespace {

constexpr size_t kTitleLimit = 60;  // bytes of title shown in a node

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  out += EscapeDotString(text);
  out += '"';
  return out;
}

// Node attributes after the label: colours by state, a dashed border for
// items known only by reference, a heavy one for the root, and the page for
// SVG output when it is an http(s) link.
std::string NodeAttributes(const ViewNode& node) {
  NodeColors colors = ColorsOf(node.node_class);
  std::string out = ", fillcolor=" + Quoted(colors.fill) + ", color=" + Quoted(colors.stroke) +
                    ", fontcolor=" + Quoted(colors.text);
  if (node.node_class == NodeClass::kUnfetched) out += ", style=\"rounded,dashed,filled\"";
  if (node.root) out += ", penwidth=3";
  if (node.url.starts_with("https://") || node.url.starts_with("http://")) {
    out += ", URL=" + Quoted(node.url) +
           ", tooltip=" + Quoted(node.title.empty() ? node.ref_label : node.title);
  }
  return out;
}

}  // namespace

std::string EscapeDotString(std::string_view text) {
  std::string valid = DisplayUtf8(text);
  std::string out;
  out.reserve(valid.size() + 8);
  for (size_t i = 0; i < valid.size(); ++i) {
    char c = valid[i];
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        // Doubled, so Graphviz shows it instead of reading "\N", "\l", ...
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 >= valid.size() || valid[i + 1] != '\n') out += "\\n";
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
        break;
    }
  }
  // Older Graphviz scanners read an escaped backslash right before the
  // closing quote as a backslash and an escaped quote, leaving the string
  // open; every version reads it right with a space in between.
  if (out.ends_with('\\')) out += ' ';
  return out;
}

std::string RenderDot(const Graph& graph) {
  GraphView view = BuildGraphView(graph);
  std::string out = "digraph issuegraph {\n";
  out += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n";
  out += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#57606a\", fontcolor=\"#57606a\"];\n";
  for (const ViewNode& node : view.nodes) {
    std::string label = node.ref_label;
    if (!node.title.empty()) {
      label += '\n';
      label += ShortenText(node.title, kTitleLimit);
    }
    out += "  " + node.id + " [label=" + Quoted(label) + NodeAttributes(node) + "];\n";
  }
  for (const ViewArrow& arrow : view.arrows) {
    out += "  " + view.nodes[arrow.from].id + " -> " + view.nodes[arrow.to].id +
           " [label=" + Quoted(arrow.Label()) + "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace issuegraph::render
