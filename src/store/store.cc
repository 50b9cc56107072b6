#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <system_error>
#include <unordered_map>
#include <utility>

#include "store/schema.h"
#include "model/ascii.h"

namespace issuegraph::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool IsMemory(const std::string& path) { return path == ":memory:" || path.empty(); }

Result<int64_t> CountOf(sql::Database& db, const std::string& sql) {
  auto statement = db.Cached(sql);
  if (!statement) return std::unexpected(statement.error());
  auto row = (*statement)->Step();
  if (!row) return std::unexpected(row.error());
  return *row ? (*statement)->Int(0) : 0;
}

// Runs a DELETE (binding the cutoff when given) and reports the rows it removed.
Result<int64_t> Delete(sql::Database& db, const std::string& sql,
                       std::optional<int64_t> cutoff = std::nullopt) {
  auto statement = db.Cached(sql);
  if (!statement) return std::unexpected(statement.error());
  if (cutoff) (*statement)->BindInt(1, *cutoff);
  if (auto done = (*statement)->Run(); !done) return std::unexpected(done.error());
  return db.Changes();
}

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

void RemoveStoreFiles(const std::string& path, std::error_code& error) {
  fs::remove(path, error);
  if (error) return;
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    fs::remove(path + suffix, ignored);
  }
}

std::optional<ErrorKind> ParseErrorKind(std::string_view text) {
  for (ErrorKind kind :
       {ErrorKind::kInvalidInput, ErrorKind::kNotFound, ErrorKind::kGone, ErrorKind::kUnauthorized,
        ErrorKind::kForbidden, ErrorKind::kRateLimited, ErrorKind::kNetwork, ErrorKind::kServer,
        ErrorKind::kProtocol, ErrorKind::kIo, ErrorKind::kInternal}) {
    if (ErrorKindName(kind) == text) return kind;
  }
  return std::nullopt;
}

}  // namespace

void RemoveSecrets(json& value) {
  if (value.is_array()) {
    for (json& item : value) RemoveSecrets(item);
    return;
  }
  if (!value.is_object()) return;
  for (auto it = value.begin(); it != value.end();) {
    std::string key = LowerAscii(it.key());
    bool secret = false;
    for (const char* word : {"token", "authorization", "password", "secret", "cookie"}) {
      secret = secret || key.find(word) != std::string::npos;
    }
    if (secret) {
      it = value.erase(it);
    } else {
      RemoveSecrets(*it);
      ++it;
    }
  }
}

Store::Store(std::unique_ptr<sql::Database> db, Clock* clock)
    : db_(std::move(db)), clock_(clock) {
  if (clock_ == nullptr) clock_ = &system_clock_;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, Clock* clock) {
  const std::string where = IsMemory(path) ? ":memory:" : path;
  if (!IsMemory(path)) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      return MakeError(ErrorKind::kIo,
                       "the store " + path + " is a directory; give a file with --store PATH");
    }
  }
  auto db = sql::Database::Open(where);
  if (!db) return std::unexpected(db.error());
  if (auto ready = PrepareSchema(**db); !ready) return std::unexpected(ready.error());
  return std::unique_ptr<Store>(new Store(std::move(*db), clock));
}

Result<std::string> Store::DefaultPath() {
  fs::path base;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  // The XDG spec ignores relative values.
  if (xdg != nullptr && xdg[0] == '/') {
    base = fs::path(xdg);
  } else if (home != nullptr && home[0] != '\0') {
    base = fs::path(home) / ".cache";
  } else {
    return MakeError(ErrorKind::kIo,
                     "cannot find a cache directory (neither XDG_CACHE_HOME nor HOME is set); "
                     "choose a store file with --store PATH");
  }
  fs::path directory = base / "issuegraph";
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) {
    return MakeError(ErrorKind::kIo, "cannot create the cache directory " + directory.string() +
                                         " (" + error.message() +
                                         "); choose a store file with --store PATH");
  }
  return (directory / "store.db").string();
}

