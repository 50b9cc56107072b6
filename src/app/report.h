// The use cases: `report` (input reference -> crawl -> analysis -> rendered
// text, or an archive -> the same), `export` (crawl -> one archive file) and
// `cache` (inspect and tidy the store). Wires the real HTTP client, the
// GitHub sources, the read-through store and the crawler from options;
// prints nothing (notices are returned for cli/ to show).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "crawl/progress.h"
#include "http/observer.h"
#include "http/rate_budget.h"
#include "model/error.h"
#include "model/graph.h"

namespace issuegraph::app {

enum class Format { kMarkdown, kJson, kMermaid, kHtml, kDot };
// kAuto: GraphQL when there is a token (GitHub refuses anonymous GraphQL),
// REST otherwise.
enum class Api { kAuto, kGraphql, kRest };

struct StoreOptions {
  std::string path;        // empty: $XDG_CACHE_HOME/issuegraph/store.db
  bool enabled = true;     // false: --no-store, nothing read or written
  std::chrono::seconds max_age{600};
  bool refresh = false;    // revalidate every stored node
  bool offline = false;    // never touch the network
};

struct ReportOptions {
  std::string input;  // URL or OWNER/REPO#N
  std::string from;   // an archive to render instead of crawling
  int depth = 1;
  int max_nodes = 100;
  Format format = Format::kMarkdown;
  Api api = Api::kAuto;
  std::string token;        // empty: unauthenticated
  std::string api_url;      // empty: derived from the host
  std::chrono::seconds max_wait{60};
  int max_in_flight = 4;
  StoreOptions store;
  // Watchers, none owned, all optional: the crawl's levels, each HTTP
  // answer and wait, and a rate-limit budget shared with other runs.
  crawl::Progress progress;
  http::Observer* observer = nullptr;
  http::RateBudget* budget = nullptr;
};

struct ReportResult {
  std::string text;  // the rendered report
  // Of the graph the report was made from: its size and how this run got it.
  CrawlStats stats;
  size_t nodes = 0;
  size_t edges = 0;
  // The text is a stored report, served as it was: no crawl, no analysis.
  bool served_from_store = false;
  std::vector<std::string> notices;  // one sentence each, for stderr
};

// With the store on, online and without --refresh, a report archived from
// a clean crawl with the same options is served without crawling again
// while every item that crawl read is stored unchanged and younger than
// --max-age; it is the report a crawl would make now (JSON stats tell of
// this run). Otherwise: crawl, analyse, render, archive.
Result<ReportResult> RunReport(const ReportOptions& options);

// Crawls like `report` and writes one self-contained archive (graph, raw
// text, provenance, the Markdown report) to `output`.
Result<ReportResult> RunExport(const ReportOptions& options, const std::string& output);

enum class CacheAction { kStats, kPrune, kClear };
// Returns the text to print.
Result<std::string> RunCache(CacheAction action, const std::string& store_path,
                             std::chrono::seconds older_than);

}  // namespace issuegraph::app
