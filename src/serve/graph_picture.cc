#include "serve/graph_picture.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <memory>
#include <mutex>

#include "render/html_escape.h"

// The dot layout engine's plugin record (libgvplugin_dot_layout).
extern "C" gvplugin_library_t gvplugin_dot_layout_LTX_library;

namespace issuegraph::serve {
namespace {

using render::EscapeHtml;

constexpr std::string_view kFont = "Helvetica, Arial, sans-serif";
constexpr std::string_view kEdgeColor = "#57606a";
constexpr size_t kLineWidth = 28;  // bytes of title per line in a node

std::mutex& GraphvizLock() {
  static std::mutex lock;
  return lock;
}

// Graphviz's numbers are finite for a graph it laid out; a wild one (NaN,
// a huge value) is drawn at 0 rather than written as text.
std::string Num(double value) {
  if (!std::isfinite(value) || std::abs(value) > 1e7) value = 0;
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
  if (ec != std::errc()) return "0";
  std::string out(buffer, end);
  if (out.ends_with(".0")) out.resize(out.size() - 2);
  return out;
}

// #rrggbb as it came, else `fallback`: no other colour syntax is passed on.
std::string_view Color(const char* value, std::string_view fallback) {
  if (value == nullptr) return fallback;
  std::string_view text(value);
  if (text.size() != 7 || text[0] != '#' ||
      !std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
    return fallback;
  }
  return text;
}

// A path of this site: "/" and then letters, digits, '/', '-', '_', '.'
// only, and never "//" (another host) nor "..".
bool IsSitePath(std::string_view path) {
  if (path.size() < 2 || path[0] != '/' || path[1] == '/' || path.find("..") != std::string_view::npos) return false;
  return std::all_of(path.begin(), path.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' || c == '.';
  });
}

std::string Attr(Agnode_t* node, const char* name) {
  const char* value = agget(node, const_cast<char*>(name));
  return value == nullptr ? std::string() : std::string(value);
}

// Graphviz's y grows upwards; SVG's downwards from the top of `bb`.
struct Flip {
  double top;
  double left;
  std::string X(double x) const { return Num(x - left); }
  std::string Y(double y) const { return Num(top - y); }
};

// A label's lines as <text> elements around `center`, placed as
// Graphviz's own renderer places them (first baseline a font size under
// the label's top).
std::string LabelText(const textlabel_t* label, pointf center, const Flip& flip, std::string_view color) {
  if (label == nullptr || label->html || label->u.txt.span == nullptr) return "";
  std::string out;
  double y = center.y + label->dimen.y / 2.0 - label->fontsize;
  for (int i = 0; i < label->u.txt.nspans; ++i) {
    const textspan_t& span = label->u.txt.span[i];
    double x = center.x;
    std::string_view anchor = "middle";
    if (span.just == 'l') {
      x -= label->space.x / 2.0;
      anchor = "start";
    } else if (span.just == 'r') {
      x += label->space.x / 2.0;
      anchor = "end";
    }
    out += "<text x=\"" + flip.X(x) + "\" y=\"" + flip.Y(y) + "\" text-anchor=\"" + std::string(anchor) +
           "\" font-family=\"" + std::string(kFont) + "\" font-size=\"" + Num(label->fontsize) + "\" fill=\"" +
           std::string(color) + "\">" + EscapeHtml(span.str == nullptr ? "" : span.str) + "</text>";
    y -= span.size.y;
  }
  return out;
}

std::string DrawNode(Agnode_t* node, const Flip& flip, const GraphPictureOptions& options) {
  const double width = ND_width(node) * 72.0;
  const double height = ND_height(node) * 72.0;
  const pointf center = ND_coord(node);
  const std::string style = Attr(node, "style");
  const std::string_view fill = Color(agget(node, const_cast<char*>("fillcolor")), "#ffffff");
  const std::string_view stroke = Color(agget(node, const_cast<char*>("color")), "#57606a");
  const std::string_view text = Color(agget(node, const_cast<char*>("fontcolor")), "#1f2328");
  double pen = 1;
  if (std::string penwidth = Attr(node, "penwidth"); !penwidth.empty()) {
    std::from_chars(penwidth.data(), penwidth.data() + penwidth.size(), pen);
    pen = std::clamp(pen, 0.5, 4.0);
  }
  std::string tooltip = Attr(node, "tooltip");
  std::string out = "<g class=\"node\"><title>" + EscapeHtml(tooltip.empty() ? Attr(node, "label") : tooltip) +
                    "</title><rect x=\"" + flip.X(center.x - width / 2) + "\" y=\"" +
                    flip.Y(center.y + height / 2) + "\" width=\"" + Num(width) + "\" height=\"" + Num(height) +
                    "\" rx=\"6\" fill=\"" + std::string(fill) + "\" stroke=\"" + std::string(stroke) +
                    "\" stroke-width=\"" + Num(pen) + "\"" +
                    (style.find("dashed") != std::string::npos ? " stroke-dasharray=\"5,3\"" : "") + "/>" +
                    LabelText(ND_label(node), center, flip, text) + "</g>";
  std::string href = options.link ? options.link(Attr(node, "URL")) : std::string();
  if (href.empty() || !IsSitePath(href)) return out;
  return "<a href=\"" + EscapeHtml(href) + "\">" + out + "</a>";
}

std::string DrawEdge(Agedge_t* edge, const Flip& flip) {
  std::string out = "<g class=\"edge\">";
  const splines* lines = ED_spl(edge);
  const std::string color(kEdgeColor);
  for (int b = 0; lines != nullptr && b < lines->size; ++b) {
    const bezier& curve = lines->list[b];
    if (curve.size < 1) continue;
    std::string d = "M" + flip.X(curve.list[0].x) + "," + flip.Y(curve.list[0].y);
    for (int i = 1; i + 2 < curve.size; i += 3) {
      d += "C";
      for (int k = 0; k < 3; ++k) {
        d += (k ? " " : "") + flip.X(curve.list[i + k].x) + "," + flip.Y(curve.list[i + k].y);
      }
    }
    out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color + "\"/>";
    if (curve.eflag) {
      // The arrowhead: from the curve's end to Graphviz's arrow point.
      const pointf from = curve.list[curve.size - 1];
      const double dx = curve.ep.x - from.x;
      const double dy = curve.ep.y - from.y;
      const double length = std::hypot(dx, dy);
      if (length > 0) {
        const double nx = -dy * 0.35;  // half the base: 0.35 of the head's length
        const double ny = dx * 0.35;
        out += "<polygon points=\"" + flip.X(curve.ep.x) + "," + flip.Y(curve.ep.y) + " " +
               flip.X(from.x + nx) + "," + flip.Y(from.y + ny) + " " + flip.X(from.x - nx) + "," +
               flip.Y(from.y - ny) + "\" fill=\"" + color + "\" stroke=\"" + color + "\"/>";
      }
    }
  }
  const textlabel_t* label = ED_label(edge);
  return out + (label != nullptr ? LabelText(label, label->pos, flip, kEdgeColor) : "") + "</g>";
}

// A node's label as render/dot writes it ("#12\\n" and the title, in DOT's
// escapes) with the title wrapped at spaces into lines of about
// `width` bytes: a picture of one-line titles grows too wide to read.
std::string Wrapped(std::string_view label, size_t width) {
  const size_t newline = label.find("\\n");
  if (newline == std::string_view::npos) return std::string(label);
  std::string out(label.substr(0, newline));
  std::string_view title = label.substr(newline + 2);
  std::string line;
  while (!title.empty()) {
    const size_t space = title.find(' ');
    std::string_view word = title.substr(0, space);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += "\\n" + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
    title = space == std::string_view::npos ? std::string_view() : title.substr(space + 1);
  }
  if (!line.empty()) out += "\\n" + line;
  return out;
}

struct GraphCloser {
  GVC_t* context;
  void operator()(Agraph_t* graph) const {
    gvFreeLayout(context, graph);
    agclose(graph);
  }
};

}  // namespace

