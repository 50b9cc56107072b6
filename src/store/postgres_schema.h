// The store's schema on PostgreSQL: the same tables as the SQLite file's
// latest version, in PostgreSQL's types, plus what several servers share
// (jobs, their events, the GitHub rate budget). Versions live in
// issuegraph_schema; migrations run at start under an advisory lock, each
// step in one transaction, so replicas starting together agree.
#pragma once

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

// The PostgreSQL schema version this build writes and reads.
int LatestPostgresSchemaVersion();

// Refuses a database that holds another program's tables or a newer
// schema (kIo naming the URL), then migrates to the latest version.
Result<void> PreparePostgresSchema(sql::Database& db);

// kIo naming the first table of the latest schema that `db` lacks.
Result<void> CheckPostgresComplete(sql::Database& db);

// Drops every table of the store's schema (cache clear of a damaged store);
// other tables stay.
Result<void> DropPostgresSchema(sql::Database& db);

}  // namespace issuegraph::store
