#include "store/trending.h"

namespace issuegraph::store {

Result<void> Trending::RecordView(std::string_view key, std::string_view visitor, int64_t now) {
  auto statement =
      db_.Cached("INSERT INTO views (key, visitor, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, key).BindText(2, visitor).BindInt(3, now);
  return (*statement)->Run();
}

Result<std::vector<TrendingEntry>> Trending::Top(int64_t now, int limit) {
  // weight = 0.5 ^ (age / half-life); a future time (clock skew) weighs 1.
  auto query = db_.Cached(
      "SELECT key, sum(weight * power(0.5, (CASE WHEN ?1 > created_at THEN ?1 - created_at "
      "ELSE 0 END) * 1.0 / ?2)) AS score, "
      "sum(CASE WHEN kind = 'view' THEN 1 ELSE 0 END), sum(CASE WHEN kind = 'vote' THEN 1 ELSE 0 END) "
      "FROM ("
      "  SELECT key, created_at, 1.0 AS weight, 'view' AS kind FROM views"
      "  UNION ALL SELECT key, created_at, CAST(?3 AS DOUBLE PRECISION), 'vote' FROM votes"
      ") AS seen WHERE key IN (SELECT key FROM published) "
      "GROUP BY key ORDER BY score DESC, key LIMIT ?4");
  if (!query) return std::unexpected(query.error());
  (*query)->BindInt(1, now).BindInt(2, kTrendingHalfLifeSeconds);
  (*query)->BindInt(4, limit);
  // A double parameter: bound as text, SQLite converts it in arithmetic.
  (*query)->BindText(3, std::to_string(kVoteWeight));
  std::vector<TrendingEntry> out;
  for (;;) {
    auto row = (*query)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    TrendingEntry entry;
    entry.key = (*query)->Text(0);
    entry.score = std::stod((*query)->Text(1));
    entry.views = (*query)->Int(2);
    entry.votes = (*query)->Int(3);
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace issuegraph::store
