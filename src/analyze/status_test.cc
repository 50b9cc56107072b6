// The status line of a report (InferStatus, through Analyze): what the
// graph and the maintainers' words say about whether it is fixed.
#include "analyze/status.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;
using testing::SectionTexts;

TEST(Status, FixedByMergedClosingPull) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save", "It crashes.", NodeState::kClosed, "completed");
  b.Pull("acme/app#134", "Guard the save path", NodeState::kMerged, "2026-06-01T09:30:00Z");
  b.Link("acme/app#134", "acme/app#12", EdgeKind::kCloses);
  Report report = Analyze(b.graph());
  EXPECT_EQ(report.status, "Fixed by #134 (merged 2026-06-01)");
  EXPECT_EQ(report.status_source.url, "https://github.com/acme/app/pull/134");
}

TEST(Status, CrossRepositoryFixKeepsItsOwner) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "", NodeState::kClosed, "completed");
  b.Pull("other/lib#7", "Fix it upstream", NodeState::kMerged, "2026-06-02T00:00:00Z");
  b.Link("other/lib#7", "acme/app#12", EdgeKind::kCloses);
  EXPECT_EQ(Analyze(b.graph()).status, "Fixed by other/lib#7 (merged 2026-06-02)");
}

TEST(Status, ClosedAsDuplicateNamesTheCanonicalIssue) {
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Same crash", "", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#40", "Crash on save");
  b.Link("acme/app#41", "acme/app#40", EdgeKind::kDuplicateOf);
  EXPECT_EQ(Analyze(b.graph()).status, "Closed as a duplicate of #40");
}

TEST(Status, ClosedAsNotPlanned) {
  GraphBuilder b("acme/app#5");
  b.Issue("acme/app#5", "Add a purple theme", "", NodeState::kClosed, "not_planned");
  EXPECT_EQ(Analyze(b.graph()).status, "Closed as not planned");
}

TEST(Status, OpenWithOpenPullsAndAWorkaround) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes.");
  b.Pull("acme/app#61", "Second attempt", NodeState::kOpen);
  b.Pull("acme/app#60", "First attempt", NodeState::kOpen);
  b.Link("acme/app#60", "acme/app#12", EdgeKind::kCloses);
  b.Link("acme/app#61", "acme/app#12", EdgeKind::kConnected);
  b.Say("acme/app#12", "dana", "NONE", "As a workaround, set `SAVE_MODE=legacy` before starting.");
  EXPECT_EQ(Analyze(b.graph()).status,
            "Open — 2 open pull requests propose a fix (#60, #61); a workaround is known");
}

TEST(Status, OpenWithoutProposals) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes.");
  b.Pull("acme/app#70", "Unrelated", NodeState::kOpen);
  b.Link("acme/app#70", "acme/app#12", EdgeKind::kMentions);
  EXPECT_EQ(Analyze(b.graph()).status, "Open — no open pull request proposes a fix yet");
}

TEST(Status, NeverClaimsAFixWithoutAMergedClosingPull) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "", NodeState::kClosed, "completed");
  // Merged, but it only mentions the issue; and a closing pull never merged.
  b.Pull("acme/app#90", "Refactor", NodeState::kMerged, "2026-06-01T00:00:00Z");
  b.Link("acme/app#90", "acme/app#12", EdgeKind::kMentions);
  b.Pull("acme/app#91", "Abandoned fix", NodeState::kClosed);
  b.Link("acme/app#91", "acme/app#12", EdgeKind::kCloses);
  EXPECT_EQ(Analyze(b.graph()).status, "Closed as completed (no linked fix found)");
}

TEST(Status, MaintainerStatementIsNamedAsSuch) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "user1", "NONE", "This is fixed in 2.0, right?");
  b.Say("acme/app#12", "lee", "MEMBER", "Yes, this was fixed in 2.0.1. Closing.");
  Report report = Analyze(b.graph());
  EXPECT_EQ(report.status,
            "Closed as completed; maintainer @lee says it is fixed in 2.0.1 (no merged closing "
            "pull request found)");
  EXPECT_EQ(report.status_source.url, "https://github.com/acme/app/issues/12#issuecomment-1001");
}

TEST(Status, TheReportersFixedInABuild) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "bo", "NONE", "Same, fixed now for me.");  // not the reporter, no build
  b.Say("acme/app#12", b.graph().Find("acme/app#12")->author, "NONE",
        "fixed now on 0.11.0-dev.681+f02073434");
  const Report report = Analyze(b.graph());
  EXPECT_EQ(report.status, "Closed as completed; reporter @" +
                               std::string(b.graph().Find("acme/app#12")->author) +
                               " says it is fixed in 0.11.0-dev.681 (no merged closing pull "
                               "request found)");
}

TEST(Status, APullNamedAsWhatClosedItPastAnUnmergedCompetitor) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes.", NodeState::kClosed, "completed");
  Node& fix = b.Pull("acme/app#40", "fix: crash on review", NodeState::kMerged);
  fix.merged = true;
  fix.merged_at = "2026-05-02T10:00:00Z";
  b.Pull("acme/app#41", "Fixes #12", NodeState::kClosed);
  b.Link("acme/app#41", "acme/app#12", EdgeKind::kCloses);
  // The advice after a line break would hedge a sentence that only said "fixed".
  b.Say("acme/app#12", "lee", "MEMBER",
        "Closed by #40\nTip: if you want an issue closed automatically, use a keyword.");
  const Report report = Analyze(b.graph());
  EXPECT_EQ(report.status, "Fixed by #40 (merged 2026-05-02), as maintainer @lee says");
}

