// The crawl's graph as a Mermaid flowchart (GitHub renders it in Markdown):
// one node per item, fetched or only referenced, labelled "#N title" and
// coloured by state, one labelled arrow per linked pair, the root outlined.
// Titles are escaped so that no issue text can break out of a label. Pure
// and deterministic: node ids follow the sorted keys.
#pragma once

#include <string>
#include <string_view>

#include "model/graph.h"

namespace issuegraph::render {

// The diagram text, starting "graph LR", without a Markdown fence.
std::string RenderMermaid(const Graph& graph);

// Text made safe inside a quoted Mermaid label (["…"]): quotes, brackets,
// '#', HTML and Markdown specials become Mermaid entity codes; line breaks
// and control characters become spaces.
std::string EscapeMermaidLabel(std::string_view text);

}  // namespace issuegraph::render
