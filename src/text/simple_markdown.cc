#include "text/simple_markdown.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "text/gfm.h"

namespace issuegraph::text {
namespace {

// Where a byte may stand: in code (fenced code, code spans) any printable
// ASCII; in inline text outside code only what no inline rule reads. Not
// emphasis, strikethrough, table pipes, HTML and angle-bracket autolinks,
// entities or escapes; the backtick and ']' (which may close a link) are
// read by AppendInline itself.
// Controls, '\r' and bytes outside ASCII (which the parser validates) are
// neither.
enum : uint8_t { kCodeByte = 1, kTextByte = 2 };

constexpr std::array<uint8_t, 256> kBytes = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0x20; c < 0x7f; ++c) table[c] = kCodeByte | kTextByte;
  for (char c : std::string_view("*_~|<&\\`]")) table[static_cast<unsigned char>(c)] = kCodeByte;
  return table;
}();

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c); }

bool IsInfoByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '-' || c == '+' ||
         c == '_' || c == '.';
}

enum class LineKind {
  kBlank,
  kText,     // a paragraph's line
  kHeading,  // "## text"
  kFence,    // "```info"
  kQuote,    // "> text"
  kBullet,   // "- text"
  kOrdered,  // "3. text"
  kOther,    // anything the subset leaves to the parser
};

struct Line {
  LineKind kind = LineKind::kOther;
  std::string_view content;  // the text after the marker
  int value = 0;             // heading level, item number, fence length
  size_t indent = 0;         // items: blanks before the marker
};

// `nested`: `line` is an item's or a quote's text, which must be a plain
// paragraph line; any block it would open is kOther, without reading the
// block's own text (hostile input nests "- - - …" deeply).
Line Classify(std::string_view line, bool nested = false);

// An item's or a quote's text must be a plain paragraph line, not another
// block inside it.
Line WithContent(LineKind kind, std::string_view content, int value = 0) {
  if (Classify(content, /*nested=*/true).kind != LineKind::kText) return {};
  return {kind, content, value};
}

Line Classify(std::string_view line, bool nested) {
  if (line.empty()) return {LineKind::kBlank, {}, 0};
  // Trailing blanks make a hard break or are stripped.
  if (line.back() == ' ') return {};
  // Indented, only a nested item is read (Reader::Item checks the indent);
  // any other line would open code or continue an item.
  if (line.front() == ' ') {
    if (nested) return {};
    size_t indent = line.find_first_not_of(' ');
    Line item = Classify(line.substr(indent));
    if (item.kind != LineKind::kBullet && item.kind != LineKind::kOrdered) return {};
    item.indent = indent;
    return item;
  }
  switch (line.front()) {
    case '-':
      if (!nested && line.size() > 2 && line[1] == ' ') {
        return WithContent(LineKind::kBullet, line.substr(2));
      }
      return {};
    case '+':
      if (line.size() == 1 || line[1] == ' ') return {};
      return {LineKind::kText, line, 0};
    case '>':
      if (!nested && line.size() > 2 && line[1] == ' ') {
        return WithContent(LineKind::kQuote, line.substr(2));
      }
      return {};
    case '#': {
      size_t hashes = line.find_first_not_of('#');
      if (hashes == std::string_view::npos) return {};
      if (hashes > 6 || line[hashes] != ' ') return {LineKind::kText, line, 0};
      std::string_view content = line.substr(hashes + 1);
      // An empty heading, a second blank, or a closing sequence of '#'.
      if (content.empty() || content.front() == ' ' || content.back() == '#') return {};
      return {LineKind::kHeading, content, static_cast<int>(hashes)};
    }
    case '`': {
      size_t run = line.find_first_not_of('`');
      if (run == std::string_view::npos) run = line.size();
      if (run == 1) return {LineKind::kText, line, 0};
      if (run == 2) return {};
      std::string_view info = line.substr(run);
      for (char c : info) {
        if (!IsInfoByte(c)) return {};
      }
      return {LineKind::kFence, info, static_cast<int>(run)};
    }
    case ':':
      // A table's delimiter row may open with a colon.
      if (line.size() > 1 && line[1] == '-') return {};
      return {LineKind::kText, line, 0};
    case '*':
      // Bold text may open a line ("**Version:** 4.2"); a bullet or a
      // thematic break may not.
      if (line.size() > 2 && line[1] == '*' && IsAlnum(line[2])) return {LineKind::kText, line, 0};
      return {};
    case '_':
    case '=':
    case '~':
    case '|':
    case '<':
    case '[':  // a link reference definition, or a footnote's
    case '\t':
      return {};
    default:
      break;
  }
  if (IsDigit(line.front())) {
    size_t digits = 0;
    while (digits < line.size() && IsDigit(line[digits])) ++digits;
    if (digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        (digits + 1 == line.size() || line[digits + 1] == ' ')) {
      if (nested || digits > 9 || line[digits] == ')' || digits + 2 >= line.size()) return {};
      int number = 0;
      for (size_t i = 0; i < digits; ++i) number = number * 10 + (line[i] - '0');
      return WithContent(LineKind::kOrdered, line.substr(digits + 2), number);
    }
  }
  return {LineKind::kText, line, 0};
}

