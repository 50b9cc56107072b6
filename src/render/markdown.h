// The Markdown report: header, status, linked pull requests and issues,
// the extracted sections with a source link after every item, the Mermaid
// graph, the original text in a collapsed block and the crawl's account of
// itself. Issue text is escaped or fenced so it renders as text and cannot
// close the report's own blocks. Pure and deterministic.
#pragma once

#include <string>

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::render {

// Every text section is always present; an empty one says
// "_None found in the thread._" so the reader knows it was looked for.
std::string RenderMarkdown(const Report& report, const Graph& graph);

}  // namespace issuegraph::render
