#include "text/gfm.h"

#include <cmark-gfm-core-extensions.h>
// The node layout, installed with the library for its extension API; the
// library's soname carries its exact version, so the layout read here is
// the one the library was built with.
#include <cmark-gfm/node.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "model/lines.h"

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

// A line that could be a table's delimiter row: only pipes, dashes, colons,
// blanks and the '>' of a quote around it, with at least one dash.
bool IsDelimiterRow(std::string_view line) {
  bool dash = false;
  for (char c : line) {
    dash |= c == '-';
    if (c != '-' && c != '|' && c != ':' && c != ' ' && c != '\t' && c != '>' && c != '\r') return false;
  }
  return dash;
}

size_t ColumnsOf(std::string_view row) {
  while (!row.empty() && (row.front() == ' ' || row.front() == '>' || row.front() == '\t')) row.remove_prefix(1);
  while (!row.empty() && (row.back() == ' ' || row.back() == '\r' || row.back() == '\t')) row.remove_suffix(1);
  size_t pipes = static_cast<size_t>(std::count(row.begin(), row.end(), '|'));
  size_t columns = pipes + 1;
  if (!row.empty() && row.front() == '|') --columns;
  if (row.size() > 1 && row.back() == '|') --columns;
  return std::max<size_t>(columns, 1);
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r>") == std::string_view::npos;
}

enum class Tables { kNone, kSome, kTooLarge };

// Whether `text` may hold a table, and whether parsing its tables stays
// cheap: the extension pads every row to the header's width, so a wide
// header over many short rows (or one very wide header) costs time and
// memory far beyond the text's size. Past the limits the post is read
// without the table extension: the same text, as paragraphs.
Tables ScanTables(std::string_view text) {
  Tables found = Tables::kNone;
  size_t cells = 0;
  size_t columns = 0;  // of the table being read; 0 outside one
  for (std::string_view line : Lines(text)) {
    if (columns > 0) {
      if (IsBlank(line)) {
        columns = 0;
      } else {
        cells += columns;
      }
    } else if (IsDelimiterRow(line)) {
      found = Tables::kSome;
      columns = ColumnsOf(line);
      if (columns > kMaxTableColumns) return Tables::kTooLarge;
      cells += 2 * columns;  // the header and the delimiter row
    }
    if (cells > kMaxTableCells) return Tables::kTooLarge;
  }
  return found;
}

bool HasTaskMarker(std::string_view text) {
  for (size_t open = text.find('['); open != std::string_view::npos && open + 2 < text.size();
       open = text.find('[', open + 1)) {
    char mark = text[open + 1];
    if ((mark == ' ' || mark == 'x' || mark == 'X') && text[open + 2] == ']') return true;
  }
  return false;
}

// Whether any byte of `text` is outside ASCII: eight bytes at a time, as
// the compiler does not vectorise a byte loop at -O2.
bool HasHighByte(std::string_view text) {
  uint64_t any = 0;
  size_t i = 0;
  for (; i + sizeof any <= text.size(); i += sizeof any) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    any |= word;
  }
  for (; i < text.size(); ++i) any |= static_cast<unsigned char>(text[i]);
  return (any & 0x8080808080808080u) != 0;
}

// The classes of kByteClass that occur in `text`. One word-wide pass for
// the high bytes and a library search per trigger byte, each of which stops
// at the first hit: faster than a table lookup per byte.
uint8_t SeenClasses(std::string_view text) {
  uint8_t seen = HasHighByte(text) ? kHigh : 0;
  for (char trigger : {'|', '~', '[', '@', ':', '.'}) {
    if (text.find(trigger) != std::string_view::npos) {
      seen |= kByteClass[static_cast<unsigned char>(trigger)];
    }
  }
  return seen;
}

Needs Scan(std::string_view text) {
  uint8_t seen = SeenClasses(text);
  Needs needs;
  needs.non_ascii = (seen & kHigh) != 0;
  needs.strikethrough = (seen & kTilde) != 0;
  needs.table = (seen & kPipe) != 0 && ScanTables(text) == Tables::kSome;
  needs.tasklist = (seen & kBracket) != 0 && HasTaskMarker(text);
  needs.autolink = (seen & kAt) != 0 ||
                   ((seen & kColon) != 0 && text.find("://") != std::string_view::npos) ||
                   ((seen & kDot) != 0 && HasWww(text));
  return needs;
}

