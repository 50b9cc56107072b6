// Scoring sentences by the cue table's scored roles (cue_lists.h): the
// phrases that make a sentence state a root cause, a fix, a workaround, or
// a duplicate, each with a weight. A sentence's score for a section is the
// sum of the weights of the section's phrases it contains (HasPhrase's word
// rule), plus a bonus for a maintainer's post; a negative weight is a veto
// ("please send a reproduction" is no cause, "+1" no workaround). A new
// phrasing is a new row and a test. Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/prose.h"
#include "analyze/thread.h"
#include "model/report.h"

namespace issuegraph::analyze {

enum class CueSection { kRootCause, kFix, kWorkaround, kDuplicate };

struct Cue {
  CueSection section;
  std::string_view phrase;  // lower case
  int weight;               // > 0 evidence, < 0 veto
};

// Every scored row of the cue table, in its order.
std::span<const Cue> CueTable();

// A score of at least this states the section's fact.
inline constexpr int kCueAccept = 2;

// The score of one sentence (lower-cased) for `section`; `maintainer`
// adds one when some positive cue occurs. A question scores 0.
int CueScore(CueSection section, std::string_view lower_sentence, bool maintainer);

// The positive phrases of `section`, as one set (see PostList).
const PhraseSet& CuePositives(CueSection section);

// The PostList of `section`'s positive phrases.
constexpr PostList CueList(CueSection section) {
  return static_cast<PostList>(static_cast<unsigned>(PostList::kCueRootCause) +
                               static_cast<unsigned>(section));
}
static_assert(CueList(CueSection::kFix) == PostList::kCueFix &&
              CueList(CueSection::kWorkaround) == PostList::kCueWorkaround &&
              CueList(CueSection::kDuplicate) == PostList::kCueDuplicate);

// The phrase of the row that weighs most in `lower_sentence` for
// `section`: which cue produced an item. Empty when none occurs.
std::string_view StrongestCue(CueSection section, std::string_view lower_sentence);

// Sentences of the thread's prose (paragraphs and list items, not quotes)
// whose score reaches kCueAccept, as items, in order, at most `limit`;
// each item's `cue` is the sentence's StrongestCue.
std::vector<ReportItem> CueSentences(const Thread& thread, CueSection section, size_t limit = 6);

// Items of `cued` that say something `items` does not (neither text holds
// the other), appended to `items`.
void AddNewItems(std::vector<ReportItem> cued, std::vector<ReportItem>* items);

// Drops prose items that a veto of `section` rules out, or that ask a
// question; code items stay.
void DropVetoed(CueSection section, std::vector<ReportItem>* items);

}  // namespace issuegraph::analyze
