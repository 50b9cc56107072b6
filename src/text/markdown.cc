#include "text/markdown.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <utility>

#include "model/lines.h"
#include "text/gfm.h"
#include "text/simple_markdown.h"

namespace issuegraph::text {
namespace {

bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string_view Trim(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size() &&
         (text[begin] == ' ' || text[begin] == '\t' || text[begin] == '\n')) {
    ++begin;
  }
  size_t end = text.size();
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n')) {
    --end;
  }
  return text.substr(begin, end - begin);
}

// Appends the plain text of `node` and its descendants: text and code spans
// verbatim, soft breaks as spaces, hard breaks as newlines; emphasis, links
// and images (their alt text) reduce to their children; inline HTML tags are
// dropped (the text between them is kept). Walks the tree by its links, in
// document order, without allocating an iterator and without recursion
// (hostile input can nest deeply).
// When `spans` is given, the byte range of every code span appended is
// recorded in it.
using Spans = std::vector<CodeSpan>;

void AppendPlainText(cmark_node* node, std::string& out, Spans* spans = nullptr) {
  cmark_node* current = node;
  while (true) {
    switch (cmark_node_get_type(current)) {
      case CMARK_NODE_TEXT:
        out += gfm::Literal(current);
        break;
      case CMARK_NODE_CODE: {
        size_t begin = out.size();
        out += gfm::Literal(current);
        if (spans != nullptr) spans->emplace_back(begin, out.size());
        break;
      }
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      default:
        break;
    }
    if (cmark_node* child = cmark_node_first_child(current)) {
      current = child;
      continue;
    }
    // Up to the nearest ancestor (below `node`) that has a next sibling.
    while (current != node && cmark_node_next(current) == nullptr) {
      current = cmark_node_parent(current);
    }
    if (current == node) return;
    current = cmark_node_next(current);
  }
}

void AppendChildrenText(cmark_node* node, std::string& out, Spans* spans) {
  for (cmark_node* child = cmark_node_first_child(node); child != nullptr;
       child = cmark_node_next(child)) {
    AppendPlainText(child, out, spans);
  }
}

// A paragraph arrives in many pieces, and a string grown piece by piece
// reallocates several times: its text is gathered in this thread's buffer,
// then copied out once at its final size. One user at a time.
std::string& GatherBuffer() {
  // One huge paragraph should not pin its size for the thread's lifetime.
  constexpr size_t kKeep = 64 * 1024;
  thread_local std::string buffer;
  if (buffer.capacity() > kKeep) buffer = std::string();
  buffer.clear();
  return buffer;
}

// The code spans of the text in GatherBuffer, under the same rule.
Spans& GatherSpans() {
  constexpr size_t kKeep = 1024;
  thread_local Spans spans;
  if (spans.capacity() > kKeep) spans = Spans();
  spans.clear();
  return spans;
}

// The plain text of `node`'s children, in GatherBuffer.
std::string_view PlainText(cmark_node* node, Spans* spans = nullptr) {
  std::string& text = GatherBuffer();
  AppendChildrenText(node, text, spans);
  return text;
}

