// The time limit of one run (`--timeout`): when it runs out, measured on a
// Clock, and the words that say so. A default Deadline never runs out.
// Copyable; the clock is not owned and must outlive every copy. As
// thread-safe as its clock.
#pragma once

#include <chrono>
#include <string>

#include "model/clock.h"

namespace issuegraph {

class Deadline {
 public:
  Deadline() = default;
  // Runs out `limit` after now; a limit of zero or less means none.
  Deadline(Clock& clock, std::chrono::milliseconds limit);

  bool IsSet() const { return clock_ != nullptr; }
  bool Passed() const;
  // What is left (never negative); milliseconds::max() when unset.
  std::chrono::milliseconds Remaining() const;
  // "--timeout 45 s ran out": the start of a sentence naming the limit.
  std::string RanOut() const;
  // "45 s"
  std::string LimitText() const;

 private:
  Clock* clock_ = nullptr;
  std::chrono::system_clock::time_point at_{};
  std::chrono::milliseconds limit_{0};
};

}  // namespace issuegraph
