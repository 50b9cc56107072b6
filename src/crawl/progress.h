// What the crawler tells a watcher after each BFS level: how far it got and
// what it has cost so far. A progress display (the CLI's stderr line, the
// web page's live view) reads these; the crawl never waits for it. The
// callback runs on the crawling thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace issuegraph::crawl {

struct LevelProgress {
  int depth = 0;            // the level just fetched (the root is 0)
  size_t fetched = 0;       // items of this level that were read
  size_t nodes = 0;         // items in the graph so far
  size_t edges = 0;         // links in the graph so far
  size_t next = 0;          // items the next level will ask for
  int64_t requests = 0;     // HTTP requests so far (the source's count)
  int64_t graphql_points = 0;
  int64_t waited_ms = 0;    // time spent waiting out rate limits so far
};

using Progress = std::function<void(const LevelProgress&)>;

}  // namespace issuegraph::crawl
