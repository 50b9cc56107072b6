// The model's answers, kept by what shaped them: the endpoint and model
// asked, the prompt's version and a hash of the content sent. An unchanged
// graph asks the model once; the answer is checked again on every use, so
// the cache holds what the model said, never what passed a check. Used by
// one thread at a time, like the Database it wraps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

struct SynthesisKey {
  std::string endpoint;      // the chat-completions URL, without any key
  std::string model;
  int prompt_version = 0;
  std::string content_hash;  // hex SHA-256 of the prompt sent
};

class SynthesisCache {
 public:
  explicit SynthesisCache(sql::Database& db) : db_(db) {}

  Result<std::optional<std::string>> Get(const SynthesisKey& key);
  Result<void> Put(const SynthesisKey& key, std::string_view answer, int64_t now);

 private:
  sql::Database& db_;
};

}  // namespace issuegraph::store
