#include "app/random_id.h"

#include <cstdint>
#include <mutex>
#include <random>

namespace issuegraph::app {

std::string RandomId() {
  static std::mutex mutex;
  static std::random_device device;
  std::lock_guard lock(mutex);
  static const char* digits = "0123456789abcdef";
  std::string id;
  for (int word = 0; word < 4; ++word) {
    uint32_t bits = device();
    for (int i = 0; i < 8; ++i, bits >>= 4) id += digits[bits & 0xf];
  }
  return id;
}

}  // namespace issuegraph::app
