#include "analyze/cue_lists.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "analyze/errors.h"
#include "analyze/root_cause.h"
#include "analyze/status.h"
#include "analyze/test_graphs.h"
#include "analyze/workaround.h"
#include "model/ascii.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;

std::vector<CueRole> AllRoles() {
  std::vector<CueRole> roles;
  for (unsigned role = 0; role < kCueRoleCount; ++role) roles.push_back(static_cast<CueRole>(role));
  return roles;
}

TEST(CueLists, EveryPhraseIsLowerCaseAndNonEmpty) {
  for (const CueListRow& row : CueListTable()) {
    EXPECT_FALSE(row.phrase.empty());
    // The rules match lower-cased text; a leading blank would never match
    // at a sentence's start.
    EXPECT_EQ(LowerAscii(row.phrase), row.phrase);
    EXPECT_FALSE(row.phrase.starts_with(' ')) << '"' << row.phrase << '"';
  }
}

TEST(CueLists, OnlyScoredRolesCarryWeights) {
  for (const CueListRow& row : CueListTable()) {
    EXPECT_EQ(IsScored(row.role), row.weight != 0) << '"' << row.phrase << '"';
  }
}

// A role read at a text's opening counts there and nowhere else.
TEST(CueLists, AnOpeningRolesPhrasesCountOnlyAtTheOpening) {
  int opening_roles = 0;
  for (CueRole role : AllRoles()) {
    if (PositionOf(role) != CuePosition::kOpening) continue;
    ++opening_roles;
    for (std::string_view phrase : PhraseList(role)) {
      const std::string text(phrase);
      // The first phrase in table order the text opens with: this one or
      // a shorter one ("this change" before "this changes").
      const std::string_view found = OpeningOf(role, text + "the rest");
      EXPECT_FALSE(found.empty()) << phrase;
      EXPECT_TRUE(phrase.starts_with(found)) << phrase << " found " << found;
      EXPECT_EQ(OpeningOf(role, "zq " + text + "the rest"), "") << phrase;
    }
  }
  EXPECT_EQ(opening_roles, 10);
}

TEST(CueLists, ACueNamesTheFirstRowInTableOrderThatTheTextHolds) {
  const std::string_view first = PhraseList(CueRole::kUpgradedTo).front();
  const std::string text = "so " + std::string(first) + " 2.0 today";
  EXPECT_EQ(FirstPhrase(CueRole::kUpgradedTo, text), first);
  EXPECT_EQ(RuleWithPhrase("rule:x", CueRole::kUpgradedTo, text),
            "rule:x (" + std::string(first) + ")");
  EXPECT_EQ(FirstPhrase(CueRole::kUpgradedTo, "nothing here"), "");
  EXPECT_EQ(RuleWithPhrase("rule:x", CueRole::kUpgradedTo, "nothing here"), "rule:x");
}

TEST(CueLists, NoPhraseRepeatsWithinARole) {
  for (CueRole role : AllRoles()) {
    std::set<std::string_view> seen;
    for (std::string_view phrase : PhraseList(role)) {
      EXPECT_TRUE(seen.insert(phrase).second)
          << "role " << static_cast<unsigned>(role) << " repeats \"" << phrase << '"';
    }
  }
}

TEST(CueLists, EveryRoleHasContiguousRowsInTableOrder) {
  std::set<unsigned> closed;
  unsigned previous = kCueRoleCount;
  std::vector<std::vector<std::string_view>> rows(kCueRoleCount);
  for (const CueListRow& row : CueListTable()) {
    auto role = static_cast<unsigned>(row.role);
    ASSERT_LT(role, kCueRoleCount);
    if (role != previous) {
      EXPECT_TRUE(closed.insert(role).second) << "role " << role << " is split in the table";
      previous = role;
    }
    rows[role].push_back(row.phrase);
  }
  for (CueRole role : AllRoles()) {
    auto index = static_cast<unsigned>(role);
    EXPECT_FALSE(rows[index].empty()) << "role " << index << " has no row";
    std::span<const std::string_view> list = PhraseList(role);
    EXPECT_EQ(std::vector<std::string_view>(list.begin(), list.end()), rows[index]);
    EXPECT_EQ(std::vector<std::string>(rows[index].begin(), rows[index].end()),
              Phrases(role).phrases());
  }
}

