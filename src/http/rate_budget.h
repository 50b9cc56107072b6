// RateBudget is GitHub's rate limit as every client of one process sees it:
// the remaining points and reset time of each limit ("core" for REST,
// "graphql"), taken from the last answer any client got. Clients that share
// one wait before a batch would overdraw it, so concurrent crawls with one
// token never run it into the ground. Thread-safe. Several processes share
// one through a store (store::SharedRateBudget overrides the three calls).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace issuegraph::http {

class RateBudget {
 public:
  // `reserve`: points left untouched for the token's other users.
  explicit RateBudget(int64_t reserve = 0) : reserve_(reserve) {}
  virtual ~RateBudget() = default;

  // Records an answer's X-RateLimit-Remaining and X-RateLimit-Reset (epoch
  // seconds) for `resource`. A reset newer than the one known replaces it.
  virtual void Record(std::string_view resource, int64_t remaining, int64_t reset_epoch);
  // How long to wait before spending `cost` points of `resource` at `now`:
  // zero while the budget has room or its reset has passed.
  virtual std::chrono::milliseconds WaitFor(std::string_view resource, int64_t cost,
                                            std::chrono::system_clock::time_point now);
  // Takes `cost` points now, so that the next caller sees them gone before
  // the answer tells.
  virtual void Spend(std::string_view resource, int64_t cost);

  // The limit a request URL draws from: "graphql" for .../graphql, else "core".
  static std::string_view ResourceOf(std::string_view url);

  int64_t reserve() const { return reserve_; }

 protected:
  // What WaitFor answers for a limit with `remaining` points (-1: not
  // known) until `reset_epoch`, whoever keeps the count.
  std::chrono::milliseconds WaitFrom(int64_t remaining, int64_t reset_epoch, int64_t cost,
                                     std::chrono::system_clock::time_point now) const;

 private:
  struct Limit {
    int64_t remaining = -1;  // -1: not known yet
    int64_t reset_epoch = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Limit, std::less<>> limits_;
  int64_t reserve_;
};

}  // namespace issuegraph::http
