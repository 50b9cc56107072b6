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

// The length of the bidirectional control that starts at `pos` (ALM U+061C,
// LRM U+200E, RLM U+200F, the embeddings and overrides U+202A-U+202E, the
// isolates U+2066-U+2069), or 0. Issue text uses them to show one string
// and mean another ("\u202Egnp.exe" reads as "exe.png").
size_t BidiControlLength(std::string_view text, size_t pos);

// ValidUtf8, with every bidirectional control also replaced by U+FFFD: what
// every renderer shows of issue text, so that no title, label or line is
// displayed reordered and the reader sees that something was there.
std::string DisplayUtf8(std::string_view text);

// AppendValidUtf8At, with a bidirectional control appended as U+FFFD.
size_t AppendDisplayUtf8At(std::string_view text, size_t pos, std::string* out);

}  // namespace issuegraph::render
