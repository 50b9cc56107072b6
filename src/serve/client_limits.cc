#include "serve/client_limits.h"

#include <algorithm>
#include <cmath>

namespace issuegraph::serve {

bool ClientLimiter::Take(std::string_view client, std::chrono::steady_clock::time_point now,
                         int* retry_after) {
  return Check(client, now, retry_after, Spend::kTake);
}

bool ClientLimiter::Peek(std::string_view client, std::chrono::steady_clock::time_point now,
                         int* retry_after) {
  return Check(client, now, retry_after, Spend::kPeek);
}

bool ClientLimiter::Check(std::string_view client, std::chrono::steady_clock::time_point now,
                          int* retry_after, Spend spend) {
  std::lock_guard lock(mutex_);
  if (now - swept_ > std::chrono::minutes(10)) {
    std::erase_if(buckets_, [&](const auto& entry) { return now - entry.second.at > std::chrono::hours(1); });
    swept_ = now;
  }
  auto it = buckets_.find(client);
  if (it == buckets_.end()) it = buckets_.emplace(std::string(client), Bucket{burst_, now}).first;
  Bucket& bucket = it->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.at).count();
  bucket.tokens = std::min(burst_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
  bucket.at = now;
  if (bucket.tokens >= 1.0) {
    if (spend == Spend::kTake) bucket.tokens -= 1.0;
    return true;
  }
  if (retry_after != nullptr) {
    *retry_after = per_second_ <= 0 ? 60 : std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second_)));
  }
  return false;
}

}  // namespace issuegraph::serve
