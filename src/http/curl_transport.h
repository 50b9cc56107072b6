// The real Transport over libcurl: one multi handle with connection reuse
// (keep-alive), HTTP/2 where the server offers it, gzip, timeouts. Proxies
// come from the usual environment variables, as libcurl reads them. Not
// thread-safe; one instance per crawl.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "http/transport.h"

namespace issuegraph::http {

struct CurlOptions {
  std::string user_agent = "issuegraph";
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};
  // A transfer that receives nothing for this long is stalled: it fails
  // instead of waiting out total_timeout.
  std::chrono::seconds idle_timeout{20};
  // The largest answer read: GitHub's biggest (a GraphQL level of 100 full
  // threads) is a few megabytes; an endless body fails here (kServer,
  // not retried).
  size_t max_body_bytes = size_t{64} << 20;
  int max_in_flight = 4;  // GitHub asks for near-serial use; see docs/github-access.md
};

class CurlTransport : public Transport {
 public:
  explicit CurlTransport(CurlOptions options = {});
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  std::vector<Result<Response>> PerformAll(const std::vector<Request>& requests) override;

 private:
  void Start();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace issuegraph::http
