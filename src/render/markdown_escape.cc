#include "render/markdown_escape.h"

#include <algorithm>
#include <cstdio>

#include "model/ascii.h"
#include "model/lines.h"
#include "render/safe_url.h"
#include "render/utf8.h"

namespace issuegraph::render {
namespace {

bool IsAlnum(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

// Escapes inline markup in one line.
std::string EscapeInline(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 8);
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '>':
      case '&':
      case '~':
      case '|':
        out += '\\';
        out += c;
        break;
      case '_': {
        // An underscore inside a word never starts emphasis; keep
        // identifiers such as access_token readable.
        bool inside = i > 0 && i + 1 < line.size() && IsAlnum(line[i - 1]) && IsAlnum(line[i + 1]);
        if (!inside) out += '\\';
        out += c;
        break;
      }
      case '@':
        // A mention would notify someone wherever the report is posted:
        // a zero-width space keeps "@name" readable but inert.
        out += c;
        if (i + 1 < line.size() && IsAlnum(line[i + 1]) && (i == 0 || !IsAlnum(line[i - 1]))) {
          out += "\u200B";
        }
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
          out += ' ';
        } else if (size_t bidi = BidiControlLength(line, i); bidi > 0) {
          // A direction override would reorder what follows it on screen.
          out += "\uFFFD";
          i += bidi - 1;
        } else {
          out += c;
        }
    }
  }
  return out;
}

// What opens a block at the start of a line: headings, quotes, list
// markers, thematic breaks, setext underlines, ordered list numbers.
std::string EscapeLineStart(std::string line) {
  size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos) return {};
  line.erase(0, start);  // leading spaces could make an indented code block
  char c = line.front();
  if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>') {
    line.insert(0, 1, '\\');
    return line;
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9') {
    ++digits;
  }
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
    line.insert(digits, 1, '\\');
  }
  return line;
}

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  bool first = true;
  for (std::string_view line : Lines(text)) {
    if (!first) out += '\n';
    first = false;
    out += EscapeLineStart(EscapeInline(WithoutCr(line)));
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string InlineCode(std::string_view code) {
  std::string flat;
  size_t longest = 0;
  size_t run = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (size_t bidi = BidiControlLength(code, i); bidi > 0) {
      flat += "\uFFFD";
      i += bidi - 1;
    } else {
      flat += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  if (flat.find_first_not_of(' ') == std::string::npos) return flat.empty() ? "" : "` `";
  const std::string fence(longest + 1, '`');
  // A space keeps a leading or trailing backtick from joining the fence;
  // CommonMark strips one from each side.
  const bool pad = flat.front() == '`' || flat.back() == '`' || (flat.front() == ' ' && flat.back() == ' ');
  return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
}

std::string EscapeTextWithCode(std::string_view text, std::span<const std::pair<size_t, size_t>> spans) {
  std::string out;
  // EscapeText trims the spaces at a segment's ends; those next to a code
  // span separate it from the words around it and come back as one space.
  auto plain = [&](std::string_view segment, bool after_code, bool before_code) {
    if (segment.empty()) return;
    const std::string escaped = EscapeText(segment);
    if (escaped.empty()) {
      out += ' ';
      return;
    }
    const auto space = [](char c) { return c == ' ' || c == '\n'; };
    if (after_code && space(segment.front())) out += ' ';
    out += escaped;
    if (before_code && space(segment.back())) out += ' ';
  };
  size_t at = 0;
  for (auto [begin, end] : spans) {
    if (begin < at || end > text.size() || begin >= end) continue;
    plain(text.substr(at, begin - at), at > 0, true);
    out += InlineCode(text.substr(begin, end - begin));
    at = end;
  }
  plain(text.substr(at), at > 0, false);
  return out;
}

std::vector<std::pair<size_t, size_t>> BacktickSpans(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    size_t open = i;
    while (i < text.size() && text[i] == '`') ++i;
    const size_t width = i - open;
    // The closing run: exactly as many backticks.
    size_t close = i;
    bool found = false;
    while (close < text.size()) {
      if (text[close] != '`') {
        ++close;
        continue;
      }
      size_t run_start = close;
      while (close < text.size() && text[close] == '`') ++close;
      if (close - run_start == width) {
        if (run_start > i) spans.emplace_back(i, run_start);
        i = close;
        found = true;
        break;
      }
    }
    if (!found) i = open + width;
  }
  return spans;
}

CodedText StripBackticks(std::string_view text) {
  CodedText out;
  size_t at = 0;
  for (auto [begin, end] : BacktickSpans(text)) {
    size_t open = begin;
    while (open > at && text[open - 1] == '`') --open;
    out.text += text.substr(at, open - at);
    out.code.emplace_back(out.text.size(), out.text.size() + (end - begin));
    out.text += text.substr(begin, end - begin);
    at = end;
    while (at < text.size() && text[at] == '`') ++at;
  }
  out.text += text.substr(at);
  return out;
}

std::string EscapeTitle(std::string_view title) {
  std::string out;
  size_t at = 0;
  for (auto [begin, end] : BacktickSpans(title)) {
    size_t open = begin;
    while (open > at && title[open - 1] == '`') --open;
    out += EscapeCell(title.substr(at, open - at));
    out += InlineCode(title.substr(begin, end - begin));
    at = end;
    while (at < title.size() && title[at] == '`') ++at;
  }
  return out + EscapeCell(title.substr(at));
}

std::string EscapeCell(std::string_view text) {
  std::string flat;
  flat.reserve(text.size());
  for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  // A cell is never at a line start, but '|' always splits it.
  return EscapeInline(flat);
}

namespace {

std::string Fence(std::string_view code, std::string_view language) {
  size_t longest = 0;
  size_t run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  std::string out = fence + std::string(language) + "\n";
  // Code is kept as it is, except what would show it reordered (a
  // direction override in a line of code hides what the line does).
  out += DisplayUtf8(code);
  if (!code.empty() && code.back() != '\n') out += '\n';
  out += fence + "\n";
  return out;
}

}  // namespace

std::string CodeFence(std::string_view code, std::string_view info) {
  std::string language;
  for (char c : info.substr(0, std::min<size_t>(info.size(), 30))) {
    bool ok = IsAlnum(c) || c == '_' || c == '+' || c == '-' || c == '.' || c == '#';
    if (!ok || static_cast<unsigned char>(c) >= 0x80) break;
    language += c;
  }
  // Languages GitHub draws instead of showing (diagrams, maps, models): an
  // issue's own block stays text, never the author's picture.
  const std::string lower = LowerAscii(language);
  for (std::string_view drawn : {"mermaid", "geojson", "topojson", "stl", "math"}) {
    if (lower == drawn) language = "text";
  }
  return Fence(code, language);
}

std::string MermaidFence(std::string_view diagram) { return Fence(diagram, "mermaid"); }

std::string MarkdownLink(std::string_view text, std::string_view url) {
  std::string safe = SafeUrl(url);
  if (safe.empty()) return EscapeCell(text);
  return "[" + EscapeCell(text) + "](" + safe + ")";
}

}  // namespace issuegraph::render
