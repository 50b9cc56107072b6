// libFuzzer target: GitHub's Link header. Any header must parse without a
// crash, and a URL found for a rel is a substring of the header.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/link_header.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (std::string_view rel : {"next", "last", "prev", "first"}) {
    const std::string url = issuegraph::http::LinkWithRel(input, rel);
    if (!url.empty() && input.find(url) == std::string_view::npos) __builtin_trap();
  }
  return 0;
}
