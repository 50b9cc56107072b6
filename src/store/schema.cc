#include "store/schema.h"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "model/issue_ref.h"
#include "model/ascii.h"
#include "store/postgres_schema.h"
#include "store/site_schema.h"

namespace issuegraph::store {
namespace {

// Version 1. Nodes are keyed by (scope, key): `scope` names the API the
// node came from, so github.com, an Enterprise server and a test server
// never answer for each other; `key` is IssueRef::Key(). Children go with
// their node (ON DELETE CASCADE); positions keep the source's order.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  host TEXT NOT NULL,
  owner TEXT NOT NULL,
  repo TEXT NOT NULL,
  number INTEGER NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL,
  state_reason TEXT NOT NULL,
  author TEXT NOT NULL,
  author_association TEXT NOT NULL,
  labels TEXT NOT NULL,               -- JSON array of names
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  url TEXT NOT NULL,
  comment_count INTEGER NOT NULL,
  merged INTEGER NOT NULL,
  merged_at TEXT NOT NULL,
  draft INTEGER NOT NULL,
  base TEXT NOT NULL,
  head TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  complete INTEGER NOT NULL,          -- comments and timeline were fetched
  aliases TEXT NOT NULL,              -- JSON array: Node::aliases as the source gave them
  fetched_at INTEGER NOT NULL,        -- unix seconds of the last fetch or confirmation
  updated_at_seen TEXT NOT NULL,      -- updatedAt the network last confirmed
  link_count_seen INTEGER NOT NULL,   -- linking items the network last counted; -1 unknown
  UNIQUE (scope, key)
);
CREATE INDEX nodes_by_fetched_at ON nodes (fetched_at);

CREATE TABLE comments (
  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  author TEXT NOT NULL,
  association TEXT NOT NULL,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (node_id, position)
) WITHOUT ROWID;

CREATE TABLE events (
  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  other TEXT,                         -- JSON {host, owner, repo, number} or NULL
  subject TEXT,                       -- same
  commit_id TEXT NOT NULL,
  commit_repo TEXT NOT NULL,
  will_close INTEGER NOT NULL,
  PRIMARY KEY (node_id, position)
) WITHOUT ROWID;

-- Node::links as the source computed them, so a stored node replays exactly.
CREATE TABLE links (
  node_id INTEGER NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  from_key TEXT NOT NULL,
  to_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  provenance_node TEXT NOT NULL,
  provenance_where TEXT NOT NULL,     -- body | comment | event
  provenance_id TEXT NOT NULL,
  provenance_url TEXT NOT NULL,
  PRIMARY KEY (node_id, position)
) WITHOUT ROWID;

-- Keys an item was known by before a move; old_key -> key in one scope.
CREATE TABLE aliases (
  scope TEXT NOT NULL,
  old_key TEXT NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (scope, old_key)
) WITHOUT ROWID;

-- What the network answered for items it would not give (404, 403, 410),
-- so a rerun neither asks again nor, offline, words it differently.
-- `authenticated`: whether a token was sent; replayed only to the same.
CREATE TABLE failures (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  authenticated INTEGER NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key, authenticated)
) WITHOUT ROWID;

-- http::ValidatorCache: the last 200 answer of a GET and its ETag.
CREATE TABLE http_validators (
  url TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  status INTEGER NOT NULL,
  headers TEXT NOT NULL,              -- JSON object, lower-case names
  body BLOB NOT NULL,
  fetched_at INTEGER NOT NULL
);
CREATE INDEX http_validators_by_fetched_at ON http_validators (fetched_at);

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  root TEXT NOT NULL,
  options TEXT NOT NULL,              -- JSON, secrets removed
  format TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX reports_by_root ON reports (root, created_at);
)sql";

// Version 2: reports that can be served again without a crawl. Every write
// of nodes and failures takes the next `revision`; an archived report made
// from a clean crawl keeps a `cache_key` (what made it) and its members
// (each node, remembered failure and alias the crawl read, with the
// revision it saw). While every member is still there, unchanged and fresh,
// a crawl with the same key would read the same rows, so the report is
// served as it is.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('revision', 0);
ALTER TABLE nodes ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE failures ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

ALTER TABLE reports ADD COLUMN cache_key TEXT;   -- NULL: not servable again
ALTER TABLE reports ADD COLUMN scope TEXT;       -- of the members, when servable
ALTER TABLE reports ADD COLUMN summary TEXT;     -- JSON: graph size and crawl stats
CREATE INDEX reports_by_cache_key ON reports (cache_key, created_at) WHERE cache_key IS NOT NULL;

CREATE TABLE report_members (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                 -- node | failure | alias
  key TEXT NOT NULL,
  target TEXT NOT NULL,               -- alias: the key it leads to; else empty
  revision INTEGER NOT NULL,          -- node, failure: the row's revision when read
  PRIMARY KEY (report_id, kind, key)
) WITHOUT ROWID;
)sql";

