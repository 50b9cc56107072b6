// Crawler walks the link graph breadth-first from one root through a Source,
// one level per Fetch so sources can batch. It owns the rules of scope
// (depth, node cap), identity (canonical keys, moved items re-keyed, cycles)
// and honesty (a cut crawl is marked partial, with what was left out).
// Not thread-safe.
#pragma once

#include <utility>

#include "crawl/progress.h"
#include "crawl/source.h"
#include "model/deadline.h"
#include "model/graph.h"

namespace issuegraph::crawl {

struct CrawlOptions {
  int depth = 1;        // the root is depth 0; links of nodes below `depth` are followed
  int max_nodes = 100;  // nodes fetched in all, the root included
};

class Crawler {
 public:
  // `progress`, if set, is called once per level. Past `deadline` no
  // further level is asked for; what was not read is left out and the
  // graph is partial, naming the limit.
  Crawler(Source& source, CrawlOptions options, Progress progress = {}, Deadline deadline = {})
      : source_(source), options_(options), progress_(std::move(progress)), deadline_(deadline) {}

  // Fails only when the root itself cannot be read; any other node that
  // fails is listed in stats.failed and the crawl goes on.
  Result<Graph> Crawl(const IssueRef& root);

 private:
  Source& source_;
  CrawlOptions options_;
  Progress progress_;
  Deadline deadline_;
};

}  // namespace issuegraph::crawl
