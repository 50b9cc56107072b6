#include "text/gfm.h"

#include <cmark-gfm-core-extensions.h>

#include <array>
#include <cstdlib>

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

}  // namespace

Document Document::Parse(std::string_view markdown) {
  EnsureRegistered();
  Document document;
  // VALIDATE_UTF8 replaces invalid sequences with U+FFFD, so every string we
  // hand out is valid UTF-8 whatever the API sent.
  document.parser_.reset(cmark_parser_new(CMARK_OPT_VALIDATE_UTF8));
  if (!document.parser_) std::abort();  // cmark aborts on OOM itself; keep that contract
  for (const char* name : kExtensions) {
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
