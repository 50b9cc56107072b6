// Per-client rate limits (new crawls, votes): a token bucket per client
// address, refilled at `per_minute` with room for a burst. Clients not
// seen for an hour are forgotten. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace issuegraph::serve {

class ClientLimiter {
 public:
  ClientLimiter(double per_minute, double burst) : per_second_(per_minute / 60.0), burst_(burst) {}

  // Takes one token for `client` at `now`; false (and the seconds until
  // one is back in `retry_after`) when there is none.
  bool Take(std::string_view client, std::chrono::steady_clock::time_point now, int* retry_after);
  // Whether Take would succeed, without taking: for work that is charged
  // only once it turns out to cost something.
  bool Peek(std::string_view client, std::chrono::steady_clock::time_point now, int* retry_after);

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point at;
  };
  enum class Spend { kTake, kPeek };
  bool Check(std::string_view client, std::chrono::steady_clock::time_point now, int* retry_after, Spend spend);
  std::mutex mutex_;
  std::map<std::string, Bucket, std::less<>> buckets_;
  std::chrono::steady_clock::time_point swept_{};
  double per_second_;
  double burst_;
};

}  // namespace issuegraph::serve
