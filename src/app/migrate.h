// `issuegraph store migrate --from STORE --to STORE`: copies every row of
// one store into another, empty one (SQLite to PostgreSQL, or back) and
// checks the counts.
#pragma once

#include <string>

#include "model/error.h"

namespace issuegraph::app {

// `from` and `to` are an SQLite path (optionally written sqlite:PATH) or a
// postgres:// URL. The text names each table's rows; passwords never show.
Result<std::string> MigrateStore(const std::string& from, const std::string& to);

}  // namespace issuegraph::app
