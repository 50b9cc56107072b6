// Trending published reports: views and votes, each worth less as it ages
// (half-life three days). A visitor's repeated views count once; the
// caller leaves out bots. Works on a connection it does not own; not
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

inline constexpr int64_t kTrendingHalfLifeSeconds = 3 * 24 * 3600;
inline constexpr double kVoteWeight = 3.0;  // a vote says more than a view

struct TrendingEntry {
  std::string key;  // PublishedKey
  double score = 0;
  int64_t views = 0;
  int64_t votes = 0;
};

class Trending {
 public:
  explicit Trending(sql::Database& db) : db_(db) {}

  // Counts `visitor`'s view of `key` unless it was counted before.
  Result<void> RecordView(std::string_view key, std::string_view visitor, int64_t now);
  // Published reports by decayed score, highest first; only those with a
  // view or a vote.
  Result<std::vector<TrendingEntry>> Top(int64_t now, int limit);

 private:
  sql::Database& db_;
};

}  // namespace issuegraph::store