Result<void> Store::ClearFile(const std::string& path) {
  std::error_code error;
  if (IsMemory(path) || !fs::exists(path, error)) return {};
  Error failure;
  bool damaged = false;
  {
    auto db = sql::Database::Open(path);
    if (!db) return std::unexpected(db.error());
    auto ready = PrepareSchema(**db);
    if (ready) {
      Store store(std::move(*db), nullptr);
      auto cleared = store.Clear();
      if (cleared) return {};
      failure = cleared.error();
      damaged = store.database().saw_corruption();
    } else {
      failure = ready.error();
      // Not SQLite at all, or SQLite that cannot be read: nothing to save.
      // Another program's intact database fails without corruption: kept.
      damaged = (*db)->saw_corruption();
    }
  }  // connections closed before the file goes
  if (!damaged) return std::unexpected(failure);
  RemoveStoreFiles(path, error);
  if (error) {
    return MakeError(ErrorKind::kIo,
                     "cannot remove the damaged store " + path + " (" + error.message() +
                         "); remove it by hand or choose another file with --store PATH");
  }
  return {};
}

int64_t Store::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock_->Now().time_since_epoch()).count();
}

Result<int64_t> Store::Put(std::string_view scope, const NodeBatch& batch) {
  if (batch.nodes.empty() && batch.aliases.empty() && batch.failures.empty()) return 0;
  if (!batch.stamps.empty() && batch.stamps.size() != batch.nodes.size()) {
    return MakeError(ErrorKind::kInternal, "Store::Put: one stamp per node expected");
  }
  const int64_t now = Now();
  auto transaction = sql::Transaction::Begin(*db_);
  if (!transaction) return std::unexpected(transaction.error());
  auto next = db_->Cached(
      "UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value");
  if (!next) return std::unexpected(next.error());
  auto stepped = (*next)->Step();
  if (!stepped) return std::unexpected(stepped.error());
  if (!*stepped) return MakeError(ErrorKind::kIo, "the store " + path() + " has no revision counter");
  const int64_t revision = (*next)->Int(0);
  (*next)->Reset();  // RETURNING leaves the statement mid-way
  auto clear_failures = db_->Cached("DELETE FROM failures WHERE scope = ? AND key = ?");
  if (!clear_failures) return std::unexpected(clear_failures.error());
  for (size_t i = 0; i < batch.nodes.size(); ++i) {
    const Node& node = batch.nodes[i];
    auto written = WriteNodeRows(*db_, scope, node, now,
                                 batch.stamps.empty() ? crawl::Stamp{} : batch.stamps[i], revision);
    if (!written) return std::unexpected(written.error());
    (*clear_failures)->Reset();
    if (auto done = (*clear_failures)->BindText(1, scope).BindText(2, node.ref.Key()).Run(); !done)
      return std::unexpected(done.error());
  }
  for (const auto& [old_key, key] : batch.aliases) {
    if (auto written = WriteAlias(*db_, scope, old_key, key); !written)
      return std::unexpected(written.error());
  }
  auto failure = db_->Cached(
      "INSERT OR REPLACE INTO failures (scope, key, authenticated, kind, message, fetched_at, "
      "revision) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!failure) return std::unexpected(failure.error());
  for (const auto& [key, error] : batch.failures) {
    sql::Statement& row = **failure;
    row.Reset();
    row.BindText(1, scope).BindText(2, key).BindInt(3, batch.authenticated ? 1 : 0);
    row.BindText(4, ErrorKindName(error.kind)).BindText(5, error.message).BindInt(6, now);
    row.BindInt(7, revision);
    if (auto done = row.Run(); !done) return std::unexpected(done.error());
  }
  if (auto committed = transaction->Commit(); !committed) return std::unexpected(committed.error());
  return revision;
}

Result<void> Store::PutNodes(std::string_view scope, const std::vector<Node>& nodes) {
  NodeBatch batch;
  batch.nodes = nodes;
  if (auto put = Put(scope, batch); !put) return std::unexpected(put.error());
  return {};
}

Result<std::vector<std::optional<StoredFailure>>> Store::GetFailures(
    std::string_view scope, const std::vector<std::string>& keys, bool authenticated) {
  std::unordered_map<std::string, StoredFailure> remembered;
  auto rows = sql::ForEachIn(
      *db_,
      "SELECT key, kind, message, fetched_at, revision FROM failures WHERE scope = ? AND "
      "authenticated = ? "
      "AND key IN ",
      "", 3, keys,
      [&](sql::Statement& statement) {
        statement.BindText(1, scope).BindInt(2, authenticated ? 1 : 0);
      },
      [&](const sql::Statement& row) -> Result<void> {
        if (auto kind = ParseErrorKind(row.Text(1))) {
          remembered.emplace(row.Text(0),
                             StoredFailure{Error{*kind, row.Text(2)}, row.Int(3), row.Int(4)});
        }
        return {};
      });
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::optional<StoredFailure>> out;
  out.reserve(keys.size());
  for (const std::string& key : keys) {
    auto it = remembered.find(key);
    out.push_back(it == remembered.end() ? std::nullopt : std::optional<StoredFailure>(it->second));
  }
  return out;
}

Result<std::optional<StoredNode>> Store::GetNode(std::string_view scope, std::string_view key) {
  return ReadNodeRows(*db_, scope, key);
}

Result<std::vector<std::optional<StoredNode>>> Store::GetNodes(
    std::string_view scope, const std::vector<std::string>& keys) {
  if (keys.empty()) return std::vector<std::optional<StoredNode>>();
  // A deferred transaction: one snapshot, no write lock.
  if (auto begun = db_->Exec("BEGIN"); !begun) return std::unexpected(begun.error());
  auto nodes = ReadManyNodeRows(*db_, scope, keys);
  if (!nodes) {
    (void)db_->Exec("ROLLBACK");
    return std::unexpected(nodes.error());
  }
  if (auto done = db_->Exec("COMMIT"); !done) return std::unexpected(done.error());
  return nodes;
}

Result<void> Store::RecordProbe(std::string_view scope, std::string_view run,
                                const std::vector<std::string>& unchanged,
                                const std::vector<crawl::Stamp>& stamps,
                                const std::vector<std::string>& changed) {
  if (unchanged.empty() && changed.empty()) return {};
  if (stamps.size() != unchanged.size())
    return MakeError(ErrorKind::kInternal, "RecordProbe: one stamp per unchanged key expected");
  const int64_t now = Now();
  auto transaction = sql::Transaction::Begin(*db_);
  if (!transaction) return std::unexpected(transaction.error());
  for (size_t i = 0; i < unchanged.size(); ++i) {
    if (auto done = RecordProbeRow(*db_, scope, unchanged[i], now, stamps[i], run, false); !done) {
      return std::unexpected(done.error());
    }
  }
  for (const std::string& key : changed) {
    if (auto done = RecordProbeRow(*db_, scope, key, now, {}, run, true); !done) {
      return std::unexpected(done.error());
    }
  }
  return transaction->Commit();
}

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
  auto statement = db_->Cached(
      "INSERT OR REPLACE INTO reports (id, created_at, root, options, format, content, cache_key, "
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
        "INSERT OR IGNORE INTO report_members (report_id, kind, key, target, revision) VALUES (?, ?, "
        "?, ?, ?)");
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
  if (auto begun = db_->Exec("BEGIN"); !begun) return std::unexpected(begun.error());
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
        " SELECT n.id IS NOT NULL AS live FROM report_members m"
        " LEFT JOIN nodes n ON n.scope = ?2 AND n.key = m.key AND n.revision = m.revision"
        " WHERE m.report_id = ?1 AND m.kind = 'node'"
        " UNION ALL"
        " SELECT f.key IS NOT NULL FROM report_members m"
        " LEFT JOIN failures f ON f.scope = ?2 AND f.key = m.key AND f.authenticated = ?3"
        " AND f.revision = m.revision"
        " WHERE m.report_id = ?1 AND m.kind = 'failure'"
        " UNION ALL"
        " SELECT a.key IS NOT NULL FROM report_members m"
        " LEFT JOIN aliases a ON a.scope = ?2 AND a.old_key = m.key AND a.key = m.target"
        " WHERE m.report_id = ?1 AND m.kind = 'alias')");
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

