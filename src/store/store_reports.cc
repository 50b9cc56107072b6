// The Store's archive of reports (store.h, ReportStore): kept whole, the
// rows a servable one stands on, and finding one a crawl now would make
// again.
#include "store/store.h"

#include <random>
#include <string>

namespace issuegraph::store {
namespace {

using json = nlohmann::json;

std::string NewReportId(int64_t created_at) {
  std::time_t seconds = static_cast<std::time_t>(created_at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  std::random_device random;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%06x", random() & 0xffffffu);
  return std::string(stamp) + "-" + suffix;
}

StoredReport ReportFromRow(const sql::Statement& row) {
  StoredReport report;
  report.id = row.Text(0);
  report.created_at = row.Int(1);
  report.root = row.Text(2);
  report.options = json::parse(row.Text(3), nullptr, false);  // discarded value when unreadable
  if (report.options.is_discarded()) report.options = json::object();
  report.format = row.Text(4);
  report.content = row.Text(5);
  if (!row.IsNull(6)) report.cache_key = row.Text(6);
  if (!row.IsNull(7)) report.summary = json::parse(row.Text(7), nullptr, false);
  if (report.summary.is_discarded()) report.summary = json();
  report.scope = row.Text(8);
  return report;
}

// The columns ReportFromRow reads, in its order.
constexpr std::string_view kReportColumns =
    "SELECT id, created_at, root, options, format, content, cache_key, summary, scope FROM reports ";

std::string_view MemberKindName(ReportMember::Kind kind) {
  switch (kind) {
    case ReportMember::Kind::kNode: return "node";
    case ReportMember::Kind::kFailure: return "failure";
    case ReportMember::Kind::kAlias: return "alias";
  }
  return "node";
}

// A store is a regular file (or one to be made): SQLite beside a device or
// a FIFO would write its journal into that file's directory.

}  // namespace

Result<std::string> Store::PutReport(StoredReport report) {
  if (report.created_at == 0) report.created_at = Now();
  if (report.id.empty()) report.id = NewReportId(report.created_at);
  RemoveSecrets(report.options);
  RemoveSecrets(report.summary);
  auto transaction = sql::Transaction::Begin(*db_);
  if (!transaction) return std::unexpected(transaction.error());
  if (!report.cache_key.empty()) {
    // One servable copy per key: the older ones stay as archives only.
    auto retire = db_->Cached(
        "DELETE FROM report_members WHERE report_id IN (SELECT id FROM reports WHERE cache_key = ?)");
    if (!retire) return std::unexpected(retire.error());
    if (auto done = (*retire)->BindText(1, report.cache_key).Run(); !done)
      return std::unexpected(done.error());
    auto unkey = db_->Cached("UPDATE reports SET cache_key = NULL WHERE cache_key = ?");
    if (!unkey) return std::unexpected(unkey.error());
    if (auto done = (*unkey)->BindText(1, report.cache_key).Run(); !done)
      return std::unexpected(done.error());
  }
  // A report stored again under its id replaces the old one and its members.
  auto replace = db_->Cached("DELETE FROM reports WHERE id = ?");
  if (!replace) return std::unexpected(replace.error());
  if (auto done = (*replace)->BindText(1, report.id).Run(); !done)
    return std::unexpected(done.error());
  auto statement = db_->Cached(
      "INSERT INTO reports (id, created_at, root, options, format, content, cache_key, "
      "summary, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return std::unexpected(statement.error());
  sql::Statement& row = **statement;
  row.BindText(1, report.id).BindInt(2, report.created_at).BindText(3, report.root);
  row.BindText(4, report.options.dump(-1, ' ', false, json::error_handler_t::replace));
  row.BindText(5, report.format).BindText(6, report.content);
  row.BindOptionalText(7, report.cache_key);
  row.BindOptionalText(8, report.summary.is_null()
                              ? std::string()
                              : report.summary.dump(-1, ' ', false, json::error_handler_t::replace));
  row.BindOptionalText(9, report.scope);
  if (auto done = row.Run(); !done) return std::unexpected(done.error());
  if (!report.cache_key.empty()) {
    auto member = db_->Cached(
        "INSERT INTO report_members (report_id, kind, key, target, revision) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING");
    if (!member) return std::unexpected(member.error());
    for (const ReportMember& each : report.members) {
      sql::Statement& insert = **member;
      insert.Reset();
      insert.BindText(1, report.id).BindText(2, MemberKindName(each.kind)).BindText(3, each.key);
      insert.BindText(4, each.target).BindInt(5, each.revision);
      if (auto done = insert.Run(); !done) return std::unexpected(done.error());
    }
  }
  if (auto committed = transaction->Commit(); !committed) return std::unexpected(committed.error());
  return report.id;
}

Result<std::optional<ServableReport>> Store::FindServableReport(std::string_view cache_key,
                                                                std::string_view scope,
                                                                bool authenticated,
                                                                std::chrono::seconds max_age) {
  if (cache_key.empty()) return std::nullopt;
  const int64_t cutoff = Now() - max_age.count();  // fetched at or before: stale
  // A deferred transaction: the report and its members in one snapshot.
  if (auto begun = db_->BeginRead(); !begun) return std::unexpected(begun.error());
  auto found = [&]() -> Result<std::optional<ServableReport>> {
    auto newest = db_->Cached(std::string(kReportColumns) +
                              "WHERE cache_key = ? ORDER BY created_at DESC, id DESC LIMIT 1");
    if (!newest) return std::unexpected(newest.error());
    (*newest)->BindText(1, cache_key);
    auto row = (*newest)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::nullopt;
    ServableReport servable;
    servable.report = ReportFromRow(**newest);
    (*newest)->Reset();
    const auto bind = [&](sql::Statement& statement) {
      statement.BindText(1, servable.report.id).BindText(2, scope).BindInt(3, authenticated ? 1 : 0);
    };
    // Members still there as read: a node or failure with the same
    // revision, an alias to the same key.
    auto check = db_->Cached(
        "SELECT count(*), coalesce(sum(live), 0) FROM ("
        " SELECT CASE WHEN n.id IS NULL THEN 0 ELSE 1 END AS live FROM report_members m"
        " LEFT JOIN nodes n ON n.scope = ?2 AND n.key = m.key AND n.revision = m.revision"
        " WHERE m.report_id = ?1 AND m.kind = 'node'"
        " UNION ALL"
        " SELECT CASE WHEN f.key IS NULL THEN 0 ELSE 1 END FROM report_members m"
        " LEFT JOIN failures f ON f.scope = ?2 AND f.key = m.key AND f.authenticated = ?3"
        " AND f.revision = m.revision"
        " WHERE m.report_id = ?1 AND m.kind = 'failure'"
        " UNION ALL"
        " SELECT CASE WHEN a.key IS NULL THEN 0 ELSE 1 END FROM report_members m"
        " LEFT JOIN aliases a ON a.scope = ?2 AND a.old_key = m.key AND a.key = m.target"
        " WHERE m.report_id = ?1 AND m.kind = 'alias') AS members");
    if (!check) return std::unexpected(check.error());
    bind(**check);
    auto counted = (*check)->Step();
    if (!counted) return std::unexpected(counted.error());
    const int64_t total = (*check)->Int(0);
    const int64_t live = (*check)->Int(1);
    (*check)->Reset();
    if (total == 0 || live != total) return std::nullopt;

    // Which of them are stale (all live, so the joins find every one).
    auto stale = db_->Cached(
        "SELECT 'node', m.key, n.host, n.owner, n.repo, n.number, n.updated_at, n.updated_at_seen,"
        " n.link_count_seen, n.complete, n.revision FROM report_members m"
        " JOIN nodes n ON n.scope = ?2 AND n.key = m.key"
        " WHERE m.report_id = ?1 AND m.kind = 'node' AND n.fetched_at <= ?4"
        " UNION ALL"
        " SELECT 'failure', m.key, '', '', '', 0, '', '', -1, 0, f.revision FROM report_members m"
        " JOIN failures f ON f.scope = ?2 AND f.key = m.key AND f.authenticated = ?3"
        " WHERE m.report_id = ?1 AND m.kind = 'failure' AND f.fetched_at <= ?4");
    if (!stale) return std::unexpected(stale.error());
    sql::Statement& rows = **stale;
    bind(rows);
    rows.BindInt(4, cutoff);
    for (;;) {
      auto next = rows.Step();
      if (!next) return std::unexpected(next.error());
      if (!*next) break;
      if (rows.Text(0) == "failure") {
        servable.stale_failures.push_back(rows.Text(1));
        continue;
      }
      StoredNode& node = servable.stale.emplace_back();
      node.node.ref.host = rows.Text(2);
      node.node.ref.owner = rows.Text(3);
      node.node.ref.repo = rows.Text(4);
      node.node.ref.number = rows.Int(5);
      node.node.updated_at = rows.Text(6);
      node.updated_at_seen = rows.Text(7);
      node.link_count_seen = rows.Int(8);
      node.node.complete = rows.Int(9) != 0;
      node.revision = rows.Int(10);
    }
    return std::optional<ServableReport>(std::move(servable));
  }();
  (void)db_->Exec(found ? "COMMIT" : "ROLLBACK");
  return found;
}

Result<std::optional<StoredReport>> Store::GetReport(std::string_view id) {
  auto statement = db_->Cached(std::string(kReportColumns) + "WHERE id = ?");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, id);
  auto row = (*statement)->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::nullopt;
  return std::optional<StoredReport>(ReportFromRow(**statement));
}

Result<std::vector<StoredReport>> Store::ListReports(int limit) {
  auto statement =
      db_->Cached(std::string(kReportColumns) + "ORDER BY created_at DESC, id DESC LIMIT ?");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindInt(1, std::max(0, limit));
  std::vector<StoredReport> out;
  for (;;) {
    auto row = (*statement)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(ReportFromRow(**statement));
  }
  return out;
}

}  // namespace issuegraph::store