// Whether a URL the autolink extension would read takes in a backtick or
// an asterisk: it reads from a scheme's "://" or from "www." to the next
// blank, so they are part of the link, not a code span or bold; an e-mail
// address with a scheme ("mailto:") may be read so too. Conservative:
// any word with one of them and a URL's mark is left to the parser.
bool UrlMeetsMarkup(std::string_view raw) {
  // (Byte loops: find_first_of with a set calls memchr once per byte.)
  size_t start = 0;
  while (start < raw.size()) {
    size_t end = start;
    bool markup = false;
    for (; end < raw.size() && raw[end] != ' ' && raw[end] != '\n'; ++end) {
      markup |= raw[end] == '`' || raw[end] == '*';
    }
    std::string_view word = raw.substr(start, end - start);
    bool url = word.find("://") != std::string_view::npos || gfm::HasWww(word) ||
               (word.find(':') != std::string_view::npos &&
                word.find('@') != std::string_view::npos);  // "mailto:", "xmpp:"
    if (markup && url) return true;
    start = end + 1;
  }
  return false;
}

// The end of bold text opened by the "**" at `open`, or npos. Only the
// plainest form: "**" after a blank, a line start or '(', a letter or digit
// first, plain text on one line, and "**" closing before a blank, the end
// or punctuation (after a letter or digit). There both delimiters can only
// open and only close, so no other reading exists.
size_t BoldEnd(std::string_view raw, size_t open) {
  if (open > 0 && raw[open - 1] != ' ' && raw[open - 1] != '\n' && raw[open - 1] != '(') {
    return std::string_view::npos;
  }
  size_t first = open + 2;
  if (first >= raw.size() || !IsAlnum(raw[first])) return std::string_view::npos;
  size_t close = first;
  while (close < raw.size() && (kBytes[static_cast<unsigned char>(raw[close])] & kTextByte) != 0) {
    ++close;
  }
  if (close + 1 >= raw.size() || raw[close] != '*' || raw[close + 1] != '*') {
    return std::string_view::npos;
  }
  char last = raw[close - 1];
  size_t after = close + 2;
  if (last == ' ' || last == '\n') return std::string_view::npos;
  if (after < raw.size() && raw[after] != ' ' && raw[after] != '\n') {
    if (std::string_view(".,:;!?)").find(raw[after]) == std::string_view::npos || !IsAlnum(last)) {
      return std::string_view::npos;
    }
  }
  return close;
}

// Whether a paragraph's first line is only bold text, blanks and colons:
// the parser's blocks make it a heading ("**Steps to reproduce**").
bool IsBoldOnlyLine(std::string_view raw) {
  std::string_view line = raw.substr(0, raw.find('\n'));
  bool bold = false;
  for (size_t i = 0; i < line.size();) {
    if (line[i] == ' ' || line[i] == ':') {
      ++i;
    } else if (line.substr(i).starts_with("**")) {
      size_t close = line.find("**", i + 2);
      if (close == std::string_view::npos) return false;
      bold = true;
      i = close + 2;
    } else {
      return false;
    }
  }
  return bold;
}

