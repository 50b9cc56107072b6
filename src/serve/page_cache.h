// Report pages as last rendered, so a stored report is answered without a
// store read or a render: the page a visitor with no votes of their own
// sees (votes change a visitor's buttons, so those visitors get a fresh
// render). An entry is renewed after a few seconds (the page says how old
// the report is), and goes as soon as what it shows changes: a vote on the
// report, or any report published (related lists). Bounded; thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "store/published.h"

namespace issuegraph::serve {

class PageCache {
 public:
  explicit PageCache(std::chrono::milliseconds ttl = std::chrono::seconds(5), size_t capacity = 256)
      : ttl_(ttl), capacity_(capacity) {}

  struct Entry {
    // The report without its downloads (markdown, JSON, archive).
    std::shared_ptr<const store::PublishedReport> report;
    std::shared_ptr<const std::string> page;
    // Past its ttl, and this caller is the one to render it again: every
    // other caller meanwhile gets the old page, so an entry running out
    // under load costs one render, not one per waiting connection.
    bool renew = false;
  };

  // The entry of (`key`, `depth`) unless none is kept or it is older than
  // ten ttls at `now`.
  std::optional<Entry> Get(const std::string& key, int depth, std::chrono::steady_clock::time_point now);
  // Keeps `page`, rendered from `report` at `now`.
  void Put(const store::PublishedReport& report, std::string page, std::chrono::steady_clock::time_point now);
  // Every depth of `key`'s report.
  void Forget(const std::string& key);
  void Clear();

 private:
  struct Kept {
    Entry entry;
    std::chrono::steady_clock::time_point made;
    bool renewing = false;
  };
  const std::chrono::milliseconds ttl_;
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, Kept> kept_;
};

}  // namespace issuegraph::serve
