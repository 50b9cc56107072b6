// Putting untrusted text into HTML safely: text and quoted attribute values
// with &, <, >, ", ' (and =) escaped, control characters and invalid UTF-8
// replaced, and links only to http(s) pages, marked as external. Pure
// functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace issuegraph::render {

// Text safe both as element content and inside a quoted attribute value.
// Keeps line breaks and tabs; other control characters become spaces and
// invalid UTF-8 becomes U+FFFD, so the output is always valid UTF-8.
// Bidirectional controls (render/utf8.h) become U+FFFD too: no title,
// label or line of issue text is shown reordered.
std::string EscapeHtml(std::string_view text);

// EscapeHtml, with the [begin, end) ranges `spans` of `text` (in order,
// not overlapping) as <code> elements.
std::string EscapeHtmlWithCode(std::string_view text, std::span<const std::pair<size_t, size_t>> spans);

// `url` ready for a double-quoted href: render/safe_url.h's SafeUrl with
// '&' escaped; empty for any scheme but http(s).
std::string SafeHref(std::string_view url);

// <a href="url" rel="nofollow noopener noreferrer">text</a> when the URL is
// safe, else the escaped text alone.
std::string HtmlLink(std::string_view text, std::string_view url);

}  // namespace issuegraph::render
