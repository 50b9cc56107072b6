// The phrase lists of PostList, in its order, searched in one pass.
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>

#include "analyze/cue_lists.h"
#include "analyze/cues.h"
#include "analyze/prose.h"
#include "analyze/root_cause.h"
#include "analyze/thread.h"
#include "analyze/workaround.h"

namespace issuegraph::analyze {

namespace {

// In PostList's order.
std::span<const PhraseSet* const> Lists() {
  static const PhraseSet* const kLists[] = {
      &CuePositives(CueSection::kRootCause),
      &CuePositives(CueSection::kFix),
      &CuePositives(CueSection::kWorkaround),
      &CuePositives(CueSection::kDuplicate),
      &AnyOfferCue(),
      &AnyCausePhrase(),
      &BodyCausePhrases(),
      &Phrases(CueRole::kRootCause),
      &Phrases(CueRole::kNamesUpgrade),
      &Phrases(CueRole::kWorks),
      &Phrases(CueRole::kAfterFix),
      &Phrases(CueRole::kObsolete),
      &Phrases(CueRole::kConfirmation),
      &Phrases(CueRole::kSaysFixed),
      &Phrases(CueRole::kReleaseNamed),
      &Phrases(CueRole::kReleaseWhen),
      &Phrases(CueRole::kUpgradeAdvice),
      &Phrases(CueRole::kTrackedElsewhere),
  };
  static_assert(std::size(kLists) == static_cast<size_t>(PostList::kTrackedElsewhere) + 1,
                "one list per PostList, in its order");
  return kLists;
}

}  // namespace

uint32_t PostListsIn(std::string_view lower_prose) {
  static const PhraseLists kLists(Lists());
  return kLists.Occurring(lower_prose);
}

const PhraseSet& PostListPhrases(PostList list) { return *Lists()[static_cast<size_t>(list)]; }

}  // namespace issuegraph::analyze