// Version 3: a link names both ends as full references (JSON {host, number,
// owner, repo}, the form events use), so reading a stored node never turns
// a key back into a reference. A v2 key gets its node's host.
constexpr std::string_view kSchemaV3 = R"sql(
UPDATE links SET
  from_key = json_object(
      'host', (SELECT host FROM nodes WHERE nodes.id = links.node_id),
      'number', CAST(substr(from_key, instr(from_key, '#') + 1) AS INTEGER),
      'owner', substr(from_key, 1, instr(from_key, '/') - 1),
      'repo', substr(from_key, instr(from_key, '/') + 1, instr(from_key, '#') - instr(from_key, '/') - 1)),
  to_key = json_object(
      'host', (SELECT host FROM nodes WHERE nodes.id = links.node_id),
      'number', CAST(substr(to_key, instr(to_key, '#') + 1) AS INTEGER),
      'owner', substr(to_key, 1, instr(to_key, '/') - 1),
      'repo', substr(to_key, instr(to_key, '/') + 1, instr(to_key, '#') - instr(to_key, '/') - 1));
ALTER TABLE links RENAME COLUMN from_key TO from_ref;
ALTER TABLE links RENAME COLUMN to_key TO to_ref;
)sql";

// Version 5: what a freshness probe found is written to the node it
// probed: `probed_by` names the run (ReportCache::run) and `probe_changed`
// whether the network had moved on. A row that run's probe confirmed is
// fresh for its crawl whatever its age; a changed one is fetched without a
// second probe. A fetch writes the row anew, clearing both.
constexpr std::string_view kSchemaV5 = R"sql(
ALTER TABLE nodes ADD COLUMN probed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE nodes ADD COLUMN probe_changed INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 6: the model's answers for the optional synthesis, keyed by what
// shaped them (store/synthesis_cache.h).
constexpr std::string_view kSchemaV6 = R"sql(
CREATE TABLE syntheses (
  endpoint TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,         -- hex SHA-256 of the prompt sent
  answer TEXT NOT NULL,               -- the model's message, as it said it
  created_at INTEGER NOT NULL,
  PRIMARY KEY (endpoint, model, prompt_version, content_hash)
) WITHOUT ROWID;
CREATE INDEX syntheses_by_created_at ON syntheses (created_at);
)sql";

using Migration = Result<void> (*)(sql::Database&);

Result<void> MigrateToV1(sql::Database& db) { return db.Exec(kSchemaV1); }
Result<void> MigrateToV2(sql::Database& db) { return db.Exec(kSchemaV2); }
Result<void> MigrateToV3(sql::Database& db) { return db.Exec(kSchemaV3); }
Result<void> MigrateToV4(sql::Database& db) { return db.Exec(kSiteSchemaV4); }
Result<void> MigrateToV5(sql::Database& db) { return db.Exec(kSchemaV5); }
Result<void> MigrateToV6(sql::Database& db) { return db.Exec(kSchemaV6); }

// Step i brings a database from version i to version i + 1. A new version
// appends one step; released steps never change.
constexpr std::array<Migration, 6> kMigrations = {&MigrateToV1, &MigrateToV2, &MigrateToV3,
                                                 &MigrateToV4, &MigrateToV5, &MigrateToV6};

Result<int64_t> PragmaInt(sql::Database& db, const std::string& pragma) {
  auto statement = db.Prepare(pragma);
  if (!statement) return std::unexpected(statement.error());
  auto row = statement->Step();
  if (!row) return std::unexpected(row.error());
  return *row ? statement->Int(0) : 0;
}

// The statement is gone when this returns: no read stays open.
Result<std::string> PragmaText(sql::Database& db, const std::string& pragma) {
  auto statement = db.Prepare(pragma);
  if (!statement) return std::unexpected(statement.error());
  auto row = statement->Step();
  if (!row) return std::unexpected(row.error());
  return *row ? LowerAscii(statement->Text(0)) : "";
}

struct Identity {
  int64_t application_id = 0;
  int64_t version = 0;
  int64_t objects = 0;  // tables, indexes, views, triggers
};

Result<Identity> ReadIdentity(sql::Database& db) {
  Identity identity;
  auto application_id = PragmaInt(db, "PRAGMA application_id");
  if (!application_id) return std::unexpected(application_id.error());
  identity.application_id = *application_id;
  auto version = PragmaInt(db, "PRAGMA user_version");
  if (!version) return std::unexpected(version.error());
  identity.version = *version;
  auto objects = PragmaInt(db, "SELECT count(*) FROM sqlite_schema");
  if (!objects) return std::unexpected(objects.error());
  identity.objects = *objects;
  return identity;
}