// Appends the code span `code` (between its backticks) as the parser reads
// it: line breaks as blanks, and one blank inside each end dropped as
// padding unless the span is all blanks. False for a byte code may not hold.
bool AppendCode(std::string_view code, std::string& out) {
  for (char c : code) {
    if ((kBytes[static_cast<unsigned char>(c)] & kCodeByte) == 0 && c != '\n') return false;
  }
  auto blank = [](char c) { return c == ' ' || c == '\n'; };
  if (code.size() >= 2 && blank(code.front()) && blank(code.back()) &&
      code.find_first_not_of(" \n") != std::string_view::npos) {
    code = code.substr(1, code.size() - 2);
  }
  size_t begin = out.size();
  out += code;
  std::replace(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(), '\n', ' ');
  return true;
}

// Appends the plain text of inline `raw` (a paragraph's lines joined by
// '\n') to `out` as the parser's blocks hold it: line breaks as blanks,
// code spans without their backticks. Each code span's range, counted from
// `base`, goes to `spans`. False when `raw` holds anything else.
bool AppendInline(std::string_view raw, std::string& out, size_t base,
                  std::vector<CodeSpan>& spans) {
  bool markup = raw.find('`') != std::string_view::npos || raw.find('*') != std::string_view::npos;
  if (markup && UrlMeetsMarkup(raw)) return false;
  size_t run = 0;  // start of the plain bytes not yet appended
  for (size_t i = 0; i < raw.size();) {
    // Plain text runs to the next byte a rule reads.
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if ((kBytes[c] & kTextByte) != 0) {
      ++i;
      continue;
    }
    out.append(raw.data() + run, i - run);
    if (c == '\n') {
      out += ' ';
    } else if (c == ']') {
      if (i + 1 < raw.size() && raw[i + 1] == '(') return false;  // an inline link or image
      out += ']';
    } else if (c == '*') {
      if (i + 1 >= raw.size() || raw[i + 1] != '*') return false;
      size_t close = BoldEnd(raw, i);
      if (close == std::string_view::npos) return false;
      out.append(raw.data() + i + 2, close - i - 2);
      i = close + 1;
    } else if (c == '`') {
      // Only single backticks, each opener with its closer.
      size_t close = raw.find('`', i + 1);
      if (close == std::string_view::npos || close == i + 1) return false;
      if (close + 1 < raw.size() && raw[close + 1] == '`') return false;
      size_t begin = out.size();
      if (!AppendCode(raw.substr(i + 1, close - i - 1), out)) return false;
      spans.emplace_back(begin - base, out.size() - base);
      i = close;
    } else {
      return false;
    }
    run = ++i;
  }
  out.append(raw.data() + run, raw.size() - run);
  return true;
}

// A block read, before it is copied into the Blocks: the text is a range
// of the scratch text (or, for code, of the Markdown itself).
struct Pending {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;
  int line = 0;
  int number = 0;
  bool in_source = false;  // text is a range of the Markdown
  size_t begin = 0;
  size_t end = 0;
  size_t spans_begin = 0;
  size_t spans_end = 0;
  std::string_view info;
};

// The pending blocks of one text, reused by the thread's calls. A huge
// text should not pin its size for the thread's lifetime.
struct Scratch {
  std::vector<Pending> blocks;
  std::string text;
  std::string quote;  // a quote's lines without their markers
  std::vector<CodeSpan> spans;

  static Scratch& Get() {
    constexpr size_t kKeep = 64 * 1024;
    thread_local Scratch scratch;
    if (scratch.text.capacity() > kKeep || scratch.quote.capacity() > kKeep) scratch = Scratch();
    scratch.blocks.clear();
    scratch.text.clear();
    scratch.quote.clear();
    scratch.spans.clear();
    return scratch;
  }
};

class Reader {
 public:
  Reader(std::string_view markdown, Scratch& scratch) : markdown_(markdown), s_(scratch) {}

