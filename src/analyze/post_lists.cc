// The phrase lists of PostList, in its order, searched in one pass.
#include <cstdint>
#include <string_view>

#include "analyze/cue_lists.h"
#include "analyze/cues.h"
#include "analyze/prose.h"
#include "analyze/root_cause.h"
#include "analyze/thread.h"
#include "analyze/workaround.h"

namespace issuegraph::analyze {

uint32_t PostListsIn(std::string_view lower_prose) {
  static const PhraseLists kLists = PhraseLists({
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
  });
  return kLists.Occurring(lower_prose);
}

}  // namespace issuegraph::analyze
