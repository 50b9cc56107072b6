// The `report` use case: input reference -> crawl -> analysis -> rendered
// text. Wires the real HTTP client, the GitHub source and the crawler from
// options; prints nothing (notices are returned for cli/ to show).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/graph.h"

namespace issuegraph::app {

enum class Format { kMarkdown, kJson, kMermaid };
// kAuto: GraphQL when there is a token (GitHub refuses anonymous GraphQL),
// REST otherwise.
enum class Api { kAuto, kGraphql, kRest };

struct ReportOptions {
  std::string input;  // URL or OWNER/REPO#N
  int depth = 1;
  int max_nodes = 100;
  Format format = Format::kMarkdown;
  Api api = Api::kAuto;
  std::string token;        // empty: unauthenticated
  std::string token_source; // where the token came from, for messages ("GITHUB_TOKEN")
  std::string api_url;      // empty: derived from the host
  std::chrono::seconds max_wait{60};
  int max_in_flight = 4;
};

struct ReportResult {
  std::string text;  // the rendered report
  Graph graph;       // for stats and exit decisions
  std::vector<std::string> notices;  // one sentence each, for stderr
};

Result<ReportResult> RunReport(const ReportOptions& options);

}  // namespace issuegraph::app