Result<StoreStats> Store::Stats() {
  StoreStats stats;
  const std::pair<int64_t*, const char*> counts[] = {
      {&stats.nodes, "SELECT count(*) FROM nodes"},
      {&stats.complete_nodes, "SELECT count(*) FROM nodes WHERE complete = 1"},
      {&stats.comments, "SELECT count(*) FROM comments"},
      {&stats.events, "SELECT count(*) FROM events"},
      {&stats.links, "SELECT count(*) FROM links"},
      {&stats.aliases, "SELECT count(*) FROM aliases"},
      {&stats.failures, "SELECT count(*) FROM failures"},
      {&stats.validators, "SELECT count(*) FROM http_validators"},
      {&stats.reports, "SELECT count(*) FROM reports"},
      {&stats.servable_reports, "SELECT count(*) FROM reports WHERE cache_key IS NOT NULL"},
      {&stats.oldest_fetched_at, "SELECT coalesce(min(fetched_at), 0) FROM nodes"},
      {&stats.newest_fetched_at, "SELECT coalesce(max(fetched_at), 0) FROM nodes"},
  };
  for (const auto& [field, sql] : counts) {
    auto value = CountOf(*db_, sql);
    if (!value) return std::unexpected(value.error());
    *field = *value;
  }
  if (IsMemory(path())) {
    auto pages = CountOf(*db_, "PRAGMA page_count");
    auto page_size = CountOf(*db_, "PRAGMA page_size");
    if (!pages || !page_size) return std::unexpected(pages ? page_size.error() : pages.error());
    stats.file_bytes = *pages * *page_size;
  } else {
    for (const std::string& file : {path(), path() + "-wal"}) {
      std::error_code error;
      auto size = fs::file_size(file, error);
      if (!error) stats.file_bytes += static_cast<int64_t>(size);
    }
  }
  return stats;
}

