#include "http/client.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace issuegraph::http {
namespace {

using std::chrono::milliseconds;

int64_t ParseInt(const std::string& text, int64_t fallback) {
  if (text.empty()) return fallback;
  try {
    size_t used = 0;
    int64_t value = std::stoll(text, &used);
    return used == text.size() ? value : fallback;
  } catch (...) {
    return fallback;
  }
}

bool IsServerError(long status) { return status == 500 || status == 502 || status == 503 || status == 504; }

bool LooksSecondary(const Response& response) {
  if (response.status == 429) return true;
  std::string lower = response.body.substr(0, 2000);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("secondary rate limit") != std::string::npos ||
         lower.find("abuse") != std::string::npos;
}

}  // namespace

std::optional<ValidatorCache::Entry> MemoryValidatorCache::Get(const std::string& url) {
  auto it = entries_.find(url);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void MemoryValidatorCache::Put(const std::string& url, const std::string& etag,
                               const Response& response) {
  entries_[url] = Entry{etag, response};
}

Client::Client(Transport& transport, Clock& clock, ClientOptions options)
    : transport_(transport),
      clock_(clock),
      options_(std::move(options)),
      validators_(options_.validators != nullptr ? *options_.validators : memory_validators_) {
  uint32_t seed = options_.jitter_seed;
  if (seed == 0) seed = static_cast<uint32_t>(clock_.Now().time_since_epoch().count());
  jitter_.seed(seed);
}

std::string Client::OriginOf(const std::string& url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string origin = url.substr(0, host_end);
  std::transform(origin.begin(), origin.end(), origin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return origin;
}

Client::Pending Client::Build(const std::string& method, const std::string& url,
                              const std::string& body) {
  Pending pending;
  Request& request = pending.request;
  request.method = method;
  request.url = url;
  request.body = body;
  request.headers = options_.default_headers;
  // The token goes to the API it belongs to and nowhere else, whatever URL
  // a response or an issue text steers us to.
  if (!options_.token.empty() && !options_.token_origin.empty() &&
      OriginOf(url) == OriginOf(options_.token_origin)) {
    request.headers.emplace_back("Authorization", "Bearer " + options_.token);
  }
  if (method == "POST") request.headers.emplace_back("Content-Type", "application/json");
  if (method == "GET") {
    pending.remembered = validators_.Get(url);
    if (pending.remembered) request.headers.emplace_back("If-None-Match", pending.remembered->etag);
  }
  return pending;
}

Client::Verdict Client::Judge(const Result<Response>& answer, int attempt, milliseconds& wait,
                              std::string& why) {
  auto backoff = [&] {
    double factor = std::pow(2.0, attempt) * std::uniform_real_distribution<double>(0.5, 1.5)(jitter_);
    return milliseconds(static_cast<int64_t>(static_cast<double>(options_.base_backoff.count()) * factor));
  };
  if (!answer) {
    // A transport error of kind kServer is an answer no server should send
    // (one larger than any of GitHub's): asking again would only repeat it.
    if (attempt >= options_.max_retries || answer.error().kind == ErrorKind::kServer) {
      return Verdict::kGiveUp;
    }
    wait = backoff();
    return Verdict::kRetry;
  }
  const Response& response = *answer;
  if (IsServerError(response.status)) {
    if (attempt >= options_.max_retries) {
      why = "GitHub answered " + std::to_string(response.status) + " " + std::to_string(attempt + 1) +
            " times; it may be having trouble, try again later";
      return Verdict::kGiveUp;
    }
    wait = backoff();
    return Verdict::kRetry;
  }
  const std::string remaining = response.Header("x-ratelimit-remaining");
  // GraphQL reports an exhausted primary limit as HTTP 200 with an error.
  const bool graphql_limited = response.status == 200 && remaining == "0" &&
                               response.body.find("\"RATE_LIMIT") != std::string::npos;  // RATE_LIMITED or RATE_LIMIT
  if (response.status != 403 && response.status != 429 && !graphql_limited) return Verdict::kDone;

  const std::string retry_after = response.Header("retry-after");
  if (!retry_after.empty()) {
    wait = milliseconds(std::max<int64_t>(1, ParseInt(retry_after, 60)) * 1000);
  } else if (remaining == "0") {
    int64_t reset = ParseInt(response.Header("x-ratelimit-reset"), 0);
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      clock_.Now().time_since_epoch()).count();
    wait = milliseconds(std::max<int64_t>(1, reset - now + 1) * 1000);
  } else if (LooksSecondary(response)) {
    // No signal from the server: wait at least a minute, then back off.
    wait = options_.secondary_min_wait * (int64_t{1} << std::min(attempt, 6));
  } else {
    return Verdict::kDone;  // a plain 403: no access; the caller decides
  }
  if (wait > options_.max_wait || attempt >= options_.max_retries) {
    int64_t seconds = (wait.count() + 999) / 1000;
    why = "GitHub's rate limit stops us for " + std::to_string(seconds) +
          " s, longer than --max-wait " + std::to_string(options_.max_wait.count()) +
          " s; wait and run again, raise --max-wait, or set GITHUB_TOKEN for a higher limit";
    return Verdict::kGiveUp;
  }
  return Verdict::kRetry;
}

Result<void> Client::WaitForBudget(const std::vector<Request>& batch) {
  if (options_.budget == nullptr) return {};
  std::map<std::string_view, int64_t> cost;  // resource -> requests of the batch
  for (const Request& request : batch) ++cost[RateBudget::ResourceOf(request.url)];
  milliseconds wait{0};
  for (const auto& [resource, count] : cost) {
    wait = std::max(wait, options_.budget->WaitFor(resource, count, clock_.Now()));
  }
  if (wait.count() > 0 && wait >= options_.deadline.Remaining()) {
    return MakeError(ErrorKind::kRateLimited,
                     options_.deadline.RanOut() + " before GitHub's rate limit for this token resets in " +
                         std::to_string((wait.count() + 999) / 1000) +
                         " s; raise --timeout, or run again after it resets");
  }
  if (wait > options_.max_wait) {
    return MakeError(ErrorKind::kRateLimited,
                     "GitHub's rate limit for this token is spent for " +
                         std::to_string((wait.count() + 999) / 1000) + " s, longer than --max-wait " +
                         std::to_string(options_.max_wait.count()) + " s; try again after it resets");
  }
  if (wait.count() > 0) {
    if (options_.observer != nullptr) {
      options_.observer->OnWait({wait, clock_.Now() + wait, "rate limit"});
    }
    stats_.waited_ms += wait.count();
    clock_.Sleep(wait);
  }
  for (const auto& [resource, count] : cost) options_.budget->Spend(resource, count);
  return {};
}

void Client::Observe(const Request& request, const Result<Response>& answer, int64_t elapsed_ms) {
  RequestRecord record;
  record.method = request.method;
  record.url = request.url;
  record.elapsed_ms = elapsed_ms;
  if (answer) {
    record.status = answer->status;
    record.bytes = answer->wire_bytes;
    record.rate_remaining = ParseInt(answer->Header("x-ratelimit-remaining"), -1);
    // GraphQL answers carry their price in data.rateLimit.cost.
    if (size_t at = answer->body.find("\"cost\":"); at != std::string::npos) {
      size_t end = answer->body.find_first_not_of("0123456789", at + 7);
      record.graphql_cost = ParseInt(answer->body.substr(at + 7, end - at - 7), -1);
    }
  }
  options_.observer->OnRequest(record);
}

std::vector<Result<Response>> Client::Run(std::vector<Pending> requests) {
  std::vector<Result<Response>> results(requests.size(),
                                        MakeError(ErrorKind::kInternal, "request not performed"));
  std::vector<int> attempts(requests.size(), 0);
  std::vector<size_t> pending(requests.size());
  for (size_t i = 0; i < pending.size(); ++i) pending[i] = i;

  const Deadline& deadline = options_.deadline;
  while (!pending.empty()) {
    if (deadline.Passed()) {
      for (size_t i : pending) results[i] = RanOut(requests[i].request.url, "before asking for");
      break;
    }
    std::vector<Request> batch;
    batch.reserve(pending.size());
    for (size_t i : pending) {
      batch.push_back(requests[i].request);
      if (deadline.IsSet()) batch.back().timeout = deadline.Remaining();
    }
    if (auto paid = WaitForBudget(batch); !paid) {
      for (size_t i : pending) results[i] = std::unexpected(paid.error());
      break;
    }
    const auto sent = std::chrono::steady_clock::now();
    auto answers = transport_.PerformAll(batch);
    stats_.requests += static_cast<int64_t>(batch.size());
    const int64_t elapsed_ms = std::chrono::duration_cast<milliseconds>(
                                   std::chrono::steady_clock::now() - sent)
                                   .count();
    for (size_t j = 0; j < batch.size(); ++j) {
      if (options_.observer != nullptr) Observe(batch[j], answers[j], elapsed_ms);
      if (options_.budget != nullptr && answers[j]) {
        const std::string resource = answers[j]->Header("x-ratelimit-resource");
        options_.budget->Record(resource.empty() ? RateBudget::ResourceOf(batch[j].url) : resource,
                                ParseInt(answers[j]->Header("x-ratelimit-remaining"), -1),
                                ParseInt(answers[j]->Header("x-ratelimit-reset"), 0));
      }
    }

    std::vector<size_t> again;
    milliseconds longest{0};
    for (size_t j = 0; j < pending.size(); ++j) {
      size_t i = pending[j];
      Result<Response>& answer = answers[j];
      if (answer) {
        stats_.bytes += answer->wire_bytes;
        if (auto remaining = answer->Header("x-ratelimit-remaining"); !remaining.empty()) {
          stats_.rate_limit_remaining = ParseInt(remaining, -1);
          stats_.rate_limit_reset = ParseInt(answer->Header("x-ratelimit-reset"), 0);
        }
        if (answer->status == 304) {
          if (const auto& remembered = requests[i].remembered) {
            ++stats_.not_modified;
            Response cached = remembered->response;
            cached.wire_bytes = answer->wire_bytes;
            for (const auto& [name, value] : answer->headers) cached.headers[name] = value;
            results[i] = std::move(cached);
            continue;
          }
        }
      }
      if (!answer && deadline.Passed()) {
        // Cut short by the run's limit, not by the network: say which.
        results[i] = RanOut(requests[i].request.url, "while reading");
        continue;
      }
      milliseconds wait{0};
      std::string why;
      const Verdict verdict = Judge(answer, attempts[i], wait, why);
      if (verdict == Verdict::kRetry && wait >= deadline.Remaining()) {
        const ErrorKind kind = !answer                         ? answer.error().kind
                               : IsServerError(answer->status) ? ErrorKind::kServer
                                                               : ErrorKind::kRateLimited;
        results[i] = MakeError(kind, deadline.RanOut() + " before a " +
                                         std::to_string((wait.count() + 999) / 1000) +
                                         " s wait to ask " + requests[i].request.url +
                                         " again could end; raise --timeout, or run again later");
        continue;
      }
      switch (verdict) {
        case Verdict::kDone:
          if (answer && answer->status == 200 && requests[i].request.method == "GET") {
            if (auto etag = answer->Header("etag"); !etag.empty()) {
              validators_.Put(requests[i].request.url, etag, *answer);
            }
          }
          results[i] = std::move(answer);
          break;
        case Verdict::kRetry:
          ++attempts[i];
          again.push_back(i);
          longest = std::max(longest, wait);
          break;
        case Verdict::kGiveUp:
          if (!answer) {
            results[i] = std::move(answer);
          } else {
            ErrorKind kind = IsServerError(answer->status) ? ErrorKind::kServer : ErrorKind::kRateLimited;
            results[i] = MakeError(kind, why);
          }
          break;
      }
    }
    if (!again.empty()) {
      stats_.retries += static_cast<int64_t>(again.size());
      stats_.waited_ms += longest.count();
      if (options_.observer != nullptr && longest.count() > 0) {
        options_.observer->OnWait({longest, clock_.Now() + longest, "retry"});
      }
      clock_.Sleep(longest);
    }
    pending = std::move(again);
  }
  return results;
}

Result<Response> Client::RanOut(const std::string& url, const char* when) const {
  return MakeError(ErrorKind::kNetwork, options_.deadline.RanOut() + " " + when + " " + url +
                                            "; raise --timeout, or run again to go on from the cache");
}

std::vector<Result<Response>> Client::GetAll(const std::vector<std::string>& urls) {
  std::vector<Pending> requests;
  requests.reserve(urls.size());
  for (const auto& url : urls) requests.push_back(Build("GET", url, ""));
  return Run(std::move(requests));
}

Result<Response> Client::Get(const std::string& url) { return std::move(GetAll({url}).front()); }

Result<Response> Client::Post(const std::string& url, const std::string& body) {
  return std::move(Run({Build("POST", url, body)}).front());
}

std::vector<Result<Response>> Client::PostAll(const std::string& url, const std::vector<std::string>& bodies) {
  std::vector<Pending> requests;
  requests.reserve(bodies.size());
  for (const auto& body : bodies) requests.push_back(Build("POST", url, body));
  return Run(std::move(requests));
}

}  // namespace issuegraph::http
