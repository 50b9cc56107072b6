// Lower-casing ASCII text: letters A-Z become a-z, every other byte
// (digits, punctuation, UTF-8 sequences) is kept, whatever the locale. Used
// for identities (keys, hosts, schemes) and for matching prose. Pure
// functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace issuegraph {

std::string LowerAscii(std::string_view text);
void LowerAsciiInPlace(std::span<char> text);
// Appends `text` to `out` lower-cased, in one pass.
void AppendLowerAscii(std::string_view text, std::vector<char>& out);

}  // namespace issuegraph
