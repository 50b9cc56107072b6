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

#include "store/postgres_schema.h"
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

Result<void> CheckStorePath(const std::string& path) {
  if (IsMemory(path) || sql::IsPostgresUrl(path)) return {};
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::regular) return {};
  if (status.type() == fs::file_type::directory) {
    return MakeError(ErrorKind::kIo, "the store " + path + " is a directory; give a file with --store PATH");
  }
  if (error) {
    return MakeError(ErrorKind::kIo, "cannot reach the store " + path + " (" + error.message() +
                                         "); give another file with --store PATH");
  }
  return MakeError(ErrorKind::kIo, "the store " + path +
                                       " is not a regular file (a device, a FIFO or a socket); give a "
                                       "file with --store PATH, or use --no-store");
}

void RemoveStoreFiles(const std::string& path, std::error_code& error) {
  fs::remove(path, error);
  if (error) return;
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    fs::remove(path + suffix, ignored);
  }
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
  if (auto file = CheckStorePath(path); !file) return std::unexpected(file.error());
  auto db = sql::Database::Open(where);
  if (!db) return std::unexpected(db.error());
  if (auto ready = PrepareSchema(**db); !ready) return std::unexpected(ready.error());
  if (auto complete = CheckComplete(**db); !complete) return std::unexpected(complete.error());
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
  if (sql::IsPostgresUrl(path)) {
    auto db = sql::Database::Open(path);
    if (!db) return std::unexpected(db.error());
    if (auto ready = PrepareSchema(**db); !ready) return ready;
    // Ours but missing a table: nothing in it is worth keeping.
    if (!CheckComplete(**db)) return DropPostgresSchema(**db);
    return Store(std::move(*db), nullptr).Clear();
  }
  if (IsMemory(path) || !fs::exists(path, error)) return {};
  if (auto file = CheckStorePath(path); !file) return std::unexpected(file.error());
  Error failure;
  bool damaged = false;
  {
    auto db = sql::Database::Open(path);
    if (!db) return std::unexpected(db.error());
    auto ready = PrepareSchema(**db);
    if (ready && !CheckComplete(**db)) {
      // Ours (its application id says so) but missing a table: it cannot
      // be emptied row by row, and nothing in it is worth keeping.
      damaged = true;
    } else if (ready) {
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
      "INSERT INTO failures (scope, key, authenticated, kind, message, fetched_at, revision) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, key, authenticated) DO UPDATE SET "
      "kind = excluded.kind, message = excluded.message, fetched_at = excluded.fetched_at, "
      "revision = excluded.revision");
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
  if (auto begun = db_->BeginRead(); !begun) return std::unexpected(begun.error());
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
  if (db_->dialect() == sql::Dialect::kPostgres) {
    auto size = CountOf(*db_, "SELECT pg_database_size(current_database())");
    if (!size) return std::unexpected(size.error());
    stats.file_bytes = *size;
  } else if (IsMemory(path())) {
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
    auto syntheses = Delete(*db_, "DELETE FROM syntheses WHERE created_at < ?", cutoff);
    if (!syntheses) return std::unexpected(syntheses.error());
    result.syntheses = *syntheses;
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
          "published", "published_search", "votes", "views", "syntheses"}) {
      if (auto done = db_->Exec(std::string("DELETE FROM ") + table); !done) return done;
    }
    if (db_->dialect() == sql::Dialect::kPostgres) {
      if (auto done = db_->Exec("DELETE FROM jobs"); !done) return done;  // events cascade
    }
    if (auto done = transaction->Commit(); !done) return done;
  }
  // Shrinking is a courtesy: another process reading the file may hold it
  // back, and the rows are gone either way.
  (void)db_->Exec("VACUUM");
  if (db_->dialect() == sql::Dialect::kSqlite) (void)db_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return {};
}

}  // namespace issuegraph::store
