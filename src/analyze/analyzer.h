// Graph -> Report: the one entry point of the analysis. Reads the root node
// and its neighbourhood, decides the status line, the linked items and every
// text section, and attaches to each item the provenance it came from. The
// result owns all its data. Deterministic: the same graph gives the same
// report. Pure; thread-safe.
#pragma once

#include "model/graph.h"
#include "model/report.h"

namespace issuegraph::analyze {

// A graph whose root is not among its nodes gives a report with only the
// root's reference and a status saying so.
Report Analyze(const Graph& graph);

}  // namespace issuegraph::analyze
