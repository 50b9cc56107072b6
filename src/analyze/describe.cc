#include "analyze/describe.h"

#include <algorithm>
#include <set>
#include <string>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

constexpr size_t kSummaryLimit = 600;
constexpr size_t kDiscussionLimit = 400;
constexpr size_t kMaxDecisions = 5;

const Post* BodyOf(const Thread& thread) {
  if (thread.posts.empty() || thread.posts.front().comment != nullptr) return nullptr;
  return &thread.posts.front();
}

bool IsProse(const text::Block& block) {
  return block.kind == text::BlockKind::kParagraph || block.kind == text::BlockKind::kListItem ||
         block.kind == text::BlockKind::kQuote;
}

// The first paragraph or list item of a post that carries one of the cues;
// with no cues, the first one.
const text::Block* FirstProseWith(const Post& post, const PhraseSet* cues) {
  for (const text::Block& block : post.blocks) {
    if (block.kind != text::BlockKind::kParagraph && block.kind != text::BlockKind::kListItem) {
      continue;
    }
    if (cues == nullptr || cues->AnyIn(LowerAscii(block.text))) return &block;
  }
  return nullptr;
}

}  // namespace

std::vector<ReportItem> ExtractSummary(const Thread& root) {
  const Post* body = BodyOf(root);
  if (body == nullptr) return {};
  std::string text;
  // Whole paragraphs while they fit; only a first paragraph that is too
  // long on its own is cut.
  bool full = false;
  auto append = [&](const text::Block& block) {
    std::string_view paragraph = TrimView(block.text);
    if (!text.empty() && text.size() + paragraph.size() + 2 > kSummaryLimit) {
      full = true;
      return;
    }
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  };
  for (size_t i = 0; i < body->blocks.size() && !full && text.size() < kSummaryLimit; ++i) {
    const text::Block& block = body->blocks[i];
    if (body->topics[i] == Topic::kSummary && IsProse(block) && IsContent(block) &&
        !IsOnlyReferences(block.text, /*allow_keywords=*/true)) {
      append(block);
    }
  }
  if (text.empty()) {
    // No summary heading: the first paragraph that no other section claims.
    for (size_t i = 0; i < body->blocks.size(); ++i) {
      Topic topic = body->topics[i];
      if (body->blocks[i].kind != text::BlockKind::kParagraph || !IsContent(body->blocks[i])) {
        continue;
      }
      if (topic == Topic::kNone || topic == Topic::kOther || topic == Topic::kSummary) {
        append(body->blocks[i]);
        break;
      }
    }
  }
  if (text.empty()) return {};
  ReportItem item;
  item.text = TrimToSentence(text, kSummaryLimit);
  item.source = body->source;
  item.author = body->author;
  item.author_association = body->author_association;
  return {item};
}

std::vector<ReportItem> ExtractReproduction(const Thread& root, const BlockSet& errors) {
  const Post* body = BodyOf(root);
  if (body == nullptr) return {};
  std::vector<ReportItem> items;
  Topic previous = Topic::kNone;
  for (size_t i = 0; i < body->blocks.size(); ++i) {
    Topic topic = body->topics[i];
    if (topic != Topic::kReproduction && topic != Topic::kExpected && topic != Topic::kActual) {
      continue;
    }
    if (!IsContent(body->blocks[i]) || errors.contains({body, i})) continue;
    ReportItem item = ItemFromBlock(*body, body->blocks[i]);
    LabelLine label = body->blocks[i].kind == text::BlockKind::kParagraph
                          ? SplitLabel(body->blocks[i].text)
                          : LabelLine{};
    if (label.topic == topic && !label.rest.empty()) {
      item.label = label.label;
      item.text = label.rest;
    } else if (topic != previous && topic != Topic::kReproduction) {
      item.label = topic == Topic::kExpected ? "Expected" : "Actual";
    }
    previous = topic;
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<ReportItem> ExtractEnvironment(const Thread& root) {
  const Post* body = BodyOf(root);
  if (body == nullptr) return {};
  BlockSet taken;
  return TopicItems(*body, Topic::kEnvironment, &taken);
}

std::vector<ReportItem> ExtractCodeExamples(const Thread& root, const BlockSet& errors) {
  constexpr size_t kMaxExamples = 30;
  std::vector<ReportItem> items;
  std::set<std::string> seen;
  for (const Post& post : root.posts) {
    for (size_t i = 0; i < post.blocks.size() && items.size() < kMaxExamples; ++i) {
      const text::Block& block = post.blocks[i];
      if (block.kind != text::BlockKind::kCode || errors.contains({&post, i})) continue;
      std::string key = CollapseSpaces(block.text);
      if (key.empty() || !seen.insert(key).second) continue;
      items.push_back(ItemFromBlock(post, block));
    }
  }
  return items;
}

std::vector<ReportItem> ExtractDiscussion(const Thread& root) {
  std::vector<ReportItem> decisions;
  for (const Post& post : root.posts) {
    if (post.comment == nullptr || !IsMaintainer(post.author_association)) continue;
    static const PhraseSet kDecisionCues = {
        "we will",          "we'll",        "we won't",     "won't fix",   "wontfix",
        "not planned",      "closing",      "duplicate of", "fixed in",    "released in",
        "will be released", "merged",       "decided",      "decision",    "going to",
        "plan to",          "planned for",  "out of scope", "by design",   "intended",
        "backport",         "reopening",    "pr welcome",   "prs welcome", "pull requests welcome",
        "happy to accept",  "would accept", "roadmap",      "milestone",   "next release"};
    const text::Block* block = FirstProseWith(post, &kDecisionCues);
    if (block == nullptr) continue;
    ReportItem item = ItemFromBlock(post, *block);
    item.list_level = 0;
    item.text = TrimToSentence(CollapseSpaces(block->text), kDiscussionLimit);
    decisions.push_back(std::move(item));
  }
  if (decisions.size() > kMaxDecisions) {
    decisions.erase(decisions.begin(), decisions.end() - static_cast<long>(kMaxDecisions));
  }
  // The latest word, unless it is already one of the decisions.
  for (auto post = root.posts.rbegin(); post != root.posts.rend(); ++post) {
    if (post->comment == nullptr) break;
    const text::Block* block = FirstProseWith(*post, nullptr);
    if (block == nullptr) continue;
    bool known = std::any_of(decisions.begin(), decisions.end(), [&](const ReportItem& item) {
      return item.source.id == post->source.id;
    });
    if (!known) {
      ReportItem item = ItemFromBlock(*post, *block);
      item.list_level = 0;
      item.label = "Latest comment";
      item.text = TrimToSentence(CollapseSpaces(block->text), kDiscussionLimit);
      decisions.push_back(std::move(item));
    }
    break;
  }
  return decisions;
}

}  // namespace issuegraph::analyze
