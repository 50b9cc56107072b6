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
  std::chrono::seconds max_age{3600};  // a published report younger than this is served as is
  std::chrono::seconds max_wait{60};   // longest rate-limit wait of a crawl
  int default_depth = 1;
  int max_depth = 3;
  int max_nodes = 100;
  int workers = 2;                     // crawls at once
  size_t queue = 16;                   // crawls waiting; more get 503
  size_t threads = 64;                 // request handlers (each open event stream holds one)
  double crawls_per_minute = 6;        // per client, new crawls and refreshes
  double crawl_burst = 10;
  double votes_per_minute = 60;
  double vote_burst = 30;
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

  // Binds the socket; the port (the chosen one for port 0). Connections
  // queue from here on.
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
