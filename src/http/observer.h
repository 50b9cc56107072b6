// What a Client tells a watcher as it works: each answer (for `-v`) and
// each wait for a rate limit (with when it ends, for a progress display).
// Callbacks run on the thread that called the client; they must not call
// the client back.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace issuegraph::http {

struct RequestRecord {
  std::string method;
  std::string url;
  long status = 0;            // 0: no answer (network failure)
  int64_t elapsed_ms = 0;     // of the batch the request went out in
  int64_t bytes = 0;          // on the wire
  int64_t rate_remaining = -1;  // X-RateLimit-Remaining; -1 when absent
  int64_t graphql_cost = -1;    // rateLimit.cost of a GraphQL answer; -1 when absent
};

struct WaitRecord {
  std::chrono::milliseconds wait{0};
  std::chrono::system_clock::time_point until;
  std::string reason;  // one phrase: "rate limit", "secondary rate limit", "server error"
};

class Observer {
 public:
  virtual ~Observer() = default;
  virtual void OnRequest(const RequestRecord& record) = 0;
  virtual void OnWait(const WaitRecord& record) = 0;
};

}  // namespace issuegraph::http
