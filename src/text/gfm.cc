#include "text/gfm.h"

#include <cmark-gfm-core-extensions.h>

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace issuegraph::text::gfm {
namespace {

constexpr std::array<const char*, 4> kExtensions = {"table", "strikethrough", "autolink",
                                                    "tasklist"};

// cmark_gfm_core_extensions_ensure_registered() guards itself with a plain
// static int; a C++ function-local static makes the one call thread-safe.
void EnsureRegistered() {
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
}

std::string_view TypeString(cmark_node* node) {
  const char* name = cmark_node_get_type_string(node);
  return name == nullptr ? std::string_view() : std::string_view(name);
}

// What a text could ask of the parser. Each extension acts only on text that
// holds its trigger characters, and validation only changes non-ASCII bytes;
// leaving out what cannot apply gives the same tree (only split into fewer
// text nodes) at close to the cost of bare CommonMark: attached, autolink
// makes every 'w' and ':' a stop, and tables look at every paragraph line.
struct Needs {
  bool non_ascii = false;
  bool table = false;          // a delimiter row ("| --- | :-: |")
  bool strikethrough = false;  // '~'
  bool autolink = false;       // "://", "www." or '@' (e-mail, mailto:, xmpp:)
  bool tasklist = false;       // "[ ]", "[x]" or "[X]"
};

enum : uint8_t {
  kPipe = 1,
  kTilde = 2,
  kBracket = 4,
  kAt = 8,
  kColon = 16,
  kDot = 32,
  kHigh = 64,
};

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  table['|'] = kPipe;
  table['~'] = kTilde;
  table['['] = kBracket;
  table['@'] = kAt;
  table[':'] = kColon;
  table['.'] = kDot;
  for (size_t c = 0x80; c < 256; ++c) table[c] = kHigh;
  return table;
}();

// "www." in any case (the extension's own test is stricter).
bool HasWww(std::string_view text) {
  for (size_t dot = text.find('.', 3); dot != std::string_view::npos;
       dot = text.find('.', dot + 1)) {
    if ((text[dot - 1] | 0x20) == 'w' && (text[dot - 2] | 0x20) == 'w' &&
        (text[dot - 3] | 0x20) == 'w') {
      return true;
    }
  }
  return false;
}

// A line that could be a table's delimiter row: only pipes, dashes, colons,
// blanks and the '>' of a quote around it, with at least one dash.
bool HasDelimiterRow(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    bool dash = false;
    bool only = true;
    for (size_t i = start; i < end && only; ++i) {
      char c = text[i];
      dash |= c == '-';
      only = c == '-' || c == '|' || c == ':' || c == ' ' || c == '\t' || c == '>' || c == '\r';
    }
    if (only && dash) return true;
    start = end + 1;
  }
  return false;
}

bool HasTaskMarker(std::string_view text) {
  for (size_t open = text.find('['); open != std::string_view::npos && open + 2 < text.size();
       open = text.find('[', open + 1)) {
    char mark = text[open + 1];
    if ((mark == ' ' || mark == 'x' || mark == 'X') && text[open + 2] == ']') return true;
  }
  return false;
}

Needs Scan(std::string_view text) {
  uint8_t seen = 0;
  for (char c : text) seen |= kByteClass[static_cast<unsigned char>(c)];
  Needs needs;
  needs.non_ascii = (seen & kHigh) != 0;
  needs.strikethrough = (seen & kTilde) != 0;
  needs.table = (seen & kPipe) != 0 && HasDelimiterRow(text);
  needs.tasklist = (seen & kBracket) != 0 && HasTaskMarker(text);
  needs.autolink = (seen & kAt) != 0 ||
                   ((seen & kColon) != 0 && text.find("://") != std::string_view::npos) ||
                   ((seen & kDot) != 0 && HasWww(text));
  return needs;
}

bool Needed(const Needs& needs, std::string_view extension) {
  if (extension == "table") return needs.table;
  if (extension == "strikethrough") return needs.strikethrough;
  if (extension == "autolink") return needs.autolink;
  if (extension == "tasklist") return needs.tasklist;
  return true;
}

}  // namespace

Document Document::Parse(std::string_view markdown) {
  EnsureRegistered();
  Document document;
  Needs needs = Scan(markdown);
  // VALIDATE_UTF8 replaces invalid sequences with U+FFFD, so every string we
  // hand out is valid UTF-8 whatever the API sent (ASCII always is).
  document.parser_.reset(cmark_parser_new(needs.non_ascii ? CMARK_OPT_VALIDATE_UTF8 : 0));
  if (!document.parser_) std::abort();  // cmark aborts on OOM itself; keep that contract
  for (const char* name : kExtensions) {
    if (!Needed(needs, name)) continue;
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(document.parser_.get(), extension);
    }
  }
  cmark_parser_feed(document.parser_.get(), markdown.data(), markdown.size());
  document.root_.reset(cmark_parser_finish(document.parser_.get()));
  if (!document.root_) std::abort();
  return document;
}

IterPtr Walk(cmark_node* root) {
  IterPtr iter(cmark_iter_new(root));
  if (!iter) std::abort();
  return iter;
}

bool IsTable(cmark_node* node) { return TypeString(node) == "table"; }

bool IsTableRow(cmark_node* node) {
  std::string_view name = TypeString(node);
  return name == "table_row" || name == "table_header";
}

bool IsTableCell(cmark_node* node) { return TypeString(node) == "table_cell"; }

std::string_view Literal(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal == nullptr ? std::string_view() : std::string_view(literal);
}

}  // namespace issuegraph::text::gfm
