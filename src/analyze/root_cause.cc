#include "analyze/root_cause.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "analyze/cue_lists.h"
#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

// Scores of the ways a paragraph can state a cause; the strongest wins.
constexpr int kSectionScore = 10;      // under a "Root cause"/"Analysis" heading
constexpr int kFixSectionScore = 9;    // a cause section of a merged fix's description
constexpr int kRootCausePhrase = 8;    // "the root cause is…", anyone
constexpr int kCausePhrase = 7;        // "is caused by", "the problem is"…: maintainer or body
constexpr int kFixCausePhrase = 6;     // a merged fix's description saying why
constexpr int kMaintainerBecause = 5;  // a maintainer's "because"
constexpr int kMechanismBase = 1;      // plus MechanismScore (2 to 4)
constexpr int kRelatedPenalty = 1;     // the canonical item's thread, not the root's
// Statements at least this strong get one place per source before the rest.
constexpr int kMinSourceScore = kFixCausePhrase;

constexpr size_t kMaxFixParagraphs = 4;

struct Candidate {
  std::vector<ReportItem> items;
  int score = 0;
  // A paragraph whose item (and its code) is made once the candidate is
  // chosen: a long thread can hold thousands of "because".
  const Post* post = nullptr;
  size_t block = 0;
  // What found it ("rule:cause-phrase"), and the list whose phrase the
  // items name beside it; see SetCue.
  std::string_view rule = {};
  std::optional<CueRole> named = std::nullopt;
};

