#include "analyze/remedy.h"

#include <algorithm>
#include <span>
#include <string>

#include "analyze/cue_lists.h"
#include "analyze/prose.h"
#include "analyze/status.h"
#include "text/markdown.h"
#include "text/references.h"

namespace issuegraph::analyze {
namespace {

constexpr size_t kFixParagraphLimit = 600;

std::string PullLabel(const Node& root, const Node& pull, std::string_view lead) {
  std::string label = std::string(lead) + " " + RelativeRefText(root.ref, pull.ref);
  if (IsMerged(pull)) {
    label += " (merged " + DatePart(pull.merged_at) + ")";
  } else {
    label += pull.draft ? " (open, draft)" : " (open)";
  }
  return label;
}

ReportItem PullTitleItem(const Node& root, const Node& pull, std::string_view lead) {
  ReportItem item;
  item.label = PullLabel(root, pull, lead);
  item.text = pull.title;
  item.source = BodySource(pull);
  item.author = pull.author;
  item.author_association = pull.author_association;
  return item;
}

// Whether a paragraph of a pull's description opens by saying what the
// pull changes ("This adds the include to…", "Switches the decoder to…"),
// as opposed to why it was needed or how it was tested.
bool DescribesTheChange(std::string_view lower) {
  const std::string_view start = TrimView(lower);
  // "Adds a regression test…" is about the tests, not the change.
  if (HasAnyPhrase(SentenceAt(start, 0), PhraseList(CueRole::kAboutTests))) return false;
  // "The collector now iterates by character": what the code does now.
  return !OpeningOf(CueRole::kChangeOpening, start).empty() || HasPhrase(start, "now");
}

// The paragraph of a pull's description that says what it changes, else
// its first real paragraph; null when it has none. `lower(i)` is block i
// lower-cased.
template <class Lower>
const text::Block* ChangeParagraph(std::span<const text::Block> blocks, Lower lower) {
  const text::Block* chosen = nullptr;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const text::Block& block = blocks[i];
    if (block.kind != text::BlockKind::kParagraph || !IsContent(block) ||
        IsOnlyReferences(block.text, /*allow_keywords=*/true)) {
      continue;
    }
    if (chosen == nullptr) chosen = &block;
    if (DescribesTheChange(lower(i))) return &block;
  }
  return chosen;
}

// A pull that fixes the root, or would: its title, then the paragraph
// that says what it changes. `rule` names why the pull is shown
// ("rule:backport-pull"); the paragraph's cue adds "-change".
void AddPullItems(const Node& root, const Node& pull, std::string_view lead, std::string_view rule,
                  std::vector<ReportItem>* items) {
  items->push_back(PullTitleItem(root, pull, lead));
  items->back().cue = rule;
  const text::Blocks blocks = text::ParseBlocks(pull.body);
  const text::Block* paragraph =
      ChangeParagraph(std::span<const text::Block>(blocks),
                      [&](size_t i) { return LowerAscii(blocks[i].text); });
  if (paragraph == nullptr) return;
  ReportItem item;
  item.text = TrimToSentence(TrimView(paragraph->text), kFixParagraphLimit);
  item.source = BodySource(pull);
  item.author = pull.author;
  item.author_association = pull.author_association;
  item.cue = std::string(rule) + "-change";
  items->push_back(std::move(item));
}

// A maintainer's word on when the fix reaches users ("it will go out in
// 1.6.1", "this will be in 3.5.1"): a sentence with a release cue and a
// version number, the latest such.
FixedStatement ReleaseStatement(const Thread& thread) {
  return LatestMaintainerSentence(thread, PostList::kReleaseWhen, [](std::string_view sentence) {
    return !VersionIn(sentence).empty();
  });
}

constexpr size_t kNoBlock = static_cast<size_t>(-1);

// The prose block of the statement's post that holds its sentence, or kNoBlock.
size_t StatementBlock(const FixedStatement& said) {
  for (size_t i = 0; i < said.post->blocks.size(); ++i) {
    const text::Block& block = said.post->blocks[i];
    if (IsProseBlock(block) && block.text.find(said.sentence) != std::string_view::npos) return i;
  }
  return kNoBlock;
}

// The quotes a maintainer's statement introduces ("Fixed in 2.5.0. From
// the release notes:" and the note quoted below it): they say what changed.
void AddQuotedNotes(const FixedStatement& said, std::vector<ReportItem>* items) {
  const Post& post = *said.post;
  const size_t i = StatementBlock(said);
  if (i == kNoBlock || !TrimView(post.blocks[i].text).ends_with(':')) return;
  for (size_t k = i + 1; k < post.blocks.size() && post.blocks[k].kind == text::BlockKind::kQuote;
       ++k) {
    items->push_back(ItemFromBlock(post, post.blocks[k]));
    items->back().cue = "rule:quoted-release-note";
  }
}

// The sentence right after `said`, in its paragraph, when it advises an
// upgrade; empty otherwise.
std::string_view AdviceAfter(const FixedStatement& said) {
  static const PhraseSet& kAdvice = Phrases(CueRole::kUpgradeAdvice);
  const size_t i = StatementBlock(said);
  if (i == kNoBlock) return {};
  const std::string_view text = said.post->blocks[i].text;
  const std::string_view lower = LowerProse(*said.post, i);
  bool after = false;
  for (auto [begin, end] : SentenceRanges(lower)) {
    if (after) {
      return kAdvice.AnyIn(lower.substr(begin, end - begin)) ? text.substr(begin, end - begin)
                                                             : std::string_view();
    }
    after = TrimView(text.substr(begin, end - begin)) == TrimView(said.sentence);
  }
  return {};
}

// `rule`: which statement it is ("rule:maintainer-fixed").
ReportItem MaintainerItem(const FixedStatement& said, std::string_view rule) {
  ReportItem item;
  item.cue = rule;
  item.label = "Maintainer @" + std::string(said.post->author);
  item.text = CollapseSpaces(said.sentence);
  item.source = PostSource(*said.post);
  item.author = said.post->author;
  item.author_association = said.post->author_association;
  return item;
}

// "Describe the solution you'd like" in a feature request: the wish is the
// request itself, not a fix anyone proposes.
bool IsWishHeading(std::string_view heading) {
  std::string words = NormalizeWords(heading);
  for (std::string_view wish :
       {"you d like", "you would like", "i d like", "i would like", "we d like", "we would like"}) {
    if (HasWords(words, wish)) return true;
  }
  return false;
}

// Puts the blocks under a wish heading of `body` into `taken`, so that no
// section reads them as a fix.
void SkipWishes(const Post& body, BlockSet* taken) {
  bool wish = false;
  for (size_t i = 0; i < body.blocks.size(); ++i) {
    if (body.topics[i] == Topic::kHeading) {
      wish = IsWishHeading(body.blocks[i].text);
    } else if (wish) {
      taken->insert({&body, i});
    }
  }
}

// Merged pulls linked to the root that carry one of `fixes` to another
// branch: their description says "Backport of #158" or that it was
// cherry-picked from it. A reader on that branch needs them too.
std::vector<const Node*> Backports(const Graph& graph, const Node& root,
                                   const std::vector<Thread>& fixes) {
  std::vector<const Node*> pulls;
  auto is_fix = [&](const Node* node) {
    return std::ranges::any_of(fixes, [&](const Thread& fix) { return fix.node == node; });
  };
  for (const Edge* edge : graph.Touching(graph.root())) {
    const Node* pull = graph.Get(edge->to == graph.root() ? edge->from : edge->to);
    if (pull == nullptr || pull == &root || pull->type != NodeType::kPull || !IsMerged(*pull) ||
        is_fix(pull) || std::ranges::find(pulls, pull) != pulls.end()) {
      continue;
    }
    const std::string words = LowerAscii(pull->title + "\n" + pull->body);
    if (!HasAnyPhrase(words, PhraseList(CueRole::kBackport))) {
      continue;
    }
    for (const text::TextRef& ref : text::ExtractReferences(pull->body, pull->ref)) {
      if (is_fix(graph.Find(ref.ref.Key()))) {
        pulls.push_back(pull);
        break;
      }
    }
  }
  return pulls;
}

}  // namespace

