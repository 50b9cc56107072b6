#include "store/postgres_schema.h"

#include <array>
#include <string>
#include <string_view>

#include "store/postgres.h"

namespace issuegraph::store {
namespace {

// Version 1: the shape of the SQLite file at its version 6 (see schema.cc
// and site_schema.h for what each column means). INTEGER becomes BIGINT,
// BLOB bytea; related reports search a weighted tsvector instead of FTS5.
constexpr std::string_view kPostgresV1 = R"sql(
CREATE TABLE nodes (
  id BIGSERIAL PRIMARY KEY,
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  host TEXT NOT NULL,
  owner TEXT NOT NULL,
  repo TEXT NOT NULL,
  number BIGINT NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL,
  state_reason TEXT NOT NULL,
  author TEXT NOT NULL,
  author_association TEXT NOT NULL,
  labels TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  url TEXT NOT NULL,
  comment_count BIGINT NOT NULL,
  merged BIGINT NOT NULL,
  merged_at TEXT NOT NULL,
  draft BIGINT NOT NULL,
  base TEXT NOT NULL,
  head TEXT NOT NULL,
  deleted BIGINT NOT NULL,
  complete BIGINT NOT NULL,
  aliases TEXT NOT NULL,
  fetched_at BIGINT NOT NULL,
  updated_at_seen TEXT NOT NULL,
  link_count_seen BIGINT NOT NULL,
  revision BIGINT NOT NULL DEFAULT 0,
  probed_by TEXT NOT NULL DEFAULT '',
  probe_changed BIGINT NOT NULL DEFAULT 0,
  UNIQUE (scope, key)
);
CREATE INDEX nodes_by_fetched_at ON nodes (fetched_at);

CREATE TABLE comments (
  node_id BIGINT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT NOT NULL,
  author TEXT NOT NULL,
  association TEXT NOT NULL,
  created_at TEXT NOT NULL,
  body TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (node_id, position)
);

CREATE TABLE events (
  node_id BIGINT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  actor TEXT NOT NULL,
  created_at TEXT NOT NULL,
  other TEXT,
  subject TEXT,
  commit_id TEXT NOT NULL,
  commit_repo TEXT NOT NULL,
  will_close BIGINT NOT NULL,
  PRIMARY KEY (node_id, position)
);

CREATE TABLE links (
  node_id BIGINT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  from_ref TEXT NOT NULL,
  to_ref TEXT NOT NULL,
  kind TEXT NOT NULL,
  provenance_node TEXT NOT NULL,
  provenance_where TEXT NOT NULL,
  provenance_id TEXT NOT NULL,
  provenance_url TEXT NOT NULL,
  PRIMARY KEY (node_id, position)
);

CREATE TABLE aliases (
  scope TEXT NOT NULL,
  old_key TEXT NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (scope, old_key)
);

CREATE TABLE failures (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  authenticated BIGINT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  fetched_at BIGINT NOT NULL,
  revision BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, key, authenticated)
);

CREATE TABLE http_validators (
  url TEXT PRIMARY KEY,
  etag TEXT NOT NULL,
  status BIGINT NOT NULL,
  headers TEXT NOT NULL,
  body BYTEA NOT NULL,
  fetched_at BIGINT NOT NULL
);
CREATE INDEX http_validators_by_fetched_at ON http_validators (fetched_at);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('revision', 0);

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  root TEXT NOT NULL,
  options TEXT NOT NULL,
  format TEXT NOT NULL,
  content TEXT NOT NULL,
  cache_key TEXT,
  scope TEXT,
  summary TEXT
);
CREATE INDEX reports_by_root ON reports (root, created_at);
CREATE INDEX reports_by_cache_key ON reports (cache_key, created_at) WHERE cache_key IS NOT NULL;

CREATE TABLE report_members (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  target TEXT NOT NULL,
  revision BIGINT NOT NULL,
  PRIMARY KEY (report_id, kind, key)
);

