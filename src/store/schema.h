// The store's schema and how a file comes to have it: a database is ours
// when its application id says so (or it is empty), and its user_version
// names the schema it holds; Migrate applies the missing steps, each in one
// transaction, so two processes opening a new file at once agree.
#pragma once

#include <cstdint>

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

// PRAGMA application_id of every issuegraph store ("IGST").
inline constexpr int32_t kApplicationId = 0x49475354;

// The schema version this build writes and reads.
int LatestSchemaVersion();

// On PostgreSQL: PreparePostgresSchema (`up_to` does not apply). On SQLite:
// refuses a file that is not SQLite, belongs to another program or was
// written by a newer issuegraph (kIo, naming the path and --store), then
// sets the connection's pragmas (WAL, foreign keys, busy timeout) and
// migrates (up to `up_to`: an older version, for tests of migrations). A
// foreign file is never modified.
Result<void> PrepareSchema(sql::Database& db, int up_to = LatestSchemaVersion());

// After PrepareSchema (either backend): kIo naming the first table (or index, view,
// trigger) of the latest schema that `db` lacks, with the way to reset it.
Result<void> CheckComplete(sql::Database& db);

}  // namespace issuegraph::store
