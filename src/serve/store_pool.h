// Store connections for request handlers: a Store is one SQLite connection
// and not thread-safe, so each handler borrows one for its request and
// gives it back. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/error.h"
#include "store/store.h"

namespace issuegraph::serve {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }
    store::sql::Database& db() const { return store_->database(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  Result<Lease> Acquire();
  const std::string& path() const { return path_; }

 private:
  void Return(std::unique_ptr<store::Store> store);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace issuegraph::serve
