#include "analyze/cues.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "analyze/analyzer.h"
#include "analyze/prose.h"
#include "analyze/test_graphs.h"

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

// The pre-check (a post's PostList bit, found by ReadThread) may skip a
// post only when no sentence of it could score: every row's phrase (and so
// every accepted sentence) passes it.
// Whether the post pre-check lets a post of this text through for `section`.
bool MayCue(CueSection section, std::string_view lower) {
  return (PostListsIn(lower) >> static_cast<unsigned>(CueList(section)) & 1) != 0;
}

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

// A post's bit for a list is its phrases' AnyOccurs, found for all lists
// in one pass: passes over the thread read the bit instead of the prose.
TEST(PostLists, EachBitIsItsListsAnyOccurs) {
  const std::string_view texts[] = {"the nightly sync crashes after the upgrade.",
                                    "we fixed it in 2.6.2, thanks for confirming it works now.",
                                    "this will be released in 1.4.0; it was caused by the cache."};
  for (unsigned list = 0; list <= static_cast<unsigned>(PostList::kTrackedElsewhere); ++list) {
    const PhraseSet& phrases = PostListPhrases(static_cast<PostList>(list));
    ASSERT_FALSE(phrases.phrases().empty()) << list;
    for (const std::string& phrase : phrases.phrases()) {
      EXPECT_NE(PostListsIn("so " + phrase + " here") >> list & 1, 0u) << phrase;
    }
    for (std::string_view text : texts) {
      EXPECT_EQ((PostListsIn(text) >> list & 1) != 0, phrases.AnyOccurs(text)) << list << text;
    }
  }
}

TEST(Cues, SuccessReportsAndMissingPieces) {
  EXPECT_GE(Score(CueSection::kWorkaround, "I put the line after the COPY and now it runs fine."),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "In the end I reinstalled R and it works."), kCueAccept);
  EXPECT_LT(Score(CueSection::kWorkaround, "I reinstalled it twice."), kCueAccept);
  EXPECT_GE(Score(CueSection::kRootCause, "The operator has to be installed for this."),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kRootCause, "Probably due to #13821.", /*maintainer=*/true),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause, "Probably due to #13821."), kCueAccept);
}

TEST(Cues, WhereACauseComesFromIsNotACauseUntilSomeoneSays) {
  EXPECT_GE(Score(CueSection::kRootCause, "It comes from the proxy stripping the header."),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause, "We can't tell yet where it comes from."), kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause, "I cannot tell what this comes from."), kCueAccept);
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
  // A maintainer's word makes "a bug in" or "isn't a bug" a cause; a reporter's does not.
  EXPECT_GE(Score(CueSection::kRootCause, "Yes, this looks like a bug in Julia 1.10.3:", true),
            kCueAccept);
  EXPECT_GE(
      Score(CueSection::kRootCause, "It prints the pinned version, so this isn't a bug.", true),
      kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause, "I think I found a bug in the parser."), kCueAccept);
  EXPECT_GE(Score(CueSection::kRootCause, "You're missing the last one on that list:", true),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kRootCause, "Without it the server was broken, since it uses it."),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause, "I don't know why the file was not replaced.", true), 0);
  EXPECT_GE(Score(CueSection::kRootCause, "Yes, that PR did remove `_update_package_paths`.", true),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kRootCause, "The reviewer no longer crashes the app.", true), 0);
  // A reporter's guess is no cause; a maintainer's hedged word is.
  EXPECT_EQ(Score(CueSection::kRootCause, "@lee maybe is caused by the symbol \"!\"."), 0);
  EXPECT_GE(Score(CueSection::kRootCause, "Maybe you hit a bug in the new SDK 1.1.0.", true),
            kCueAccept);
}

TEST(Cues, SuccessReportsAreWorkaroundsPlusOnesAreNot) {
  EXPECT_GE(Score(CueSection::kWorkaround, "Removing the lock file did the trick."), kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "In the end that got it working :)"), kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "Could you try downloading Gradle 5.2.1 and running it?"),
            kCueAccept);
  // A maintainer's advice asked after a greeting.
  EXPECT_GE(Score(CueSection::kWorkaround, "Hi, could you give the dev branch a try?", true),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kWorkaround, "I gave the dev branch a try."), kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround,
                  "Other options would be to put `COMPOSER_MEMORY_LIMIT=-1` in front of it.", true),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "Switching to 0.3.0 made it work."), kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "To get past it I had to run `mkdir elm-stuff`."),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kWorkaround, "So the current Leiningen (2.5.3) might help.", true),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kWorkaround, "Closing this for now, reopen if it still happens."), 0);
  EXPECT_LT(Score(CueSection::kWorkaround, "+1"), 0);
  EXPECT_LT(Score(CueSection::kWorkaround, "same here, getting the same crap"), 0);
  EXPECT_LT(Score(CueSection::kWorkaround, "It did not work for me, even after restarting."), 0);
}

