// The crawl's graph as a Mermaid flowchart (GitHub renders it in Markdown):
// one node per item, fetched or only referenced, labelled "#N title" and
// coloured by state, one labelled arrow per linked pair, the root outlined.
// Titles are escaped so that no issue text can break out of a label. Pure
// and deterministic: node ids follow the sorted keys (a capped diagram keeps
// each node's id).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/graph.h"

namespace issuegraph::render {

// GitHub refuses to draw very large diagrams; above this many nodes only
// the root, its direct neighbours and the best-linked nodes two steps away
// are drawn, up to the cap, and one note node says how many were left out.
inline constexpr size_t kMermaidMaxNodes = 100;

// The diagram text, starting "graph LR", without a Markdown fence.
std::string RenderMermaid(const Graph& graph);

// Text made safe inside a quoted Mermaid label (["…"]): quotes, brackets,
// '#', HTML and Markdown specials become Mermaid entity codes; line breaks
// and control characters become spaces, invalid UTF-8 and bidirectional
// controls U+FFFD.
std::string EscapeMermaidLabel(std::string_view text);

}  // namespace issuegraph::render
