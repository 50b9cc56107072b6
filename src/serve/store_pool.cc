#include "serve/store_pool.h"

namespace issuegraph::serve {


Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  auto opened = store::Store::Open(path_);
  if (!opened) return std::unexpected(opened.error());
  return Lease(this, std::move(*opened));
}

void StorePool::Return(std::unique_ptr<store::Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace issuegraph::serve
