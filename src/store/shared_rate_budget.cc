#include "store/shared_rate_budget.h"

#include "store/schema.h"

namespace issuegraph::store {

Result<std::unique_ptr<SharedRateBudget>> SharedRateBudget::Open(const std::string& url, std::string scope,
                                                                 int64_t reserve) {
  auto db = sql::Database::Open(url);
  if (!db) return std::unexpected(db.error());
  if (auto ready = PrepareSchema(**db); !ready) return std::unexpected(ready.error());
  return std::unique_ptr<SharedRateBudget>(new SharedRateBudget(std::move(*db), std::move(scope), reserve));
}

void SharedRateBudget::Record(std::string_view resource, int64_t remaining, int64_t reset_epoch) {
  http::RateBudget::Record(resource, remaining, reset_epoch);
  if (remaining < 0) return;
  std::lock_guard lock(mutex_);
  // Answers of one window arrive out of order, from every replica: keep
  // the lowest count of the newest window.
  auto statement = db_->Cached(
      "INSERT INTO rate_budget (scope, resource, remaining, reset_epoch) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (scope, resource) DO UPDATE SET "
      "remaining = CASE WHEN excluded.reset_epoch > rate_budget.reset_epoch THEN excluded.remaining "
      "WHEN excluded.reset_epoch = rate_budget.reset_epoch "
      "THEN least(rate_budget.remaining, excluded.remaining) ELSE rate_budget.remaining END, "
      "reset_epoch = greatest(rate_budget.reset_epoch, excluded.reset_epoch)");
  if (!statement) return;
  (void)(*statement)->BindText(1, scope_).BindText(2, resource).BindInt(3, remaining).BindInt(4, reset_epoch).Run();
}

std::chrono::milliseconds SharedRateBudget::WaitFor(std::string_view resource, int64_t cost,
                                                    std::chrono::system_clock::time_point now) {
  int64_t remaining = -1;
  int64_t reset_epoch = 0;
  {
    std::lock_guard lock(mutex_);
    auto statement = db_->Cached("SELECT remaining, reset_epoch FROM rate_budget WHERE scope = ? AND resource = ?");
    if (!statement) return http::RateBudget::WaitFor(resource, cost, now);
    (*statement)->BindText(1, scope_).BindText(2, resource);
    auto row = (*statement)->Step();
    if (!row) return http::RateBudget::WaitFor(resource, cost, now);
    if (!*row) return std::chrono::milliseconds(0);
    remaining = (*statement)->Int(0);
    reset_epoch = (*statement)->Int(1);
  }
  return WaitFrom(remaining, reset_epoch, cost, now);
}

void SharedRateBudget::Spend(std::string_view resource, int64_t cost) {
  http::RateBudget::Spend(resource, cost);
  std::lock_guard lock(mutex_);
  auto statement = db_->Cached(
      "UPDATE rate_budget SET remaining = CASE WHEN remaining > ? THEN remaining - ? ELSE 0 END "
      "WHERE scope = ? AND resource = ?");
  if (!statement) return;
  (void)(*statement)->BindInt(1, cost).BindInt(2, cost).BindText(3, scope_).BindText(4, resource).Run();
}

}  // namespace issuegraph::store