Result<GraphPicture> DrawGraph(std::string_view dot, const GraphPictureOptions& options) {
  std::lock_guard<std::mutex> lock(GraphvizLock());
  // Warnings would go to the server's stderr; a failure is an answer here.
  agseterr(AGMAX);
  // One context for the life of the process: Graphviz 2.42 keeps a static
  // pointer to the last font name of a context, which a freed context
  // leaves dangling for the next one (a use after free under ASan). Only
  // the dot layout is loaded, no plugin from Graphviz's configuration: no
  // text-layout plugin (and its fontconfig), so label sizes come from
  // Graphviz's built-in font metrics, the same on every machine.
  static lt_symlist_t builtins[] = {{"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
                                    {nullptr, nullptr}};
  static GVC_t* const shared_context = gvContextPlugins(builtins, 0);
  struct Borrowed {
    GVC_t* ptr;
    GVC_t* get() const { return ptr; }
    explicit operator bool() const { return ptr != nullptr; }
  } context{shared_context};
  if (!context) return MakeError(ErrorKind::kIo, "Graphviz could not start");
  const std::string text(dot);
  Agraph_t* read = agmemread(text.c_str());
  if (read == nullptr) return MakeError(ErrorKind::kInvalidInput, "Graphviz could not read the graph's DOT");
  GraphPicture picture;
  picture.nodes = static_cast<size_t>(agnnodes(read));
  picture.edges = static_cast<size_t>(agnedges(read));
  if (picture.nodes > options.max_nodes || picture.edges > options.max_edges) {
    agclose(read);
    picture.too_large = true;
    return picture;
  }
  for (Agnode_t* node = agfstnode(read); node != nullptr; node = agnxtnode(read, node)) {
    std::string label = Wrapped(Attr(node, "label"), kLineWidth);
    agsafeset(node, const_cast<char*>("label"), label.data(), const_cast<char*>(""));
  }
  if (gvLayout(context.get(), read, "dot") != 0) {
    agclose(read);
    return MakeError(ErrorKind::kIo, "Graphviz could not lay out the graph");
  }
  std::unique_ptr<Agraph_t, GraphCloser> graph(read, GraphCloser{context.get()});
  const boxf bb = GD_bb(graph.get());
  const double margin = 4;
  const Flip flip{bb.UR.y + margin, bb.LL.x - margin};
  const std::string width = Num(bb.UR.x - bb.LL.x + 2 * margin);
  const std::string height = Num(bb.UR.y - bb.LL.y + 2 * margin);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph-picture\" role=\"img\" "
                    "aria-label=\"The linked issues and pull requests\" width=\"" + width + "\" height=\"" +
                    height + "\" viewBox=\"0 0 " + width + " " + height + "\">";
  // Edges first, so nodes are drawn over their ends.
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr; node = agnxtnode(graph.get(), node)) {
    for (Agedge_t* edge = agfstout(graph.get(), node); edge != nullptr; edge = agnxtout(graph.get(), edge)) {
      out += DrawEdge(edge, flip);
    }
  }
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr; node = agnxtnode(graph.get(), node)) {
    out += DrawNode(node, flip, options);
  }
  picture.svg = out + "</svg>";
  return picture;
}

std::string WithGraphPicture(const std::string& html, const GraphPicture& picture) {
  // render/html writes this heading once; issue text reaches the page
  // escaped, so it cannot forge it.
  constexpr std::string_view kHeading = "<section id=\"graph\">\n<h2>Graph</h2>\n";
  const size_t at = html.find(kHeading);
  if (at == std::string::npos) return html;
  std::string figure;
  if (!picture.svg.empty()) {
    figure = "<figure class=\"graph-figure\" id=\"graph-picture\">" + picture.svg + "</figure>\n";
  } else if (picture.too_large) {
    figure = "<p class=\"none\" id=\"graph-picture-none\">" + std::to_string(picture.nodes) + " items and " +
             std::to_string(picture.edges) + " links are too many to draw; every link is listed below.</p>\n";
  }
  std::string out = html;
  out.insert(at + kHeading.size(), figure);
  return out;
}

}  // namespace issuegraph::serve
