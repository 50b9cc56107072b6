#include "analyze/remedy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;

std::vector<std::string> Texts(const std::vector<ReportItem>& items) {
  std::vector<std::string> texts;
  for (const ReportItem& item : items) texts.push_back(item.text);
  return texts;
}

TEST(Workarounds, FromACommentConfirmedLater) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "It crashes on start.");
  b.Say("acme/app#12", "ann", "NONE", "Is there a workaround?");
  b.Say("acme/app#12", "ben", "NONE",
        "In the meantime you can disable the cache:\n\n```sh\napp --no-cache\n```");
  b.Say("acme/app#12", "cat", "NONE", "That worked for me, thanks!");
  b.Say("acme/app#12", "dan", "NONE", "Can confirm, works now.");
  Thread thread = ReadThread(b.graph().nodes.at("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"In the meantime you can disable the cache:",
                                                    "app --no-cache"}));
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1001)");
  EXPECT_EQ(items[0].source.url, "https://github.com/acme/app/issues/12#issuecomment-1001");
  EXPECT_EQ(items[0].author, "ben");
  EXPECT_EQ(items[0].confirmations, 2);
  EXPECT_TRUE(items[1].is_code);
  EXPECT_EQ(items[1].language, "sh");
}

TEST(Workarounds, ConfirmationsAndReferencesAreNotWorkarounds) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash", "Crashes.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Until the fix ships, turn the cache off:\n\n```sh\napp config set cache false\n```");
  b.Say("acme/app#12", "ann", "NONE", "Confirming the workaround: cache off, stable since.");
  b.Say("acme/app#12", "bo", "NONE", "I added a note about the workaround to the docs.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "This shipped in 2.1. You can drop the setting you added as a workaround.");
  Thread thread = ReadThread(b.graph().nodes.at("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1000)");
  EXPECT_EQ(items[0].confirmations, 1);
}

TEST(Workarounds, MaintainersFirstThenSections) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crashes.\n\n### Workaround\nRestart the daemon after login.\n\n### Notes\nnone");
  b.Say("acme/app#12", "ann", "NONE", "A workaround that helped me: delete ~/.cache/app.");
  b.Say("acme/app#12", "lee", "OWNER", "For now you can set `APP_SAFE=1`.");
  Thread thread = ReadThread(b.graph().nodes.at("acme/app#12"));
  auto items = ExtractWorkarounds(thread, {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{"For now you can set APP_SAFE=1.",
                                      "Restart the daemon after login.", "delete ~/.cache/app."}));
  EXPECT_EQ(items[0].author_association, "OWNER");
  // A "Label: text" line keeps its label.
  EXPECT_EQ(items[2].label, "A workaround that helped me");
}

TEST(Workarounds, FromTheCanonicalThreadToo) {
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Same crash", "Crashes.", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#40", "Crash", "Crashes.");
  b.Say("acme/app#40", "ben", "NONE", "Workaround: downgrade to 1.3.");
  Thread root = ReadThread(b.graph().nodes.at("acme/app#41"));
  Thread canonical = ReadThread(b.graph().nodes.at("acme/app#40"));
  auto items = ExtractWorkarounds(root, {&canonical});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].source.node, "acme/app#40");
}

TEST(RootCause, SectionsMaintainersAndReporter) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crash on start.\n\n## Analysis\nThe config loader reads the old path.\n");
  b.Say("acme/app#12", "ann", "NONE", "It happens because of the update, I think.");
  b.Say("acme/app#12", "lee", "MEMBER",
        "Thanks. This fails because the migration never ran:\n\n```py\nmigrate(cfg)\n```\n\n"
        "We will look into it.");
  Thread thread = ReadThread(b.graph().nodes.at("acme/app#12"));
  auto items = ExtractRootCause(thread, {});
  EXPECT_EQ(Texts(items),
            (std::vector<std::string>{
                "The config loader reads the old path.",
                "Thanks. This fails because the migration never ran:", "migrate(cfg)"}));
  EXPECT_EQ(items[1].source.Text(), "acme/app#12 (comment 1001)");
}

TEST(Fix, ProposalsWhenNothingIsMerged) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "Crash.\n\n## Expected behaviour\nIt should start. Options for the fix:\n\n"
          "1. Run the migration on start\n2. Read both paths\n");
  Node& pull = b.Pull("acme/app#60", "Run the migration on start", NodeState::kOpen);
  pull.draft = true;
  b.Link("acme/app#60", "acme/app#12", EdgeKind::kCloses);
  Thread thread = ReadThread(b.graph().nodes.at("acme/app#12"));
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
  Thread thread = ReadThread(b.graph().nodes.at("acme/app#12"));
  auto items = ExtractFix(b.graph(), thread, {});
  EXPECT_EQ(Texts(items), (std::vector<std::string>{"Call migrate() in main."}));
  EXPECT_EQ(items[0].source.Text(), "acme/app#12 (comment 1000)");
}

}  // namespace
}  // namespace issuegraph::analyze
