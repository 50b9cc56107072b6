#include "model/deadline.h"

#include <algorithm>

namespace issuegraph {

Deadline::Deadline(Clock& clock, std::chrono::milliseconds limit) {
  if (limit.count() <= 0) return;
  clock_ = &clock;
  limit_ = limit;
  at_ = clock.Now() + limit;
}

bool Deadline::Passed() const { return IsSet() && clock_->Now() >= at_; }

std::chrono::milliseconds Deadline::Remaining() const {
  if (!IsSet()) return std::chrono::milliseconds::max();
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(at_ - clock_->Now());
  return std::max(left, std::chrono::milliseconds{0});
}

std::string Deadline::LimitText() const {
  const auto ms = limit_.count();
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

std::string Deadline::RanOut() const { return "--timeout " + LimitText() + " ran out"; }

}  // namespace issuegraph