// Gives `items` without a cue `rule`, and the first phrase of `named` in
// `lower` after it when there is one: "rule:cause-phrase (caused by)".
void SetCue(std::string_view rule, std::optional<CueRole> named, std::string_view lower,
            std::vector<ReportItem>* items) {
  const std::string cue = named ? RuleWithPhrase(rule, *named, lower) : std::string(rule);
  for (ReportItem& item : *items) {
    if (item.cue.empty()) item.cue = cue;
  }
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A path ("/run/app", "./x", "~/.cache"), a call ("weights()"), a scoped or
// snake_case name: words a writer uses when pointing at code.
bool HasCodeToken(std::string_view sentence) {
  size_t pos = 0;
  while (pos < sentence.size()) {
    size_t end = sentence.find_first_of(" \t\n,;", pos);
    if (end == std::string_view::npos) end = sentence.size();
    std::string_view token = sentence.substr(pos, end - pos);
    pos = end + 1;
    if (token.size() < 3 || token.find("://") != std::string_view::npos) continue;
    bool path = (token[0] == '/' && IsWordChar(token[1])) || token.starts_with("./") ||
                token.starts_with("~/");
    if (path || token.find("()") != std::string_view::npos ||
        token.find("::") != std::string_view::npos) {
      return true;
    }
    // snake_case, not "x86_64" or a file name's date.
    for (size_t i = 1; i + 1 < token.size(); ++i) {
      if (token[i] == '_' && IsWordChar(token[i - 1]) && IsWordChar(token[i + 1]) &&
          (IsLetter(token[i - 1]) || IsLetter(token[i + 1]))) {
        return true;
      }
    }
  }
  return false;
}

bool HasRemedySentence(std::string_view lower) {
  if (!Phrases(CueRole::kRemedy).AnyOccurs(lower)) return false;
  for (auto [begin, end] : SentenceRanges(lower)) {
    if (IsRemedySentence(lower.substr(begin, end - begin))) return true;
  }
  return false;
}

// Whether any block of the post can hold a cause phrase: most posts hold
// none, and one pass over the post says so. Only maintainers and the body
// are read for the weaker phrases.
bool MayStateCause(const Post& post) {
  if (IsMaintainer(post.author_association)) return Occurs(post, PostList::kAnyCause);
  if (post.comment == nullptr) return Occurs(post, PostList::kBodyCause);
  return Occurs(post, PostList::kRootCausePhrase);
}

// The score of the cause phrases in block `i` (0: none); `cue_possible`
// says whether the post holds any at all.
int PhraseScore(const Post& post, size_t i, bool cue_possible) {
  if (!cue_possible) return 0;
  // "We have found the cause and a fix is in review." says there is one;
  // with a colon after it, the cause follows.
  static const PhraseSet& kFound = Phrases(CueRole::kFoundCause);
  bool maintainer = IsMaintainer(post.author_association);
  bool body = post.comment == nullptr;
  std::string_view lower = LowerProse(post, i);
  // Most blocks and sentences hold no cause phrase at all: one pass says so.
  if (!AnyCausePhrase().AnyOccurs(lower)) return 0;
  int score = 0;
  for (auto [begin, end] : SentenceRanges(lower)) {
    std::string_view sentence = lower.substr(begin, end - begin);
    if (!AnyCausePhrase().AnyOccurs(sentence)) continue;
    if (kFound.AnyIn(sentence) && sentence.find(':') == std::string_view::npos) continue;
    if (Phrases(CueRole::kRootCause).AnyIn(sentence)) return kRootCausePhrase;
    if ((maintainer || body) && Phrases(CueRole::kCause).AnyIn(sentence)) {
      score = std::max(score, kCausePhrase);
    } else if (maintainer && Phrases(CueRole::kBecause).AnyIn(sentence)) {
      score = std::max(score, kMaintainerBecause);
    }
  }
  return score;
}

// Which blocks of a post a remedy follows: the explanation comes before the
// workaround or the fix announcement it leads to.
std::vector<bool> RemedyFollows(const Post& post) {
  std::vector<bool> after(post.blocks.size(), false);
  bool seen = false;
  for (size_t i = post.blocks.size(); i > 0; --i) {
    after[i - 1] = seen;
    const text::Block& block = post.blocks[i - 1];
    seen = seen || (IsProseBlock(block) && HasRemedySentence(LowerProse(post, i - 1)));
  }
  return after;
}

void CollectFromThread(const Thread& thread, int penalty, BlockSet* taken,
                       std::vector<Candidate>* out) {
  for (const Post& post : thread.posts) {
    for (ReportItem& item : TopicItems(post, Topic::kRootCause, taken, 20)) {
      item.cue = "rule:cause-section";
      out->push_back({{std::move(item)}, kSectionScore - penalty});
    }
  }
  for (const Post& post : thread.posts) {
    bool maintainer_comment = post.comment != nullptr && IsMaintainer(post.author_association);
    bool cue_possible = MayStateCause(post);
    bool mechanism_possible = maintainer_comment && Phrases(CueRole::kMechanism).AnyOccurs(post.lower_prose);
    if (!cue_possible && !mechanism_possible) continue;
    std::vector<bool> remedy_after;  // worked out when a block needs it
    for (size_t i = 0; i < post.blocks.size(); ++i) {
      if (!IsProseBlock(post.blocks[i]) || post.topics[i] == Topic::kWorkaround ||
          post.topics[i] == Topic::kRootCause || taken->contains({&post, i})) {
        continue;
      }
      int score = PhraseScore(post, i, cue_possible);
      const int said = score;
      // A mechanism never outscores a maintainer's "because".
      if (mechanism_possible && score < kMaintainerBecause) {
        if (remedy_after.empty()) remedy_after = RemedyFollows(post);
        int mechanism = MechanismScore(post.blocks[i], LowerProse(post, i), remedy_after[i]);
        if (mechanism >= 2) score = std::max(score, kMechanismBase + mechanism);
      }
      if (score == 0) continue;
      Candidate candidate;
      candidate.score = score - penalty;
      candidate.post = &post;
      candidate.block = i;
      if (score != said) {
        candidate.rule = "rule:maintainer-mechanism";
      } else if (said == kRootCausePhrase) {
        candidate.rule = "rule:root-cause-phrase";
        candidate.named = CueRole::kRootCause;
      } else if (said == kCausePhrase) {
        candidate.rule = "rule:cause-phrase";
        candidate.named = CueRole::kCause;
      } else {
        candidate.rule = "rule:maintainer-because";
        candidate.named = CueRole::kBecause;
      }
      out->push_back(std::move(candidate));
    }
  }
}

// The post a candidate comes from, as its provenance says.
std::string SourceOf(const Candidate& candidate) {
  if (candidate.post != nullptr) return PostSource(*candidate.post).Text();
  return candidate.items.empty() ? std::string() : candidate.items.front().source.Text();
}

void CollectFromFix(const Thread& fix, BlockSet* taken, std::vector<Candidate>* out) {
  const Post* body = BodyOf(fix);
  if (body == nullptr) return;
  auto section = TopicItems(*body, Topic::kRootCause, taken, 20);
  for (ReportItem& item : section) {
    item.cue = "rule:fix-cause-section";
    out->push_back({{std::move(item)}, kFixSectionScore});
  }
  if (!section.empty()) return;
  static const PhraseSet& kCues = Phrases(CueRole::kFixCause);
  size_t found = 0;
  for (size_t i = 0; i < body->blocks.size() && found < kMaxFixParagraphs; ++i) {
    if (!IsProseBlock(body->blocks[i])) continue;
    // Why it broke, in so many words, or as what the code did ("took its
    // context from the pane… and dereferenced null").
    std::string_view lower = LowerProse(*body, i);
    const bool said = kCues.AnyIn(lower);
    if (!said && MechanismScore(body->blocks[i], lower, false) < 2) continue;
    Candidate candidate;
    candidate.score = said ? kFixCausePhrase : kFixCausePhrase - 1;
    AddWithCode(*body, i, taken, &candidate.items);
    if (candidate.items.empty()) continue;
    SetCue(said ? "rule:fix-cause-phrase" : "rule:fix-mechanism",
           said ? std::optional(CueRole::kFixCause) : std::nullopt, lower, &candidate.items);
    out->push_back(std::move(candidate));
    ++found;
  }
}

}  // namespace

