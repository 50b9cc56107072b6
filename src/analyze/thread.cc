#include "analyze/thread.h"

#include <algorithm>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

Post MakePost(const Node& node, const Comment* comment) {
  Post post;
  post.node = &node;
  post.comment = comment;
  if (comment == nullptr) {
    post.source = BodySource(node);
    post.author = node.author;
    post.author_association = node.author_association;
    post.blocks = text::ParseBlocks(node.body);
  } else {
    post.source.node = node.ref.Key();
    post.source.where = Provenance::Where::kComment;
    post.source.id = comment->id;
    post.source.url = comment->url;
    if (post.source.url.empty()) {
      post.source.url = BodySource(node).url + "#issuecomment-" + comment->id;
    }
    post.author = comment->author;
    post.author_association = comment->author_association;
    post.blocks = text::ParseBlocks(comment->body);
  }
  post.topics = AssignTopics(post.blocks);
  post.lower_prose = ProseOf(post);
  for (char& c : post.lower_prose) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return post;
}

}  // namespace

Provenance BodySource(const Node& node) {
  Provenance source;
  source.node = node.ref.Key();
  source.where = Provenance::Where::kBody;
  source.url = node.url.empty() ? node.ref.HtmlUrl() : node.url;
  return source;
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
  if (!TrimView(node.body).empty()) thread.posts.push_back(MakePost(node, nullptr));
  for (const Comment& comment : node.comments) {
    if (TrimView(comment.body).empty()) continue;
    thread.posts.push_back(MakePost(node, &comment));
  }
  return thread;
}

ReportItem ItemFromBlock(const Post& post, const text::Block& block) {
  ReportItem item;
  item.source = post.source;
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
  for (std::string_view placeholder :
       {"no response", "n a", "na", "none", "tbd", "todo", "same", "see error", "see the error"}) {
    if (words == placeholder && block.kind != text::BlockKind::kCode) return false;
  }
  return true;
}

std::vector<ReportItem> TopicItems(const Post& post, Topic topic, BlockSet* taken, size_t limit) {
  std::vector<ReportItem> items;
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

std::string ProseOf(const Post& post) {
  std::string out;
  size_t total = 0;
  for (const text::Block& block : post.blocks) total += block.text.size() + 1;
  out.reserve(total);
  for (const text::Block& block : post.blocks) {
    if (block.kind != text::BlockKind::kParagraph && block.kind != text::BlockKind::kListItem &&
        block.kind != text::BlockKind::kHeading) {
      continue;
    }
    if (!out.empty()) out += '\n';
    out += block.text;
  }
  return out;
}

}  // namespace issuegraph::analyze