Result<void> CheckIdentity(const Identity& identity, const std::string& path) {
  if (identity.application_id == kApplicationId) {
    if (identity.version > LatestSchemaVersion()) {
      return MakeError(ErrorKind::kIo,
                       "the store " + path + " was written by a newer issuegraph (schema " +
                           std::to_string(identity.version) + ", this one reads up to " +
                           std::to_string(LatestSchemaVersion()) +
                           "); upgrade issuegraph, or choose another file with --store PATH");
    }
    return {};
  }
  if (identity.application_id == 0 && identity.objects == 0) return {};  // a new, empty database
  return MakeError(ErrorKind::kIo,
                   "the store " + path +
                       " is an SQLite database of another program (application id " +
                       std::to_string(identity.application_id) +
                       "), so issuegraph leaves it alone; choose another file with --store PATH");
}

// Switching a file to WAL takes an exclusive lock and, unlike other
// statements, fails at once when another connection holds the file (two
// processes opening a new store together): retry within the busy timeout.
Result<void> UseWal(sql::SqliteDatabase& db) {
  auto current = PragmaText(db, "PRAGMA journal_mode");
  if (!current) return std::unexpected(current.error());
  if (*current == "wal" || *current == "memory") return {};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  for (;;) {
    int rc = sqlite3_exec(db.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return {};
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
      return std::unexpected(db.Failure(rc, "switching to WAL"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

namespace {

// The names of the tables (and indexes, views, triggers) in `db`, sorted.
Result<std::set<std::string>> ObjectNames(sql::Database& db) {
  auto statement = db.Cached("SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
  if (!statement) return std::unexpected(statement.error());
  std::set<std::string> names;
  for (;;) {
    auto row = (*statement)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    names.insert((*statement)->Text(0));
  }
  return names;
}

}  // namespace

Result<void> CheckComplete(sql::Database& db) {
  if (db.dialect() == sql::Dialect::kPostgres) return CheckPostgresComplete(db);
  // What the latest schema holds, read once from a new database in memory,
  // so this list cannot fall behind the migrations.
  static const Result<std::set<std::string>> expected = []() -> Result<std::set<std::string>> {
    auto fresh = sql::Database::Open(":memory:");
    if (!fresh) return std::unexpected(fresh.error());
    if (auto ready = PrepareSchema(**fresh); !ready) return std::unexpected(ready.error());
    return ObjectNames(**fresh);
  }();
  if (!expected) return std::unexpected(expected.error());
  auto present = ObjectNames(db);
  if (!present) return std::unexpected(present.error());
  for (const std::string& name : *expected) {
    if (!present->contains(name)) {
      return MakeError(ErrorKind::kIo, "the store " + db.path() + " is damaged: its " + name +
                                           " is missing; " + sql::ResetAdvice(db.path()));
    }
  }
  return {};
}

Result<void> PrepareSchema(sql::Database& db, int up_to) {
  if (db.dialect() == sql::Dialect::kPostgres) return PreparePostgresSchema(db);
  const std::string& path = db.path();
  // One snapshot: read piecemeal, a migration committing in between would
  // look like a foreign database (objects, but no application id yet).
  if (auto begun = db.Exec("BEGIN"); !begun) return begun;
  auto identity = ReadIdentity(db);
  const bool corrupt = !identity && db.saw_corruption();
  (void)db.Exec(identity ? "COMMIT" : "ROLLBACK");
  if (!identity) {
    if (corrupt) {
      return MakeError(ErrorKind::kIo,
                       "the store " + path +
                           " is not an issuegraph store: it is not an SQLite database "
                           "(damaged, or another program's file); if it is a damaged store, " +
                           sql::ResetAdvice(path));
    }
    return std::unexpected(identity.error());
  }
  if (auto ours = CheckIdentity(*identity, path); !ours) return ours;

  // Only now, with the file known to be ours or empty, change anything.
  // WAL lets readers go on while one process writes; NORMAL sync keeps
  // WAL crash-safe (a killed process loses no committed transaction).
  if (auto wal = UseWal(static_cast<sql::SqliteDatabase&>(db)); !wal) return wal;
  if (auto mode = db.Exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON"); !mode)
    return mode;
  // No memory-mapped I/O: another process shrinking the file (cache clear,
  // a vacuum) would kill a reader with SIGBUS, and two crawls may share it.
  if (identity->version >= up_to) return {};

  auto transaction = sql::Transaction::Begin(db);
  if (!transaction) return std::unexpected(transaction.error());
  // Another process may have migrated while we waited for the lock.
  auto now = ReadIdentity(db);
  if (!now) return std::unexpected(now.error());
  if (auto ours = CheckIdentity(*now, path); !ours) return ours;
  if (now->version >= up_to) return transaction->Commit();
  for (int64_t version = now->version; version < up_to; ++version) {
    if (auto step = kMigrations[static_cast<size_t>(version)](db); !step) return step;
  }
  // Constants of ours, not data: PRAGMA takes no bound parameters.
  if (auto stamp = db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                           "; PRAGMA user_version = " + std::to_string(up_to));
      !stamp) {
    return stamp;
  }
  return transaction->Commit();
}

}  // namespace issuegraph::store
