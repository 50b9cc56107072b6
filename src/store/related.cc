#include "store/related.h"

#include <algorithm>
#include <array>

namespace issuegraph::store {
namespace {

constexpr size_t kMaxQueryWords = 40;
constexpr size_t kMaxShared = 8;

constexpr std::array<std::string_view, 40> kCommonWords = {
    "the", "and", "for", "with", "not", "are", "was", "when", "this", "that", "from", "but",
    "can", "cannot", "does", "doesn", "after", "before", "into", "have", "has", "had", "its",
    "any", "all", "you", "your", "our", "will", "would", "should", "could", "issue", "bug",
    "error", "using", "use", "there", "then", "than"};

// Columns of published_search: key, title, errors, labels, repository.
// Weights for bm25(): an error message or title word says most.
constexpr std::string_view kRank = "bm25(published_search, 0.0, 4.0, 6.0, 2.0, 1.0)";
// The same on PostgreSQL: ts_rank over the weighted document (errors A,
// title B, labels C, repository D), weights in the order {D, C, B, A} and
// in bm25's proportions; negated so that, as with bm25, lower ranks first.
constexpr std::string_view kPostgresRelated =
    "SELECT key, -ts_rank('{0.1, 0.2, 0.4, 0.6}', document, query) AS rank, title, errors, "
    "labels, repository FROM published_search, "
    "CAST(replace(CAST(plainto_tsquery('english', ?) AS TEXT), '&', '|') AS tsquery) AS query "
    "WHERE document @@ query AND key != ? ORDER BY rank, key LIMIT ?";

}  // namespace

std::set<std::string> MatchWords(std::string_view text) {
  std::set<std::string> words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && word.size() <= 40 &&
        std::find(kCommonWords.begin(), kCommonWords.end(), word) == kCommonWords.end()) {
      words.insert(word);
    }
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_') {
      word += c;
    } else if (u >= 'A' && u <= 'Z') {
      word += static_cast<char>(u - 'A' + 'a');
    } else {
      flush();
    }
  }
  flush();
  return words;
}

Result<std::vector<RelatedReport>> Related::For(std::string_view key, int limit) {
  auto own = db_.Cached(
      "SELECT title, errors, labels, repository FROM published_search WHERE key = ? LIMIT 1");
  if (!own) return std::unexpected(own.error());
  (*own)->BindText(1, key);
  auto found = (*own)->Step();
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::vector<RelatedReport>();
  std::string text;
  for (int column = 0; column < 4; ++column) text += (*own)->Text(column) + "\n";
  return ForText(text, key, limit);
}

Result<std::vector<RelatedReport>> Related::ForText(std::string_view text, std::string_view key, int limit) {
  std::set<std::string> words = MatchWords(text);
  if (words.empty()) return std::vector<RelatedReport>();

  // Every word is [a-z0-9_]+ and quoted, so the query cannot be FTS5 syntax.
  // PostgreSQL gets the words as plain text, parsed by plainto_tsquery and
  // joined with OR.
  const bool postgres = db_.dialect() == sql::Dialect::kPostgres;
  std::string match;
  size_t used = 0;
  for (const std::string& word : words) {
    if (used++ == kMaxQueryWords) break;
    if (postgres) {
      match += (match.empty() ? "" : " ") + word;
    } else {
      match += (match.empty() ? "\"" : " OR \"") + word + "\"";
    }
  }
  auto query = db_.Cached(postgres ? std::string(kPostgresRelated)
                                   : "SELECT key, " + std::string(kRank) +
                                         " AS rank, title, errors, labels, repository FROM "
                                         "published_search WHERE published_search MATCH ? AND key "
                                         "!= ? ORDER BY rank LIMIT ?");
  if (!query) return std::unexpected(query.error());
  (*query)->BindText(1, match).BindText(2, key).BindInt(3, limit);
  std::vector<RelatedReport> out;
  for (;;) {
    auto row = (*query)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    RelatedReport related;
    related.key = (*query)->Text(0);
    related.score = -std::stod((*query)->Text(1));
    // Shared words, the ones of error messages and titles first.
    for (int column : {3, 2, 4, 5}) {
      for (const std::string& word : MatchWords((*query)->Text(column))) {
        if (related.shared.size() >= kMaxShared) break;
        if (words.contains(word) &&
            std::find(related.shared.begin(), related.shared.end(), word) == related.shared.end()) {
          related.shared.push_back(word);
        }
      }
    }
    out.push_back(std::move(related));
  }
  return out;
}

}  // namespace issuegraph::store
