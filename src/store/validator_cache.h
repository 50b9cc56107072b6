// SqliteValidatorCache keeps http::Client's conditional-request validators
// (ETag and the 200 answer it stands for) in the store, so that a later run
// revalidates with If-None-Match and takes 304s instead of whole bodies.
// Credentials never reach the disk: request headers are not stored, and
// answer headers that could carry one are dropped. Shares the Store's
// connection, so it has the Store's threading rules.
#pragma once

#include <optional>
#include <string>

#include "http/client.h"
#include "store/store.h"

namespace issuegraph::store {

class SqliteValidatorCache : public http::ValidatorCache {
 public:
  explicit SqliteValidatorCache(Store& store) : store_(store) {}

  // A read failure is a miss; a write failure is counted and otherwise
  // ignored: a validator only saves a body, losing one is never wrong.
  std::optional<Entry> Get(const std::string& url) override;
  void Put(const std::string& url, const std::string& etag,
           const http::Response& response) override;

  int64_t failures() const { return failures_; }

 private:
  Store& store_;
  int64_t failures_ = 0;
};

}  // namespace issuegraph::store
