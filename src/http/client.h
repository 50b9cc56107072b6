// Client is how the GitHub layer talks HTTP: default headers, a token sent
// only to the origin it belongs to, retries with jittered back-off for 5xx and
// network faults, GitHub's rate-limit signals (X-RateLimit-*, Retry-After,
// secondary limits) and conditional requests (ETag → 304), remembered in a
// ValidatorCache: in memory by default, on disk when the caller passes one.
// Not thread-safe; one per crawl.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "http/observer.h"
#include "http/rate_budget.h"
#include "model/clock.h"
#include "model/deadline.h"
#include "http/transport.h"

namespace issuegraph::http {

// Remembers, per URL, the ETag and the last 200 answer of a GET so that a
// later GET can ask If-None-Match and take a 304 for the whole body. Used by
// one Client at a time.
class ValidatorCache {
 public:
  struct Entry {
    std::string etag;
    Response response;
  };
  virtual ~ValidatorCache() = default;
  virtual std::optional<Entry> Get(const std::string& url) = 0;
  virtual void Put(const std::string& url, const std::string& etag, const Response& response) = 0;
};

// The default: validators live as long as the cache object (one run).
class MemoryValidatorCache : public ValidatorCache {
 public:
  std::optional<Entry> Get(const std::string& url) override;
  void Put(const std::string& url, const std::string& etag, const Response& response) override;

 private:
  std::map<std::string, Entry> entries_;
};

struct ClientOptions {
  std::vector<std::pair<std::string, std::string>> default_headers;
  std::string token;        // sent as "Authorization: Bearer" to token_origin only
  std::string token_origin; // scheme://host[:port] of the API the token belongs to
  int max_retries = 3;      // for 5xx, timeouts and resets
  std::chrono::milliseconds base_backoff{1'000};
  std::chrono::milliseconds secondary_min_wait{60'000};  // GitHub: "at least one minute"
  std::chrono::seconds max_wait{60};  // longest single wait for a rate limit
  uint32_t jitter_seed = 0;           // 0: seeded from the clock
  // The run's time limit: no request is sent, retried or waited for past
  // it, and one cut short by it fails naming it (kNetwork).
  Deadline deadline;
  // Where ETags and bodies are kept between requests; not owned, must
  // outlive the client. Null: in memory, for the client's life.
  ValidatorCache* validators = nullptr;
  // Told of every answer and wait; not owned, may be null.
  Observer* observer = nullptr;
  // A rate-limit budget shared with other clients of the same token (a
  // server's concurrent crawls): a batch waits for its reset instead of
  // overdrawing it. Not owned, may be null.
  RateBudget* budget = nullptr;
};

struct ClientStats {
  int64_t requests = 0;       // every attempt that reached the transport
  int64_t retries = 0;
  int64_t not_modified = 0;   // 304 answers served from the validator cache
  int64_t bytes = 0;
  int64_t waited_ms = 0;
  int64_t rate_limit_remaining = -1;  // last X-RateLimit-Remaining seen
  int64_t rate_limit_reset = 0;       // last X-RateLimit-Reset (epoch s)
};

class Client {
 public:
  Client(Transport& transport, Clock& clock, ClientOptions options);

  // GETs every URL (the transport bounds concurrency) and returns one answer
  // per URL. Answers with status < 400 or 404/410/401/403/422 are values;
  // the caller interprets the status. Retries and waits happen inside.
  std::vector<Result<Response>> GetAll(const std::vector<std::string>& urls);
  Result<Response> Get(const std::string& url);
  Result<Response> Post(const std::string& url, const std::string& body);
  // POSTs each body to `url`, concurrently as the transport allows.
  std::vector<Result<Response>> PostAll(const std::string& url, const std::vector<std::string>& bodies);

  const ClientStats& stats() const { return stats_; }

  // scheme://host[:port] of a URL ("" when it has none).
  static std::string OriginOf(const std::string& url);

 private:
  enum class Verdict { kDone, kRetry, kGiveUp };
  // A request to send; `remembered` is the validator a GET asks If-None-Match with.
  struct Pending {
    Request request;
    std::optional<ValidatorCache::Entry> remembered;
  };
  Pending Build(const std::string& method, const std::string& url, const std::string& body);
  Verdict Judge(const Result<Response>& answer, int attempt, std::chrono::milliseconds& wait,
                std::string& why);
  std::vector<Result<Response>> Run(std::vector<Pending> requests);
  // Waits while the shared budget cannot pay for `batch`; an error when the
  // wait would be longer than max_wait.
  Result<void> WaitForBudget(const std::vector<Request>& batch);
  // The answer for a request the run's --timeout left unread.
  Result<Response> RanOut(const std::string& url, const char* when) const;
  void Observe(const Request& request, const Result<Response>& answer, int64_t elapsed_ms);

  Transport& transport_;
  Clock& clock_;
  ClientOptions options_;
  ClientStats stats_;
  std::mt19937 jitter_;
  MemoryValidatorCache memory_validators_;  // used when options_.validators is null
  ValidatorCache& validators_;
};

}  // namespace issuegraph::http