// Bytes a plain paragraph may hold: letters, digits, blanks between words
// and punctuation that neither CommonMark's inlines nor GitHub's
// extensions read. Not '\t', '\r', other controls or non-ASCII bytes.
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (char c : std::string_view(" \n.,;:?!'\"()/+-=%$")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether a line of plain bytes could open a block or end a paragraph in
// some other way than a blank line: an indent, a bullet ("- ", "+ "), an
// ordered item ("1." or "1)"), a setext underline or thematic break ('='
// or '-' first), or a blank before its end (a hard break, or trailing
// blanks cmark strips).
bool LineIsPlain(std::string_view line) {
  if (line.empty()) return true;
  char first = line.front();
  if (first == ' ' || first == '-' || first == '=' || line.back() == ' ') return false;
  if (first == '+' && (line.size() == 1 || line[1] == ' ')) return false;
  size_t digits = 0;
  while (digits < line.size() && IsDigit(line[digits])) ++digits;
  return digits == 0 || digits == line.size() || (line[digits] != '.' && line[digits] != ')');
}

bool HasAutolinkTrigger(std::string_view text) {
  return text.find("://") != std::string_view::npos || gfm::HasWww(text);
}

// Appends the paragraphs of a plain text (IsPlainText), as cmark-gfm and
// BlockCollector would make them: lines joined by a space, paragraphs
// split at empty lines.
void AppendPlainParagraphs(std::string_view markdown, Blocks& blocks) {
  std::string& text = GatherBuffer();
  int first_line = 0;  // of the paragraph in `text`
  auto flush = [&] {
    if (text.empty()) return;
    Block& block = blocks.list().emplace_back();
    block.text = blocks.Keep(text);
    block.line = first_line;
    text.clear();
  };
  int number = 0;
  for (std::string_view line : Lines(markdown)) {
    ++number;
    if (line.empty()) {
      flush();
    } else {
      if (text.empty()) first_line = number;
      if (!text.empty()) text += ' ';
      text += line;
    }
  }
  flush();
}

// A run of inline siblings that is nothing but bold text, optionally with
// blanks or a colon around it ("**Steps to reproduce**", "**Expected**:").
bool IsBoldOnly(cmark_node* first, cmark_node* stop) {
  bool has_bold = false;
  for (cmark_node* node = first; node != stop; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_STRONG: {
        std::string text;
        AppendPlainText(node, text);
        if (!IsBlank(text)) has_bold = true;
        break;
      }
      case CMARK_NODE_TEXT: {
        std::string_view literal = gfm::Literal(node);
        bool filler = std::all_of(literal.begin(), literal.end(),
                                  [](char c) { return c == ' ' || c == '\t' || c == ':'; });
        if (!filler) return false;
        break;
      }
      default:
        return false;
    }
  }
  return has_bold;
}

class BlockCollector {
 public:
  explicit BlockCollector(Blocks& blocks) : blocks_(blocks) {}