CREATE TABLE published (
  key TEXT NOT NULL,
  depth BIGINT NOT NULL,
  host TEXT NOT NULL,
  owner TEXT NOT NULL,
  repo TEXT NOT NULL,
  number BIGINT NOT NULL,
  type TEXT NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  labels TEXT NOT NULL,
  errors TEXT NOT NULL,
  html TEXT NOT NULL,
  markdown TEXT NOT NULL,
  json TEXT NOT NULL,
  archive TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (key, depth)
);
CREATE INDEX published_by_created_at ON published (created_at);

-- Weights as FTS5's bm25 columns: errors A, title B, labels C, repository D.
CREATE TABLE published_search (
  key TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  errors TEXT NOT NULL,
  labels TEXT NOT NULL,
  repository TEXT NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', errors), 'A') ||
    setweight(to_tsvector('english', title), 'B') ||
    setweight(to_tsvector('english', labels), 'C') ||
    setweight(to_tsvector('english', repository), 'D')) STORED
);
CREATE INDEX published_search_document ON published_search USING GIN (document);

CREATE TABLE votes (
  key TEXT NOT NULL,
  signal TEXT NOT NULL,
  visitor TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (key, signal, visitor)
);
CREATE INDEX votes_by_created_at ON votes (created_at);

CREATE TABLE views (
  key TEXT NOT NULL,
  visitor TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (key, visitor)
);
CREATE INDEX views_by_created_at ON views (created_at);

CREATE TABLE syntheses (
  endpoint TEXT NOT NULL,
  model TEXT NOT NULL,
  prompt_version BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  answer TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (endpoint, model, prompt_version, content_hash)
);
CREATE INDEX syntheses_by_created_at ON syntheses (created_at);

-- Crawl jobs of the web service, shared by every replica (store/job_table.h).
-- One queued or running job per issue and depth, by the partial unique
-- index; a running job's replica renews its lease, and another replica
-- claims it (FOR UPDATE SKIP LOCKED) once the lease has run out.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,                  -- issue and depth (serve::JobQueue::KeyOf)
  request TEXT NOT NULL,              -- JSON: the job request
  state TEXT NOT NULL,                -- queued | running | done | failed
  owner TEXT NOT NULL DEFAULT '',     -- the replica running it
  lease_until BIGINT NOT NULL DEFAULT 0,  -- unix milliseconds
  attempts BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,         -- unix milliseconds
  finished_at BIGINT NOT NULL DEFAULT 0,
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  permalink TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX jobs_one_per_issue ON jobs (key) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_to_claim ON jobs (created_at) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_by_finished_at ON jobs (finished_at);

-- Each job's progress events, numbered from 1: what SSE streams replay
-- (Last-Event-ID) on any replica.
CREATE TABLE job_events (
  job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (job_id, seq)
);
)sql";

// Version 2: GitHub's rate limit as every replica sees it
// (store/shared_rate_budget.h): the newest window's lowest remaining count.
constexpr std::string_view kPostgresV2 = R"sql(
CREATE TABLE rate_budget (
  scope TEXT NOT NULL,                -- the API the token spends
  resource TEXT NOT NULL,             -- core | graphql
  remaining BIGINT NOT NULL,
  reset_epoch BIGINT NOT NULL,        -- unix seconds
  PRIMARY KEY (scope, resource)
);
)sql";

// Step i brings a database from version i to version i + 1. A new version
// appends one step; released steps never change.
constexpr std::array<std::string_view, 2> kPostgresMigrations = {kPostgresV1, kPostgresV2};

// The tables every version has; a missing one means a damaged store.
constexpr std::array<std::string_view, 20> kTables = {
    "nodes", "comments", "events", "links", "aliases", "failures", "http_validators",
    "counters", "reports", "report_members", "published", "published_search", "votes",
    "views", "syntheses", "issuegraph_schema", "nodes_by_fetched_at", "jobs", "job_events", "rate_budget"};

