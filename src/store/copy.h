// Copies a whole store into another, empty one (`issuegraph store migrate`:
// SQLite to PostgreSQL, or back): every table row for row, in one
// transaction on the target, then every table's rows counted on both
// sides. A failed copy leaves the target as it was.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/error.h"
#include "store/store.h"

namespace issuegraph::store {

struct TableCount {
  std::string table;
  int64_t rows = 0;  // copied, and counted again on the target
};

// kInvalidInput when `to` already holds rows (name the way out); kIo when
// a count differs after the copy (nothing is kept then).
Result<std::vector<TableCount>> CopyStore(Store& from, Store& to);

}  // namespace issuegraph::store
