// `issuegraph serve`: the web service over the app layer. Pages and a JSON
// API for reports at permalinks, crawl jobs with live progress (SSE),
// feedback votes, related and trending reports, all in the store. Hostile
// input is the norm: only allowed GitHub hosts are crawled, every page
// carries a strict Content-Security-Policy, POSTs must come from the site
// itself, and requests are bounded in size and time. One Server per
// listening socket; its methods are thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/synthesizer.h"
#include "model/error.h"
#include "serve/jobs.h"

namespace httplib {
class Server;
}

namespace issuegraph::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                     // 0: any free port
  std::string store_path;              // required
  std::string api_url;                 // empty: from each issue's host
  std::set<std::string> allowed_hosts; // Enterprise hosts besides github.com
  std::vector<std::string> archives;   // published from these `export` archives at start
  bool offline = false;                // no crawl: stored reports only, never stale
  std::chrono::seconds max_age{3600};  // a published report younger than this is served as is
  std::chrono::seconds max_wait{60};   // longest rate-limit wait of a crawl
  int default_depth = 1;
  int max_depth = 3;
  int max_nodes = 100;
  int workers = 2;                     // crawls at once
  size_t queue = 16;                   // crawls waiting; more get 503
  // On a PostgreSQL store, jobs are shared by every replica: a running
  // job's lease, renewed every third of it, after which another replica
  // takes the job over; and the name of this replica in the jobs table.
  std::chrono::milliseconds job_lease{15'000};
  std::string replica;
  size_t threads = 64;                 // request handlers kept; more start while event streams hold some
  size_t max_streams = 1024;           // open event streams; more get 503 (each holds a thread)
  size_t streams_per_client = 64;      // of them from one client address
  double crawls_per_minute = 6;        // per client, new crawls and refreshes
  double crawl_burst = 10;
  double votes_per_minute = 60;
  double vote_burst = 30;
  // Registers more routes (the MCP endpoint) before the permalinks' catch-all.
  std::function<void(httplib::Server&)> mount;
  // The optional machine-written synthesis on every report page (--llm);
  // not owned, may be null.
  app::Synthesizer* synthesizer = nullptr;
};

class Server {
 public:
  // `work` runs a crawl job; empty: the real one (serve/report_job).
  explicit Server(ServeOptions options, JobWork work = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Publishes the archives, binds the socket; the port (the chosen one
  // for port 0). Connections queue from here on.
  Result<int> Bind();
  // Serves until Stop(). Call after Bind.
  void Listen();
  // Stops taking connections, ends event streams, lets running crawls
  // finish. Safe from any thread, more than once.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Binds, calls `listening("http://HOST:PORT")`, serves until SIGTERM or
// SIGINT, then shuts down gracefully. For the command line.
Result<void> RunUntilSignalled(const ServeOptions& options,
                               const std::function<void(const std::string&)>& listening);

}  // namespace issuegraph::serve
