// The report as one self-contained HTML5 page: the Markdown report's
// sections in the same order, every item with a link to its source, inline
// CSS, no scripts and no external resources (a Content-Security-Policy says
// so to the browser). Issue text is hostile: every text and attribute is
// escaped, no HTML from an issue passes through, and only http(s) links are
// made (rel="nofollow noopener noreferrer"); anything else stays text. Pure
// and deterministic.
#pragma once

#include <string>
#include <string_view>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render {

// Every text section is always present; an empty one says it was looked
// for. The graph is drawn as a list of links (the Mermaid source follows in
// a collapsed block, as no script runs to draw it).
std::string RenderHtml(const Report& report, const Graph& graph);

// The page's style sheet, for a site that serves the page's <main> inside
// its own (and its styles from a file, not inline).
std::string_view HtmlStyle();

}  // namespace issuegraph::render