TEST(Cues, FixesInWordsAndHedges) {
  EXPECT_GE(Score(CueSection::kFix, "Fixed with #56", true), kCueAccept);
  EXPECT_GE(Score(CueSection::kFix, "Sorry for the delay, 1.3.1 is out", true), kCueAccept);
  EXPECT_GE(
      Score(CueSection::kFix, "master has the fix, and it will be in the next release.", true),
      kCueAccept);
  EXPECT_LT(Score(CueSection::kFix, "Haven't seen it; closing until I can reproduce it.", true),
            kCueAccept);
  EXPECT_LT(Score(CueSection::kFix, "Maybe I should add some small thing to fix this.", true),
            kCueAccept);
}

TEST(Cues, DuplicateInWordsButNotAHedgedOne) {
  EXPECT_GE(Score(CueSection::kDuplicate, "This is a duplicate of https://x/y/issues/1, closing."),
            kCueAccept);
  EXPECT_GE(Score(CueSection::kDuplicate, "Closing this in favor of #9755."), kCueAccept);
  EXPECT_GE(Score(CueSection::kDuplicate, "Dup #639"), kCueAccept);
  EXPECT_LT(Score(CueSection::kDuplicate, "Likely the same as #95, a duplicate of it maybe."),
            kCueAccept);
}

TEST(Cues, StrongestCueNamesTheRow) {
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "removing it did the trick"), "did the trick");
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "nothing here"), "");
}

TEST(Cues, StrongestCueIsTheHeaviestPositiveRowOfItsSection) {
  // "this happens because" weighs 3, "happens because" 2; "adding" 1.
  EXPECT_EQ(StrongestCue(CueSection::kRootCause, "this happens because the cache is stale"),
            "this happens because");
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "adding the flag did the trick"),
            "did the trick");
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "adding the flag"), "adding");
  // A veto produces nothing; another section's row is not this one's cue.
  EXPECT_EQ(StrongestCue(CueSection::kWorkaround, "+1, same here"), "");
  EXPECT_EQ(StrongestCue(CueSection::kFix, "removing it did the trick"), "");
  // Every positive row is named by a sentence that holds it, or is
  // outweighed by a row of its section that the sentence holds too.
  for (const Cue& cue : CueTable()) {
    if (cue.weight <= 0) continue;
    const std::string sentence = "well, " + std::string(cue.phrase) + " here";
    const std::string_view named = StrongestCue(cue.section, sentence);
    ASSERT_FALSE(named.empty()) << cue.phrase;
    EXPECT_TRUE(HasPhrase(sentence, named)) << cue.phrase;
    for (const Cue& row : CueTable()) {
      if (row.section == cue.section && row.phrase == named) {
        EXPECT_GE(row.weight, cue.weight) << cue.phrase;
      }
    }
  }
}

TEST(Cues, AShortReplyAboutSomeoneElsesOfferNamesNoWorkaround) {
  testing::GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes on start.");
  b.Say("acme/app#12", "ann", "NONE", "That did it for me.");
  b.Say("acme/app#12", "bo", "NONE", "Removing the lock did it for me.");
  const Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_EQ(testing::Texts(CueSentences(thread, CueSection::kWorkaround)),
            std::vector<std::string>{"Removing the lock did it for me."});
}

TEST(Cues, AShortReportThatNamesWhatItDidIsItsOwnItem) {
  testing::GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Plan fails",
          "```\n$ tf plan\nError: Unsupported argument\n```\n\nSwitching to 0.3.0 made it work.");
  const Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_EQ(testing::Texts(CueSentences(thread, CueSection::kWorkaround)),
            std::vector<std::string>{"Switching to 0.3.0 made it work."});
}

TEST(Cues, AClosingNoteThatAsksForNewsIsNoOffer) {
  std::vector<ReportItem> glad(1);
  glad[0].text = "Glad you got it working. I don't know why it was not replaced.";
  DropVetoed(CueSection::kWorkaround, &glad);
  EXPECT_TRUE(glad.empty());
  std::vector<ReportItem> items(1);
  items[0].text =
      "Closing as there has been no update. If you can still reproduce this in the "
      "latest version, you can comment here.";
  DropVetoed(CueSection::kWorkaround, &items);
  EXPECT_TRUE(items.empty());
}