// A thread whose first comment, by `association`, says `text`.
struct OneComment {
  explicit OneComment(const std::string& text, const std::string& association = "NONE") {
    builder.Issue("acme/app#1", "Crash", "It crashes on start.");
    builder.Say("acme/app#1", "lee", association, text);
  }
  Thread Read() { return ReadThread(*builder.graph().FindMutable("acme/app#1")); }
  GraphBuilder builder{"acme/app#1"};
};

// Every phrase of the list a rule reads makes it accept a sentence that it
// rejects without one: a new row is a new phrasing the rule understands.

TEST(CueLists, OfferPhrasesOfferAWorkaround) {
  auto offers = [](const std::string& text) {
    OneComment comment(text);
    Thread thread = comment.Read();
    return BlockOffersWorkaround(thread.posts[1], 0);
  };
  EXPECT_FALSE(offers("Ok, the old build on the server."));
  for (std::string_view phrase : PhraseList(CueRole::kOffer)) {
    EXPECT_TRUE(offers("Ok, " + std::string(phrase) + " the old build on the server."))
        << phrase;
  }
}

TEST(CueLists, ConfirmationPhrasesConfirm) {
  auto confirms = [](const std::string& text) {
    OneComment comment(text);
    Thread thread = comment.Read();
    return ConfirmsWorkaround(thread.posts[1]);
  };
  EXPECT_FALSE(confirms("Thanks for looking at it, I will report back tomorrow."));
  for (std::string_view phrase : PhraseList(CueRole::kConfirmation)) {
    EXPECT_TRUE(confirms("Thanks, " + std::string(phrase) + " on my laptop as well.")) << phrase;
  }
}

TEST(CueLists, RemedyPhrasesMakeARemedySentence) {
  EXPECT_FALSE(IsRemedySentence("the loader reads the cache twice"));
  for (std::string_view phrase : PhraseList(CueRole::kRemedy)) {
    EXPECT_TRUE(IsRemedySentence("so " + std::string(phrase) + " set the flag")) << phrase;
  }
}

TEST(CueLists, SaysFixedPhrasesAndTheirHedges) {
  auto says_fixed = [](const std::string& text) {
    OneComment comment(text, "MEMBER");
    return MaintainerSaysFixed(comment.Read()).post != nullptr;
  };
  EXPECT_FALSE(says_fixed("Thanks, it crashes here too on 2.0."));
  for (std::string_view phrase : PhraseList(CueRole::kSaysFixed)) {
    EXPECT_TRUE(says_fixed("The crash " + std::string(phrase) + " 2.0.")) << phrase;
  }
  for (std::string_view hedge : PhraseList(CueRole::kHedge)) {
    EXPECT_FALSE(says_fixed("The crash " + std::string(hedge) + " be fixed in 2.0.")) << hedge;
  }
}

TEST(CueLists, ErrorLeadInsMakeOutputAnError) {
  static text::Blocks kept;
  text::Block output;
  output.kind = text::BlockKind::kCode;
  output.text = kept.Keep("Added credential #2: \"oauth-2\"");
  output.fenced = true;
  EXPECT_FALSE(IsErrorBlock(output, "Then the tool prints:", false));
  for (std::string_view phrase : PhraseList(CueRole::kErrorLeadIn)) {
    EXPECT_TRUE(IsErrorBlock(output, "Then the tool " + std::string(phrase) + ":", false))
        << phrase;
  }
}

}  // namespace
}  // namespace issuegraph::analyze