// A bump allocator for cmark: blocks carry their size in a header so that
// realloc can copy (or, for the latest block, grow in place); free does
// nothing, and Reset makes the whole arena reusable at once.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (Chunk& chunk : chunks_) std::free(chunk.data);
  }

  void* Calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) std::abort();
    size_t bytes = count * size;
    void* block = Allocate(bytes);
    std::memset(block, 0, bytes);
    return block;
  }

  void* Realloc(void* old, size_t bytes) {
    if (old == nullptr) return Allocate(bytes);
    char* header = static_cast<char*>(old) - kHeader;
    size_t old_bytes = 0;
    std::memcpy(&old_bytes, header, sizeof old_bytes);
    if (old == last_) {
      Chunk& chunk = chunks_[current_];
      size_t start = static_cast<size_t>(header - chunk.data);
      size_t need = Rounded(bytes);
      if (need <= chunk.size - start) {
        used_ = start + need;
        std::memcpy(header, &bytes, sizeof bytes);
        return old;
      }
    }
    void* block = Allocate(bytes);
    std::memcpy(block, old, std::min(old_bytes, bytes));
    return block;
  }

  // Every block handed out is free again; chunks beyond kKeep bytes go back
  // to the system so that one huge document does not pin its memory.
  void Reset() {
    size_t kept = 0;
    size_t i = 0;
    for (; i < chunks_.size() && kept + chunks_[i].size <= kKeep; ++i) kept += chunks_[i].size;
    for (size_t j = i; j < chunks_.size(); ++j) std::free(chunks_[j].data);
    chunks_.resize(i);
    current_ = 0;
    used_ = 0;
    last_ = nullptr;
  }

 private:
  struct Chunk {
    char* data;
    size_t size;
  };
  static constexpr size_t kHeader = 16;  // keeps blocks 16-byte aligned
  static constexpr size_t kChunk = 256 * 1024;
  static constexpr size_t kKeep = 4 * 1024 * 1024;

  static size_t Rounded(size_t bytes) {
    if (bytes > SIZE_MAX - 2 * kHeader) std::abort();
    return (bytes + kHeader + 15) & ~size_t{15};
  }

  void* Allocate(size_t bytes) {
    size_t need = Rounded(bytes);
    while (true) {
      if (current_ < chunks_.size()) {
        Chunk& chunk = chunks_[current_];
        if (need <= chunk.size - used_) {
          char* header = chunk.data + used_;
          used_ += need;
          std::memcpy(header, &bytes, sizeof bytes);
          last_ = header + kHeader;
          return last_;
        }
        ++current_;
        used_ = 0;
        continue;
      }
      size_t size = std::max(need, kChunk);
      auto* data = static_cast<char*>(std::malloc(size));
      if (data == nullptr) std::abort();  // as cmark's own allocator does
      chunks_.push_back(Chunk{data, size});
    }
  }

  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // the chunk blocks come from
  size_t used_ = 0;     // bytes of it handed out
  char* last_ = nullptr;
};

struct ThreadArena {
  Arena arena;
  size_t live = 0;  // Documents of this thread alive
};

ThreadArena& CurrentArena() {
  thread_local ThreadArena arena;
  return arena;
}

cmark_mem kArenaMem = {
    [](size_t count, size_t size) { return CurrentArena().arena.Calloc(count, size); },
    [](void* old, size_t bytes) { return CurrentArena().arena.Realloc(old, bytes); },
    [](void*) {},
};

bool Needed(const Needs& needs, std::string_view extension) {
  if (extension == "table") return needs.table;
  if (extension == "strikethrough") return needs.strikethrough;
  if (extension == "autolink") return needs.autolink;
  if (extension == "tasklist") return needs.tasklist;
  return true;
}

}  // namespace

ArenaLease ArenaLease::Acquire() {
  ArenaLease lease;
  ++CurrentArena().live;
  lease.active_ = true;
  return lease;
}

ArenaLease::~ArenaLease() {
  if (!active_) return;
  ThreadArena& current = CurrentArena();
  if (--current.live == 0) current.arena.Reset();
}

Document Document::Parse(std::string_view markdown) {
  EnsureRegistered();
  Document document(ArenaLease::Acquire());
  Needs needs = Scan(markdown);
  // VALIDATE_UTF8 replaces invalid sequences with U+FFFD, so every string we
  // hand out is valid UTF-8 whatever the API sent (ASCII always is).
  document.parser_.reset(
      cmark_parser_new_with_mem(needs.non_ascii ? CMARK_OPT_VALIDATE_UTF8 : 0, &kArenaMem));
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

std::string_view Literal(cmark_node* node) {
  // cmark_node_get_literal would copy the text into a NUL-terminated
  // buffer of its own on first use (and we would measure it again): this
  // reads the node's chunk in place, for the node types it answers for.
  auto view = [](const cmark_chunk& chunk) {
    return std::string_view(reinterpret_cast<const char*>(chunk.data),
                            static_cast<size_t>(chunk.len));
  };
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return view(node->as.literal);
    case CMARK_NODE_CODE_BLOCK:
      return view(node->as.code.literal);
    default:
      return {};
  }
}

}  // namespace issuegraph::text::gfm
