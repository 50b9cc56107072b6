#include "analyze/answer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;

// "Label: text @ source" per TL;DR line.
std::vector<std::string> Lines(const Report& report) {
  std::vector<std::string> lines;
  for (const ReportItem& line : report.answer) {
    lines.push_back(line.label + ": " + line.text + " @ " + line.source.Text());
  }
  return lines;
}

// "Label: cue" per TL;DR line: what each line rests on.
std::vector<std::string> Cues(const Report& report) {
  std::vector<std::string> cues;
  for (const ReportItem& line : report.answer) cues.push_back(line.label + ": " + line.cue);
  return cues;
}

const Section& SectionOf(const Report& report, SectionKind kind) {
  for (const Section& section : report.sections) {
    if (section.kind == kind) return section;
  }
  static const Section kEmpty;
  return kEmpty;
}

TEST(Answer, FixedInAReleaseTheMergedPullNames) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.", NodeState::kClosed, "completed");
  b.Pull("acme/app#57", "Open for writing", NodeState::kMerged, "2026-06-01T00:00:00Z", "Fixes #12");
  b.Link("acme/app#57", "acme/app#12", EdgeKind::kCloses);
  b.Say("acme/app#57", "ann", "MEMBER", "Thanks! Released in 2.6.2.");
  const Report report = Analyze(b.graph());
  EXPECT_EQ(Lines(report),
            (std::vector<std::string>{
                "Status: Fixed by #57 (merged 2026-06-01) @ acme/app#57 (body)",
                "Fixed in: 2.6.2, as maintainer @ann says in #57 @ acme/app#57 (comment 1000)",
                "What to do: Upgrade to 2.6.2 or later. @ acme/app#57 (comment 1000)"}));
  // The status line's source is the statement it rests on: the merged pull.
  EXPECT_EQ(report.answer[0].source.url, "https://github.com/acme/app/pull/57");
  // The release and the upgrade rest on the maintainer's phrase.
  EXPECT_EQ(Cues(report),
            (std::vector<std::string>{"Status: rule:status",
                                      "Fixed in: rule:maintainer-release (released in)",
                                      "What to do: rule:maintainer-release (released in)"}));
}

TEST(Answer, FixedWithoutANamedReleaseSaysToUseABuildWithTheFix) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.", NodeState::kClosed, "completed");
  b.Pull("acme/app#57", "Open for writing", NodeState::kMerged, "2026-06-01T00:00:00Z", "Fixes #12");
  b.Link("acme/app#57", "acme/app#12", EdgeKind::kCloses);
  const Report report = Analyze(b.graph());
  ASSERT_EQ(report.answer.size(), 2u);
  EXPECT_EQ(report.answer[1].label, "What to do");
  EXPECT_EQ(report.answer[1].text.rfind("Use a build that contains the fix", 0), 0u);
  EXPECT_EQ(report.answer[1].cue, "rule:fixed-without-release");
}

TEST(Answer, NoFixYetNamesTheWorkaroundAndItsSource) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes when saving to a network drive.");
  b.Say("acme/app#12", "lee", "CONTRIBUTOR",
        "As a workaround, set `SAVE_LOCAL=1` before starting the app; that worked for me.");
  const Report report = Analyze(b.graph());
  ASSERT_EQ(report.answer.size(), 2u) << ::testing::PrintToString(Lines(report));
  EXPECT_EQ(report.answer[1].label, "What to do");
  EXPECT_EQ(report.answer[1].text.rfind("No fix yet. Apply the workaround: ", 0), 0u) << report.answer[1].text;
  EXPECT_NE(report.answer[1].text.find("SAVE_LOCAL=1"), std::string::npos);
  EXPECT_EQ(report.answer[1].source.Text(), "acme/app#12 (comment 1000)");
  EXPECT_EQ(report.answer[1].cue, "rule:best-workaround");
}

TEST(Answer, NothingKnownSaysSo) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.");
  const Report report = Analyze(b.graph());
  ASSERT_EQ(report.answer.size(), 2u);
  EXPECT_EQ(report.answer[1].text, "No fix yet, and the thread names no workaround.");
  EXPECT_EQ(Cues(report),
            (std::vector<std::string>{"Status: rule:status", "What to do: rule:nothing-known"}));
}

TEST(Answer, AConfirmationInALinkedIssueCounts) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.", NodeState::kClosed, "completed");
  b.Issue("acme/app#133", "Same crash", "Crashes for me too, see #12.");
  b.Link("acme/app#133", "acme/app#12", EdgeKind::kMentions);
  b.Say("acme/app#133", "bob", "NONE", "Upgraded to 2.6.2, works now.");
  const Report report = Analyze(b.graph());
  ASSERT_GE(report.answer.size(), 3u) << ::testing::PrintToString(Lines(report));
  EXPECT_EQ(report.answer[1].text, "2.6.2, as @bob confirms in #133 after upgrading");
  EXPECT_EQ(report.answer[1].source.Text(), "acme/app#133 (comment 1000)");
  EXPECT_EQ(report.answer[2].text, "Upgrade to 2.6.2 or later.");
  EXPECT_EQ(report.answer[1].cue, "rule:upgrade-confirmed (upgraded to)");
  EXPECT_EQ(report.answer[2].cue, "rule:upgrade-confirmed (upgraded to)");
}

TEST(Answer, AFailedUpgradeIsNoConfirmation) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.");
  b.Say("acme/app#12", "bob", "NONE", "Upgraded to 2.6.2, it still does not work.");
  const Report report = Analyze(b.graph());
  for (const ReportItem& line : report.answer) EXPECT_NE(line.label, "Fixed in");
}