Result<int64_t> OneInt(sql::Database& db, std::string_view query) {
  auto statement = db.Prepare(query);
  if (!statement) return std::unexpected(statement.error());
  auto row = statement->Step();
  if (!row) return std::unexpected(row.error());
  return *row ? statement->Int(0) : 0;
}

Result<void> Migrate(sql::Database& db) {
  if (auto made = db.Exec("CREATE TABLE IF NOT EXISTS issuegraph_schema (version BIGINT NOT NULL)");
      !made) {
    return made;
  }
  auto version = OneInt(db, "SELECT coalesce(max(version), 0) FROM issuegraph_schema");
  if (!version) return std::unexpected(version.error());
  if (*version > LatestPostgresSchemaVersion()) {
    return MakeError(ErrorKind::kIo, "the store " + db.path() +
                                         " was written by a newer issuegraph (schema " +
                                         std::to_string(*version) + ", this one reads up to " +
                                         std::to_string(LatestPostgresSchemaVersion()) +
                                         "); upgrade issuegraph, or choose another store");
  }
  for (int64_t step = *version; step < LatestPostgresSchemaVersion(); ++step) {
    auto transaction = sql::Transaction::Begin(db);
    if (!transaction) return std::unexpected(transaction.error());
    if (auto done = db.Exec(kPostgresMigrations[static_cast<size_t>(step)]); !done) return done;
    if (auto done = db.Exec("INSERT INTO issuegraph_schema (version) VALUES (" +
                            std::to_string(step + 1) + ")");
        !done) {
      return done;
    }
    if (auto done = transaction->Commit(); !done) return done;
  }
  return {};
}

}  // namespace

int LatestPostgresSchemaVersion() { return static_cast<int>(kPostgresMigrations.size()); }

Result<void> PreparePostgresSchema(sql::Database& db) {
  // The check and the migration run under one lock: another store opening
  // the same new schema at once has its migration half done, which would
  // look like another program's tables.
  auto locked = db.Exec("SELECT pg_advisory_lock(" + std::to_string(sql::kMigrationLock) + ")");
  if (!locked) return locked;
  auto prepared = [&]() -> Result<void> {
    auto ours = OneInt(db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = "
                           "current_schema() AND tablename = 'issuegraph_schema'");
    if (!ours) return std::unexpected(ours.error());
    if (*ours == 0) {
      auto others = OneInt(db, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = "
                               "current_schema()");
      if (!others) return std::unexpected(others.error());
      if (*others > 0) {
        return MakeError(ErrorKind::kIo, "the store " + db.path() +
                                             " holds another program's tables, so issuegraph "
                                             "leaves it alone; choose another database or schema");
      }
    }
    return Migrate(db);
  }();
  (void)db.Exec("SELECT pg_advisory_unlock(" + std::to_string(sql::kMigrationLock) + ")");
  return prepared;
}

Result<void> DropPostgresSchema(sql::Database& db) {
  std::string drop;
  for (std::string_view name : kTables) {
    if (name.ends_with("_by_fetched_at")) continue;  // an index: goes with its table
    drop += "DROP TABLE IF EXISTS " + std::string(name) + " CASCADE;";
  }
  return db.Exec(drop);
}

Result<void> CheckPostgresComplete(sql::Database& db) {
  for (std::string_view name : kTables) {
    auto statement = db.Cached("SELECT to_regclass(?) IS NOT NULL");
    if (!statement) return std::unexpected(statement.error());
    (*statement)->BindText(1, name);
    auto row = (*statement)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row || (*statement)->Int(0) == 0) {
      return MakeError(ErrorKind::kIo, "the store " + db.path() + " is damaged: its table " +
                                           std::string(name) + " is missing; run `issuegraph cache "
                                           "clear --store " + db.path() + "` or choose another database");
    }
  }
  return {};
}

}  // namespace issuegraph::store
