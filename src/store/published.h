// Reports published by the web service at a permalink: the report's page
// content, Markdown, JSON and archive, made once by a crawl and served as
// stored, with what related reports and trending lists show (title,
// labels, error messages). One row per (issue, depth). Works on a
// connection it does not own; not thread-safe (one per connection).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/issue_ref.h"
#include "store/sql.h"

namespace issuegraph::store {

// lower(host)/lower(owner)/lower(repo)#N: one issue on one GitHub server.
std::string PublishedKey(const IssueRef& ref);

struct PublishedReport {
  IssueRef ref;
  int depth = 1;
  std::string type = "issue";  // issue | pull
  std::string title;
  std::string state;  // open | closed | merged
  std::vector<std::string> labels;
  std::vector<std::string> errors;  // the report's error messages
  std::string html;                 // the report's <main> content (render/html)
  std::string markdown;
  std::string json;
  std::string archive;
  int64_t created_at = 0;  // unix seconds
};

// What lists show: no downloads.
struct PublishedSummary {
  IssueRef ref;
  int depth = 1;
  std::string type;
  std::string title;
  std::string state;
  int64_t created_at = 0;
};

class PublishedReports {
 public:
  explicit PublishedReports(sql::Database& db) : db_(db) {}

  // Stores the report (replacing the one of the same issue and depth) and
  // indexes it for related reports, in one transaction.
  Result<void> Put(const PublishedReport& report);
  // The report of `ref` at `depth`; any depth (the newest) when depth < 0.
  Result<std::optional<PublishedReport>> Get(const IssueRef& ref, int depth);
  // Newest first.
  Result<std::vector<PublishedSummary>> Recent(int limit);
  // Summaries of the given keys (newest depth each), in no given order.
  Result<std::vector<PublishedSummary>> Summaries(const std::vector<std::string>& keys);

 private:
  sql::Database& db_;
};

// A ranked list (trending, related) with the summary of each entry's
// report, in the list's order; entries whose report is gone are dropped.
// `Entry` has a `key` (PublishedKey).
template <class Entry>
struct Ranked {
  PublishedSummary summary;
  Entry entry;
};

template <class Entry>
Result<std::vector<Ranked<Entry>>> WithSummaries(sql::Database& db, Result<std::vector<Entry>> ranked) {
  if (!ranked) return std::unexpected(ranked.error());
  std::vector<std::string> keys;
  for (const auto& entry : *ranked) keys.push_back(entry.key);
  auto summaries = PublishedReports(db).Summaries(keys);
  if (!summaries) return std::unexpected(summaries.error());
  std::map<std::string, const PublishedSummary*> by_key;
  for (const auto& summary : *summaries) by_key[PublishedKey(summary.ref)] = &summary;
  std::vector<Ranked<Entry>> out;
  for (auto& entry : *ranked) {
    if (auto it = by_key.find(entry.key); it != by_key.end()) out.push_back({*it->second, std::move(entry)});
  }
  return out;
}

}  // namespace issuegraph::store
