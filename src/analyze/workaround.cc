#include "analyze/workaround.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <utility>

#include "analyze/cue_lists.h"
#include "analyze/prose.h"
#include "analyze/root_cause.h"

namespace issuegraph::analyze {
namespace {

constexpr size_t kMaxCommentBlocks = 12;
constexpr size_t kMaxWorkarounds = 8;
// A confirmation is a short reply; a long one is a story of its own.
constexpr size_t kMaxConfirmationProse = 400;
// "ty, works": a reply this short needs only the word.
constexpr size_t kTerseReply = 40;

// "role: phrase" for an item's cue; empty without a phrase.
std::string Named(std::string_view role, std::string_view phrase) {
  return phrase.empty() ? std::string() : std::string(role) + ": " + std::string(phrase);
}

// "until that is fixed", "until the fix ships", "before the patch
// release": a remedy for the time before the real one. `decided`, when
// given, gets what decided it: "until-event: the fix ships" or
// "until-version: 4.2".
bool SaysUntilFixed(std::string_view lower, std::string* decided = nullptr) {
  static const PhraseSet& kEvents = Phrases(CueRole::kUntilEvent);
  constexpr size_t kWindow = 6;  // words after "until" or "before"
  for (std::string_view word : {std::string_view("until"), std::string_view("before")}) {
    for (size_t at = lower.find(word); at != std::string_view::npos;
         at = lower.find(word, at + 1)) {
      bool word_start = at == 0 || std::isalpha(static_cast<unsigned char>(lower[at - 1])) == 0;
      if (!word_start || !HasPhrase(lower.substr(at), word)) continue;
      std::string words = NormalizeWords(lower.substr(at, 60));
      // Keep the word and the next kWindow words.
      size_t end = 0;
      for (size_t count = 0; count <= kWindow && end != std::string::npos; ++count) {
        end = words.find(' ', end + 1);
      }
      if (end != std::string::npos) words.resize(end);
      // "…cut before the fix landed" tells what happened, not what to do
      // meanwhile: after "before", only an event still to come counts.
      static const PhraseSet& kPast = Phrases(CueRole::kPastEvent);
      if (word == "before" && kPast.AnyIn(words)) continue;
      if (kEvents.AnyIn(words)) {
        if (decided != nullptr)
          *decided = Named("until-event", FirstPhrase(CueRole::kUntilEvent, words));
        return true;
      }
      // "until 4.2": until a version, the one with the fix.
      std::string_view after = lower.substr(at + word.size());
      after = TrimView(after.substr(0, after.find_first_of(":;,")));
      if (after.starts_with('v')) after.remove_prefix(1);
      if (!after.empty() && std::isdigit(static_cast<unsigned char>(after.front())) != 0 &&
          after.find('.') != std::string_view::npos) {
        if (decided != nullptr) {
          std::string_view version = after.substr(0, after.find(' '));
          while (version.ends_with('.')) version.remove_suffix(1);
          *decided = Named("until-version", version);
        }
        return true;
      }
    }
  }
  return false;
}

// "With a close() between the two appends it works", "if I set X=1 it
// runs", "Adding the path to the list makes it work again": the writer
// found a condition under which it works.
bool SaysItWorksWith(std::string_view sentence) {
  static const PhraseSet& kWorks = Phrases(CueRole::kWorksUnder);
  // Failures that do not happen: negative words, good news.
  static const PhraseSet& kSpared = Phrases(CueRole::kSpared);
  static const PhraseSet& kNegations = Phrases(CueRole::kWorksNegation);
  if (OpeningOf(CueRole::kWorksCondition, TrimView(sentence)).empty()) return false;
  return kSpared.AnyIn(sentence) || (kWorks.AnyIn(sentence) && !kNegations.AnyIn(sentence));
}

// "the details and a workaround are there", "see #40 for a workaround":
// the sentence points elsewhere instead of saying what to do.
bool RefersElsewhere(std::string_view lower) {
  bool reference = false;
  for (size_t at = lower.find('#'); at != std::string_view::npos; at = lower.find('#', at + 1)) {
    if (at + 1 < lower.size() && lower[at + 1] >= '0' && lower[at + 1] <= '9') reference = true;
  }
  reference = reference || lower.find("http") != std::string_view::npos;
  static const PhraseSet& kPointers = Phrases(CueRole::kPointer);
  return reference && kPointers.AnyIn(lower);
}

// "A proper fix needs the device-monitor rework": about the real fix.
bool AboutTheRealFix(std::string_view lower) {
  static const PhraseSet& kRealFix = Phrases(CueRole::kRealFix);
  return kRealFix.AnyIn(lower);
}

// A post someone can act on: a maintainer's, or one with code or a list.
bool IsActionable(const Post& post) {
  return IsMaintainer(post.author_association) || HasKind(post, text::BlockKind::kCode) ||
         HasKind(post, text::BlockKind::kListItem);
}

// What decided that `sentence` offers a workaround (it passed OffersIn),
// "role: phrase" for an item's cue: the offer phrase, or the condition
// under which it works, when it offers outright (`offer`); otherwise the
// meanwhile phrase or the event it lasts until, or the success phrase when
// only that let it count (`by_success`).
std::string DecidingCue(std::string_view sentence, bool offer, bool by_success) {
  if (offer) {
    if (std::string_view phrase = FirstPhrase(CueRole::kOffer, sentence); !phrase.empty())
      return Named("offer", phrase);
    if (std::string_view phrase = FirstPhrase(CueRole::kAlternative, sentence); !phrase.empty())
      return Named("alternative", phrase);
    // SaysItWorksWith: a failure that does not happen, or what works.
    if (std::string_view phrase = FirstPhrase(CueRole::kSpared, sentence); !phrase.empty())
      return Named("spared", phrase);
    return Named("works-under", FirstPhrase(CueRole::kWorksUnder, sentence));
  }
  if (by_success) return Named("success", FirstPhrase(CueRole::kSuccess, sentence));
  if (std::string_view phrase = FirstPhrase(CueRole::kMeanwhile, sentence); !phrase.empty())
    return Named("meanwhile", phrase);
  std::string decided;
  SaysUntilFixed(sentence, &decided);
  return decided;
}

// Whether block `i` of the post is followed by a code block.
bool CodeFollows(const Post& post, size_t i) {
  return i + 1 < post.blocks.size() && post.blocks[i + 1].kind == text::BlockKind::kCode;
}

// BlockOffersWorkaround, given the block's text lower-cased, the post's
// actionability worked out once, and whether code follows the block.
// `decided`, when given, gets what decided it (DecidingCue): only asked
// for an item that is shown.
bool OffersIn(const text::Block& block, std::string_view lower, bool post_actionable,
              bool code_follows, std::string* decided = nullptr) {
  for (auto [begin, end] : SentenceRanges(lower)) {
    std::string_view sentence = lower.substr(begin, end - begin);
    // Every test below needs one of these phrases: most sentences are
    // ruled out by one pass instead of four.
    if (sentence.ends_with('?') || !AnyOfferCue().AnyOccurs(sentence)) continue;
    // "A workaround is still welcome; I would accept a PR": asked for.
    if (Phrases(CueRole::kInvitesWork).AnyIn(sentence)) continue;
    // "This way looks a bit cleaner to me:" over code: another way to do it.
    const bool alternative =
        code_follows && sentence.ends_with(':') && Phrases(CueRole::kAlternative).AnyIn(sentence);
    bool offer =
        alternative || Phrases(CueRole::kOffer).AnyIn(sentence) || SaysItWorksWith(sentence);
    bool meanwhile = !offer && (Phrases(CueRole::kMeanwhile).AnyIn(sentence) || SaysUntilFixed(sentence));
    if ((!offer && !meanwhile) || RefersElsewhere(sentence)) continue;
    // "Please keep the workaround in place until then" speaks of one already
    // given; "…repeat the workaround or use an API key:" introduces another.
    if (meanwhile && Phrases(CueRole::kKnownWorkaround).AnyIn(sentence) && !sentence.ends_with(':') &&
        !HasCodeSpanIn(block, begin, end)) {
      continue;
    }
    if (offer || post_actionable || HasCodeSpanIn(block, begin, end) ||
        Phrases(CueRole::kSuccess).AnyIn(sentence)) {
      if (decided != nullptr) {
        const bool by_success = !offer && !post_actionable && !HasCodeSpanIn(block, begin, end);
        *decided = DecidingCue(sentence, offer, by_success);
      }
      return true;
    }
  }
  return false;
}

// "On Sat, Apr 4, 2020 at 10:56 AM someone <…> wrote:" or "-- " opening a
// signature: what an e-mail reply carries after its message.
bool EndsAnEmail(std::string_view text) {
  text = TrimView(text);
  const std::string_view first = text.substr(0, text.find('\n'));
  return (first.starts_with("On ") && TrimView(first).ends_with("wrote:")) || text == "--" ||
         text.starts_with("-- ") || text.starts_with("--\n");
}

// "Best,\nLili", "Thanks,": a letter's closing words.
bool IsSignOff(const text::Block& block) {
  constexpr size_t kMaxSignOff = 40;
  if (block.kind != text::BlockKind::kParagraph || block.text.size() > kMaxSignOff) return false;
  return !OpeningOf(CueRole::kSignOff, LowerAscii(TrimView(block.text))).empty();
}

// "If it helps: Zed 0.124.8, M1 Pro Macbook 14, macOS 14.2.1": a paragraph
// that opens as context and names a version; the writer's setup, not what
// to do.
bool ListsTheSetup(const text::Block& block) {
  if (block.kind != text::BlockKind::kParagraph || VersionIn(block.text).empty()) return false;
  return !OpeningOf(CueRole::kContextLeadIn, LowerAscii(TrimView(block.text))).empty();
}

bool IsReferenceParagraph(const Post& post, size_t index) {
  return IsOnlyReferences(post.blocks[index].text, /*allow_keywords=*/true) ||
         TrimView(LowerProse(post, index)).starts_with("duplicate of");
}

bool ExplainsCause(const Post& post, size_t index) {
  static const PhraseSet& kCauseCues = Phrases(CueRole::kExplainsCause);
  std::string_view lower = LowerProse(post, index);
  return MechanismScore(post.blocks[index], lower, false) >= 2 || kCauseCues.AnyIn(lower);
}

// "We'll do build-time resizing, configured by a new `images:` block:": the
// project's plan, not something to do now.
bool AnnouncesPlan(std::string_view lower_sentence) {
  return !OpeningOf(CueRole::kPlanOpener, TrimView(lower_sentence)).empty();
}

// Inline code in a sentence that is neither a question nor a plan.
bool HasCodeOutsideQuestions(const text::Block& block) {
  if (block.code_spans.empty()) return false;
  for (auto [begin, end] : SentenceRanges(block.text)) {
    const std::string_view sentence = std::string_view(block.text).substr(begin, end - begin);
    if (!sentence.ends_with('?') && !AnnouncesPlan(LowerAscii(sentence)) &&
        HasCodeSpanIn(block, begin, end)) {
      return true;
    }
  }
  return false;
}

// A code block right after a paragraph that announces a plan and ends with
// a colon: a sketch of what will be built.
bool SketchesPlan(const Post& post, size_t index) {
  if (index == 0 || !IsProseBlock(post.blocks[index - 1])) return false;
  const std::string_view lower = TrimView(LowerProse(post, index - 1));
  return lower.ends_with(':') && AnnouncesPlan(SentenceAt(lower, lower.size() - 1));
}

// The blocks of a comment that make up its workaround: from the first one
// that offers it or shows code (an explanation of the cause before it is
// left to the root-cause section) to the end, leaving out quotes,
// references and remarks about the real fix.
std::vector<ReportItem> OfferedItems(const Post& post, BlockSet* taken) {
  bool actionable = IsActionable(post);
  size_t start = post.blocks.size();
  for (size_t i = 0; i < post.blocks.size() && start == post.blocks.size(); ++i) {
    const text::Block& block = post.blocks[i];
    bool code = (block.kind == text::BlockKind::kCode && !SketchesPlan(post, i)) ||
                (IsProseBlock(block) && HasCodeOutsideQuestions(block) && !ExplainsCause(post, i));
    if (code || (IsProseBlock(block) &&
                 OffersIn(block, LowerProse(post, i), actionable, CodeFollows(post, i))))
      start = i;
  }
  std::vector<ReportItem> items;
  for (size_t i = start; i < post.blocks.size() && items.size() < kMaxCommentBlocks; ++i) {
    const text::Block& block = post.blocks[i];
    // An e-mail reply's quoted header or signature: the message is over.
    if (IsProseBlock(block) && EndsAnEmail(block.text)) break;
    if (block.kind == text::BlockKind::kQuote || !IsContent(block) || IsSignOff(block) ||
        ListsTheSetup(block)) {
      continue;
    }
    if (block.kind == text::BlockKind::kParagraph &&
        (IsReferenceParagraph(post, i) ||
         (AboutTheRealFix(LowerProse(post, i)) &&
          !OffersIn(block, LowerProse(post, i), actionable, CodeFollows(post, i))))) {
      continue;
    }
    if (!taken->insert({&post, i}).second) continue;
    items.push_back(ItemFromBlock(post, block));
  }
  return items;
}

// A paragraph of an issue's body that tells a workaround: one that names
// it, finds a condition under which it works, or gives a way around it
// until the fix ("Until folder IDs land, rename like this:").
bool TellsWorkaroundInBody(std::string_view lower) {
  static const PhraseSet& kBodyCues = Phrases(CueRole::kBodyWorkaround);
  if (RefersElsewhere(lower)) return false;
  if (StatesCue(lower, kBodyCues) || StatesCue(lower, Phrases(CueRole::kOffer))) return true;
  for (auto [begin, end] : SentenceRanges(lower)) {
    std::string_view sentence = lower.substr(begin, end - begin);
    if (sentence.ends_with('?')) continue;
    if (SaysItWorksWith(sentence) || SaysUntilFixed(sentence) ||
        TrimView(sentence).starts_with("alternatively")) {
      return true;
    }
  }
  return false;
}

// Block `i` and what it introduces: the code right after it, and for a
// paragraph ("rename like this:") the list items too.
void AddIntroduced(const Post& post, size_t i, BlockSet* taken, std::vector<ReportItem>* items) {
  if (!taken->insert({&post, i}).second) return;
  items->push_back(ItemFromBlock(post, post.blocks[i]));
  const bool paragraph = post.blocks[i].kind == text::BlockKind::kParagraph;
  for (size_t next = i + 1; next < post.blocks.size(); ++next) {
    const text::BlockKind kind = post.blocks[next].kind;
    if (kind != text::BlockKind::kCode && (!paragraph || kind != text::BlockKind::kListItem)) break;
    if (taken->insert({&post, next}).second) items->push_back(ItemFromBlock(post, post.blocks[next]));
  }
}

// `decided`, when given, gets what decided it (see OffersIn).
bool OffersWorkaround(const Post& post, std::string* decided = nullptr) {
  // "After upgrading you can delete what you added as a workaround" closes
  // the story; it is not a workaround.
  static const PhraseSet& kFixedCues = Phrases(CueRole::kAlreadyFixed);
  std::string_view prose = post.lower_prose;
  // Most posts hold no cue at all: one pass over the post says so.
  if (!Occurs(post, PostList::kOfferCue)) return false;
  if (kFixedCues.AnyIn(prose)) return false;
  // "…and it crashes on that one too": the writer still has the failure.
  if (Phrases(CueRole::kStillFails).AnyIn(prose)) return false;
  bool actionable = IsActionable(post);
  for (size_t i = 0; i < post.blocks.size(); ++i) {
    if (IsProseBlock(post.blocks[i]) &&
        OffersIn(post.blocks[i], LowerProse(post, i), actionable, CodeFollows(post, i), decided)) {
      return true;
    }
  }
  return false;
}

struct Candidate {
  std::vector<ReportItem> items;
  // A comment whose offered blocks become the items once the candidate is
  // chosen: a long thread can hold hundreds of offers, and only the best
  // few are shown.
  const Post* offer = nullptr;
  // A comment not read yet for an offer: most comments of a long thread
  // offer nothing, and only a candidate that a reply confirms or that could
  // be chosen needs the answer (see Settle).
  const Post* unread = nullptr;
  // The post whose offer (OffersWorkaround) made it a candidate: what
  // decided joins the cue, read only for a candidate that is shown.
  const Post* offered = nullptr;
  std::string_view author;  // a post's, which outlives the candidate
  size_t order = 0;  // position in the threads, to keep thread order on ties
  bool maintainer = false;
  bool from_section = false;
  int confirmations = 0;
  std::string_view rule;  // what found it, the cue of its items: "rule:workaround-section"
  int Score() const { return (maintainer ? 2 : 0) + (from_section ? 1 : 0) + confirmations; }
};

// Reads an unread candidate's comment; whether the candidate holds a
// workaround (items or an offer). One that holds none stays in its list as
// if it had never been added.
bool Settle(Candidate& candidate) {
  if (candidate.unread != nullptr) {
    if (OffersWorkaround(*candidate.unread)) candidate.offer = candidate.offered = candidate.unread;
    candidate.unread = nullptr;
  }
  return candidate.offer != nullptr || !candidate.items.empty();
}

// A maintainer's answer with code that nobody has called a workaround yet:
// it becomes one when the person who asked says it worked. The answer's
// own candidate (an index into the list) may offer a workaround, and then
// the comment counts as that, not as an answer.
struct Answer {
  const Post* post = nullptr;
  std::string_view asker;
  size_t order = 0;
  size_t candidate = 0;
};

// Whether `post` answers the question in `previous` (the post just before
// it, by someone else) with something to run, not with code that shows the
// cause.
bool IsAnswerWithCode(const Post& post, const Post* previous) {
  if (post.comment == nullptr || !IsMaintainer(post.author_association)) return false;
  if (previous == nullptr || previous->author == post.author ||
      previous->lower_prose.find('?') == std::string::npos) {
    return false;
  }
  for (size_t i = 0; i < post.blocks.size(); ++i) {
    const text::Block& block = post.blocks[i];
    if (post.topics[i] == Topic::kRootCause) continue;
    if (block.kind == text::BlockKind::kCode) return true;
    if (IsProseBlock(block) && HasCodeOutsideQuestions(block) && !ExplainsCause(post, i)) {
      return true;
    }
  }
  return false;
}

// A reply in `thread` by `author` confirms what it follows: credits the
// latest workaround above it that someone else offered, or the latest
// answer with code to `author`'s question, whichever came later.
void CreditConfirmation(std::string_view author, size_t first_of_thread,
                        std::vector<Answer>* answers, std::vector<Candidate>* out) {
  size_t earlier = out->size();
  for (size_t k = out->size(); k > first_of_thread; --k) {
    Candidate& candidate = (*out)[k - 1];
    if (candidate.author != author && Settle(candidate)) {
      earlier = k - 1;
      break;
    }
  }
  auto answer = std::find_if(answers->rbegin(), answers->rend(), [&](const Answer& a) {
    return a.asker == author && !Settle((*out)[a.candidate]);
  });
  if (answer != answers->rend() && (earlier == out->size() || answer->order > (*out)[earlier].order)) {
    Candidate promoted;
    promoted.author = answer->post->author;
    promoted.order = answer->order;
    promoted.maintainer = true;
    promoted.confirmations = 1;
    promoted.offer = answer->post;
    promoted.rule = "rule:confirmed-answer";
    answers->erase(std::next(answer).base());
    out->push_back(std::move(promoted));
  } else if (earlier != out->size()) {
    ++(*out)[earlier].confirmations;
  }
}

void CollectWorkarounds(const Thread& thread, size_t* order, BlockSet* taken,
                        std::vector<Candidate>* out) {
  size_t first_of_thread = out->size();
  std::vector<Answer> answers;
  const Post* previous = nullptr;
  for (const Post& post : thread.posts) {
    size_t here = (*order)++;
    // "Confirming the workaround: works" reads like a section; it confirms.
    if (post.comment != nullptr && ConfirmsWorkaround(post)) {
      CreditConfirmation(post.author, first_of_thread, &answers, out);
      previous = &post;
      continue;
    }
    Candidate candidate;
    candidate.author = post.author;
    candidate.order = here;
    candidate.maintainer = IsMaintainer(post.author_association);
    candidate.items = TopicItems(post, Topic::kWorkaround, taken);
    std::erase_if(candidate.items, [](const ReportItem& item) {
      return !item.is_code && AboutTheRealFix(LowerAscii(item.text));
    });
    candidate.from_section = !candidate.items.empty();
    candidate.rule = "rule:workaround-section";
    if (candidate.items.empty() && post.comment != nullptr) {
      candidate.unread = &post;
      candidate.rule = "rule:offered-in-comment";
      if (IsAnswerWithCode(post, previous)) {
        answers.push_back({&post, previous->author, here, out->size()});
      }
    } else if (candidate.items.empty() && OffersWorkaround(post)) {
      // In a body without a workaround heading, only the telling
      // paragraphs, with the steps or code they introduce.
      candidate.rule = "rule:workaround-in-body";
      candidate.offered = &post;
      for (size_t i = 0; i < post.blocks.size(); ++i) {
        if (IsProseBlock(post.blocks[i]) && TellsWorkaroundInBody(LowerProse(post, i))) {
          AddIntroduced(post, i, taken, &candidate.items);
        }
      }
    }
    previous = &post;
    if (!candidate.items.empty() || candidate.unread != nullptr) {
      out->push_back(std::move(candidate));
    }
  }
}

}  // namespace

// Any phrase a workaround offer needs, to rule most posts out in one pass.
const PhraseSet& AnyOfferCue() {
  static const PhraseSet cues =
      PhraseSet::Union({PhraseList(CueRole::kOffer), PhraseList(CueRole::kMeanwhile),
                        PhraseList(CueRole::kUntil), PhraseList(CueRole::kAlternative)});
  return cues;
}

bool BlockOffersWorkaround(const Post& post, size_t index) {
  const text::Block& block = post.blocks[index];
  return OffersIn(block, LowerAscii(block.text), IsActionable(post), CodeFollows(post, index));
}

bool ConfirmsWorkaround(const Post& post) {
  static const PhraseSet& kCues = Phrases(CueRole::kConfirmation);
  static const PhraseSet& kTerse = Phrases(CueRole::kTerseConfirmation);
  static const PhraseSet& kNegations = Phrases(CueRole::kConfirmationNegation);
  std::string_view prose = post.lower_prose;
  if (prose.size() > kMaxConfirmationProse) return false;
  // Inline code may name what worked; a code block is a proposal of its own.
  if (HasKind(post, text::BlockKind::kCode)) return false;
  if (Occurs(post, PostList::kConfirmation) && StatesCue(prose, kCues)) return true;
  return prose.size() <= kTerseReply && StatesCue(prose, kTerse) && !kNegations.AnyIn(prose);
}

std::vector<ReportItem> ExtractWorkarounds(const Thread& root,
                                           const std::vector<const Thread*>& related) {
  std::vector<Candidate> candidates;
  size_t posts = root.posts.size();
  for (const Thread* thread : related) posts += thread->posts.size();
  // At most one per post: a confirmation adds none, or the answer it credits.
  candidates.reserve(posts);
  BlockSet taken;
  size_t order = 0;
  CollectWorkarounds(root, &order, &taken, &candidates);
  for (const Thread* thread : related) CollectWorkarounds(*thread, &order, &taken, &candidates);
  // Best first, thread order on ties. The candidates are ranked by a key
  // instead of moved: a long thread holds thousands, each with its items.
  // A promoted answer shares its order: the index keeps the sort stable.
  std::vector<std::pair<int, size_t>> ranked;  // (-score, index)
  ranked.reserve(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) ranked.emplace_back(-candidates[i].Score(), i);
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const size_t a_order = candidates[a.second].order;
    const size_t b_order = candidates[b.second].order;
    return a_order != b_order ? a_order < b_order : a.second < b.second;
  });
  // A reader acts on the best few; a long thread can offer hundreds.
  std::vector<ReportItem> items;
  size_t chosen = 0;
  for (const auto& [negative_score, index] : ranked) {
    Candidate& candidate = candidates[index];
    if (chosen == kMaxWorkarounds) break;
    if (!Settle(candidate)) continue;
    if (candidate.offer != nullptr) candidate.items = OfferedItems(*candidate.offer, &taken);
    if (candidate.items.empty()) continue;
    ++chosen;
    // "rule:offered-in-comment (offer: as a workaround)".
    std::string cue(candidate.rule);
    if (std::string decided; candidate.offered != nullptr &&
                             OffersWorkaround(*candidate.offered, &decided) && !decided.empty()) {
      cue += " (" + decided + ")";
    }
    for (ReportItem& item : candidate.items) {
      item.confirmations = candidate.confirmations;
      item.cue = cue;
      items.push_back(std::move(item));
    }
  }
  return items;
}

void EndBeforeWaiting(std::vector<ReportItem>* items) {
  static const PhraseSet& kWait = Phrases(CueRole::kWaitInstead);
  for (ReportItem& item : *items) {
    if (item.is_code) continue;
    const std::string lower = LowerAscii(item.text);
    if (!kWait.AnyIn(lower)) continue;
    bool first = true;
    for (auto [begin, end] : SentenceRanges(lower)) {
      if (!first && kWait.AnyIn(std::string_view(lower).substr(begin, end - begin))) {
        item.text = std::string(TrimView(std::string_view(item.text).substr(0, begin)));
        break;
      }
      first = false;
    }
  }
}

}  // namespace issuegraph::analyze
