// Related reports: other published reports ranked by SQLite FTS5's bm25()
// over title, error messages, labels and repository, each with the words
// both reports share (what made the match). Works on a connection it does
// not own; not thread-safe.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

struct RelatedReport {
  std::string key;  // PublishedKey
  double score = 0;  // higher is closer (bm25 negated)
  std::vector<std::string> shared;  // words both reports use, most telling first
};

// The distinct words of `text` worth matching on: lower case letters and
// digits (and _), three characters or more, common English words left out.
std::set<std::string> MatchWords(std::string_view text);

class Related {
 public:
  explicit Related(sql::Database& db) : db_(db) {}

  // Reports like the published `key` (itself left out), best first.
  Result<std::vector<RelatedReport>> For(std::string_view key, int limit);
  // Reports like `text` (a title, error messages, labels, a repository),
  // best first, leaving out `exclude_key`: for an issue that is not
  // published itself.
  Result<std::vector<RelatedReport>> ForText(std::string_view text, std::string_view exclude_key, int limit);

 private:
  sql::Database& db_;
};

}  // namespace issuegraph::store
