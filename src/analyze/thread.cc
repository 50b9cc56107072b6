#include "analyze/thread.h"

#include <algorithm>
#include <cassert>

#include "analyze/prose.h"
#include "analyze/unfenced.h"

namespace issuegraph::analyze {
namespace {

bool IsProseKind(const text::Block& block) {
  return block.kind == text::BlockKind::kParagraph || block.kind == text::BlockKind::kListItem ||
         block.kind == text::BlockKind::kHeading;
}

// Post::kinds and Post::topic_set hold one bit per enumerator.
static_assert(static_cast<unsigned>(text::BlockKind::kHtml) < 32);
static_assert(static_cast<unsigned>(Topic::kWorkaround) < 32);

// Where one post's data sits in its Thread's storage, until the storage
// stops growing and the post's views can be set.
struct Extent {
  size_t blocks = 0;  // first block, and first topic and lower_begin entry
  size_t count = 0;   // blocks
  size_t prose = 0;   // first byte of its lower-cased prose
  size_t prose_size = 0;
};

// Parses the post's text into `thread`'s storage: its blocks, their topics,
// and ProseOf(post) lower-cased with where each prose block's text sits in
// it.
Extent Store(std::string_view markdown, Post& post, Thread& thread) {
  Extent extent{thread.blocks.size(), 0, thread.lower_prose.size(), 0};
  // Pasted output without a fence is fenced first, so that Markdown keeps
  // its bytes (the parsed blocks own their text: the scratch may go).
  std::string scratch;
  text::AppendBlocks(FenceUnfencedOutput(markdown, scratch), thread.blocks);
  extent.count = thread.blocks.size() - extent.blocks;
  auto blocks = std::span<const text::Block>(thread.blocks.list()).subspan(extent.blocks);
  AppendTopics(blocks, thread.topics);
  auto topics = std::span<const Topic>(thread.topics).subspan(extent.blocks);
  size_t at = 0;  // in this post's prose
  for (size_t i = 0; i < blocks.size(); ++i) {
    post.kinds |= 1u << static_cast<unsigned>(blocks[i].kind);
    post.topic_set |= 1u << static_cast<unsigned>(topics[i]);
    if (!IsProseKind(blocks[i])) {
      thread.lower_begin.push_back(std::string_view::npos);
      continue;
    }
    // As ProseOf: a '\n' between texts once the prose is not empty.
    if (at != 0) {
      thread.lower_prose.push_back('\n');
      ++at;
    }
    thread.lower_begin.push_back(at);
    AppendLowerAscii(blocks[i].text, thread.lower_prose);
    at += blocks[i].text.size();
  }
  extent.prose_size = at;
  return extent;
}

Extent MakePost(const Node& node, const Comment* comment, Thread& thread) {
  Post& post = thread.posts.emplace_back();
  post.node = &node;
  post.comment = comment;
  post.author = comment == nullptr ? node.author : comment->author;
  post.author_association =
      comment == nullptr ? node.author_association : comment->author_association;
  return Store(comment == nullptr ? node.body : comment->body, post, thread);
}

}  // namespace

Provenance BodySource(const Node& node) {
  Provenance source;
  source.node = node.ref.Key();
  source.where = Provenance::Where::kBody;
  source.url = node.url.empty() ? node.ref.HtmlUrl() : node.url;
  return source;
}

Provenance PostSource(const Post& post) {
  Provenance source = BodySource(*post.node);
  if (post.comment == nullptr) return source;
  source.where = Provenance::Where::kComment;
  source.id = post.comment->id;
  source.url = post.comment->url.empty() ? source.url + "#issuecomment-" + post.comment->id
                                         : post.comment->url;
  return source;
}

const Post* FindPost(std::span<const Thread* const> threads, const Provenance& source) {
  if (source.where == Provenance::Where::kEvent) return nullptr;
  for (const Thread* thread : threads) {
    if (thread->node == nullptr || thread->node->ref.Key() != source.node) continue;
    for (const Post& post : thread->posts) {
      const bool body = source.where == Provenance::Where::kBody;
      if (body ? post.comment == nullptr : post.comment != nullptr && post.comment->id == source.id) {
        return &post;
      }
    }
  }
  return nullptr;
}

void AttachCodeSpans(std::span<const Thread* const> threads, Report* report) {
  for (Section& section : report->sections) {
    for (ReportItem& item : section.items) {
      if (item.is_code || item.text.empty() || !item.code_spans.empty()) continue;
      const Post* post = FindPost(threads, item.source);
      if (post == nullptr) continue;
      for (const text::Block& block : post->blocks) {
        if (block.code_spans.empty()) continue;
        const size_t at = block.text.find(item.text);
        if (at == std::string_view::npos) continue;
        const size_t end = at + item.text.size();
        for (auto [begin, stop] : block.code_spans) {
          if (begin >= at && stop <= end && begin < stop) item.code_spans.emplace_back(begin - at, stop - at);
        }
        break;
      }
    }
  }
}

const Post* BodyOf(const Thread& thread) {
  if (thread.posts.empty() || thread.posts.front().comment != nullptr) return nullptr;
  return &thread.posts.front();
}

bool IsProseBlock(const text::Block& block) {
  return block.kind == text::BlockKind::kParagraph || block.kind == text::BlockKind::kListItem;
}

bool HasCodeSpanIn(const text::Block& block, size_t begin, size_t end) {
  return std::any_of(block.code_spans.begin(), block.code_spans.end(),
                     [&](const auto& span) { return span.first < end && span.second > begin; });
}

void AddWithCode(const Post& post, size_t i, BlockSet* taken, std::vector<ReportItem>* items) {
  if (!taken->insert({&post, i}).second) return;
  items->push_back(ItemFromBlock(post, post.blocks[i]));
  size_t next = i + 1;
  if (next < post.blocks.size() && post.blocks[next].kind == text::BlockKind::kCode &&
      taken->insert({&post, next}).second) {
    items->push_back(ItemFromBlock(post, post.blocks[next]));
  }
}

Thread ReadThread(const Node& node) {
  Thread thread;
  thread.node = &node;
  thread.posts.reserve(node.comments.size() + 1);
  // Room for what the posts are likely to need, so that the storage seldom
  // moves while it fills: plain text is no longer than its Markdown, and
  // posts of a few blocks are the rule.
  size_t markdown_bytes = node.body.size();
  for (const Comment& comment : node.comments) markdown_bytes += comment.body.size();
  constexpr size_t kTypicalBlocks = 4;
  thread.lower_prose.reserve(markdown_bytes);
  thread.blocks.list().reserve(thread.posts.capacity() * kTypicalBlocks);
  thread.topics.reserve(thread.blocks.list().capacity());
  thread.lower_begin.reserve(thread.blocks.list().capacity());
  std::vector<Extent> extents;
  extents.reserve(node.comments.size() + 1);
  if (!TrimView(node.body).empty()) extents.push_back(MakePost(node, nullptr, thread));
  for (const Comment& comment : node.comments) {
    if (TrimView(comment.body).empty()) continue;
    extents.push_back(MakePost(node, &comment, thread));
  }
  // The storage is complete: the views can point into it.
  for (size_t p = 0; p < thread.posts.size(); ++p) {
    Post& post = thread.posts[p];
    const Extent& extent = extents[p];
    post.blocks =
        std::span<const text::Block>(thread.blocks.list()).subspan(extent.blocks, extent.count);
    post.topics = std::span<const Topic>(thread.topics).subspan(extent.blocks, extent.count);
    post.lower_begin =
        std::span<const size_t>(thread.lower_begin).subspan(extent.blocks, extent.count);
    post.lower_prose =
        std::string_view(thread.lower_prose.data() + extent.prose, extent.prose_size);
    post.lists = PostListsIn(post.lower_prose);
  }
  return thread;
}

ReportItem ItemFromBlock(const Post& post, const text::Block& block) {
  ReportItem item;
  item.source = PostSource(post);
  item.author = post.author;
  item.author_association = post.author_association;
  switch (block.kind) {
    case text::BlockKind::kCode:
      item.is_code = true;
      item.language = block.info;
      item.text = block.text;
      while (!item.text.empty() && item.text.back() == '\n') item.text.pop_back();
      break;
    case text::BlockKind::kTable:
      // Tab-separated rows read best kept in columns.
      item.is_code = true;
      item.language = "text";
      item.text = block.text;
      while (!item.text.empty() && item.text.back() == '\n') item.text.pop_back();
      break;
    case text::BlockKind::kListItem:
      item.list_level = block.level > 0 ? block.level : 1;
      item.list_number = block.number;
      item.text = CollapseSpaces(block.text);
      break;
    default:
      item.text = std::string(TrimView(block.text));
      break;
  }
  return item;
}

bool IsContent(const text::Block& block) {
  if (block.kind == text::BlockKind::kHtml || block.kind == text::BlockKind::kHeading) return false;
  // Template placeholders are short; anything longer is content.
  if (block.text.size() > 24) return true;
  std::string words = NormalizeWords(block.text);
  if (words.empty()) return block.kind == text::BlockKind::kCode && !TrimView(block.text).empty();
  // "See error" closes GitHub's default steps template.
  static constexpr std::string_view kPlaceholders[] = {
      "no response", "n a", "na", "none", "tbd", "todo", "same", "see error", "see the error"};
  for (std::string_view placeholder : kPlaceholders) {
    if (words == placeholder && block.kind != text::BlockKind::kCode) return false;
  }
  return true;
}

std::vector<ReportItem> TopicItems(const Post& post, Topic topic, BlockSet* taken, size_t limit) {
  std::vector<ReportItem> items;
  if (!HasTopic(post, topic)) return items;
  for (size_t i = 0; i < post.blocks.size() && items.size() < limit; ++i) {
    if (post.topics[i] != topic || !IsContent(post.blocks[i])) continue;
    if (!taken->insert({&post, i}).second) continue;
    ReportItem item = ItemFromBlock(post, post.blocks[i]);
    if (post.blocks[i].kind == text::BlockKind::kParagraph) {
      LabelLine label = SplitLabel(post.blocks[i].text);
      if (label.topic == topic && !label.rest.empty()) {
        item.label = label.label;
        item.text = label.rest;
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::string_view LowerProse(const Post& post, size_t i) {
  assert(i < post.lower_begin.size() && post.lower_begin[i] != std::string_view::npos);
  return std::string_view(post.lower_prose).substr(post.lower_begin[i], post.blocks[i].text.size());
}

std::string ProseOf(const Post& post) {
  std::string out;
  size_t total = 0;
  for (const text::Block& block : post.blocks) total += block.text.size() + 1;
  out.reserve(total);
  for (const text::Block& block : post.blocks) {
    if (!IsProseKind(block)) continue;
    if (!out.empty()) out += '\n';
    out += block.text;
  }
  return out;
}

}  // namespace issuegraph::analyze
