#include "render/safe_url.h"

#include <array>

namespace issuegraph::render {
namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Bytes written as %XX: blanks, controls and non-ASCII; quotes, angle
// brackets, backticks and backslashes (an HTML attribute or code span could
// end there); parentheses and square brackets (a Markdown link could).
constexpr std::array<bool, 256> kEncoded = [] {
  std::array<bool, 256> table{};
  for (size_t c = 0; c <= 0x20; ++c) table[c] = true;
  for (size_t c = 0x7F; c < 256; ++c) table[c] = true;
  for (char c : std::string_view("\"'<>`\\()[]")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

}  // namespace

std::string SafeUrl(std::string_view url) {
  if (!StartsWithNoCase(url, "https://") && !StartsWithNoCase(url, "http://")) return {};
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (kEncoded[u]) {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace issuegraph::render
