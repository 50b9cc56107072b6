// The crawl's graph in Graphviz DOT: `digraph issuegraph { ... }` with one
// node per item (ids n0, n1, ... by sorted key, as in Mermaid), labelled
// "#N" and the title, filled by state, dashed when only referenced, the root
// drawn with a heavy border, and one arrow per linked pair labelled by its
// kinds. Labels are escaped so no title can leave its string. Pure and
// deterministic.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/graph.h"

namespace issuegraph::render {

// The whole graph, uncut: Graphviz has no size limit of its own.
std::string RenderDot(const Graph& graph);

// `text` as the inside of a double-quoted DOT string: quotes and
// backslashes escaped, line breaks as DOT's "\n", other control characters
// as spaces, invalid UTF-8 and bidirectional controls as U+FFFD; a space after a final backslash, so
// no version of Graphviz can read the closing quote as escaped.
std::string EscapeDotString(std::string_view text);

}  // namespace issuegraph::render