  void Collect(cmark_node* root) {
    gfm::IterPtr iter = gfm::Walk(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      bool enter = event == CMARK_EVENT_ENTER;
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_LIST:
          list_depth_ += enter ? 1 : -1;
          // The next number of each open list (items count up from its start).
          if (enter) {
            numbers_.push_back(cmark_node_get_list_start(node) - 1);
          } else if (!numbers_.empty()) {
            numbers_.pop_back();
          }
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          quote_depth_ += enter ? 1 : -1;
          break;
        case CMARK_NODE_ITEM:
          if (enter) OnItem(node);
          break;
        // Paragraphs and headings hold only inlines, read by the handlers
        // themselves: the walk skips them instead of visiting every node.
        case CMARK_NODE_PARAGRAPH:
          if (enter) {
            OnParagraph(node);
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
          }
          break;
        case CMARK_NODE_HEADING:
          if (enter) {
            OnHeading(node);
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
          }
          break;
        // Leaves get only an enter event; the check keeps that explicit.
        case CMARK_NODE_CODE_BLOCK:
          if (enter) OnCode(node);
          break;
        case CMARK_NODE_HTML_BLOCK:
          if (enter) Add(BlockKind::kHtml, 0, gfm::Literal(node), node);
          break;
        default:
          if (enter && gfm::IsTable(node)) {
            OnTable(node);
            // The table is one block; its cells are not visited again.
            cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
          }
          break;
      }
    }
  }

 private:
  // A block of `text`, copied into blocks_; `spans` (of `text`) likewise.
  Block& Add(BlockKind kind, int level, std::string_view text, cmark_node* node,
             const Spans& spans = {}) {
    Block& block = blocks_.list().emplace_back();
    block.kind = kind;
    block.level = level;
    block.text = blocks_.Keep(text);
    if (!spans.empty()) block.code_spans = blocks_.Keep(spans);
    block.line = cmark_node_get_start_line(node);
    return block;
  }

  // Inside a quote everything textual is quoted text: one kQuote per
  // paragraph, whether it sits in a list or is a heading.
  bool Quoted() const { return quote_depth_ > 0; }

  // Outside quotes an item's own paragraphs make its one block; the
  // paragraphs are skipped when the walk reaches them.
  static bool OwnedByItem(cmark_node* node) {
    cmark_node* parent = cmark_node_parent(node);
    return parent != nullptr && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
  }

  void OnItem(cmark_node* item) {
    if (Quoted()) return;
    std::string& text = GatherBuffer();
    Spans& spans = GatherSpans();
    for (cmark_node* child = cmark_node_first_child(item); child != nullptr;
         child = cmark_node_next(child)) {
      cmark_node_type type = cmark_node_get_type(child);
      if (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING) continue;
      if (!text.empty()) text += '\n';
      AppendChildrenText(child, text, &spans);
    }
    Block& block = Add(BlockKind::kListItem, list_depth_, text, item, spans);
    cmark_node* list = cmark_node_parent(item);
    if (list != nullptr && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
      // The writer's numbering: the list's start, then one per item.
      if (!numbers_.empty()) block.number = ++numbers_.back();
    }
  }

  void OnParagraph(cmark_node* paragraph) {
    Spans& spans = GatherSpans();
    if (Quoted()) {
      Add(BlockKind::kQuote, quote_depth_, PlainText(paragraph, &spans), paragraph, spans);
      return;
    }
    if (OwnedByItem(paragraph)) return;
    if (SplitBoldHeading(paragraph)) return;
    Add(BlockKind::kParagraph, 0, PlainText(paragraph, &spans), paragraph, spans);
  }

  // "**Describe the bug**" alone, or as the first line of a paragraph (as in
  // GitHub's default issue template), is a heading; the lines after it stay
  // a paragraph of their own.
  bool SplitBoldHeading(cmark_node* paragraph) {
    cmark_node* first = cmark_node_first_child(paragraph);
    cmark_node* line_break = first;
    while (line_break != nullptr && cmark_node_get_type(line_break) != CMARK_NODE_SOFTBREAK &&
           cmark_node_get_type(line_break) != CMARK_NODE_LINEBREAK) {
      line_break = cmark_node_next(line_break);
    }
    if (!IsBoldOnly(first, line_break)) return false;
    std::string heading;
    for (cmark_node* node = first; node != line_break; node = cmark_node_next(node)) {
      AppendPlainText(node, heading);
    }
    Add(BlockKind::kHeading, kBoldHeadingLevel, Trim(heading), paragraph);
    if (line_break == nullptr) return true;
    std::string& rest = GatherBuffer();
    Spans& spans = GatherSpans();
    for (cmark_node* node = cmark_node_next(line_break); node != nullptr;
         node = cmark_node_next(node)) {
      AppendPlainText(node, rest, &spans);
    }
    if (!IsBlank(rest)) {
      // A paragraph's lines are consecutive, so the rest starts one line down.
      Add(BlockKind::kParagraph, 0, rest, paragraph, spans).line += 1;
    }
    return true;
  }

  void OnHeading(cmark_node* heading) {
    if (Quoted()) {
      Add(BlockKind::kQuote, quote_depth_, PlainText(heading), heading);
      return;
    }
    if (OwnedByItem(heading)) return;
    Add(BlockKind::kHeading, cmark_node_get_heading_level(heading), PlainText(heading), heading);
  }

  void OnCode(cmark_node* code) {
    std::string_view text = gfm::Literal(code);
    // cmark ends the literal with the newline of the last line.
    if (text.ends_with('\n')) text.remove_suffix(1);
    Block& block = Add(BlockKind::kCode, 0, text, code);
    int length = 0;
    int offset = 0;
    char fence = 0;
    block.fenced = cmark_node_get_fenced(code, &length, &offset, &fence) != 0;
    if (const char* info = cmark_node_get_fence_info(code); block.fenced && info != nullptr) {
      std::string_view words(info);
      size_t begin = words.find_first_not_of(" \t");
      if (begin != std::string_view::npos) {
        words.remove_prefix(begin);
        block.info = blocks_.Keep(words.substr(0, words.find_first_of(" \t")));
      }
    }
  }

  void OnTable(cmark_node* table) {
    std::string text;  // not GatherBuffer: PlainText gathers each cell there
    for (cmark_node* row = cmark_node_first_child(table); row != nullptr;
         row = cmark_node_next(row)) {
      if (!gfm::IsTableRow(row)) continue;
      if (!text.empty()) text += '\n';
      bool first_cell = true;
      for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr;
           cell = cmark_node_next(cell)) {
        if (!gfm::IsTableCell(cell)) continue;
        if (!first_cell) text += '\t';
        first_cell = false;
        text += PlainText(cell);
      }
    }
    Add(BlockKind::kTable, 0, text, table);
  }

  Blocks& blocks_;
  std::vector<int> numbers_;
  int list_depth_ = 0;
  int quote_depth_ = 0;
};

}  // namespace

