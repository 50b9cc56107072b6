#include "analyze/remedy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;
using testing::Texts;

TEST(Fix, ProposalsWhenNothingIsMerged) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crash.\n\n## Expected behaviour\nIt should start. Options for the fix:\n\n"
          "1. Run the migration on start\n2. Read both paths\n");
  Node& pull = b.Pull("acme/app#60", "Run the migration on start", NodeState::kOpen);
  pull.draft = true;
  b.Link("acme/app#60", "acme/app#12", EdgeKind::kCloses);
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractFix(b.graph(), thread, {});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].label, "Proposed in #60 (open, draft)");
  EXPECT_EQ(items[0].source.url, "https://github.com/acme/app/pull/60");
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "Run the migration on start", "It should start. Options for the fix:",
                              "Run the migration on start", "Read both paths"}));
  EXPECT_EQ(items[2].list_level, 1);
}

TEST(Fix, FixSectionOfAComment) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.");
  b.Say("acme/app#12", "ann", "CONTRIBUTOR", "**Proposed fix**\n\nCall `migrate()` in `main`.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractFix(b.graph(), thread, {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"Call migrate() in main."}));
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1000)");
}

TEST(Fix, TheParagraphThatSaysWhatTheMergedPullChangesAndWhenItShips) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Build fails", "It fails.");
  b.Say("acme/app#12", "lee", "MEMBER", "Merged; it will go out in 1.6.1 next week.");
  Node& pull = b.Pull("acme/app#57", "Include the ranges header", NodeState::kMerged,
                      "2026-03-12T10:00:00Z");
  pull.body =
      "Fixes #12.\n\nThe library moved `join` to another header, which we never included.\n\n"
      "Adds a regression test for the build.\n\nThis adds the include to `log.hpp`.";
  b.Link("acme/app#57", "acme/app#12", EdgeKind::kCloses);
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  std::vector<Thread> fixes;
  fixes.push_back(ReadThread(*b.graph().FindMutable("acme/app#57")));
  auto items = ExtractFix(b.graph(), thread, fixes);
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"Include the ranges header",
                                                    "This adds the include to log.hpp.",
                                                    "Merged; it will go out in 1.6.1 next week."}));
  EXPECT_EQ(items[2].label, "Maintainer @lee");
}

TEST(Fix, WithoutAChangeParagraphTheFirstOneDescribesTheFix) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Panic", "It panics.");
  Node& pull = b.Pull("acme/app#57", "Walk by characters", NodeState::kMerged,
                      "2026-03-12T10:00:00Z");
  pull.body = "Fixes #12\n\nIt now iterates by character.\n\nAdds a regression test with emoji.";
  b.Link("acme/app#57", "acme/app#12", EdgeKind::kCloses);
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  std::vector<Thread> fixes;
  fixes.push_back(ReadThread(*b.graph().FindMutable("acme/app#57")));
  auto items = ExtractFix(b.graph(), thread, fixes);
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{"Walk by characters", "It now iterates by character."}));
}

TEST(Fix, APartialFixAndWhatAProposedPullChanges) {
  GraphBuilder b("acme/app#906");
  b.Issue("acme/app#906", "Crash", "It crashes.");
  b.Pull("acme/app#911", "Collect updates in the view lifecycle", NodeState::kMerged,
         "2026-03-19T10:00:00Z",
         "Part of #906.\n\nThe fragment now collects updates in the view's lifecycle.");
  b.Link("acme/app#911", "acme/app#906", EdgeKind::kMentions);
  b.Pull("acme/app#915", "Guard the chart", NodeState::kOpen, "",
         "Fixes #906\n\nThe chart now checks that it is attached.");
  b.Link("acme/app#915", "acme/app#906", EdgeKind::kCloses);
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#906"));
  auto items = ExtractFix(b.graph(), thread, {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "Collect updates in the view lifecycle",
                              "The fragment now collects updates in the view's lifecycle.",
                              "Guard the chart", "The chart now checks that it is attached."}));
  EXPECT_EQ(items[0].label, "Partial fix #911 (merged 2026-03-19)");
  EXPECT_EQ(items[2].label, "Proposed in #915 (open)");
}

TEST(Fix, MaintainersFixedInWhenNoPullIsLinked) {
  // "Fixed in 4.2.1" from a maintainer reached the status line but not the
  // fix section.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "ann", "NONE", "Fixed in my fork.");
  b.Say("acme/app#12", "lee", "MEMBER", "Reproduced.");
  b.Say("acme/app#12", "lee", "MEMBER", "Thanks both! Fixed in 4.2.1, which went out today.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractFix(b.graph(), thread, {});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].label, "Maintainer @lee");
  EXPECT_EQ(items[0].text, "Fixed in 4.2.1, which went out today.");
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1002)");
}

