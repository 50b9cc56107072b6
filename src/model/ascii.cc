#include "model/ascii.h"

#include <cstdint>
#include <cstring>

namespace issuegraph {
namespace {

// Writes `from` lower-cased to `to` (which may be `from` itself).
void LowerAsciiTo(std::string_view from, char* to) {
  // Eight bytes at a time: a byte is an upper-case letter when its low
  // seven bits lie in ['A', 'Z'] and its high bit is clear; adding 0x20 is
  // setting bit 5, which no letter of that range has.
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  size_t i = 0;
  for (; i + 8 <= from.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, from.data() + i, sizeof word);
    uint64_t low7 = word & ~kHighBits;
    uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;   // high bit: >= 'A'
    uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit: > 'Z'
    uint64_t upper = at_least_a & ~above_z & ~word & kHighBits;
    word |= upper >> 2;  // 0x80 >> 2 == 0x20
    std::memcpy(to + i, &word, sizeof word);
  }
  for (; i < from.size(); ++i) {
    char c = from[i];
    to[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

}  // namespace

void LowerAsciiInPlace(std::span<char> text) {
  LowerAsciiTo(std::string_view(text.data(), text.size()), text.data());
}

void AppendLowerAscii(std::string_view text, std::vector<char>& out) {
  size_t at = out.size();
  out.resize(at + text.size());
  LowerAsciiTo(text, out.data() + at);
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  LowerAsciiInPlace(out);
  return out;
}

}  // namespace issuegraph
