#include "serve/page_cache.h"

#include <limits>

namespace issuegraph::serve {

std::optional<PageCache::Entry> PageCache::Get(const std::string& key, int depth,
                                               std::chrono::steady_clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = kept_.find({key, depth});
  if (it == kept_.end() || now - it->second.made >= 10 * ttl_) return std::nullopt;
  Entry entry = it->second.entry;
  if (now - it->second.made >= ttl_ && !it->second.renewing) {
    it->second.renewing = true;
    entry.renew = true;
  }
  return entry;
}

void PageCache::Put(const store::PublishedReport& report, std::string page,
                    std::chrono::steady_clock::time_point now) {
  auto kept = std::make_shared<store::PublishedReport>(report);
  kept->markdown.clear();
  kept->json.clear();
  kept->archive.clear();
  Entry entry{std::move(kept), std::make_shared<const std::string>(std::move(page))};
  std::lock_guard<std::mutex> lock(mutex_);
  if (kept_.size() >= capacity_) {
    // Stale ones first; when none is, start over: a few renders refill it.
    std::erase_if(kept_, [&](const auto& item) { return now - item.second.made >= 10 * ttl_; });
    if (kept_.size() >= capacity_) kept_.clear();
  }
  kept_[{store::PublishedKey(report.ref), report.depth}] = {std::move(entry), now, false};
}

void PageCache::Forget(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = kept_.lower_bound({key, std::numeric_limits<int>::min()});
  while (it != kept_.end() && it->first.first == key) it = kept_.erase(it);
}

void PageCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  kept_.clear();
}

}  // namespace issuegraph::serve
