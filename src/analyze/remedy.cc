#include "analyze/remedy.h"

#include <algorithm>
#include <string>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

constexpr size_t kFixParagraphLimit = 600;
constexpr size_t kMaxCommentBlocks = 12;
constexpr size_t kMaxWorkarounds = 8;

const Post* BodyOf(const Thread& thread) {
  if (thread.posts.empty() || thread.posts.front().comment != nullptr) return nullptr;
  return &thread.posts.front();
}

bool IsProseBlock(const text::Block& block) {
  return block.kind == text::BlockKind::kParagraph || block.kind == text::BlockKind::kListItem;
}

bool HasCode(const Post& post) {
  return std::any_of(post.blocks.begin(), post.blocks.end(),
                     [](const text::Block& block) { return block.kind == text::BlockKind::kCode; });
}

// The cue must be stated, not asked: "Is there a workaround?" is not one.
bool StatesCue(std::string_view lower, const PhraseSet& cues) {
  // Most texts hold none of the cues: one pass says so.
  if (!cues.AnyOccurs(lower)) return false;
  for (std::string_view cue : cues.phrases()) {
    size_t at = 0;
    while ((at = lower.find(cue, at)) != std::string_view::npos) {
      if (HasPhrase(lower.substr(at), cue) && !SentenceAt(lower, at).ends_with("?")) return true;
      ++at;
    }
  }
  return false;
}

// Adds the block at `i` and, when code follows it, that code: an
// explanation and its snippet belong together.
void AddWithCode(const Post& post, size_t i, BlockSet* taken, std::vector<ReportItem>* items) {
  if (!taken->insert({&post, i}).second) return;
  items->push_back(ItemFromBlock(post, post.blocks[i]));
  size_t next = i + 1;
  if (next < post.blocks.size() && post.blocks[next].kind == text::BlockKind::kCode &&
      taken->insert({&post, next}).second) {
    items->push_back(ItemFromBlock(post, post.blocks[next]));
  }
}