Result<PruneResult> Store::Prune(std::chrono::seconds max_age) {
  const int64_t cutoff = Now() - max_age.count();
  PruneResult result;
  {
    auto transaction = sql::Transaction::Begin(*db_);
    if (!transaction) return std::unexpected(transaction.error());
    auto nodes = Delete(*db_, "DELETE FROM nodes WHERE fetched_at < ?", cutoff);
    if (!nodes) return std::unexpected(nodes.error());
    result.nodes = *nodes;
    auto failures = Delete(*db_, "DELETE FROM failures WHERE fetched_at < ?", cutoff);
    if (!failures) return std::unexpected(failures.error());
    result.failures = *failures;
    auto validators = Delete(*db_, "DELETE FROM http_validators WHERE fetched_at < ?", cutoff);
    if (!validators) return std::unexpected(validators.error());
    result.validators = *validators;
    // Children cascade with their node; aliases have no foreign key (an
    // alias may be written before its node), so they are swept here.
    auto aliases =
        Delete(*db_,
               "DELETE FROM aliases WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE nodes.scope = "
               "aliases.scope AND nodes.key = aliases.key)");
    if (!aliases) return std::unexpected(aliases.error());
    result.aliases = *aliases;
    // A report that stood on a pruned row can never be served again: it
    // stays as an archive, without its members.
    for (const char* sql :
         {"UPDATE reports SET cache_key = NULL WHERE cache_key IS NOT NULL AND id IN (SELECT "
          "m.report_id FROM report_members m JOIN reports r ON r.id = m.report_id WHERE (m.kind = "
          "'node' AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.scope = r.scope AND n.key = m.key "
          "AND n.revision = m.revision)) OR (m.kind = 'failure' AND NOT EXISTS (SELECT 1 FROM "
          "failures f WHERE f.scope = r.scope AND f.key = m.key AND f.revision = m.revision)))",
          "DELETE FROM report_members WHERE report_id IN (SELECT id FROM reports WHERE cache_key "
          "IS NULL)"}) {
      if (auto done = db_->Exec(sql); !done) return std::unexpected(done.error());
    }
    if (auto done = transaction->Commit(); !done) return std::unexpected(done.error());
  }
  return result;
}

Result<void> Store::Clear() {
  {
    auto transaction = sql::Transaction::Begin(*db_);
    if (!transaction) return std::unexpected(transaction.error());
    for (const char* table :
         {"nodes", "aliases", "failures", "http_validators", "report_members", "reports",
          "published", "published_search", "votes", "views"}) {
      if (auto done = db_->Exec(std::string("DELETE FROM ") + table); !done) return done;
    }
    if (auto done = transaction->Commit(); !done) return done;
  }
  // Shrinking is a courtesy: another process reading the file may hold it
  // back, and the rows are gone either way.
  (void)db_->Exec("VACUUM");
  (void)db_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return {};
}

}  // namespace issuegraph::store
