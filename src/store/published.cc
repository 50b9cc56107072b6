#include "store/published.h"
#include "model/ascii.h"

#include <map>

#include <nlohmann/json.hpp>

namespace issuegraph::store {
namespace {

std::string JoinJson(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> SplitJson(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!parsed.is_array()) return out;
  for (const auto& value : parsed) {
    if (value.is_string()) out.push_back(value.get<std::string>());
  }
  return out;
}

std::string Words(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += value + "\n";
  return out;
}

constexpr std::string_view kSummaryColumns =
    "host, owner, repo, number, depth, type, title, state, created_at";

PublishedSummary ReadSummary(const sql::Statement& row) {
  PublishedSummary summary;
  summary.ref.host = row.Text(0);
  summary.ref.owner = row.Text(1);
  summary.ref.repo = row.Text(2);
  summary.ref.number = row.Int(3);
  summary.depth = static_cast<int>(row.Int(4));
  summary.type = row.Text(5);
  summary.title = row.Text(6);
  summary.state = row.Text(7);
  summary.created_at = row.Int(8);
  return summary;
}

}  // namespace

std::string PublishedKey(const IssueRef& ref) { return LowerAscii(ref.host) + "/" + ref.Key(); }

Result<void> PublishedReports::Put(const PublishedReport& report) {
  auto transaction = sql::Transaction::Begin(db_);
  if (!transaction) return std::unexpected(transaction.error());
  const std::string key = PublishedKey(report.ref);
  auto insert = db_.Cached(
      "INSERT INTO published (key, depth, host, owner, repo, number, type, title, state, "
      "labels, errors, html, markdown, json, archive, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key, depth) DO UPDATE "
      "SET host = excluded.host, owner = excluded.owner, repo = excluded.repo, "
      "number = excluded.number, type = excluded.type, title = excluded.title, "
      "state = excluded.state, labels = excluded.labels, errors = excluded.errors, "
      "html = excluded.html, markdown = excluded.markdown, json = excluded.json, "
      "archive = excluded.archive, created_at = excluded.created_at");
  if (!insert) return std::unexpected(insert.error());
  (*insert)
      ->BindText(1, key)
      .BindInt(2, report.depth)
      .BindText(3, LowerAscii(report.ref.host))
      .BindText(4, report.ref.owner)
      .BindText(5, report.ref.repo)
      .BindInt(6, report.ref.number)
      .BindText(7, report.type)
      .BindText(8, report.title)
      .BindText(9, report.state)
      .BindText(10, JoinJson(report.labels))
      .BindText(11, JoinJson(report.errors))
      .BindText(12, report.html)
      .BindText(13, report.markdown)
      .BindText(14, report.json)
      .BindText(15, report.archive)
      .BindInt(16, report.created_at);
  if (auto done = (*insert)->Run(); !done) return done;
  auto forget = db_.Cached("DELETE FROM published_search WHERE key = ?");
  if (!forget) return std::unexpected(forget.error());
  (*forget)->BindText(1, key);
  if (auto done = (*forget)->Run(); !done) return done;
  auto index = db_.Cached(
      "INSERT INTO published_search (key, title, errors, labels, repository) VALUES (?, ?, ?, ?, ?)");
  if (!index) return std::unexpected(index.error());
  (*index)
      ->BindText(1, key)
      .BindText(2, report.title)
      .BindText(3, Words(report.errors))
      .BindText(4, Words(report.labels))
      .BindText(5, report.ref.owner + " " + report.ref.repo);
  if (auto done = (*index)->Run(); !done) return done;
  return transaction->Commit();
}

Result<std::optional<PublishedReport>> PublishedReports::Get(const IssueRef& ref, int depth) {
  auto query = db_.Cached(
      "SELECT host, owner, repo, number, depth, type, title, state, created_at, labels, errors, "
      "html, markdown, json, archive FROM published WHERE key = ? AND (? < 0 OR depth = ?) "
      "ORDER BY created_at DESC LIMIT 1");
  if (!query) return std::unexpected(query.error());
  (*query)->BindText(1, PublishedKey(ref)).BindInt(2, depth).BindInt(3, depth);
  auto row = (*query)->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::optional<PublishedReport>();
  const sql::Statement& columns = **query;
  PublishedSummary summary = ReadSummary(columns);
  PublishedReport report;
  report.ref = summary.ref;
  report.depth = summary.depth;
  report.type = summary.type;
  report.title = summary.title;
  report.state = summary.state;
  report.created_at = summary.created_at;
  report.labels = SplitJson(columns.Text(9));
  report.errors = SplitJson(columns.Text(10));
  report.html = columns.Text(11);
  report.markdown = columns.Text(12);
  report.json = columns.Text(13);
  report.archive = columns.Text(14);
  return std::optional<PublishedReport>(std::move(report));
}

Result<std::vector<PublishedSummary>> PublishedReports::Recent(int limit) {
  auto query = db_.Cached("SELECT " + std::string(kSummaryColumns) +
                          " FROM published ORDER BY created_at DESC, key LIMIT ?");
  if (!query) return std::unexpected(query.error());
  (*query)->BindInt(1, limit);
  std::vector<PublishedSummary> out;
  for (;;) {
    auto row = (*query)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    out.push_back(ReadSummary(**query));
  }
  return out;
}

Result<std::vector<PublishedSummary>> PublishedReports::Summaries(const std::vector<std::string>& keys) {
  std::vector<PublishedSummary> out;
  std::map<std::string, size_t> at;  // key -> index in out, the newest depth kept
  auto read = sql::ForEachIn(
      db_, "SELECT " + std::string(kSummaryColumns) + ", key FROM published WHERE key IN ",
      " ORDER BY created_at", 1, keys, [](sql::Statement&) {},
      [&](const sql::Statement& row) -> Result<void> {
        auto [it, added] = at.emplace(row.Text(9), out.size());
        if (added) {
          out.push_back(ReadSummary(row));
        } else {
          out[it->second] = ReadSummary(row);
        }
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return out;
}

}  // namespace issuegraph::store
