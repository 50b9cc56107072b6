// A node's conversation as the analysis reads it: the body and each comment
// parsed once into Markdown blocks, each post carrying its author, role and
// the provenance every extracted item points back to. The Thread borrows the
// Graph's nodes; it must not outlive the Graph. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/sections.h"
#include "model/graph.h"
#include "model/report.h"
#include "text/markdown.h"

namespace issuegraph::analyze {

class PhraseSet;

// Phrase lists that a pass over a long thread tests whole posts against
// before it reads their sentences (post_lists.cc names the list of each).
// ReadThread finds them all in one pass per post.
enum class PostList : unsigned {
  kCueRootCause,  // the cue table's positive phrases, by CueSection
  kCueFix,
  kCueWorkaround,
  kCueDuplicate,
  kOfferCue,
  kAnyCause,
  kBodyCause,
  kRootCausePhrase,
  kNamesUpgrade,
  kWorks,
  kAfterFix,
  kObsolete,
  kConfirmation,
  kSaysFixed,
  kReleaseNamed,
  kReleaseWhen,
  kUpgradeAdvice,
  kTrackedElsewhere,
};

// Bit 1 << list of each PostList with a phrase occurring in `lower_prose`.
uint32_t PostListsIn(std::string_view lower_prose);

// The phrases of `list`.
const PhraseSet& PostListPhrases(PostList list);

// The views point into the Thread's storage: a Post lives in its Thread.
struct Post {
  const Node* node = nullptr;
  const Comment* comment = nullptr;  // null for the body
  // The body's or the comment's, in the Graph.
  std::string_view author;
  std::string_view author_association;
  std::span<const text::Block> blocks;
  std::span<const Topic> topics;  // one per block: the section each block sits in
  std::string_view lower_prose;   // ProseOf(*this), ASCII lower-cased, for cue phrases
  // One per block: where a heading's, paragraph's or list item's text
  // starts in lower_prose (see LowerProse); npos for other blocks.
  std::span<const size_t> lower_begin;
  // Bit 1 << kind of every kind of block, and bit 1 << topic of every topic,
  // the post has (see HasKind, HasTopic): a pass over a long thread skips the
  // posts with nothing for it without reading their blocks.
  uint32_t kinds = 0;
  uint32_t topic_set = 0;
  uint32_t lists = 0;  // PostListsIn(lower_prose)
};

// Whether a phrase of `list` occurs in the post's prose (no word rule):
// false rules every sentence of the post out for it.
inline bool Occurs(const Post& post, PostList list) {
  return (post.lists >> static_cast<unsigned>(list) & 1) != 0;
}

inline bool HasKind(const Post& post, text::BlockKind kind) {
  return (post.kinds >> static_cast<unsigned>(kind) & 1) != 0;
}
inline bool HasTopic(const Post& post, Topic topic) {
  return (post.topic_set >> static_cast<unsigned>(topic) & 1) != 0;
}

// The body (when non-empty) followed by every comment, in order. The posts'
// blocks, topics and lower-cased prose are stored here, one post after
// another: a long thread makes a few large allocations instead of several
// per post. Movable (the storage moves with it), not copyable.
struct Thread {
  Thread() = default;
  Thread(Thread&&) = default;
  Thread& operator=(Thread&&) = default;
  Thread(const Thread&) = delete;
  Thread& operator=(const Thread&) = delete;

  const Node* node = nullptr;
  std::vector<Post> posts;

  // What the posts' views point into.
  text::Blocks blocks;
  std::vector<Topic> topics;
  std::vector<char> lower_prose;  // a vector: moving it never moves the bytes
  std::vector<size_t> lower_begin;
};

Thread ReadThread(const Node& node);

// Provenance of a node's body: its page.
Provenance BodySource(const Node& node);

// Provenance of a post: its node's page, or the comment's anchor on it.
// Worked out when asked: few posts give an item.
Provenance PostSource(const Post& post);

// The thread's body post; null when the body is empty.
const Post* BodyOf(const Thread& thread);

// Paragraphs and list items: the blocks a writer explains things in.
bool IsProseBlock(const text::Block& block);

// Whether an inline code span of `block` overlaps [begin, end) of its text.
bool HasCodeSpanIn(const text::Block& block, size_t begin, size_t end);

// A block as a report item: code and tables keep their text verbatim, list
// items keep their nesting, other blocks are plain text. Author and
// provenance come from the post.
ReportItem ItemFromBlock(const Post& post, const text::Block& block);

// Identifies one block of one post of one thread, to keep an item from being
// reported twice in the same section or used as both error and example.
using BlockId = std::pair<const Post*, size_t>;
using BlockSet = std::set<BlockId>;

// Items of every block of `post` under `topic`, in order, at most `limit`:
// HTML blocks, empty template answers ("_No response_", "N/A") and blocks
// already in `taken` are skipped; taken blocks are added to `taken`. A
// "Label: text" paragraph keeps its label.
std::vector<ReportItem> TopicItems(const Post& post, Topic topic, BlockSet* taken,
                                   size_t limit = 40);

// Adds the item of block `i` of `post` and, when a code block follows it,
// that code too (an explanation and its snippet belong together); blocks
// already in `taken` are skipped and the added ones put there.
void AddWithCode(const Post& post, size_t i, BlockSet* taken, std::vector<ReportItem>* items);

// Whether a block is worth an item: not HTML, not an empty template answer.
bool IsContent(const text::Block& block);

// The post of `threads` that `source` names (a body or a comment); null
// for an event or a post not among them.
const Post* FindPost(std::span<const Thread* const> threads, const Provenance& source);

// Gives each prose item of `report` the inline code spans of its text, as
// the block it was taken from marks them: an item whose text is found
// verbatim in a paragraph, list item or quote of the post it cites.
void AttachCodeSpans(std::span<const Thread* const> threads, Report* report);

// Plain text of a post's own prose (headings, paragraphs, list items): not
// code, and not quotes, which repeat someone else's words.
std::string ProseOf(const Post& post);

// Block `i` of `post`, a heading, paragraph or list item, ASCII lower-cased:
// a view into post.lower_prose, so that every extractor reads the one copy.
std::string_view LowerProse(const Post& post, size_t i);

}  // namespace issuegraph::analyze
