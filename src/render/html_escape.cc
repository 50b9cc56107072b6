#include "render/html_escape.h"

#include <cstdio>

#include "render/safe_url.h"
#include "render/utf8.h"

namespace issuegraph::render {
namespace {

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      i += AppendDisplayUtf8At(text, i, &out);
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '=':
        // Not needed for safety, but no issue text then reads like an
        // attribute ("onerror=") even to a naive scan of the page.
        out += "&#61;";
        break;
      case '\n':
      case '\t':
        out += c;
        break;
      case '\r':
        // "\r\n" is one break; a lone "\r" becomes one.
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';
        break;
      default:
        out += (u < 0x20 || u == 0x7F) ? ' ' : c;
        break;
    }
    ++i;
  }
  return out;
}

std::string SafeHref(std::string_view url) {
  std::string safe = SafeUrl(url);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) out += c == '&' ? std::string_view("&amp;") : std::string_view(&c, 1);
  return out;
}

std::string HtmlLink(std::string_view text, std::string_view url) {
  std::string href = SafeHref(url);
  if (href.empty()) return EscapeHtml(text);
  return "<a href=\"" + href + "\" rel=\"nofollow noopener noreferrer\">" + EscapeHtml(text) +
         "</a>";
}

std::string EscapeHtmlWithCode(std::string_view text, std::span<const std::pair<size_t, size_t>> spans) {
  std::string out;
  size_t at = 0;
  for (auto [begin, end] : spans) {
    if (begin < at || end > text.size() || begin >= end) continue;
    out += EscapeHtml(text.substr(at, begin - at)) + "<code>" + EscapeHtml(text.substr(begin, end - begin)) +
           "</code>";
    at = end;
  }
  return out + EscapeHtml(text.substr(at));
}

}  // namespace issuegraph::render