TEST(Answer, DuplicateSaysToFollowTheCanonicalItem) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes.", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#40", "Crash on save", "Older report.");
  b.Link("acme/app#12", "acme/app#40", EdgeKind::kDuplicateOf);
  const Report report = Analyze(b.graph());
  ASSERT_EQ(report.answer.size(), 2u);
  EXPECT_EQ(report.answer[0].text, "Closed as a duplicate of #40");
  EXPECT_EQ(report.answer[1].text, "Follow the item it duplicates; the fix is tracked there.");
  EXPECT_EQ(report.answer[1].cue, "rule:duplicate-tracked");
}

TEST(Answer, TrackedInAnotherProjectSaysWhereToFollow) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Build fails", "The build fails.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Looks like a known problem in libfoo, already reported at "
        "https://github.com/foo/libfoo/issues/385. Nothing we can do here.");
  const Report report = Analyze(b.graph());
  ASSERT_EQ(report.answer.size(), 2u);
  EXPECT_EQ(
      report.answer[0].text,
      "Closed as completed; tracked in foo/libfoo#385, as maintainer @lee says (no fix here)");
  EXPECT_EQ(report.answer[0].source.url, "https://github.com/acme/app/issues/12#issuecomment-1000");
  EXPECT_EQ(report.answer[1].text, "Follow foo/libfoo#385, where it is tracked.");
  EXPECT_EQ(report.answer[1].cue, "rule:tracked-elsewhere");
}

TEST(Answer, AnotherIssueOfTheSameProjectOrAUsersWordIsNotTrackedElsewhere) {
  for (const auto& [association, ref] :
       {std::pair{"MEMBER", "acme/app#40"}, std::pair{"NONE", "foo/libfoo#385"}}) {
    GraphBuilder b("acme/app#12");
    b.Issue("acme/app#12", "Build fails", "The build fails.", NodeState::kClosed, "completed");
    b.Say("acme/app#12", "lee", association, std::string("Already reported at ") + ref + ".");
    EXPECT_EQ(Analyze(b.graph()).status, "Closed as completed (no linked fix found)") << ref;
  }
}

TEST(Answer, TheUpgradeAMaintainerAdvisesAfterSayingItIsFixedNamesTheRelease) {
  const std::pair<const char*, const char*> advice[] = {
      {"Please upgrade again, this time to 2.1.2.", "upgrade"},
      {"Please update again to 2.1.2.", "please update"}};
  for (const auto& [sentence, phrase] : advice) {
    GraphBuilder b("acme/app#12");
    b.Issue("acme/app#12", "LoadError in 2.1.1", "require fails.", NodeState::kClosed, "completed");
    b.Say("acme/app#12", "lee", "MEMBER",
          "Thanks! This has been fixed, the gem was packaged wrongly.");
    b.Say("acme/app#12", "lee", "MEMBER", sentence);
    const Report report = Analyze(b.graph());
    EXPECT_EQ(report.status,
              "Closed as completed; maintainer @lee says it is fixed in 2.1.2 (no merged closing "
              "pull request found)");
    ASSERT_EQ(report.answer.size(), 3u);
    EXPECT_EQ(report.answer[1].text, "2.1.2, as maintainer @lee says");
    EXPECT_EQ(report.answer[1].cue, std::string("rule:maintainer-release (") + phrase + ")");
    EXPECT_EQ(report.answer[2].text, "Upgrade to 2.1.2 or later.");
  }
}

TEST(Answer, UpgradeAdviceWithoutAFixIsNoRelease) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "MEMBER", "Please upgrade to 2.1.2 and tell us if it still happens.");
  const Report report = Analyze(b.graph());
  EXPECT_EQ(report.status, "Closed as completed (no linked fix found)");
  for (const ReportItem& line : report.answer) EXPECT_NE(line.label, "Fixed in");
}

TEST(Answer, AWorkaroundALaterReplyRetiresIsMarkedObsolete) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "CONTRIBUTOR", "As a workaround, set `SAVE_LOCAL=1`; that worked for me.");
  b.Say("acme/app#12", "ann", "MEMBER",
        "Fixed in 2.6.2. After upgrading you can delete the SAVE_LOCAL setting.");
  const Report report = Analyze(b.graph());
  const Section& workarounds = SectionOf(report, SectionKind::kWorkaround);
  ASSERT_FALSE(workarounds.items.empty());
  for (const ReportItem& item : workarounds.items) {
    EXPECT_EQ(item.obsolete, "After upgrading you can delete the SAVE_LOCAL setting.") << item.text;
  }
  // An obsolete workaround is not what to do now.
  EXPECT_EQ(report.answer.back().text, "Upgrade to 2.6.2 or later.");
}

TEST(Answer, AWorkaroundGivenAfterTheRetiringReplyStays) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.");
  b.Say("acme/app#12", "ann", "MEMBER", "Now that 2.6 is out, the old flag can be removed.");
  b.Say("acme/app#12", "lee", "CONTRIBUTOR", "As a workaround, set `SAVE_LOCAL=1`; that worked for me.");
  const Report report = Analyze(b.graph());
  const Section& workarounds = SectionOf(report, SectionKind::kWorkaround);
  ASSERT_FALSE(workarounds.items.empty());
  for (const ReportItem& item : workarounds.items) EXPECT_EQ(item.obsolete, "") << item.text;
}

}  // namespace
}  // namespace issuegraph::analyze
