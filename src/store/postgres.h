// The store's PostgreSQL backend (libpq): the same sql::Database as SQLite,
// for a store several servers share. Statements are prepared once per
// connection (server-side, by name) and re-prepared after a reconnect;
// values travel as parameters, never in the SQL text. A write transaction
// takes one advisory lock, so writers queue as they do on an SQLite file.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/error.h"
#include "store/sql.h"

struct pg_conn;  // libpq's PGconn

namespace issuegraph::store::sql {

// A libpq connection to `url` with the store's defaults (application name,
// a 10 s connect timeout, both overridable in the URL); refused or failed
// is kIo naming the URL without its password. The caller PQfinish()es it.
Result<pg_conn*> ConnectPostgres(const std::string& url);

// libpq's messages span lines ("...failed: Connection refused\n\tIs the
// server running..."): one line for a sentence of ours.
std::string OneLine(std::string text);

// Connects to `url` (postgres://USER[:PASSWORD]@HOST[:PORT]/DB?...). A
// refused or failed connection is kIo naming the URL without its password.
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url);

// `url` with any password replaced by "***", for messages and logs.
std::string RedactUrl(std::string_view url);

// The store's SQL with `?` and `?N` parameters in PostgreSQL's `$N` form
// (quoted text and identifiers left alone); `count` gets the highest
// parameter number.
std::string ToDollarParameters(std::string_view sql, int* count);

// The advisory lock every write transaction takes (transaction-scoped).
inline constexpr int64_t kWriteLock = 0x49475354'0001;
// The advisory lock migrations take (session-scoped, released at the end).
inline constexpr int64_t kMigrationLock = 0x49475354'0002;

}  // namespace issuegraph::store::sql
