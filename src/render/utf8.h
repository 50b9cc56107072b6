// UTF-8 checks for text that came from the network: every renderer hands
// out valid UTF-8 whatever the API sent. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace issuegraph::render {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence that starts at `pos` (1 for ASCII), or
// 0 when none does: stray continuation bytes, overlong forms, surrogates,
// code points above U+10FFFF and cut sequences.
size_t Utf8SequenceLength(std::string_view text, size_t pos);

// Appends the sequence that starts at `pos` to `out`, or U+FFFD when no
// valid one does; returns how many bytes of `text` that used (at least 1).
size_t AppendValidUtf8At(std::string_view text, size_t pos, std::string* out);

// `text` with every byte that starts no valid sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

}  // namespace issuegraph::render
