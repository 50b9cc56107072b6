// The cue table: every phrase the rules read in prose to tell what a
// sentence says (a cause, a fix, a workaround, a confirmation, a plan, a
// setup…), one reviewed table grouped by section (cue_rows_*.cc). A row
// names its role (the list a rule reads), its phrase, and, for the scored
// roles of cues.h, its weight; a role's position says where in a sentence
// its phrases count (anywhere, with HasPhrase's word rule, or as its
// opening). A rule names the list it reads by its CueRole; a new phrasing
// is a new row and a test. Lists that recognise machine output (error
// lines, shell prompts, log levels) stay beside the code that parses it.
// Built once, read-only; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "analyze/prose.h"

namespace issuegraph::analyze {

// One list per role, named for what the rule does with a phrase of it.
enum class CueRole : unsigned {
  // Scored (cues.cc): a sentence's score for a section is the sum of the
  // weights of its phrases; weight 2 states the fact alone, 1 needs a
  // second cue or a maintainer's voice, a negative weight is a veto.
  kScoreRootCause,
  kScoreFix,
  kScoreWorkaround,
  kScoreDuplicate,
  kAdviceQuestion,  // a question's opening that gives advice ("could you try")
  // Workaround (workaround.cc).
  kOffer,                 // offers a workaround outright
  kMeanwhile,             // a workaround when someone can act on it
  kUntil,                 // the other phrases an offer needs (with kOffer, kMeanwhile)
  kSuccess,               // the writer tried it and it worked
  kUntilEvent,            // "until the fix ships": the event after "until"/"before"
  kPastEvent,             // "before the fix landed": an event already past
  kWorksUnder,            // "with X it works"
  kSpared,                // "with X it never crashes"
  kWorksNegation,         // "with X it still does not work"
  kWorksCondition,        // a sentence's opening that sets the condition ("with ", "if i ")
  kPointer,               // points elsewhere ("see #40")
  kKnownWorkaround,       // speaks of a workaround already given
  kRealFix,               // about the real fix, not a workaround
  kExplainsCause,         // a paragraph with code that explains the cause
  kPlanOpener,            // a sentence's opening that announces the project's plan
  kBodyWorkaround,        // names a workaround in an issue's body
  kAlreadyFixed,          // the post says the fix is out: no workaround offered
  kStillFails,            // the post says the failure still happens: no workaround offered
  kContextLeadIn,         // a paragraph's opening that gives context ("if it helps:")
  kSignOff,               // a short paragraph's opening that closes a letter ("best,")
  kConfirmation,          // a reply that says the workaround worked
  kTerseConfirmation,     // the same, in a reply of a few words
  kConfirmationNegation,  // rules a terse confirmation out
  kInvitesWork,           // asks for a contribution instead of offering one
  kAlternative,           // a lead-in over code that offers another way ("cleaner")
  kWaitInstead,           // waiting for the fix, offered as the other choice: not part of an offer
  // Root cause (root_cause.cc).
  kRemedy,      // a sentence that says what to do, not why
  kRootCause,   // "root cause": anyone's word
  kCause,       // a cause phrase of a maintainer or the body
  kBecause,     // a maintainer's "because"
  kFoundCause,  // says a cause was found, without stating it
  kGuess,       // a guess: a reporter's cause sentence with one states no cause
  kFixCause,    // a merged fix's description saying why
  kMechanism,   // what the code did: verbs of a mechanism
  // Fix and remedy (remedy.cc).
  kChangeOpening,  // a paragraph's opening that says what a pull changes
  kAboutTests,     // a first sentence about tests, not the change
  kReleaseWhen,    // a maintainer's word on when the fix ships
  kBackport,       // a pull that backports a fix
  kFixOptions,     // an expected-behaviour section that proposes fixes
  // Status (status.cc).
  kReleaseNamed,      // a maintainer names the release with the fix
  kPartialFix,        // a pull's "part of #N": fixes part of the issue
  kSaysFixed,         // a maintainer says it is fixed
  kHedge,             // rules a kSaysFixed sentence out
  kNamesClosingPull,  // a sentence's opening that names the pull that closed it ("closed by #")
  kUpgradeAdvice,     // after "it is fixed", the release to take
  kTrackedElsewhere,  // the problem is tracked in another project's item
  // The answer (answer.cc).
  kUpgradedTo,    // someone moved to a release
  kStillBroken,   // rules an upgrade's confirmation out
  kNamesUpgrade,  // a post names an upgrade at all (quick pre-check)
  kWorks,         // it works now
  kAfterFix,      // after the fix, the workaround can go
  kObsolete,      // the workaround is no longer needed
  // Description (describe.cc).
  kRunLeadIn,          // a lead-in that introduces something to run
  kOutputLeadIn,       // a lead-in that introduces output instead
  kTrigger,            // a sentence that says what brings the failure on
  kStepsLeadIn,        // a paragraph that introduces the steps after it
  kReproductionLabel,  // a bullet's label that marks the way to reproduce
  kDecision,           // a maintainer's decision or plan
  kExpectation,        // a paragraph's opening that states what was expected
  // Environment (environment.cc).
  kSetupOpening,  // a sentence's opening that introduces the setup
  // Errors (errors.cc).
  kErrorLeadIn,  // a lead-in that introduces an error's output
  kQuotedError,  // a sentence that quotes a tool's message in quotation marks
};

// One phrase of a role's list.
struct CueListRow {
  CueRole role;
  std::string_view phrase;
  int weight = 0;  // scored roles only: > 0 evidence, < 0 veto
};

// Where a role's phrases count in the text a rule gives them.
enum class CuePosition : uint8_t {
  kAnywhere,  // HasPhrase's word rule, anywhere
  kOpening,   // the text opens with the phrase (a trailing space is part of it)
};

constexpr CuePosition PositionOf(CueRole role) {
  switch (role) {
    case CueRole::kAdviceQuestion:
    case CueRole::kWorksCondition:
    case CueRole::kPlanOpener:
    case CueRole::kChangeOpening:
    case CueRole::kReproductionLabel:
    case CueRole::kExpectation:
    case CueRole::kSetupOpening:
    case CueRole::kContextLeadIn:
    case CueRole::kSignOff:
    case CueRole::kNamesClosingPull:
      return CuePosition::kOpening;
    default:
      return CuePosition::kAnywhere;
  }
}

// Whether the role's rows carry weights (cues.h).
constexpr bool IsScored(CueRole role) {
  return role == CueRole::kScoreRootCause || role == CueRole::kScoreFix ||
         role == CueRole::kScoreWorkaround || role == CueRole::kScoreDuplicate;
}

// Every row, in the table's order: a role's rows are contiguous.
std::span<const CueListRow> CueListTable();

// The number of roles (the last CueRole plus one).
inline constexpr unsigned kCueRoleCount = static_cast<unsigned>(CueRole::kQuotedError) + 1;

// The phrases of `role`, in the table's order.
std::span<const std::string_view> PhraseList(CueRole role);

// The phrases of `role` as one set (PhraseList's order).
const PhraseSet& Phrases(CueRole role);

// For a role of CuePosition::kOpening: the phrase `text` opens with (the
// first in table order), or empty.
std::string_view OpeningOf(CueRole role, std::string_view text);

// The first phrase of `role`'s list (in table order) that `lower` holds,
// with HasPhrase's rule; empty when none: which row decided.
std::string_view FirstPhrase(CueRole role, std::string_view lower);

// An item's cue: `rule`, and FirstPhrase after it when there is one:
// "rule:upgrade-confirmed (upgraded to)".
std::string RuleWithPhrase(std::string_view rule, CueRole role, std::string_view lower);

}  // namespace issuegraph::analyze
