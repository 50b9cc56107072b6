#include "store/copy.h"

#include <array>
#include <string_view>

namespace issuegraph::store {
namespace {

struct Table {
  std::string_view name;
  std::string_view columns;
};

// Parents before children; the columns both schemas have (published_search
// without PostgreSQL's generated document).
constexpr std::array<Table, 15> kTables = {{
    {"nodes",
     "id, scope, key, host, owner, repo, number, type, title, body, state, state_reason, author, "
     "author_association, labels, created_at, updated_at, closed_at, url, comment_count, merged, "
     "merged_at, draft, base, head, deleted, complete, aliases, fetched_at, updated_at_seen, "
     "link_count_seen, revision, probed_by, probe_changed"},
    {"comments", "node_id, position, id, author, association, created_at, body, url"},
    {"events",
     "node_id, position, id, type, actor, created_at, other, subject, commit_id, commit_repo, "
     "will_close"},
    {"links",
     "node_id, position, from_ref, to_ref, kind, provenance_node, provenance_where, provenance_id, "
     "provenance_url"},
    {"aliases", "scope, old_key, key"},
    {"failures", "scope, key, authenticated, kind, message, fetched_at, revision"},
    {"http_validators", "url, etag, status, headers, body, fetched_at"},
    {"reports", "id, created_at, root, options, format, content, cache_key, scope, summary"},
    {"report_members", "report_id, kind, key, target, revision"},
    {"published",
     "key, depth, host, owner, repo, number, type, title, state, labels, errors, html, markdown, "
     "json, archive, created_at"},
    {"published_search", "key, title, errors, labels, repository"},
    {"votes", "key, signal, visitor, created_at"},
    {"views", "key, visitor, created_at"},
    {"syntheses", "endpoint, model, prompt_version, content_hash, answer, created_at"},
    {"counters", "name, value"},
}};

size_t CountColumns(std::string_view columns) {
  size_t count = 1;
  for (char c : columns) count += c == ',' ? 1 : 0;
  return count;
}

Result<int64_t> Rows(sql::Database& db, std::string_view table) {
  auto statement = db.Prepare("SELECT count(*) FROM " + std::string(table));
  if (!statement) return std::unexpected(statement.error());
  auto row = statement->Step();
  if (!row) return std::unexpected(row.error());
  return statement->Int(0);
}

Result<void> CopyTable(sql::Database& from, sql::Database& to, const Table& table) {
  const size_t width = CountColumns(table.columns);
  std::string places;
  for (size_t i = 0; i < width; ++i) places += i == 0 ? "?" : ", ?";
  auto read = from.Prepare("SELECT " + std::string(table.columns) + " FROM " + std::string(table.name));
  if (!read) return std::unexpected(read.error());
  auto write = to.Prepare("INSERT INTO " + std::string(table.name) + " (" + std::string(table.columns) +
                          ") VALUES (" + places + ")");
  if (!write) return std::unexpected(write.error());
  for (;;) {
    auto row = read->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
    write->Reset();
    for (size_t i = 0; i < width; ++i) {
      const int column = static_cast<int>(i);
      const int index = column + 1;
      switch (read->Kind(column)) {
        case sql::ColumnKind::kNull: write->BindNull(index); break;
        case sql::ColumnKind::kInt: write->BindInt(index, read->Int(column)); break;
        case sql::ColumnKind::kBlob: write->BindBlob(index, read->Text(column)); break;
        case sql::ColumnKind::kText: write->BindText(index, read->Text(column)); break;
      }
    }
    if (auto done = write->Run(); !done) return done;
  }
}

}  // namespace

Result<std::vector<TableCount>> CopyStore(Store& from, Store& to) {
  sql::Database& source = from.database();
  sql::Database& target = to.database();
  for (const Table& table : kTables) {
    if (table.name == "counters") continue;  // every store has its revision counter
    auto rows = Rows(target, table.name);
    if (!rows) return std::unexpected(rows.error());
    if (*rows > 0) {
      return MakeError(ErrorKind::kInvalidInput,
                       "the store " + target.path() + " is not empty (its " + std::string(table.name) +
                           " has " + std::to_string(*rows) + " rows); migrate into an empty store, or "
                           "empty it first with `issuegraph cache clear --store " + target.path() + "`");
    }
  }
  // One snapshot of the source, one transaction on the target.
  if (auto begun = source.BeginRead(); !begun) return std::unexpected(begun.error());
  auto copied = [&]() -> Result<std::vector<TableCount>> {
    auto transaction = sql::Transaction::Begin(target);
    if (!transaction) return std::unexpected(transaction.error());
    if (auto done = target.Exec("DELETE FROM counters"); !done) return std::unexpected(done.error());
    std::vector<TableCount> counts;
    for (const Table& table : kTables) {
      if (auto done = CopyTable(source, target, table); !done) return std::unexpected(done.error());
      auto want = Rows(source, table.name);
      auto got = Rows(target, table.name);
      if (!want || !got) return std::unexpected(!want ? want.error() : got.error());
      if (*want != *got) {
        return MakeError(ErrorKind::kIo, "copying " + std::string(table.name) + " to " + target.path() +
                                             " gave " + std::to_string(*got) + " rows of " +
                                             std::to_string(*want) + "; nothing was kept");
      }
      counts.push_back({std::string(table.name), *got});
    }
    if (target.dialect() == sql::Dialect::kPostgres) {
      // New nodes continue after the copied ids.
      if (auto done = target.Exec(
              "SELECT setval(pg_get_serial_sequence('nodes', 'id'), coalesce(max(id), 0) + 1, false) FROM nodes");
          !done) {
        return std::unexpected(done.error());
      }
    }
    if (auto done = transaction->Commit(); !done) return std::unexpected(done.error());
    return counts;
  }();
  (void)source.Exec(copied ? "COMMIT" : "ROLLBACK");
  return copied;
}

}  // namespace issuegraph::store
