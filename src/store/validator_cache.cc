#include "store/validator_cache.h"

#include <nlohmann/json.hpp>

namespace issuegraph::store {
namespace {

using nlohmann::json;

bool MayHoldCredential(const std::string& lower_name) {
  return lower_name == "set-cookie" || lower_name == "authorization" ||
         lower_name == "proxy-authorization" || lower_name.find("token") != std::string::npos;
}

}  // namespace

std::optional<http::ValidatorCache::Entry> SqliteValidatorCache::Get(const std::string& url) {
  auto statement = store_.database().Cached(
      "SELECT etag, status, headers, body FROM http_validators WHERE url = ?");
  if (!statement) {
    ++failures_;
    return std::nullopt;
  }
  sql::Statement& row = **statement;
  row.BindText(1, url);
  auto found = row.Step();
  if (!found || !*found) {
    if (!found) ++failures_;
    return std::nullopt;
  }
  Entry entry;
  entry.etag = row.Text(0);
  entry.response.status = static_cast<long>(row.Int(1));
  json headers = json::parse(row.Text(2), nullptr, false);
  if (!headers.is_object()) return std::nullopt;  // unreadable row: ask unconditionally
  for (const auto& [name, value] : headers.items()) {
    if (value.is_string()) entry.response.headers[name] = value.get<std::string>();
  }
  entry.response.body = row.Text(3);
  return entry;
}

void SqliteValidatorCache::Put(const std::string& url, const std::string& etag,
                               const http::Response& response) {
  json headers = json::object();
  for (const auto& [name, value] : response.headers) {
    if (!MayHoldCredential(name)) headers[name] = value;
  }
  auto statement = store_.database().Cached(
      "INSERT INTO http_validators (url, etag, status, headers, body, fetched_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
      "status = excluded.status, headers = excluded.headers, body = excluded.body, "
      "fetched_at = excluded.fetched_at");
  if (!statement) {
    ++failures_;
    return;
  }
  sql::Statement& row = **statement;
  row.BindText(1, url).BindText(2, etag).BindInt(3, response.status);
  row.BindText(4, headers.dump(-1, ' ', false, json::error_handler_t::replace));
  row.BindBlob(5, response.body).BindInt(6, store_.Now());
  if (!row.Run()) ++failures_;
}

}  // namespace issuegraph::store
