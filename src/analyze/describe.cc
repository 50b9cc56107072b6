#include "analyze/describe.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analyze/cue_lists.h"
#include "analyze/prose.h"
#include "model/lines.h"

namespace issuegraph::analyze {
namespace {

constexpr size_t kSummaryLimit = 600;
constexpr size_t kDiscussionLimit = 400;
constexpr size_t kMaxDecisions = 5;

bool IsProse(const text::Block& block) {
  return block.kind == text::BlockKind::kParagraph || block.kind == text::BlockKind::kListItem ||
         block.kind == text::BlockKind::kQuote;
}

// The first paragraph or list item of a post that carries one of the cues;
// with no cues, the first one.
const text::Block* FirstProseWith(const Post& post, const PhraseSet* cues) {
  for (size_t i = 0; i < post.blocks.size(); ++i) {
    const text::Block& block = post.blocks[i];
    if (block.kind != text::BlockKind::kParagraph && block.kind != text::BlockKind::kListItem) {
      continue;
    }
    if (cues == nullptr || cues->AnyIn(LowerProse(post, i))) return &block;
  }
  return nullptr;
}

// Topics a snippet or an expectation outside any section can sit under:
// none, an unreported one, the summary, or a log label above.
bool IsOpenTopic(Topic topic) {
  return topic == Topic::kNone || topic == Topic::kOther || topic == Topic::kSummary ||
         topic == Topic::kLogs;
}

// A lead-in this short ("Minimal script", "Command") labels its snippet;
// one longer than kMinLeadInItem tells what the snippet does and is an
// item of its own.
constexpr size_t kMaxLeadInLabel = 24;
constexpr size_t kMinLeadInItem = 60;

// The lead-in of a snippet that shows what was run ("Minimal script:",
// "Command:", "Running this reproduces it:"), without its colon; empty when
// `before` is not one. A lead-in that announces failure output ("It fails
// with:") belongs to the errors.
std::string_view ReproductionLeadIn(const text::Block& before) {
  if (before.kind != text::BlockKind::kParagraph) return {};
  std::string_view text = TrimView(before.text);
  if (!text.ends_with(':')) return {};
  std::string lower = LowerAscii(text);
  std::string_view sentence = SentenceAt(lower, lower.size() - 1);
  static const PhraseSet& kRunCues = Phrases(CueRole::kRunLeadIn);
  static const PhraseSet& kOutputCues = Phrases(CueRole::kOutputLeadIn);
  if (!kRunCues.AnyIn(sentence) || kOutputCues.AnyIn(sentence)) return {};
  std::string_view label = text.substr(text.size() - sentence.size());
  label.remove_suffix(1);
  return TrimView(label);
}

// "After upgrading from 0.17 to 0.18 the pod crashes", "it only happens
// when…", "with 10.2 it was fine": a sentence of the report that says what
// brings the failure on. At most kMaxTriggers, from a body without steps.
constexpr size_t kMaxTriggers = 3;
bool StatesTrigger(std::string_view lower_sentence) {
  static const PhraseSet& kCues = Phrases(CueRole::kTrigger);
  // "Running this reproduces it every time:" introduces a snippet instead.
  return !lower_sentence.ends_with('?') && !lower_sentence.ends_with(':') &&
         kCues.AnyIn(lower_sentence);
}

// "How I trigger it:", "I can trigger it every time on a fresh install:",
// "Steps:": a paragraph that introduces the steps listed after it.
bool IntroducesSteps(std::string_view lower) {
  static const PhraseSet& kCues = Phrases(CueRole::kStepsLeadIn);
  lower = TrimView(lower);
  return lower.ends_with(':') && kCues.AnyIn(SentenceAt(lower, lower.size() - 1));
}

// "repro: fresh install from the dmg, open it": a bullet labelled as the
// way to reproduce; the text after the label, or empty.
std::string_view ReproductionBullet(std::string_view text) {
  std::string_view trimmed = TrimView(text);
  // Labels are short: the opening is enough to lower-case.
  constexpr size_t kLongestLabel = 64;
  std::string_view label =
      OpeningOf(CueRole::kReproductionLabel, LowerAscii(trimmed.substr(0, kLongestLabel)));
  if (label.empty() || trimmed.size() <= label.size()) return {};
  return TrimView(trimmed.substr(label.size()));
}

// Whether the code block at `index` belongs to the list step before it: a
// step that introduces it ("1. Build it:") or one more step after it.
bool StepCommand(const Post& post, size_t index) {
  if (index == 0 || post.blocks[index].kind != text::BlockKind::kCode ||
      post.blocks[index - 1].kind != text::BlockKind::kListItem) {
    return false;
  }
  const bool introduced = TrimView(post.blocks[index - 1].text).ends_with(':');
  const bool continued = index + 1 < post.blocks.size() &&
                         post.blocks[index + 1].kind == text::BlockKind::kListItem;
  return introduced || continued;
}

// The steps a comment lists after a paragraph that introduces them (a
// contributor's "I can trigger it every time: 1. … 2. …"), with the
// commands written under them, from the first comment that has them.
std::vector<ReportItem> StepsFromComments(const Thread& root, const BlockSet& errors) {
  std::vector<ReportItem> items;
  const Post* body = BodyOf(root);
  for (const Post& post : root.posts) {
    if (post.comment == nullptr || !HasKind(post, text::BlockKind::kListItem)) continue;
    // The reporter answering "steps, please?": any list they introduce.
    const bool reporter = body != nullptr && post.author == body->author;
    for (size_t i = 0; i + 1 < post.blocks.size(); ++i) {
      if (post.blocks[i].kind != text::BlockKind::kParagraph ||
          post.blocks[i + 1].kind != text::BlockKind::kListItem) {
        continue;
      }
      std::string_view lower = TrimView(LowerProse(post, i));
      if (!IntroducesSteps(lower) && !(reporter && lower.ends_with(':'))) continue;
      for (size_t k = i + 1; k < post.blocks.size(); ++k) {
        const bool step = post.blocks[k].kind == text::BlockKind::kListItem;
        if (!step && !StepCommand(post, k)) break;
        if (!errors.contains({&post, k})) items.push_back(ItemFromBlock(post, post.blocks[k]));
      }
      return items;
    }
  }
  return items;
}

// The shell commands of a console paste ("$ cmake -S . -B build"), which
// may hold the failure's output too: what was run, without the prompt.
std::string CommandsRun(std::string_view code) {
  std::string commands;
  for (std::string_view line : Lines(code)) {
    if (!line.starts_with("$ ")) continue;
    if (!commands.empty()) commands += '\n';
    commands += TrimView(line.substr(2));
  }
  return commands;
}

// "I would expect the row to be written…": the reporter's expectation in
// prose.
bool StatesExpectation(std::string_view paragraph) {
  return !OpeningOf(CueRole::kExpectation, LowerAscii(TrimView(paragraph))).empty();
}

// A code block's shape: its text with case, runs of whitespace and runs of
// digits folded, hashed (FNV-1a), so that two dumps of the same command
// with other numbers share one.
uint64_t ShapeOf(std::string_view code) {
  uint64_t hash = 14695981039346656037ull;
  auto mix = [&](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  };
  char previous = 0;  // the last folded character mixed in
  for (char c : code) {
    char folded = c;
    if (c >= '0' && c <= '9') {
      folded = '0';
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      folded = ' ';
    } else if (c >= 'A' && c <= 'Z') {
      folded = static_cast<char>(c - 'A' + 'a');
    }
    if ((folded == '0' || folded == ' ') && folded == previous) continue;
    mix(folded);
    previous = folded;
  }
  return hash;
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
  // A body of bullets and logs only: the title is the reporter's summary.
  if (text.empty() && root.node != nullptr && !HasKind(*body, text::BlockKind::kParagraph)) {
    text = TrimView(root.node->title);
  }
  if (text.empty()) return {};
  ReportItem item;
  item.text = TrimToSentence(text, kSummaryLimit);
  item.source = PostSource(*body);
  item.author = body->author;
  item.author_association = body->author_association;
  return {item};
}

std::vector<ReportItem> ExtractReproduction(const Thread& root, const BlockSet& errors) {
  const Post* body = BodyOf(root);
  if (body == nullptr) return {};
  bool expected_section =
      std::find(body->topics.begin(), body->topics.end(), Topic::kExpected) != body->topics.end();
  const bool steps_section = std::find(body->topics.begin(), body->topics.end(),
                                       Topic::kReproduction) != body->topics.end();
  size_t triggers = 0;
  bool steps_follow = false;  // list items after a paragraph that introduces steps
  std::vector<ReportItem> items;
  Topic previous = Topic::kNone;
  for (size_t i = 0; i < body->blocks.size(); ++i) {
    Topic topic = body->topics[i];
    const text::Block& block = body->blocks[i];
    if (!IsContent(block)) continue;
    if (errors.contains({body, i})) {
      // A console paste of commands and the failure they printed: the
      // commands are how to get there; under a step, that step's command.
      const bool under_step = StepCommand(*body, i) && topic == Topic::kReproduction;
      if (std::string commands = CommandsRun(block.text);
          (!steps_section || under_step) && !commands.empty()) {
        ReportItem item = ItemFromBlock(*body, block);
        if (!under_step) item.label = "Commands run";
        item.text = std::move(commands);
        items.push_back(std::move(item));
      }
      continue;
    }
    if (topic != Topic::kReproduction && topic != Topic::kExpected && topic != Topic::kActual) {
      if (!IsOpenTopic(topic)) continue;
      // The command written under a step: after a "Repro: …" line, or
      // inside the steps a paragraph introduces.
      if (block.kind == text::BlockKind::kCode &&
          ((i > 0 && body->topics[i - 1] == Topic::kReproduction &&
            body->blocks[i - 1].kind == text::BlockKind::kParagraph) ||
           (steps_follow && StepCommand(*body, i)))) {
        items.push_back(ItemFromBlock(*body, block));
        continue;
      }
      // Outside the sections, without steps: a list a paragraph introduces
      // as the steps ("How I trigger it:"), and a "repro:" bullet.
      if (!steps_section && block.kind == text::BlockKind::kListItem) {
        if (steps_follow) {
          items.push_back(ItemFromBlock(*body, block));
          continue;
        }
        if (std::string_view steps = ReproductionBullet(block.text); !steps.empty()) {
          ReportItem item = ItemFromBlock(*body, block);
          item.label = "Repro";
          item.text = std::string(steps);
          items.push_back(std::move(item));
          continue;
        }
      }
      steps_follow = !steps_section && block.kind == text::BlockKind::kParagraph &&
                     IntroducesSteps(LowerProse(*body, i));
      if (steps_follow) continue;
      // Outside the sections: a snippet introduced as what was run, the
      // reporter's "I would expect …" and, without steps, what brings the
      // failure on.
      if (!steps_section && block.kind == text::BlockKind::kParagraph && triggers < kMaxTriggers) {
        std::string_view lower = LowerProse(*body, i);
        for (auto [begin, end] : SentenceRanges(lower)) {
          if (triggers == kMaxTriggers || !StatesTrigger(lower.substr(begin, end - begin))) {
            continue;
          }
          ReportItem item = ItemFromBlock(*body, block);
          item.text = CollapseSpaces(std::string_view(block.text).substr(begin, end - begin));
          items.push_back(std::move(item));
          ++triggers;
        }
      }
      if (block.kind == text::BlockKind::kCode && i > 0) {
        std::string_view lead_in = ReproductionLeadIn(body->blocks[i - 1]);
        if (lead_in.empty()) continue;
        ReportItem item = ItemFromBlock(*body, block);
        const size_t lead_in_size = NormalizeWords(lead_in).size();
        if (lead_in_size <= kMaxLeadInLabel) {
          item.label = lead_in;
        } else if (lead_in_size > kMinLeadInItem) {
          // "To reproduce, enqueue a job whose perform/1 always raises and
          // wait for the retries:" says what the snippet does: it goes first.
          items.push_back(ItemFromBlock(*body, body->blocks[i - 1]));
        }
        items.push_back(std::move(item));
      } else if (!expected_section && block.kind == text::BlockKind::kParagraph &&
                 StatesExpectation(block.text)) {
        ReportItem item = ItemFromBlock(*body, block);
        item.label = "Expected";
        items.push_back(std::move(item));
      }
      continue;
    }
    ReportItem item = ItemFromBlock(*body, block);
    LabelLine label =
        block.kind == text::BlockKind::kParagraph ? SplitLabel(block.text) : LabelLine{};
    if (label.topic == topic && !label.rest.empty()) {
      item.label = label.label;
      item.text = label.rest;
    } else if (topic != previous && topic != Topic::kReproduction) {
      item.label = topic == Topic::kExpected ? "Expected" : "Actual";
    }
    previous = topic;
    items.push_back(std::move(item));
  }
  // No steps in the report itself: the first comment that lists them.
  if (!steps_section && std::none_of(items.begin(), items.end(), [](const ReportItem& item) {
        return item.list_level > 0;
      })) {
    std::vector<ReportItem> steps = StepsFromComments(root, errors);
    items.insert(items.end(), std::make_move_iterator(steps.begin()),
                 std::make_move_iterator(steps.end()));
  }
  return items;
}

std::vector<ReportItem> ExtractCodeExamples(const Thread& root, const BlockSet& errors) {
  constexpr size_t kMaxExamples = 30;
  // The same shape in this many posts, with different numbers, is data
  // people were asked for (status dumps, version output), not an example.
  constexpr int kCollectedDataPosts = 3;
  struct Shape {
    int posts = 0;
    const Post* last_post = nullptr;
    std::string_view first_text;
    bool varies = false;  // some copy differs from the first
  };
  std::unordered_map<uint64_t, Shape> shapes;
  std::vector<std::pair<BlockId, uint64_t>> blocks;  // code blocks and their shapes, in order
  // Blocks are visited in BlockId order (posts sit in one vector), so the
  // error blocks are walked alongside instead of looked up one by one.
  auto error = errors.begin();
  auto is_error = [&](const BlockId& id) {
    while (error != errors.end() && *error < id) ++error;
    return error != errors.end() && *error == id;
  };
  for (const Post& post : root.posts) {
    if (!HasKind(post, text::BlockKind::kCode)) continue;
    for (size_t i = 0; i < post.blocks.size(); ++i) {
      const text::Block& block = post.blocks[i];
      if (block.kind != text::BlockKind::kCode || is_error({&post, i})) continue;
      std::string_view text = TrimView(block.text);
      if (text.empty()) continue;
      blocks.emplace_back(BlockId{&post, i}, ShapeOf(text));
      Shape& shape = shapes[blocks.back().second];
      if (shape.posts == 0) {
        shape.first_text = text;
      } else if (text != shape.first_text) {
        shape.varies = true;
      }
      if (shape.last_post != &post) ++shape.posts;
      shape.last_post = &post;
    }
  }
  std::vector<ReportItem> items;
  std::unordered_set<uint64_t> seen;
  for (const auto& [id, shape_key] : blocks) {
    if (items.size() == kMaxExamples) break;
    if (!seen.insert(shape_key).second) continue;
    const Shape& shape = shapes.at(shape_key);
    if (shape.varies && shape.posts >= kCollectedDataPosts) continue;
    items.push_back(ItemFromBlock(*id.first, id.first->blocks[id.second]));
  }
  return items;
}

std::vector<ReportItem> ExtractDiscussion(const Thread& root) {
  std::vector<ReportItem> decisions;
  // Only the latest kMaxDecisions are kept: read from the end, then put
  // back in thread order.
  for (auto post = root.posts.rbegin(); post != root.posts.rend(); ++post) {
    if (decisions.size() == kMaxDecisions) break;
    if (post->comment == nullptr || !IsMaintainer(post->author_association)) continue;
    static const PhraseSet& kDecisionCues = Phrases(CueRole::kDecision);
    const text::Block* block = FirstProseWith(*post, &kDecisionCues);
    if (block == nullptr) continue;
    ReportItem item = ItemFromBlock(*post, *block);
    item.list_level = 0;
    item.text = TrimToSentence(CollapseSpaces(block->text), kDiscussionLimit);
    decisions.push_back(std::move(item));
  }
  std::reverse(decisions.begin(), decisions.end());
  // The latest word, unless it is already one of the decisions.
  for (auto post = root.posts.rbegin(); post != root.posts.rend(); ++post) {
    if (post->comment == nullptr) break;
    const text::Block* block = FirstProseWith(*post, nullptr);
    if (block == nullptr) continue;
    bool known = std::any_of(decisions.begin(), decisions.end(), [&](const ReportItem& item) {
      return item.source.id == post->comment->id;
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

std::vector<ReportItem> RanCommandSentences(const Post& body) {
  constexpr size_t kMaxSentences = 3;
  std::vector<ReportItem> items;
  for (size_t i = 0; i < body.blocks.size(); ++i) {
    const text::Block& block = body.blocks[i];
    if (block.kind != text::BlockKind::kParagraph || block.code_spans.empty()) continue;
    const std::string_view lower = LowerProse(body, i);
    for (auto [begin, end] : SentenceRanges(lower)) {
      // A code span right after a verb of running.
      const bool ran = std::any_of(
          block.code_spans.begin(), block.code_spans.end(), [&](const text::CodeSpan& span) {
            if (span.first < begin || span.first >= end) return false;
            const std::string_view before = lower.substr(begin, span.first - begin);
            return before.ends_with("ran ") || before.ends_with("run ") ||
                   before.ends_with("running ") || before.ends_with("executed ") ||
                   before.ends_with("typed ");
          });
      if (!ran) continue;
      ReportItem item = ItemFromBlock(body, block);
      item.text = CollapseSpaces(block.text.substr(begin, end - begin));
      items.push_back(std::move(item));
      if (items.size() >= kMaxSentences) return items;
    }
  }
  return items;
}

}  // namespace issuegraph::analyze
