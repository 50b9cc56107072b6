#include "store/sql.h"

#include <utility>

#include "store/postgres.h"

namespace issuegraph::store::sql {

std::string InList(size_t count) {
  std::string list = "(";
  for (size_t i = 0; i < count; ++i) list += i == 0 ? "?" : ", ?";
  list += ")";
  return list;
}

std::string ResetAdvice(std::string_view path) {
  return "remove it or run `issuegraph cache clear --store " + std::string(path) +
         "`, or choose another file with --store PATH";
}

bool IsPostgresUrl(std::string_view path) {
  return path.starts_with("postgres://") || path.starts_with("postgresql://");
}

Result<void> Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
  }
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  if (IsPostgresUrl(path)) return OpenPostgres(path);
  auto db = SqliteDatabase::OpenFile(path);
  if (!db) return std::unexpected(db.error());
  return std::unique_ptr<Database>(std::move(*db));
}

Result<Statement> Database::Prepare(std::string_view sql) {
  auto backend = PrepareBackend(sql, false);
  if (!backend) return std::unexpected(backend.error());
  return Statement(std::move(*backend));
}

Result<Lease> Database::Cached(const std::string& sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) {
    it->second.Reset();
    return Lease(&it->second);
  }
  auto backend = PrepareBackend(sql, true);
  if (!backend) return std::unexpected(backend.error());
  auto [it, inserted] = cache_.emplace(sql, Statement(std::move(*backend)));
  return Lease(&it->second);
}

Result<Transaction> Transaction::Begin(Database& db) {
  if (auto begun = db.BeginWrite(); !begun) return std::unexpected(begun.error());
  return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->Exec("ROLLBACK");
}

Result<void> Transaction::Commit() {
  Database* db = std::exchange(db_, nullptr);
  if (db == nullptr) return MakeError(ErrorKind::kInternal, "transaction committed twice");
  if (auto done = db->Exec("COMMIT"); !done) {
    (void)db->Exec("ROLLBACK");
    return std::unexpected(done.error());
  }
  return {};
}

}  // namespace issuegraph::store::sql
