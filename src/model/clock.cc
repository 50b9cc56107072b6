#include "model/clock.h"

#include <thread>

namespace issuegraph {

std::chrono::system_clock::time_point SystemClock::Now() { return std::chrono::system_clock::now(); }

void SystemClock::Sleep(std::chrono::milliseconds duration) {
  if (duration.count() > 0) std::this_thread::sleep_for(duration);
}

}  // namespace issuegraph
