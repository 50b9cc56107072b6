// GitHub's rate limit shared by every process on one PostgreSQL store (the
// web service's replicas): what any of them last heard from GitHub, and
// what each spends, is one row per API and resource, so N replicas never
// spend N times a token's limit. It answers as http::RateBudget does; when
// the store cannot be reached it falls back to this process's own view.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "http/rate_budget.h"
#include "model/error.h"
#include "store/sql.h"

namespace issuegraph::store {

class SharedRateBudget : public http::RateBudget {
 public:
  // Connects to the store at `url` (its own connection); `scope` names the
  // API the token spends (one token per scope).
  static Result<std::unique_ptr<SharedRateBudget>> Open(const std::string& url, std::string scope,
                                                        int64_t reserve);

  void Record(std::string_view resource, int64_t remaining, int64_t reset_epoch) override;
  std::chrono::milliseconds WaitFor(std::string_view resource, int64_t cost,
                                    std::chrono::system_clock::time_point now) override;
  void Spend(std::string_view resource, int64_t cost) override;

 private:
  SharedRateBudget(std::unique_ptr<sql::Database> db, std::string scope, int64_t reserve)
      : http::RateBudget(reserve), db_(std::move(db)), scope_(std::move(scope)) {}

  std::mutex mutex_;  // one statement at a time on the connection
  std::unique_ptr<sql::Database> db_;
  std::string scope_;
};

}  // namespace issuegraph::store