std::vector<ReportItem> ExtractFix(const Graph& graph, const Thread& root,
                                   const std::vector<Thread>& merged_fixes) {
  std::vector<ReportItem> items;
  const Node* root_node = root.node;
  if (root_node == nullptr) return items;
  for (const Thread& fix : merged_fixes) {
    items.push_back(PullTitleItem(*root_node, *fix.node, "Merged fix"));
    items.back().cue = "rule:merged-fix-pull";
    const Post* body = BodyOf(fix);
    if (body == nullptr) continue;
    const text::Block* chosen =
        ChangeParagraph(body->blocks, [&](size_t i) { return LowerProse(*body, i); });
    if (chosen == nullptr) continue;
    ReportItem item = ItemFromBlock(*body, *chosen);
    item.text = TrimToSentence(item.text, kFixParagraphLimit);
    item.cue = "rule:merged-fix-pull-change";
    items.push_back(std::move(item));
  }
  if (!items.empty()) {
    // A maintainer's word that named the merged fix ("Closed by #12740",
    // "This got fixed with …/pull/23905") says so too.
    if (FixedStatement fixed = MaintainerSaysFixed(root); fixed.post != nullptr) {
      for (const text::TextRef& ref : text::ExtractReferences(fixed.sentence, root_node->ref)) {
        const bool names_fix = std::any_of(
            merged_fixes.begin(), merged_fixes.end(),
            [&](const Thread& fix) { return fix.node != nullptr && fix.node->ref == ref.ref; });
        if (names_fix) {
          items.push_back(MaintainerItem(fixed, "rule:maintainer-named-fix"));
          break;
        }
      }
    }
    for (const Node* pull : Backports(graph, *root_node, merged_fixes)) {
      AddPullItems(*root_node, *pull, "Backport", "rule:backport-pull", &items);
    }
    if (FixedStatement release = ReleaseStatement(root); release.post != nullptr) {
      items.push_back(MaintainerItem(release, "rule:maintainer-release"));
    }
    return items;
  }

  for (const Event& event : root_node->events) {
    if (event.type != "closed" || event.commit_id.empty() || event.other.has_value()) continue;
    ReportItem item;
    item.label = "Closed by commit";
    item.text = event.commit_id;
    item.source = BodySource(*root_node);
    item.source.where = Provenance::Where::kEvent;
    item.source.id = event.id;
    item.author = event.actor;
    item.cue = "rule:closing-commit";
    items.push_back(std::move(item));
    break;
  }
  // No pull to show: a maintainer's word that it is fixed is the fix a
  // reader can act on ("Fixed in 4.2.1": upgrade).
  // Merged pulls that fix part of it ("Part of #906").
  for (const Node* pull : PartialFixes(graph, *root_node)) {
    AddPullItems(*root_node, *pull, "Partial fix", "rule:partial-fix-pull", &items);
  }
  FixedStatement fixed = MaintainerSaysFixed(root);
  if (fixed.post != nullptr) {
    items.push_back(MaintainerItem(fixed, "rule:maintainer-fixed"));
    // "I believe this one was fixed. Please update your install to the
    // latest…": what to do goes with it, release named or not.
    if (std::string_view advice = AdviceAfter(fixed); !advice.empty()) {
      items.back().text += " " + CollapseSpaces(advice);
    }
    AddQuotedNotes(fixed, &items);
  }
  FixedStatement release = ReleaseStatement(root);
  // "That's fixed now." … "Please upgrade once more, this time to 2.1.2."
  if (release.post == nullptr) release = ReleaseAfterFixed(root, fixed);
  if (release.post != nullptr && (fixed.post == nullptr || release.sentence != fixed.sentence)) {
    items.push_back(MaintainerItem(release, "rule:maintainer-release"));
  }
  // Open pulls that would close the root, nearest first.
  std::vector<const Node*> proposals;
  for (const Edge& edge : graph.In(graph.root())) {
    if (edge.kind != EdgeKind::kCloses && edge.kind != EdgeKind::kConnected) continue;
    const Node* pull = graph.Get(edge.from);
    if (pull == nullptr || pull->type != NodeType::kPull || pull->state != NodeState::kOpen) {
      continue;
    }
    if (std::find(proposals.begin(), proposals.end(), pull) == proposals.end()) {
      proposals.push_back(pull);
    }
  }
  std::sort(proposals.begin(), proposals.end(), [](const Node* a, const Node* b) {
    return std::pair(a->ref.RepoKey(), a->ref.number) < std::pair(b->ref.RepoKey(), b->ref.number);
  });
  for (const Node* pull : proposals) {
    AddPullItems(*root_node, *pull, "Proposed in", "rule:proposed-pull", &items);
  }

  BlockSet taken;
  if (const Post* body = BodyOf(root)) SkipWishes(*body, &taken);
  bool fix_section = false;
  for (const Post& post : root.posts) {
    auto section = TopicItems(post, Topic::kFix, &taken);
    for (ReportItem& item : section) item.cue = "rule:fix-section";
    fix_section |= !section.empty();
    items.insert(items.end(), section.begin(), section.end());
  }
  const Post* body = BodyOf(root);
  if (!fix_section && body != nullptr) {
    // An "expected behaviour" section that lays out fix options.
    std::string expected;
    for (size_t i = 0; i < body->blocks.size(); ++i) {
      if (body->topics[i] == Topic::kExpected) expected += LowerAscii(body->blocks[i].text) + "\n";
    }
    // "It should work" describes the goal; only fix options are proposals.
    if (HasAnyPhrase(expected, PhraseList(CueRole::kFixOptions))) {
      auto section = TopicItems(*body, Topic::kExpected, &taken);
      for (ReportItem& item : section) item.cue = "rule:expected-fix-options";
      items.insert(items.end(), section.begin(), section.end());
    }
  }
  return items;
}

}  // namespace issuegraph::analyze
