#include "store/synthesis_cache.h"

namespace issuegraph::store {

Result<std::optional<std::string>> SynthesisCache::Get(const SynthesisKey& key) {
  auto query = db_.Cached(
      "SELECT answer FROM syntheses WHERE endpoint = ? AND model = ? AND prompt_version = ? AND "
      "content_hash = ?");
  if (!query) return std::unexpected(query.error());
  (*query)->BindText(1, key.endpoint).BindText(2, key.model).BindInt(3, key.prompt_version)
      .BindText(4, key.content_hash);
  auto row = (*query)->Step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::nullopt;
  std::string answer = (*query)->Text(0);
  // Step to the end so that no read stays open.
  if (auto rest = (*query)->Run(); !rest) return std::unexpected(rest.error());
  return answer;
}

Result<void> SynthesisCache::Put(const SynthesisKey& key, std::string_view answer, int64_t now) {
  auto statement = db_.Cached(
      "INSERT INTO syntheses (endpoint, model, prompt_version, content_hash, answer, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (endpoint, model, prompt_version, content_hash) "
      "DO UPDATE SET answer = excluded.answer, created_at = excluded.created_at");
  if (!statement) return std::unexpected(statement.error());
  (*statement)->BindText(1, key.endpoint).BindText(2, key.model).BindInt(3, key.prompt_version)
      .BindText(4, key.content_hash).BindText(5, answer).BindInt(6, now);
  return (*statement)->Run();
}

}  // namespace issuegraph::store
