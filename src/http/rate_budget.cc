#include "http/rate_budget.h"

#include <algorithm>

namespace issuegraph::http {

void RateBudget::Record(std::string_view resource, int64_t remaining, int64_t reset_epoch) {
  if (remaining < 0) return;
  std::lock_guard lock(mutex_);
  auto it = limits_.find(resource);
  if (it == limits_.end()) it = limits_.emplace(std::string(resource), Limit{}).first;
  Limit& limit = it->second;
  // Answers of one window arrive out of order: keep the lowest count seen
  // for the newest window.
  if (reset_epoch > limit.reset_epoch || limit.remaining < 0) {
    limit = {remaining, reset_epoch};
  } else if (reset_epoch == limit.reset_epoch) {
    limit.remaining = std::min(limit.remaining, remaining);
  }
}

std::chrono::milliseconds RateBudget::WaitFor(std::string_view resource, int64_t cost,
                                              std::chrono::system_clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = limits_.find(resource);
  if (it == limits_.end()) return std::chrono::milliseconds(0);
  return WaitFrom(it->second.remaining, it->second.reset_epoch, cost, now);
}

std::chrono::milliseconds RateBudget::WaitFrom(int64_t remaining, int64_t reset_epoch, int64_t cost,
                                               std::chrono::system_clock::time_point now) const {
  if (remaining < 0 || remaining - cost >= reserve_) return std::chrono::milliseconds(0);
  const auto reset = std::chrono::system_clock::time_point(std::chrono::seconds(reset_epoch));
  if (reset <= now) return std::chrono::milliseconds(0);
  // One second past the reset, as GitHub's clock and ours differ.
  return std::chrono::duration_cast<std::chrono::milliseconds>(reset - now) +
         std::chrono::milliseconds(1000);
}

void RateBudget::Spend(std::string_view resource, int64_t cost) {
  std::lock_guard lock(mutex_);
  auto it = limits_.find(resource);
  if (it == limits_.end() || it->second.remaining < 0) return;
  it->second.remaining = std::max<int64_t>(0, it->second.remaining - cost);
}

std::string_view RateBudget::ResourceOf(std::string_view url) {
  if (size_t cut = url.find_first_of("?#"); cut != std::string_view::npos) url = url.substr(0, cut);
  while (url.ends_with('/')) url.remove_suffix(1);
  return url.ends_with("/graphql") ? "graphql" : "core";
}

}  // namespace issuegraph::http