// The cause phrases a body is read for.
const PhraseSet& BodyCausePhrases() {
  static const PhraseSet cues =
      PhraseSet::Union({PhraseList(CueRole::kRootCause), PhraseList(CueRole::kCause)});
  return cues;
}

// Every cause phrase PhraseScore looks for.
const PhraseSet& AnyCausePhrase() {
  static const PhraseSet cues =
      PhraseSet::Union({PhraseList(CueRole::kRootCause), PhraseList(CueRole::kCause),
                        PhraseList(CueRole::kBecause)});
  return cues;
}

bool IsRemedySentence(std::string_view lower_sentence) {
  return Phrases(CueRole::kRemedy).AnyIn(lower_sentence);
}

int MechanismScore(const text::Block& block, bool remedy_follows) {
  if (!IsProseBlock(block)) return 0;
  return MechanismScore(block, LowerAscii(block.text), remedy_follows);
}

int MechanismScore(const text::Block& block, std::string_view lower, bool remedy_follows) {
  if (!IsProseBlock(block)) return 0;
  const PhraseSet& cues = Phrases(CueRole::kMechanism);
  if (!cues.AnyOccurs(lower)) return 0;
  int mechanism = 0;
  bool code = false;
  bool explained = false;
  bool remedy_after = remedy_follows;
  for (auto [begin, end] : SentenceRanges(lower)) {
    std::string_view sentence = lower.substr(begin, end - begin);
    if (sentence.ends_with('?')) continue;
    if (IsRemedySentence(sentence)) {
      remedy_after = remedy_after || explained;
      continue;
    }
    auto found = static_cast<int>(cues.CountDistinctIn(sentence));
    if (found == 0) continue;
    explained = true;
    mechanism += found;
    code = code || HasCodeSpanIn(block, begin, end) ||
           HasCodeToken(std::string_view(block.text).substr(begin, end - begin));
  }
  if (!explained) return 0;
  return std::min(mechanism, 2) + (code ? 1 : 0) + (remedy_after ? 1 : 0);
}

std::vector<ReportItem> ExtractRootCause(const Thread& root,
                                         const std::vector<const Thread*>& related,
                                         const std::vector<Thread>& merged_fixes) {
  std::vector<Candidate> candidates;
  BlockSet taken;
  CollectFromThread(root, 0, &taken, &candidates);
  for (const Thread* thread : related) {
    CollectFromThread(*thread, kRelatedPenalty, &taken, &candidates);
  }
  for (const Thread& fix : merged_fixes) CollectFromFix(fix, &taken, &candidates);
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  // The best explicit statement of every source first (a long analysis
  // section must not crowd out the maintainer who confirms it, or the
  // fix's own words), then the rest by score; shown best first.
  std::vector<bool> chosen(candidates.size(), false);
  std::set<std::string> sources;
  size_t count = 0;
  auto choose = [&](size_t k) {
    Candidate& candidate = candidates[k];
    if (candidate.post != nullptr && candidate.items.empty()) {
      AddWithCode(*candidate.post, candidate.block, &taken, &candidate.items);
      SetCue(candidate.rule, candidate.named, LowerProse(*candidate.post, candidate.block),
             &candidate.items);
    }
    if (candidate.items.empty() || count + candidate.items.size() > kMaxRootCauseItems) return;
    chosen[k] = true;
    count += candidate.items.size();
  };
  for (size_t k = 0; k < candidates.size() && count < kMaxRootCauseItems; ++k) {
    if (candidates[k].score < kMinSourceScore) break;  // sorted: the rest score lower
    if (sources.insert(SourceOf(candidates[k])).second) choose(k);
  }
  for (size_t k = 0; k < candidates.size() && count < kMaxRootCauseItems; ++k) {
    if (!chosen[k]) choose(k);
  }
  std::vector<ReportItem> items;
  for (size_t k = 0; k < candidates.size(); ++k) {
    if (!chosen[k]) continue;
    for (ReportItem& item : candidates[k].items) items.push_back(std::move(item));
  }
  return items;
}

}  // namespace issuegraph::analyze
