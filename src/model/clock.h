// The time seam: the HTTP client sleeps and reads the wall clock, and the
// store stamps what it fetched, through Clock, so that tests of waits,
// back-offs and freshness run instantly. SystemClock is thread-safe.
#pragma once

#include <chrono>

namespace issuegraph {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() = 0;
  virtual void Sleep(std::chrono::milliseconds duration) = 0;
};

class SystemClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() override;
  void Sleep(std::chrono::milliseconds duration) override;
};

}  // namespace issuegraph
