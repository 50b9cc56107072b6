// A reader for the Markdown most comments are written in, without the
// parser: paragraphs, ATX headings, fenced code, one-level bullet and
// ordered lists of one-line items, one-level quotes, inline code spans and
// the plainest bold text, all in ASCII. For such a text it gives exactly the blocks ParseBlocks
// gets from cmark-gfm; anything else (emphasis, links, HTML, tables,
// nesting, indentation, lazy continuation lines...) it declines, and the
// parser reads the text. Pure; thread-safe.
#pragma once

#include <string_view>

#include "text/markdown.h"

namespace issuegraph::text {

// Appends the blocks of `markdown` and returns true when the text is in the
// subset above; otherwise appends nothing and returns false.
bool AppendSimpleBlocks(std::string_view markdown, Blocks& blocks);

}  // namespace issuegraph::text