TEST(Fix, TheReleaseNoteAMaintainerQuotesBelowTheirWord) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "verify exits 0", "It exits 0.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "OWNER",
        "Fixed in 2.5.0, released today. From the release notes:\n\n"
        "> verify now exits with status 3 when any chunk fails.\n\nThanks for the report.");
  b.Say("acme/app#12", "ann", "NONE", "Fixed in 2.5.0 for me too.\n\n> unrelated quote");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractFix(b.graph(), thread, {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "Fixed in 2.5.0, released today.",
                              "verify now exits with status 3 when any chunk fails."}));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].source.Text(), "acme/app#12 (comment 1000)");
}

TEST(Fix, HopesAreNotStatements) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.");
  b.Say("acme/app#12", "lee", "MEMBER", "This should be fixed in 2.0. Fixed in main?");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_TRUE(ExtractFix(b.graph(), thread, {}).empty());
}

TEST(Fix, ExpectedBehaviourThatSaysShouldIsNotAFixOption) {
  // "The build should finish" describes the goal, and was listed as a fix.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crash.\n\n**Expected behavior**\nThe build should treat it like a missing block.\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_TRUE(ExtractFix(b.graph(), thread, {}).empty());
}

TEST(Fix, AFeatureRequestsWishIsNotAFix) {
  // "Describe the solution you'd like" is the request itself.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Export to PMTiles",
          "**Is your feature request related to a problem? Please describe.**\nUploads are "
          "slow.\n\n**Describe the solution you'd like**\nA `--format pmtiles` option.\n\n"
          "```sh\napp export --format pmtiles\n```\n\n**Additional context**\nNone.\n");
  b.Say("acme/app#12", "ann", "CONTRIBUTOR", "## Proposed fix\n\nWrite the directory last.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_EQ(Texts(ExtractFix(b.graph(), thread, {})),
            (std::vector<std::string>{"Write the directory last."}));
}

TEST(Fix, AMergedBackportOfTheFixFollowsIt) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Leak", "It leaks.");
  Node& fix = b.Pull("acme/app#57", "Free the section", NodeState::kMerged, "2026-03-12T10:00:00Z");
  fix.body = "Resolves #12\n\nNow frees the temporary section.";
  b.Link("acme/app#57", "acme/app#12", EdgeKind::kCloses);
  Node& backport = b.Pull("acme/app#60", "[1.8] Free the section (backport)", NodeState::kMerged,
                          "2026-03-14T10:00:00Z");
  backport.body = "Backport of #57 to release-1.8. Refs #12.";
  b.Link("acme/app#60", "acme/app#12", EdgeKind::kMentions);
  // Merged and linked, but it carries another change to the branch.
  Node& other = b.Pull("acme/app#61", "[1.8] Bump the version (backport)", NodeState::kMerged,
                       "2026-03-15T10:00:00Z");
  other.body = "Backport of #40. Refs #12.";
  b.Link("acme/app#61", "acme/app#12", EdgeKind::kMentions);
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  std::vector<Thread> fixes;
  fixes.push_back(ReadThread(*b.graph().FindMutable("acme/app#57")));
  auto items = ExtractFix(b.graph(), thread, fixes);
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "Free the section", "Now frees the temporary section.",
                              "[1.8] Free the section (backport)",
                              "Backport of #57 to release-1.8. Refs #12."}));
  EXPECT_EQ(items[2].label, "Backport #60 (merged 2026-03-14)");
}

TEST(Fix, TheMaintainersWordThatNamedTheMergedFix) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.", NodeState::kClosed, "completed");
  Node& pull = b.Pull("acme/app#40", "fix: crash on review", NodeState::kMerged);
  pull.merged = true;
  pull.merged_at = "2026-05-02T10:00:00Z";
  b.Say("acme/app#12", "lee", "MEMBER", "Closed by #40");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  std::vector<Thread> fixes;
  fixes.push_back(ReadThread(pull));
  auto items = ExtractFix(b.graph(), thread, fixes);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].label, "Merged fix #40 (merged 2026-05-02)");
  EXPECT_EQ(items[1].label, "Maintainer @lee");
  EXPECT_EQ(items[1].text, "Closed by #40");
}

TEST(Fix, TheAdviceThatFollowsAMaintainersFixed) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.", NodeState::kClosed, "completed");
  b.Say("acme/app#12", "lee", "OWNER",
        "Dup #9\n\nI believe this one was fixed. Please update your install to the latest "
        "and let us know. Thanks!");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractFix(b.graph(), thread, {});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text,
            "I believe this one was fixed. Please update your install to the latest and let us "
            "know.");
}

}  // namespace
}  // namespace issuegraph::analyze
