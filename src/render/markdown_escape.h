// Putting untrusted text into Markdown safely: plain text that renders as
// itself (no emphasis, links, headings or raw HTML from issue text), table
// cells, code fences that the code cannot close, and links limited to
// http(s). Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace issuegraph::render {

// Plain text as literal Markdown: backslash-escapes the characters that
// start markup (and '<', '&' so no HTML or entity passes through), and what
// would open a block at the start of a line. Keeps line breaks.
std::string EscapeText(std::string_view text);

// One table cell: EscapeText on one line, with '|' escaped.
std::string EscapeCell(std::string_view text);

// `code` as one inline code span, its fence longer than any backtick run
// inside; line breaks become spaces. Empty for empty code.
std::string InlineCode(std::string_view code);

// EscapeText, except that the [begin, end) ranges `spans` of `text` (in
// order, not overlapping) become inline code, as the writer marked them.
std::string EscapeTextWithCode(std::string_view text, std::span<const std::pair<size_t, size_t>> spans);

// Inline code spans written in plain text ("Crash in `foo()`", as a title
// is written): the [begin, end) ranges of their contents, in order. An
// unmatched backtick run opens nothing.
std::vector<std::pair<size_t, size_t>> BacktickSpans(std::string_view text);

// Text with its backtick spans' fences removed, and where the code is in
// the result: a title for formats that mark code otherwise (HTML).
struct CodedText {
  std::string text;
  std::vector<std::pair<size_t, size_t>> code;
};
CodedText StripBackticks(std::string_view text);

// A title as one line of Markdown: EscapeCell, with its backtick spans as
// inline code (the backticks themselves never shown).
std::string EscapeTitle(std::string_view title);

// A fenced code block ending in a newline. The fence is longer than any run
// of backticks in `code`; `info` is reduced to a safe language word.
// Languages GitHub would draw (mermaid, geojson, topojson, stl, math) are
// shown as text: an issue's own diagram is quoted, never drawn.
std::string CodeFence(std::string_view code, std::string_view info);

// Our own graph picture (render/mermaid.h's escaped output), to be drawn.
std::string MermaidFence(std::string_view diagram);

// [text](url) when the URL is safe (render/safe_url.h), else the escaped text alone.
std::string MarkdownLink(std::string_view text, std::string_view url);

}  // namespace issuegraph::render