  bool Read() {
    size_t pos = 0;
    while (pos < markdown_.size()) {
      size_t end = markdown_.find('\n', pos);
      if (end == std::string_view::npos) end = markdown_.size();
      ++line_;
      std::string_view line = markdown_.substr(pos, end - pos);
      line_start_ = line.data();
      Line read = Classify(line);
      switch (read.kind) {
        case LineKind::kBlank:
          if (!Close()) return false;
          break;
        case LineKind::kText:
          if (open_ == Open::kParagraph) {
            paragraph_end_ = end;
            break;
          }
          // After an item or a quote this line would be a lazy continuation.
          if (open_ != Open::kNone) return false;
          depth_ = 0;
          open_ = Open::kParagraph;
          paragraph_begin_ = pos;
          paragraph_end_ = end;
          first_line_ = line_;
          break;
        case LineKind::kHeading: {
          if (!Close()) return false;
          depth_ = 0;
          Pending& heading = Start(BlockKind::kHeading, read.value, line_);
          std::vector<CodeSpan> unused;
          if (!AppendInline(read.content, s_.text, heading.begin, unused)) return false;
          heading.end = s_.text.size();
          break;
        }
        case LineKind::kQuote:
          if (open_ == Open::kQuote) {
            s_.quote += '\n';
            s_.quote += read.content;
            break;
          }
          if (!Close()) return false;
          depth_ = 0;
          open_ = Open::kQuote;
          first_line_ = line_;
          s_.quote.assign(read.content);
          break;
        case LineKind::kBullet:
        case LineKind::kOrdered:
          if (!Item(read)) return false;
          break;
        case LineKind::kFence:
          if (!Close()) return false;
          depth_ = 0;
          end = Fence(read, end);
          if (end == std::string_view::npos) return false;
          break;
        case LineKind::kOther:
          return false;
      }
      pos = end + 1;
    }
    return Close();
  }

 private:
  enum class Open { kNone, kParagraph, kQuote, kItem };

  Pending& Start(BlockKind kind, int level, int line) {
    Pending& block = s_.blocks.emplace_back();
    block.kind = kind;
    block.level = level;
    block.line = line;
    block.begin = s_.text.size();
    block.spans_begin = s_.spans.size();
    return block;
  }

  // Inline text into a new block of `kind`, with its code spans.
  bool AddInline(BlockKind kind, int level, int line, std::string_view raw) {
    Pending& block = Start(kind, level, line);
    if (!AppendInline(raw, s_.text, block.begin, s_.spans)) return false;
    block.end = s_.text.size();
    block.spans_end = s_.spans.size();
    return true;
  }

  // A paragraph whose first line is only bold text ("**Describe the
  // bug**", as GitHub's default template writes it) is a heading of the
  // bold-heading level, and its other lines a paragraph a line down.
  bool AddBoldHeading(std::string_view raw) {
    size_t line_end = raw.find('\n');
    Pending& heading = Start(BlockKind::kHeading, kBoldHeadingLevel, first_line_);
    std::vector<CodeSpan> unused;
    if (!AppendInline(raw.substr(0, line_end), s_.text, heading.begin, unused)) return false;
    heading.end = s_.text.size();
    if (line_end == std::string_view::npos) return true;
    return AddInline(BlockKind::kParagraph, 0, first_line_ + 1, raw.substr(line_end + 1));
  }

  // Ends the open paragraph or quote, if any, into its block.
  bool Close() {
    Open open = open_;
    open_ = Open::kNone;
    switch (open) {
      case Open::kParagraph: {
        std::string_view raw =
            markdown_.substr(paragraph_begin_, paragraph_end_ - paragraph_begin_);
        if (IsBoldOnlyLine(raw)) return AddBoldHeading(raw);
        return AddInline(BlockKind::kParagraph, 0, first_line_, raw);
      }
      case Open::kQuote:
        return AddInline(BlockKind::kQuote, 1, first_line_, s_.quote);
      case Open::kNone:
      case Open::kItem:
        return true;
    }
    return true;
  }

