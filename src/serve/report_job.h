// The real work of a crawl job: the app layer's report, made once per
// format from one crawl (the later formats read the store the first one
// filled, so they cost no request), published in the store at the
// permalink. Emits the crawl's levels and rate-limit waits as job events.
// One ReportJobs serves every worker; thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "app/synthesizer.h"
#include "http/rate_budget.h"
#include "serve/jobs.h"
#include "store/published.h"

namespace issuegraph::serve {

struct ReportJobOptions {
  std::string store_path;  // the store every run reads and writes
  std::string api_url;     // empty: from the host
  std::chrono::seconds max_age{600};
  std::chrono::seconds max_wait{60};
  int max_nodes = 100;
  // Puts a checked synthesis first on every page; not owned, may be null.
  app::Synthesizer* synthesizer = nullptr;
};

class ReportJobs {
 public:
  // On a PostgreSQL store the rate-limit budget is the store's, shared by
  // every replica; else this process's.
  explicit ReportJobs(ReportJobOptions options);

  // JobWork: crawls `job`'s issue and publishes the report; the permalink.
  Result<std::string> Run(Job& job);

 private:
  ReportJobOptions options_;
  // Shared by every crawl of this server (and, on PostgreSQL, of every
  // replica): its token's rate limit, 50 points kept in reserve.
  std::unique_ptr<http::RateBudget> budget_;
};

// Publishes the report in the archive at `path` (written by `issuegraph
// export`) in the store, at the issue and depth it was crawled for, with
// no request; the permalink. For a server that starts offline.
Result<std::string> ImportArchive(const std::string& path, const std::string& store_path);

// The report's <main> content in a page RenderHtml made ("" if none).
std::string MainOfPage(const std::string& page);

// Title, type, state, labels and error messages of a report's JSON output.
void ReadReportFacts(const std::string& json, store::PublishedReport& report);

}  // namespace issuegraph::serve