std::string PullLabel(const Node& root, const Node& pull, std::string_view lead) {
  std::string label = std::string(lead) + " " + RelativeRefText(root.ref, pull.ref);
  if (pull.merged || pull.state == NodeState::kMerged) {
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

const PhraseSet& ConfirmationCues() {
  static const PhraseSet cues = {
      "this worked",      "confirming",         "that worked",   "it worked",
      "worked for me",    "works for me",       "this works",    "that works",
      "can confirm",      "confirmed",          "did the trick", "fixed it for me",
      "solved it for me", "this fixed",         "that fixed",    "this solved",
      "that solved",      "working now",        "works now",     "works perfectly",
      "worked perfectly", "worked like a charm"};
  return cues;
}

bool Confirms(const Post& post) {
  const std::string& prose = post.lower_prose;
  if (prose.size() > 400 || HasCode(post)) return false;
  return ConfirmationCues().AnyIn(prose);
}

bool OffersWorkaround(const Post& post) {
  const std::string& prose = post.lower_prose;
  // "After upgrading you can delete what you added as a workaround" closes
  // the story; it is not a workaround.
  static const PhraseSet kFixedCues = {"shipped in",     "released in", "fixed in",
                                       "has been fixed", "landed in",   "is now fixed"};
  if (kFixedCues.AnyIn(prose)) return false;
  // Phrases that offer one, not those that refer to one ("about the workaround").
  static const PhraseSet kOfferCues = {
      "workaround:",        "workaround is",       "workaround for",       "as a workaround",
      "a workaround",       "possible workaround", "temporary workaround", "workaround that",
      "work around it",     "work around this",    "to work around",       "worked around",
      "working around",     "temporary fix",       "temporary solution",   "quick fix",
      "i fixed it by",      "fixed it by",         "solved it by",         "got it working",
      "what worked for me", "downgrading to",      "downgrade to",         "rolling back to",
      "roll back to"};
  if (StatesCue(prose, kOfferCues)) return true;
  bool actionable = HasCode(post) || IsMaintainer(post.author_association) ||
                    std::any_of(post.blocks.begin(), post.blocks.end(), [](const text::Block& b) {
                      return b.kind == text::BlockKind::kListItem;
                    });
  static const PhraseSet kMeanwhileCues = {
      "in the meantime",     "meanwhile",     "for now",    "you can",
      "until this is fixed", "until the fix", "until a fix"};
  return actionable && StatesCue(prose, kMeanwhileCues);
}

struct Candidate {
  std::vector<ReportItem> items;
  std::string author;
  bool maintainer = false;
  bool from_section = false;
  int confirmations = 0;
  int Score() const { return (maintainer ? 2 : 0) + (from_section ? 1 : 0) + confirmations; }
};

void CollectWorkarounds(const Thread& thread, BlockSet* taken, std::vector<Candidate>* out) {
  size_t first_of_thread = out->size();
  for (const Post& post : thread.posts) {
    Candidate candidate;
    candidate.author = post.author;
    candidate.maintainer = IsMaintainer(post.author_association);
    // "Confirming the workaround: works" reads like a section; it confirms.
    bool confirms = post.comment != nullptr && Confirms(post);
    if (!confirms) candidate.items = TopicItems(post, Topic::kWorkaround, taken);
    candidate.from_section = !candidate.items.empty();
    if (confirms) {
      // Credit the latest workaround above it that someone else offered.
      for (size_t k = out->size(); k > first_of_thread; --k) {
        Candidate& earlier = (*out)[k - 1];
        if (earlier.author != post.author) {
          ++earlier.confirmations;
          break;
        }
      }
      continue;
    }
    if (candidate.items.empty() && OffersWorkaround(post)) {
      if (post.comment != nullptr) {
        for (size_t i = 0; i < post.blocks.size(); ++i) {
          if (candidate.items.size() >= kMaxCommentBlocks) break;
          const text::Block& block = post.blocks[i];
          if (block.kind == text::BlockKind::kQuote || !IsContent(block)) continue;
          if (!taken->insert({&post, i}).second) continue;
          candidate.items.push_back(ItemFromBlock(post, block));
        }
      } else {
        // In a body without a workaround heading, only the telling paragraph.
        for (size_t i = 0; i < post.blocks.size(); ++i) {
          if (!IsProseBlock(post.blocks[i])) continue;
          static const PhraseSet kBodyCues = {"workaround", "work around", "in the meantime",
                                              "temporary fix"};
          std::string lower = LowerAscii(post.blocks[i].text);
          if (StatesCue(lower, kBodyCues)) {
            AddWithCode(post, i, taken, &candidate.items);
          }
        }
      }
    }
    if (!candidate.items.empty()) out->push_back(std::move(candidate));
  }
}

}  // namespace

std::vector<ReportItem> ExtractRootCause(const Thread& root,
                                         const std::vector<Thread>& merged_fixes) {
  std::vector<ReportItem> items;
  BlockSet taken;
  for (const Post& post : root.posts) {
    auto section = TopicItems(post, Topic::kRootCause, &taken, 20);
    items.insert(items.end(), section.begin(), section.end());
  }
  static const PhraseSet kRootCause = {"root cause"};
  static const PhraseSet kCauseCues = {"the cause",         "caused by",       "is due to",
                                       "the reason is",     "happens because", "the problem is",
                                       "the issue is that", "the bug is"};
  static const PhraseSet kBecause = {"because"};
  auto has_cue = [](std::string_view lower, bool maintainer, bool body) {
    return kRootCause.AnyIn(lower) || ((maintainer || body) && kCauseCues.AnyIn(lower)) ||
           (maintainer && kBecause.AnyIn(lower));
  };
  for (const Post& post : root.posts) {
    bool maintainer = IsMaintainer(post.author_association);
    bool body = post.comment == nullptr;
    // Most posts have no cue at all: look at blocks only when the post has one.
    if (!has_cue(post.lower_prose, maintainer, body)) continue;
    for (size_t i = 0; i < post.blocks.size(); ++i) {
      if (!IsProseBlock(post.blocks[i]) || post.topics[i] == Topic::kWorkaround) continue;
      if (has_cue(LowerAscii(post.blocks[i].text), maintainer, body)) {
        AddWithCode(post, i, &taken, &items);
      }
    }
  }
  for (const Thread& fix : merged_fixes) {
    const Post* body = BodyOf(fix);
    if (body == nullptr) continue;
    auto section = TopicItems(*body, Topic::kRootCause, &taken, 20);
    if (section.empty()) {
      for (size_t i = 0; i < body->blocks.size() && section.size() < 4; ++i) {
        if (!IsProseBlock(body->blocks[i])) continue;
        std::string lower = LowerAscii(body->blocks[i].text);
        if (HasAnyPhrase(lower, {"root cause", "the cause", "caused by", "because", "is due to",
                                 "the problem was", "the problem is", "the bug was"})) {
          AddWithCode(*body, i, &taken, &section);
        }
      }
    }
    items.insert(items.end(), section.begin(), section.end());
  }
  return items;
}

std::vector<ReportItem> ExtractFix(const Graph& graph, const Thread& root,
                                   const std::vector<Thread>& merged_fixes) {
  std::vector<ReportItem> items;
  const Node* root_node = root.node;
  if (root_node == nullptr) return items;
  for (const Thread& fix : merged_fixes) {
    items.push_back(PullTitleItem(*root_node, *fix.node, "Merged fix"));
    const Post* body = BodyOf(fix);
    if (body == nullptr) continue;
    for (const text::Block& block : body->blocks) {
      if (block.kind != text::BlockKind::kParagraph || !IsContent(block) ||
          IsOnlyReferences(block.text, /*allow_keywords=*/true)) {
        continue;
      }
      ReportItem item = ItemFromBlock(*body, block);
      item.text = TrimToSentence(item.text, kFixParagraphLimit);
      items.push_back(std::move(item));
      break;
    }
  }
  if (!items.empty()) return items;

  for (const Event& event : root_node->events) {
    if (event.type != "closed" || event.commit_id.empty() || event.other.has_value()) continue;
    ReportItem item;
    item.label = "Closed by commit";
    item.text = event.commit_id;
    item.source = BodySource(*root_node);
    item.source.where = Provenance::Where::kEvent;
    item.source.id = event.id;
    item.author = event.actor;
    items.push_back(std::move(item));
    break;
  }
  // Open pulls that would close the root, nearest first.
  std::vector<const Node*> proposals;
  for (const Edge& edge : graph.edges) {
    if (edge.to != graph.root ||
        (edge.kind != EdgeKind::kCloses && edge.kind != EdgeKind::kConnected)) {
      continue;
    }
    const Node* pull = graph.Find(edge.from);
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
  for (const Node* pull : proposals)
    items.push_back(PullTitleItem(*root_node, *pull, "Proposed in"));

  BlockSet taken;
  bool fix_section = false;
  for (const Post& post : root.posts) {
    auto section = TopicItems(post, Topic::kFix, &taken);
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
    if (HasAnyPhrase(expected, {"fix", "option", "options", "should"})) {
      auto section = TopicItems(*body, Topic::kExpected, &taken);
      items.insert(items.end(), section.begin(), section.end());
    }
  }
  return items;
}

std::vector<ReportItem> ExtractWorkarounds(const Thread& root,
                                           const std::vector<const Thread*>& related) {
  std::vector<Candidate> candidates;
  BlockSet taken;
  CollectWorkarounds(root, &taken, &candidates);
  for (const Thread* thread : related) CollectWorkarounds(*thread, &taken, &candidates);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.Score() > b.Score(); });
  // A reader acts on the best few; a long thread can offer hundreds.
  if (candidates.size() > kMaxWorkarounds) candidates.resize(kMaxWorkarounds);
  std::vector<ReportItem> items;
  for (Candidate& candidate : candidates) {
    for (ReportItem& item : candidate.items) {
      item.confirmations = candidate.confirmations;
      items.push_back(std::move(item));
    }
  }
  return items;
}

}  // namespace issuegraph::analyze