  // An item at the level its indent names: none for the outer list, else
  // exactly the content column of an open item (nested lists as most
  // writers indent them; anything else is declined).
  bool Item(const Line& read) {
    bool ordered = read.kind == LineKind::kOrdered;
    size_t level = 1;
    if (read.indent > 0) {
      level = 0;
      for (size_t k = 0; k < depth_; ++k) {
        if (lists_[k].content == read.indent) level = k + 2;
      }
      if (level == 0 || level > lists_.size()) return false;
    }
    bool continues = level <= depth_ && lists_[level - 1].ordered == ordered;
    // An ordered item that does not start at 1 continues a paragraph
    // instead of interrupting it; after a quote, or where it would open a
    // list, the subset declines rather than decide.
    if (ordered && read.value != 1 && open_ != Open::kNone &&
        !(open_ == Open::kItem && continues)) {
      return false;
    }
    if (!Close()) return false;
    ListLevel& list = lists_[level - 1];
    if (continues) {
      ++list.next_number;  // the parser counts on from the list's start
    } else {
      list.ordered = ordered;
      list.next_number = read.value;
    }
    list.content = static_cast<size_t>(read.content.data() - line_start_);
    depth_ = level;
    if (!AddInline(BlockKind::kListItem, static_cast<int>(level), line_, read.content)) {
      return false;
    }
    if (ordered) s_.blocks.back().number = list.next_number;
    open_ = Open::kItem;
    return true;
  }

  // Reads a fence opened by `open` on the line ending at `end`, to its
  // closing line; returns the end of that line, or npos when the subset
  // declines (no closing line, a line that might close it indented, a
  // byte outside it).
  size_t Fence(const Line& open, size_t end) {
    Pending& code = s_.blocks.emplace_back();
    code.kind = BlockKind::kCode;
    code.line = line_;
    code.in_source = true;
    code.info = open.content;
    size_t content_begin = end + 1;
    size_t pos = content_begin;
    while (pos < markdown_.size()) {
      size_t line_end = markdown_.find('\n', pos);
      if (line_end == std::string_view::npos) line_end = markdown_.size();
      ++line_;
      std::string_view line = markdown_.substr(pos, line_end - pos);
      size_t indent = line.find_first_not_of(' ');
      if (indent != std::string_view::npos && indent <= 3 &&
          line.substr(indent).starts_with("```")) {
        bool closes = indent == 0 && line.find_first_not_of('`') == std::string_view::npos &&
                      line.size() >= static_cast<size_t>(open.value);
        if (!closes) return std::string_view::npos;
        code.begin = content_begin;
        code.end = pos > content_begin ? pos - 1 : content_begin;
        return line_end;
      }
      for (char c : line) {
        if ((kBytes[static_cast<unsigned char>(c)] & kCodeByte) == 0 && c != '\t') {
          return std::string_view::npos;
        }
      }
      pos = line_end + 1;
    }
    return std::string_view::npos;
  }

  std::string_view markdown_;
  Scratch& s_;
  int line_ = 0;
  Open open_ = Open::kNone;
  // The open lists, outermost first: whether ordered, the column an
  // item's text starts at (where a nested item's marker must stand), and
  // the number the last item got.
  struct ListLevel {
    bool ordered = false;
    size_t content = 0;
    int next_number = 0;
  };
  std::array<ListLevel, 8> lists_{};
  size_t depth_ = 0;  // lists open
  const char* line_start_ = nullptr;
  size_t paragraph_begin_ = 0;
  size_t paragraph_end_ = 0;
  int first_line_ = 0;  // of the open paragraph or quote
};

}  // namespace

bool AppendSimpleBlocks(std::string_view markdown, Blocks& blocks) {
  Scratch& scratch = Scratch::Get();
  if (!Reader(markdown, scratch).Read()) return false;
  for (const Pending& pending : scratch.blocks) {
    Block& block = blocks.list().emplace_back();
    block.kind = pending.kind;
    block.level = pending.level;
    block.line = pending.line;
    block.number = pending.number;
    std::string_view from = pending.in_source ? markdown : std::string_view(scratch.text);
    block.text = blocks.Keep(from.substr(pending.begin, pending.end - pending.begin));
    if (pending.kind == BlockKind::kCode) {
      block.fenced = true;
      block.info = blocks.Keep(pending.info);
    }
    if (pending.spans_end > pending.spans_begin) {
      block.code_spans = blocks.Keep(std::span<const CodeSpan>(
          scratch.spans.data() + pending.spans_begin, pending.spans_end - pending.spans_begin));
    }
  }
  return true;
}

}  // namespace issuegraph::text
