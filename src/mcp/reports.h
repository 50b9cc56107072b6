// What the MCP tools read: one issue's crawl (the JSON report and the
// Markdown report of the same graph) through the app layer and the store
// the command line and the web service share, and the published reports
// like it. Concurrent calls for the same (issue, depth, node cap) share
// one crawl (single-flight): the first starts it on a thread of its own,
// the others wait for it. A caller that is cancelled stops waiting; the
// crawl runs on and is stored, so asking again is answered from the
// store. Thread-safe; the destructor waits for running crawls.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "crawl/progress.h"
#include "http/rate_budget.h"
#include "model/error.h"
#include "model/graph.h"
#include "model/issue_ref.h"

namespace issuegraph::mcp {

struct ServiceOptions {
  std::string store_path;  // empty: the default store
  std::string api_url;     // empty: from the issue's host
  std::chrono::seconds max_age{600};
  std::chrono::seconds max_wait{60};
  int default_depth = 1;
  int max_depth = 10;
  int max_nodes = 100000;        // the largest max_nodes a call may ask for
  int default_max_nodes = 100;
  size_t max_crawls = 18;        // distinct crawls running or waiting; more are refused as busy
  size_t max_running = 0;        // crawls running at once, the rest wait; 0: no limit
  // Turns what a caller passed into an issue, refusing hosts it may not
  // reach; empty: any issue reference the command line takes.
  std::function<Result<IssueRef>(std::string_view)> parse_ref;
  // Asked before a new crawl starts (never for one that is joined): a
  // sentence refusing it, or nullopt. `client` is the caller's address.
  std::function<std::optional<std::string>(std::string_view client)> admit;
  // Told after a crawl that reached the network (one a stored report or
  // fresh cache answered costs the caller nothing).
  std::function<void(std::string_view client)> charge;
};

struct Crawled {
  std::string json;      // render/json's report
  std::string markdown;  // render/markdown's report of the same graph
  CrawlStats stats;      // of the run that crawled
  bool served_from_store = false;  // the JSON was a stored report, served as it was
  std::vector<std::string> notices;
};

struct CrawlRequest {
  IssueRef ref;
  int depth = 1;
  int max_nodes = 100;
  std::string client;  // for `admit`; "" on stdio
};

struct CrawlOutcome {
  std::shared_ptr<const Crawled> crawled;
  bool joined = false;  // another call's crawl answered this one
};

class ReportService {
 public:
  explicit ReportService(ServiceOptions options);
  ~ReportService();
  ReportService(const ReportService&) = delete;
  ReportService& operator=(const ReportService&) = delete;

  const ServiceOptions& options() const { return options_; }
  Result<IssueRef> ParseRef(std::string_view text) const;

  // The crawl of `request`: a new one, or the one running for the same
  // issue, depth and node cap. `progress` hears each level from now on;
  // when `cancelled` turns true the call returns kInternal "cancelled"
  // at once. kInvalidInput refuses (busy, admit).
  Result<CrawlOutcome> Crawl(const CrawlRequest& request, const crawl::Progress& progress,
                             const std::atomic<bool>* cancelled);

  // Crawls started (not joined) so far: for tests and statistics.
  int64_t crawls_started() const { return started_.load(); }

  // Published reports like the issue described by `facts` (title, error
  // messages, labels, repository), best first, without the issue itself.
  struct Related {
    std::string ref;
    std::string title;
    std::string state;
    std::string url;
    double score = 0;
    std::vector<std::string> shared;
  };
  Result<std::vector<Related>> RelatedTo(const IssueRef& ref, const std::string& facts, int limit);

 private:
  struct Flight;
  Result<Crawled> RunCrawl(const CrawlRequest& request, Flight& flight);
  void Reap();  // joins finished threads; with the lock held

  ServiceOptions options_;
  http::RateBudget budget_{50};  // shared by every crawl of this service
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Flight>, std::less<>> flights_;
  std::vector<std::pair<std::shared_ptr<Flight>, std::thread>> threads_;
  std::atomic<int64_t> started_{0};
  std::condition_variable slot_free_;
  size_t running_ = 0;  // crawls holding a slot
};

}  // namespace issuegraph::mcp
