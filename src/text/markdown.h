// Markdown as GitHub reads it (cmark-gfm with GitHub's extensions), flattened
// to the blocks the analysis needs: headings, paragraphs, list items, quotes,
// code. Pure functions over a string; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace issuegraph::text {

enum class BlockKind {
  kHeading,    // level 1-6; also a paragraph that is only bold text ("**Steps**")
  kParagraph,
  kListItem,   // the text of one item (nested lists give their own items)
  kQuote,      // text inside a block quote, one block per paragraph
  kCode,       // fenced or indented code; `info` holds the fence's language
  kTable,      // a GFM table, as tab-separated rows
  kHtml,       // raw HTML block, verbatim (never rendered as HTML by us)
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;         // heading level, list nesting depth, quote depth
  std::string text;      // plain text: inline markup removed, code spans kept as text
  std::string info;      // code fence info string (language), empty otherwise
  bool fenced = false;   // code: fenced rather than indented
  int line = 0;          // 1-based start line in the source
  // Paragraphs, list items and quotes: the [begin, end) byte ranges of `text`
  // that were inline code spans, in order (a command or identifier the
  // writer marked as code).
  std::vector<std::pair<size_t, size_t>> code_spans;
};

// Blocks in document order. `text` of headings and paragraphs is the
// rendered plain text (emphasis and links reduced to their text).
std::vector<Block> ParseBlocks(std::string_view markdown);

// ParseBlocks, appending to `blocks`: many documents' blocks in one vector.
void AppendBlocks(std::string_view markdown, std::vector<Block>& blocks);

}  // namespace issuegraph::text
