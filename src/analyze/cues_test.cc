#include "analyze/cues.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "analyze/prose.h"

namespace issuegraph::analyze {
namespace {

int Score(CueSection section, std::string_view sentence, bool maintainer = false) {
  return CueScore(section, LowerAscii(sentence), maintainer);
}

TEST(Cues, EveryRowIsLowerCaseAndUniqueInItsSection) {
  std::set<std::pair<int, std::string>> seen;
  for (const Cue& cue : CueTable()) {
    EXPECT_EQ(LowerAscii(cue.phrase), cue.phrase);
    EXPECT_NE(cue.weight, 0) << cue.phrase;
    EXPECT_TRUE(seen.insert({static_cast<int>(cue.section), std::string(cue.phrase)}).second)
        << "twice: " << cue.phrase;
  }
}

// The pre-check may skip a post only when no sentence of it could score:
// every row's phrase (and so every accepted sentence) passes it.
TEST(Cues, ThePreCheckNeverSkipsWhatWouldScore) {
  for (const Cue& cue : CueTable()) {
    if (cue.weight <= 0) continue;
    const std::string sentence = "well, " + std::string(cue.phrase) + " here.";
    EXPECT_TRUE(MayCue(cue.section, sentence)) << cue.phrase;
  }
  for (CueSection section : {CueSection::kRootCause, CueSection::kFix, CueSection::kWorkaround,
                             CueSection::kDuplicate}) {
    const std::string_view plain = "the nightly sync crashes after the upgrade on every second run.";
    EXPECT_LT(CueScore(section, plain, /*maintainer=*/true), kCueAccept);
    EXPECT_FALSE(MayCue(section, plain)) << static_cast<int>(section);
  }
  // A veto alone ("+1") never passes for a workaround.
  EXPECT_FALSE(MayCue(CueSection::kWorkaround, "+1"));
}

TEST(Cues, CauseStatedAsFactCountsARequestDoesNot) {
  EXPECT_GE(Score(CueSection::kRootCause, "This plugin is not supported on Windows."), kCueAccept);
  EXPECT_GE(Score(CueSection::kRootCause, "It happens when I upgrade Docker without a restart."),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kRootCause, "That's because the libraries are not linked properly."),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause,
                  "This could be caused by many things, please send a reproduction.", true),
            0);
  EXPECT_EQ(Score(CueSection::kRootCause, "Any idea what might cause it?"), 0);
}

TEST(Cues, SuccessReportsAreWorkaroundsPlusOnesAreNot) {
  EXPECT_GE(Score(CueSection::kWorkaround, "Removing the lock file did the trick."), kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "In the end that got it working :)"), kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "Could you try downloading Gradle 5.2.1 and running it?"),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kWorkaround, "+1"), 0);
  EXPECT_LT(Score(CueSection::kWorkaround, "same here, getting the same crap"), 0);
  EXPECT_LT(Score(CueSection::kWorkaround, "It did not work for me, even after restarting."), 0);
}

TEST(Cues, FixesInWordsAndHedges) {
  EXPECT_GE(Score(CueSection::kFix, "Fixed with #56", true), kCueAccept);
  EXPECT_GE(Score(CueSection::kFix, "Sorry for the delay, 1.3.1 is out", true), kCueAccept);
  EXPECT_LT(Score(CueSection::kFix, "Haven't seen it; closing until I can reproduce it.", true),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kFix, "Maybe I should add some small thing to fix this.", true),
            kCueAccept);
}

TEST(Cues, DuplicateInWordsButNotAHedgedOne) {
  EXPECT_GE(Score(CueSection::kDuplicate, "This is a duplicate of https://x/y/issues/1, closing."),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kDuplicate, "Closing this in favor of #9755."), kCueAccept);
  EXPECT_LT(Score(CueSection::kDuplicate, "Likely the same as #95, a duplicate of it maybe."),
            kCueAccept);
}

TEST(Cues, StrongestCueNamesTheRow) {
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "removing it did the trick"), "did the trick");
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "nothing here"), "");
}

TEST(Cues, DropVetoedKeepsCodeAndDropsPlusOnes) {
  std::vector<ReportItem> items(3);
  items[0].text = "+1";
  items[1].text = "rm -rf node_modules";
  items[1].is_code = true;
  items[2].text = "Pin typescript to 2.5.2 until the fix ships.";
  DropVetoed(CueSection::kWorkaround, &items);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].is_code);
}

TEST(Cues, AddNewItemsSkipsWhatIsSaid) {
  std::vector<ReportItem> items(1);
  items[0].text = "Go back to 2.5.2 and it should work.";
  std::vector<ReportItem> cued(2);
  cued[0].text = "Go back to 2.5.2";
  cued[1].text = "Delete yarn.lock";
  AddNewItems(std::move(cued), &items);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].text, "Delete yarn.lock");
}

}  // namespace
}  // namespace issuegraph::analyze
