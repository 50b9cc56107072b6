#include "app/migrate.h"

#include <filesystem>

#include "store/copy.h"
#include "store/postgres.h"
#include "store/store.h"

namespace issuegraph::app {
namespace {

std::string Where(const std::string& store) {
  return store.starts_with("sqlite:") ? store.substr(7) : store;
}

}  // namespace

Result<std::string> MigrateStore(const std::string& from_text, const std::string& to_text) {
  const std::string from = Where(from_text);
  const std::string to = Where(to_text);
  if (from.empty() || to.empty()) {
    return MakeError(ErrorKind::kInvalidInput, "store migrate needs --from STORE and --to STORE "
                                               "(an SQLite file, sqlite:PATH, or a postgres:// URL)");
  }
  if (from == to) {
    return MakeError(ErrorKind::kInvalidInput, "--from and --to name the same store; name two stores");
  }
  std::error_code error;
  if (!store::sql::IsPostgresUrl(from) && !std::filesystem::exists(from, error)) {
    return MakeError(ErrorKind::kInvalidInput,
                     "there is no store at " + from + "; name an existing SQLite file with --from");
  }
  auto source = store::Store::Open(from);
  if (!source) return std::unexpected(source.error());
  auto target = store::Store::Open(to);
  if (!target) return std::unexpected(target.error());
  auto counts = store::CopyStore(**source, **target);
  if (!counts) return std::unexpected(counts.error());
  std::string out = "copied " + store::sql::RedactUrl(from) + " to " + store::sql::RedactUrl(to) +
                    " (every table's rows counted on both sides):\n";
  for (const auto& count : *counts) out += "  " + count.table + ": " + std::to_string(count.rows) + "\n";
  return out;
}

}  // namespace issuegraph::app
