// Markdown as GitHub reads it (cmark-gfm with GitHub's extensions), flattened
// to the blocks the analysis needs: headings, paragraphs, list items, quotes,
// code. Pure functions over a string; thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
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

// [begin, end) bytes of a block's text.
using CodeSpan = std::pair<size_t, size_t>;

// A block's views point into the Blocks that holds it.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;           // heading level, list nesting depth, quote depth
  std::string_view text;   // plain text: inline markup removed, code spans kept as text
  std::string_view info;   // code fence info string (language), empty otherwise
  bool fenced = false;     // code: fenced rather than indented
  int line = 0;            // 1-based start line in the source
  int number = 0;          // list items of an ordered list: the item's number ("3." is 3); 0 otherwise
  // Paragraphs, list items and quotes: the ranges of `text` that were
  // inline code spans, in order (a command or identifier the writer
  // marked as code).
  std::span<const CodeSpan> code_spans;
};

// The blocks of one or more documents, and the bytes their views point
// into: a long thread's text is kept in a few large chunks, not a string
// per block, and freed at once. The chunks never move, so a Blocks can be
// moved (not copied) and its views stay valid.
class Blocks {
 public:
  Blocks() = default;
  Blocks(Blocks&&) = default;
  Blocks& operator=(Blocks&&) = default;
  Blocks(const Blocks&) = delete;
  Blocks& operator=(const Blocks&) = delete;

  const std::vector<Block>& list() const { return list_; }
  std::vector<Block>& list() { return list_; }
  size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const Block& operator[](size_t i) const { return list_[i]; }
  const Block& back() const { return list_.back(); }
  auto begin() const { return list_.begin(); }
  auto end() const { return list_.end(); }

  // Copies into the chunks; the views live as long as this Blocks.
  std::string_view Keep(std::string_view text);
  std::span<const CodeSpan> Keep(std::span<const CodeSpan> spans);

 private:
  void* Allocate(size_t bytes, size_t align);

  std::vector<Block> list_;
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  size_t used_ = 0;       // bytes of the last chunk handed out
  size_t chunk_size_ = 0; // of the last chunk
};

// The level of a heading written as bold text ("**Steps to reproduce**"
// alone on a paragraph's first line), where issue templates put it.
inline constexpr int kBoldHeadingLevel = 4;

// Blocks in document order. `text` of headings and paragraphs is the
// rendered plain text (emphasis and links reduced to their text).
Blocks ParseBlocks(std::string_view markdown);

// ParseBlocks, appending to `blocks`: many documents' blocks in one list.
void AppendBlocks(std::string_view markdown, Blocks& blocks);

// Whether `markdown` is nothing but plain paragraphs: ASCII letters,
// digits and punctuation that no Markdown or GitHub syntax reads, no line
// that could open a block, no hard break. ParseBlocks splits such a text
// itself, without cmark-gfm, into the blocks the parser would give.
bool IsPlainText(std::string_view markdown);

// ParseBlocks without its shortcuts (plain text, and the simple Markdown of
// text/simple_markdown.h): always through cmark-gfm, to check the
// shortcuts against the parser.
Blocks ParseBlocksWithParser(std::string_view markdown);

}  // namespace issuegraph::text