TEST(Cues, AFixIsTakenOnceFromAParagraph) {
  testing::GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes on start.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "I had already fixed this and shipped a fix. When we merged we noticed it was fixed "
        "already.\n\nIt was fixed in 2.1 as well.");
  const Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  const std::vector<ReportItem> fixes = CueSentences(thread, CueSection::kFix);
  ASSERT_EQ(fixes.size(), 2u);
  EXPECT_EQ(fixes[0].text, "I had already fixed this and shipped a fix.");
  EXPECT_EQ(fixes[1].text, "It was fixed in 2.1 as well.");
}

TEST(Cues, EachCueSentenceNamesItsStrongestCue) {
  testing::GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes on start.");
  b.Say("acme/app#12", "ann", "NONE", "Adding the flag did the trick.");
  b.Say("acme/app#12", "lee", "MEMBER", "This happens because the cache is stale.");
  b.Say("acme/app#12", "lee", "MEMBER", "Fixed in 2.1.");
  // A short success report under a command: the item is the command.
  b.Say("acme/app#12", "bo", "NONE", "```sh\nrm -rf ~/.cache/app\n```\n\nThat did it for me!");
  const Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));

  const std::vector<ReportItem> workarounds = CueSentences(thread, CueSection::kWorkaround);
  ASSERT_EQ(workarounds.size(), 2u);
  EXPECT_EQ(workarounds[0].text, "Adding the flag did the trick.");
  EXPECT_EQ(workarounds[0].cue, "did the trick");
  EXPECT_TRUE(workarounds[1].is_code);
  EXPECT_EQ(workarounds[1].cue, "did it for me");
  const std::vector<ReportItem> causes = CueSentences(thread, CueSection::kRootCause);
  ASSERT_EQ(causes.size(), 1u);
  EXPECT_EQ(causes[0].cue, "this happens because");
  const std::vector<ReportItem> fixes = CueSentences(thread, CueSection::kFix);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0].cue, "fixed in");
}

// Every item of the root cause, fix and workaround sections says what made
// it one: a row of the section's cue table, or a rule ("rule:ID", maybe
// with the phrase that decided it).
TEST(Cues, EveryRemedyAndCauseItemOfAReportNamesItsCue) {
  testing::GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on start",
          "It crashes on start.\n\n## Workaround\n\nStart it with `--no-cache`.",
          NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "MEMBER", "The root cause is the stale cache index.");
  b.Say("acme/app#12", "ann", "NONE", "Deleting the index did the trick.");
  b.Say(
      "acme/app#12", "lee", "MEMBER",
      "Until the fix ships you can turn the cache off:\n\n```sh\napp config set cache false\n```");
  b.Pull("acme/app#57", "Rebuild a stale cache index", NodeState::kMerged, "2026-06-01T10:00:00Z",
         "This rebuilds the index when its version is old.");
  b.Link("acme/app#57", "acme/app#12", EdgeKind::kCloses);
  b.Say("acme/app#12", "lee", "MEMBER", "Fixed by #57; it will go out in 1.6.1.");
  const Report report = Analyze(b.graph());

  auto is_row = [](CueSection section, std::string_view cue) {
    for (const Cue& row : CueTable()) {
      if (row.section == section && row.weight > 0 && row.phrase == cue) return true;
    }
    return false;
  };
  auto is_rule = [](std::string_view cue) {
    if (!cue.starts_with("rule:")) return false;
    // "rule:cause-phrase (caused by)": the ID runs to the first space.
    const std::string_view id = cue.substr(5, cue.find(' ') - std::min(cue.find(' '), size_t{5}));
    return !id.empty() &&
           id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos;
  };
  size_t rows = 0;
  size_t rules = 0;
  for (const Section& section : report.sections) {
    CueSection cues;
    if (section.kind == SectionKind::kRootCause) {
      cues = CueSection::kRootCause;
    } else if (section.kind == SectionKind::kFix) {
      cues = CueSection::kFix;
    } else if (section.kind == SectionKind::kWorkaround) {
      cues = CueSection::kWorkaround;
    } else {
      continue;
    }
    EXPECT_FALSE(section.items.empty()) << SectionKindName(section.kind);
    for (const ReportItem& item : section.items) {
      const bool row = is_row(cues, item.cue);
      EXPECT_TRUE(row || is_rule(item.cue))
          << SectionKindName(section.kind) << ": \"" << item.cue << "\" for " << item.text;
      (row ? rows : rules) += 1;
    }
  }
  // Both kinds occur: the cue table's sentences and the extractors' rules.
  EXPECT_GT(rows, 0u);
  EXPECT_GT(rules, 0u);
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
