// Internal to text/: cmark-gfm parsing as GitHub does it (table,
// strikethrough, autolink and tasklist extensions), with the tree, parser and
// iterators owned by RAII handles. Each Document is independent; parsing is
// thread-safe once the extensions are registered (done once, under a static).
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>

namespace issuegraph::text::gfm {

struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// Holds the calling thread's parse arena while a Document lives: cmark's
// allocations for a Document (its parser, its tree, literals read from it
// and iterators over it) come from a per-thread bump arena, reclaimed at
// once when the thread's last Document goes. Movable, not copyable.
class ArenaLease {
 public:
  ArenaLease() = default;
  static ArenaLease Acquire();
  ArenaLease(ArenaLease&& other) noexcept : active_(other.active_) { other.active_ = false; }
  ArenaLease& operator=(ArenaLease&&) = delete;
  ArenaLease(const ArenaLease&) = delete;
  ArenaLease& operator=(const ArenaLease&) = delete;
  ~ArenaLease();

 private:
  bool active_ = false;
};

// A parsed Markdown document. The parser is kept alive beside the tree so that
// extension nodes never outlive what created them; the tree is freed first.
// Its memory is the parsing thread's arena: a Document is read and destroyed
// on the thread that parsed it.
class Document {
 public:
  static Document Parse(std::string_view markdown);

  Document(Document&&) = default;
  Document& operator=(Document&&) = delete;
  // The tree's memory goes back with the arena, without a walk to free it.
  ~Document() { (void)root_.release(); }

  // Never null for a successfully constructed Document.
  cmark_node* root() const { return root_.get(); }

 private:
  explicit Document(ArenaLease lease) : lease_(std::move(lease)) {}

  ArenaLease lease_;  // declared first: released after the parser and tree
  ParserPtr parser_;  // destroyed after root_
  NodePtr root_;
};

// Walks the subtree under `root` (inclusive) in document order.
IterPtr Walk(cmark_node* root);

// GFM extension nodes have no fixed cmark_node_type constant in the public
// headers; they are told apart by their type string.
bool IsTable(cmark_node* node);
bool IsTableRow(cmark_node* node);  // header row or body row
bool IsTableCell(cmark_node* node);

// cmark's literal as a view; empty when the node has none.
std::string_view Literal(cmark_node* node);

// Past these, a post's tables are read as plain paragraphs (the text is
// kept): cmark-gfm's table extension pads every row to the header's width,
// so a 64 KB body of one wide header over many short rows would take
// gigabytes and minutes.
inline constexpr size_t kMaxTableColumns = 256;
inline constexpr size_t kMaxTableCells = 200'000;

// Whether `text` holds "www." in any case: where the autolink extension may
// find a link (its own test is stricter).
bool HasWww(std::string_view text);

}  // namespace issuegraph::text::gfm
