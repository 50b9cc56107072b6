#include "analyze/root_cause.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;
using testing::Texts;

TEST(RootCause, SectionsMaintainersAndReporter) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crash on start.\n\n## Analysis\nThe config loader reads the old path.\n");
  b.Say("acme/app#12", "ann", "NONE", "It happens because of the update, I think.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Thanks. This fails because the migration never ran:\n\n```py\nmigrate(cfg)\n```\n\n"
        "We will look into it.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractRootCause(thread, {}, {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{
                "The config loader reads the old path.",
                "Thanks. This fails because the migration never ran:", "migrate(cfg)"}));
  EXPECT_EQ(items[1].source.Text(), "acme/app#12 (comment 1001)");
}

TEST(RootCause, MaintainerExplainsTheMechanismWithoutACuePhrase) {
  // A maintainer's plain statement of what the code does was missed: no
  // "because", no "the cause is".
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash on reload.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Thanks for the report.\n\nIn 2.0 `reload()` keeps the old handle, and the watcher "
        "dereferences it after it was closed.\n\nThere are two ways to fix this. Opinions?");
  b.Say("acme/app#12", "ann", "NONE", "The watcher never closes anything, it only reads files.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractRootCause(thread, {}, {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{
                              "In 2.0 reload() keeps the old handle, and the watcher dereferences "
                              "it after it was closed."}));
}

TEST(RootCause, AMaintainerNamesTheCulpritAndWhatFollows) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Data loss", "Rows vanish.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Thanks, reproduced.\n\nThe culprit is the write buffer. The offset is still taken from "
        "the end of the file, so the second block lands on top of the first.");
  b.Say("acme/app#12", "kim", "MEMBER",
        "A key with no value decodes to nil, not to an empty map, so the assertion panics.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractRootCause(thread, {}, {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{
                "The culprit is the write buffer. The offset is still taken from the end of the "
                "file, so the second block lands on top of the first.",
                "A key with no value decodes to nil, not to an empty map, so the assertion panics."}));
}

TEST(RootCause, WhatTheCodeDidInTheMergedFixsDescription) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on export", "It crashes.");
  b.Pull("acme/app#19", "Own page context", NodeState::kMerged, "2026-03-06T10:00:00Z",
         "Closes #12\n\nOnce the tab was closed, the pane disposed its cache, the cached header "
         "was gone, and the renderer dereferenced null.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  std::vector<Thread> fixes;
  fixes.push_back(ReadThread(*b.graph().FindMutable("acme/app#19")));
  EXPECT_EQ(Texts(ExtractRootCause(thread, {}, fixes)),
            (std::vector<std::string>{"Once the tab was closed, the pane disposed its cache, the "
                                      "cached header was gone, and the renderer dereferenced null."}));
}

TEST(RootCause, ExplanationBeforeAWorkaroundInOneParagraph) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.");
  b.Say("acme/app#12", "lee", "OWNER",
        "The 32-bit build has its own copy of the parser, which 2.1 did not touch. Until that "
        "is fixed, use the 64-bit build.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  ASSERT_EQ(ExtractRootCause(thread, {}, {}).size(), 1u);
  EXPECT_EQ(MechanismScore(thread.posts[1].blocks[0], false), 3);
}

TEST(RootCause, RemediesAndQuestionsAreNotExplanations) {
  // "…instead of text; that path does not go through the collector" offers a
  // workaround; the mechanism words in it explain the workaround, not the bug.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "You can pass `--codes` instead of text; that path does not go through the collector.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "If you need to build it yourself, cross-compile with `x86_64` instead of on the device.");
  b.Say("acme/app#12", "lee", "MEMBER", "Does `load()` never return here? It only reads once?");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_TRUE(ExtractRootCause(thread, {}, {}).empty());
  EXPECT_TRUE(IsRemedySentence("for now: restart the service"));
  EXPECT_FALSE(IsRemedySentence("the package forgets to create the dir"));
}

TEST(RootCause, FromTheCanonicalIssueOfADuplicate) {
  // The cause lived only on the canonical issue and was never read.
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Same crash", "Crashes.", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#40", "Crash", "Crashes.\n\n## Cause\nThe loader opens the device twice.\n");
  Thread root = ReadThread(*b.graph().FindMutable("acme/app#41"));
  Thread canonical = ReadThread(*b.graph().FindMutable("acme/app#40"));
  auto items = ExtractRootCause(root, {&canonical}, {});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "The loader opens the device twice.");
  EXPECT_EQ(items[0].source.node, "acme/app#40");
}

TEST(RootCause, CappedWithTheBestFirst) {
  // Every maintainer comment with "because" used to be listed: thousands on
  // a long thread.
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crash.");
  for (int i = 0; i < 20; ++i) {
    b.Say("acme/app#12", "lee", "MEMBER", "We wait because of the release " + std::to_string(i));
  }
  b.Say("acme/app#12", "ann", "NONE", "## Root cause\n\nThe lock is never released.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  auto items = ExtractRootCause(thread, {}, {});
  ASSERT_EQ(items.size(), kMaxRootCauseItems);
  EXPECT_EQ(items[0].text, "The lock is never released.");
  EXPECT_EQ(items[1].text, "We wait because of the release 0");
}

TEST(RootCause, ABodyThatSaysWhatTheReporterHadDone) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Plan fails",
          "It fails.\n\nsince I had simply copied the example, and that one pins version 0.2.1.\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_EQ(Texts(ExtractRootCause(thread, {}, {})),
            std::vector<std::string>{
                "since I had simply copied the example, and that one pins version 0.2.1."});
}

TEST(RootCause, ABodyThatNamesTheChangeItBrokeBecauseOf) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Build fails",
          "It does not build with Make 4.4, because of this change: missing includes are fatal "
          "now.\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  EXPECT_EQ(Texts(ExtractRootCause(thread, {}, {})),
            std::vector<std::string>{"It does not build with Make 4.4, because of this change: "
                                     "missing includes are fatal now."});
}

}  // namespace
}  // namespace issuegraph::analyze
