// The phrase lists of PostList, in its order, searched in one pass.
#include <cstdint>
#include <string_view>

#include "analyze/answer.h"
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
      &RootCausePhrase(),
      &NamesUpgradeWords(),
      &WorksWords(),
      &AfterFixWords(),
      &ObsoleteWords(),
  });
  return kLists.Occurring(lower_prose);
}

}  // namespace issuegraph::analyze