TEST(Status, ADuplicateInWordsLendsItsWorkarounds) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Build fails", "Make 4.4 fails.", NodeState::kClosed, "completed");
  b.Issue("acme/app#9", "Make 4.4 build issue",
          "As a workaround, I run this before make:\n\n```\ntouch apron/depend\n```\n",
          NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "OWNER", "Dup #9");
  const Report report = Analyze(b.graph());
  EXPECT_EQ(report.status,
            "Closed as a duplicate of #9, as maintainer @lee says; a workaround is known");
  const std::vector<std::string> workarounds = SectionTexts(report, SectionKind::kWorkaround);
  EXPECT_TRUE(std::any_of(workarounds.begin(), workarounds.end(), [](const std::string& text) {
    return text.find("touch apron/depend") != std::string::npos;
  }));
}

TEST(Status, WaitingUntilItGetsFixedIsNotFixed) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "MEMBER",
        "My guess is we either wait until the test gets fixed upstream or skip it.");
  const Report report = Analyze(b.graph());
  // Skipping it meanwhile is a workaround; nothing says it is fixed.
  EXPECT_EQ(report.status, "Closed as completed (no linked fix found); a workaround is known");
  for (const Section& section : report.sections) {
    if (section.kind == SectionKind::kFix) {
      EXPECT_TRUE(section.items.empty()) << section.items.front().text;
    }
  }
}

TEST(Status, ClosingCommitWithoutPull) {
  GraphBuilder b("acme/app#12");
  Node& root = b.Issue("acme/app#12", "Crash", "", NodeState::kClosed, "completed");
  Event closed;
  closed.id = "77";
  closed.type = "closed";
  closed.commit_id = "0123456789abcdef";
  closed.created_at = "2026-05-20T08:40:00Z";
  root.events.push_back(closed);
  Report report = Analyze(b.graph());
  // Only a commit on the default branch closes an issue: the fix is in.
  EXPECT_EQ(report.status, "Fixed by commit 0123456 (closed 2026-05-20; no pull request carried it)");
  EXPECT_EQ(report.status_source.Text(), "acme/app#12 (event 77)");
}

TEST(Status, AMergedPartOfPullOnAnOpenIssue) {
  GraphBuilder b("acme/app#906");
  b.Issue("acme/app#906", "Crash", "It crashes.");
  b.Pull("acme/app#911", "Half of it", NodeState::kMerged, "2026-03-19T10:00:00Z",
         "Part of #906.");
  b.Link("acme/app#911", "acme/app#906", EdgeKind::kMentions);
  b.Pull("acme/app#912", "Unrelated", NodeState::kMerged, "2026-03-20T10:00:00Z",
         "Not part of #9060, see #906.");
  b.Link("acme/app#912", "acme/app#906", EdgeKind::kMentions);
  EXPECT_EQ(Analyze(b.graph()).status,
            "Open — #911 was merged (2026-03-19) as a partial fix; the rest is still open");
}

TEST(Status, AMaintainerNamesTheMergedFixInAnotherRepository) {
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Watch never reconnects", "It stops.", NodeState::kClosed, "completed");
  b.Say("acme/app#41", "lee", "MEMBER", "This is fixed by acme/sdk#388, which is in sdk 1.19.3.");
  b.Pull("acme/sdk#388", "Retry after a graceful shutdown", NodeState::kMerged,
         "2026-06-09T10:00:00Z", "The retry policy now retries a graceful close.");
  b.Link("acme/app#41", "acme/sdk#388", EdgeKind::kMentions);
  Report report = Analyze(b.graph());
  EXPECT_EQ(report.status, "Fixed by acme/sdk#388 (merged 2026-06-09), as maintainer @lee says");
  const Section* fix = nullptr;
  for (const Section& section : report.sections) {
    if (section.kind == SectionKind::kFix) fix = &section;
  }
  ASSERT_NE(fix, nullptr);
  ASSERT_FALSE(fix->items.empty());
  EXPECT_EQ(fix->items[0].label, "Merged fix acme/sdk#388 (merged 2026-06-09)");
}

TEST(Status, PullRequestRoot) {
  GraphBuilder b("acme/app#134");
  b.Pull("acme/app#134", "Guard the save path", NodeState::kMerged, "2026-06-01T09:30:00Z");
  b.Issue("acme/app#12", "Crash", "", NodeState::kClosed, "completed");
  b.Link("acme/app#134", "acme/app#12", EdgeKind::kCloses);
  EXPECT_EQ(Analyze(b.graph()).status, "Merged 2026-06-01; closes #12");
}

TEST(Status, MissingRootSaysSo) {
  Graph graph;
  graph.SetRoot(*ParseIssueRef("acme/app#3"));
  Report report = Analyze(graph);
  EXPECT_EQ(report.ref.number, 3);
  EXPECT_EQ(report.status, "Unknown: the root item could not be read");
}

}  // namespace
}  // namespace issuegraph::analyze