std::string_view Blocks::Keep(std::string_view text) {
  if (text.empty()) return {};
  auto* bytes = static_cast<char*>(Allocate(text.size(), 1));
  std::memcpy(bytes, text.data(), text.size());
  return {bytes, text.size()};
}

std::span<const CodeSpan> Blocks::Keep(std::span<const CodeSpan> spans) {
  if (spans.empty()) return {};
  auto* kept = static_cast<CodeSpan*>(Allocate(spans.size_bytes(), alignof(CodeSpan)));
  std::uninitialized_copy(spans.begin(), spans.end(), kept);
  return {kept, spans.size()};
}

void* Blocks::Allocate(size_t bytes, size_t align) {
  // Large enough that a long thread needs a few dozen; a text larger than
  // a chunk gets one of its own.
  constexpr size_t kChunk = 64 * 1024;
  size_t at = (used_ + align - 1) & ~(align - 1);
  if (chunks_.empty() || at + bytes > chunk_size_) {
    chunk_size_ = std::max(kChunk, bytes);
    chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(chunk_size_));
    at = 0;
  }
  used_ = at + bytes;
  return chunks_.back().get() + at;
}

Blocks ParseBlocks(std::string_view markdown) {
  Blocks blocks;
  AppendBlocks(markdown, blocks);
  return blocks;
}

bool IsPlainText(std::string_view markdown) {
  // One pass: each byte is checked, and each line when its end is reached.
  size_t line_start = 0;
  for (size_t i = 0; i < markdown.size(); ++i) {
    char c = markdown[i];
    if (!kPlainByte[static_cast<unsigned char>(c)]) return false;
    if (c == '\n') {
      if (!LineIsPlain(markdown.substr(line_start, i - line_start))) return false;
      line_start = i + 1;
    }
  }
  return LineIsPlain(markdown.substr(line_start)) && !HasAutolinkTrigger(markdown);
}

void AppendBlocks(std::string_view markdown, Blocks& blocks) {
  // Most short replies ("Thanks, that worked!", "+1, same here") are
  // plain, and the parser's set-up costs more than parsing them.
  if (IsPlainText(markdown)) {
    AppendPlainParagraphs(markdown, blocks);
    return;
  }
  // Most of the rest is paragraphs, headings, fenced code and short lists,
  // which the parser's general machinery reads at several times the cost.
  if (AppendSimpleBlocks(markdown, blocks)) return;
  gfm::Document document = gfm::Document::Parse(markdown);
  BlockCollector(blocks).Collect(document.root());
}

Blocks ParseBlocksWithParser(std::string_view markdown) {
  Blocks blocks;
  gfm::Document document = gfm::Document::Parse(markdown);
  BlockCollector(blocks).Collect(document.root());
  return blocks;
}

}  // namespace issuegraph::text
