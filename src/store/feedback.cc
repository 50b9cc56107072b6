#include "store/feedback.h"

namespace issuegraph::store {

bool IsSignal(std::string_view name) {
  for (const Signal& signal : kSignals) {
    if (signal.name == name) return true;
  }
  return false;
}

Result<void> Feedback::Vote(std::string_view key, std::string_view signal, std::string_view visitor,
                            bool on, int64_t now) {
  if (!IsSignal(signal)) {
    return MakeError(ErrorKind::kInvalidInput,
                     "'" + std::string(signal.substr(0, 40)) +
                         "' is not a feedback signal; use works, easy_fix, time_saver, blocking, "
                         "common_issue, flaky or verified");
  }
  auto statement = db_.Cached(on ? "INSERT INTO votes (key, signal, visitor, created_at) "
                                   "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
                                 : "DELETE FROM votes WHERE key = ? AND signal = ? AND visitor = ? "
                                   "AND CAST(? AS BIGINT) IS NOT NULL");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, key).BindText(2, signal).BindText(3, visitor).BindInt(4, now);
  return (*statement)->Run();
}

Result<std::map<std::string, int64_t>> Feedback::Counts(std::string_view key) {
  std::map<std::string, int64_t> counts;
  for (const Signal& signal : kSignals) counts[std::string(signal.name)] = 0;
  auto query = db_.Cached("SELECT signal, count(*) FROM votes WHERE key = ? GROUP BY signal");
  if (!query) return std::unexpected(query.error());
  (*query)->BindText(1, key);
  for (;;) {
    auto row = (*query)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    std::string name = (*query)->Text(0);
    if (IsSignal(name)) counts[name] = (*query)->Int(1);
  }
  return counts;
}

Result<std::set<std::string>> Feedback::Mine(std::string_view key, std::string_view visitor) {
  std::set<std::string> mine;
  auto query = db_.Cached("SELECT signal FROM votes WHERE key = ? AND visitor = ?");
  if (!query) return std::unexpected(query.error());
  (*query)->BindText(1, key).BindText(2, visitor);
  for (;;) {
    auto row = (*query)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    mine.insert((*query)->Text(0));
  }
  return mine;
}

}  // namespace issuegraph::store
