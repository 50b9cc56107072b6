#include "analyze/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::FindSection;
using testing::GraphBuilder;
using testing::SectionTexts;

// "ref relation" per row, for readable comparisons.
std::vector<std::string> Rows(const std::vector<LinkedItem>& items) {
  std::vector<std::string> rows;
  for (const LinkedItem& item : items) {
    rows.push_back(item.ref_text + " " + item.relation + (item.fetched ? "" : " (unfetched)"));
  }
  return rows;
}

// A dump of everything in a report, to compare two runs.
std::string Dump(const Report& report) {
  std::string out = report.title + "|" + report.status + "|" + report.status_source.Text() + "\n";
  for (const auto& list : {report.linked_pulls, report.linked_issues}) {
    for (const LinkedItem& item : list) {
      out += item.key + " " + item.relation + " " + std::to_string(item.depth) + "\n";
    }
  }
  for (const Section& section : report.sections) {
    out += std::string(SectionKindName(section.kind)) + "\n";
    for (const ReportItem& item : section.items) {
      out += item.label + ":" + item.text + "@" + item.source.Text() + "#" +
             std::to_string(item.occurrences) + "\n";
    }
  }
  return out;
}

// --- Linked items ----------------------------------------------------------

TEST(Linked, PullRelationsAndOrder) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash");
  b.Pull("acme/app#52", "Docs", NodeState::kOpen);
  b.Pull("acme/app#50", "Talks about it", NodeState::kOpen);
  b.Pull("acme/app#65", "Linked in the sidebar", NodeState::kOpen);
  b.Pull("acme/app#70", "The fix", NodeState::kMerged, "2026-06-01T00:00:00Z");
  b.Pull("acme/app#80", "Commit mentions it", NodeState::kMerged, "2026-06-03T00:00:00Z");
  b.Issue("acme/app#30", "Neighbour");
  Node& far = b.Pull("acme/app#31", "Two hops away", NodeState::kOpen);
  far.depth = 2;
  b.Link("acme/app#12", "acme/app#52", EdgeKind::kMentions);
  b.Link("acme/app#50", "acme/app#12", EdgeKind::kCrossReferenced);
  b.Link("acme/app#65", "acme/app#12", EdgeKind::kConnected);
  b.Link("acme/app#70", "acme/app#12", EdgeKind::kMentions);
  b.Link("acme/app#70", "acme/app#12", EdgeKind::kCloses);
  b.Link("acme/app#80", "acme/app#12", EdgeKind::kReferencedByCommit);
  b.Link("acme/app#30", "acme/app#12", EdgeKind::kMentions);
  b.Link("acme/app#31", "acme/app#30", EdgeKind::kMentions);
  // Known only as a reference: a closing pull in another repository.
  b.Link("other/lib#9", "acme/app#12", EdgeKind::kCloses);
  Report report = Analyze(b.graph());
  EXPECT_EQ(Rows(report.linked_pulls),
            (std::vector<std::string>{"#70 #70 closes this", "other/lib#9 other/lib#9 closes this (unfetched)",
                                      "#65 connected with #65", "#50 #50 mentions this",
                                      "#52 mentions #52", "#80 #80 references this in a commit",
                                      "#31 via #30"}));
  EXPECT_EQ(report.linked_pulls[0].relation_kind, "closed_by");
  EXPECT_EQ(report.linked_pulls[0].full_ref, "acme/app#70");
  EXPECT_EQ(report.linked_pulls[6].relation_kind, "via");
  EXPECT_EQ(report.linked_pulls[6].via, "acme/app#30");
  EXPECT_EQ(report.linked_pulls[0].merged_at, "2026-06-01T00:00:00Z");
  EXPECT_EQ(report.linked_pulls[6].depth, 2);
  EXPECT_EQ(report.linked_pulls[1].url, "https://github.com/other/lib/issues/9");
}

TEST(Linked, IssueRelations) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash");
  b.Issue("acme/app#2", "Epic", "", NodeState::kOpen);
  b.Issue("acme/app#20", "Child task");
  b.Issue("acme/app#40", "Canonical", "", NodeState::kClosed, "completed");
  b.Issue("acme/app#41", "A duplicate of this", "", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#50", "Mentions this");
  b.Issue("acme/app#51", "Mentioned here");
  b.Link("acme/app#12", "acme/app#2", EdgeKind::kSubIssueOf);
  b.Link("acme/app#20", "acme/app#12", EdgeKind::kSubIssueOf);
  b.Link("acme/app#12", "acme/app#40", EdgeKind::kDuplicateOf);
  b.Link("acme/app#41", "acme/app#12", EdgeKind::kDuplicateOf);
  b.Link("acme/app#50", "acme/app#12", EdgeKind::kCrossReferenced);
  b.Link("acme/app#12", "acme/app#51", EdgeKind::kMentions);
  b.Link("acme/app#12", "acme/app#99", EdgeKind::kMentions);
  Report report = Analyze(b.graph());
  EXPECT_EQ(
      Rows(report.linked_issues),
      (std::vector<std::string>{"#40 duplicate of #40", "#41 #41 is a duplicate of this",
                                "#2 sub-issue of #2", "#20 #20 is a sub-issue of this",
                                "#50 #50 mentions this", "#51 mentions #51",
                                "#99 mentions #99 (unfetched)"}));
  std::vector<std::string> kinds;
  for (const LinkedItem& item : report.linked_issues) kinds.push_back(item.relation_kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"duplicate_of", "duplicated_by", "sub_issue_of", "parent_of",
                                             "mentioned_by", "mentions", "mentions"}));
  EXPECT_EQ(report.linked_issues[6].depth, 1);
  EXPECT_EQ(report.linked_issues[1].state_reason, "duplicate");
  EXPECT_TRUE(report.linked_pulls.empty());
}

// A deeper crawl reads the other end of an edge (#41's own "Duplicate of
// #12", its mention of #12): the row keeps the strongest relation to the
// root, the same words at every depth.
TEST(Linked, RelationDoesNotChangeWithDepth) {
  auto relation_of_41 = [](bool deeper) {
    GraphBuilder b("acme/app#12");
    b.Issue("acme/app#12", "Crash");
    b.Issue("acme/app#41", "A duplicate of this", "", NodeState::kClosed, "duplicate");
    b.Link("acme/app#41", "acme/app#12", EdgeKind::kDuplicateOf);
    if (deeper) {
      b.Link("acme/app#41", "acme/app#12", EdgeKind::kMentions);
      b.Link("acme/app#12", "acme/app#41", EdgeKind::kMentions);
    }
    Report report = Analyze(b.graph());
    return report.linked_issues.at(0).relation_kind + " / " + report.linked_issues.at(0).relation;
  };
  EXPECT_EQ(relation_of_41(false), "duplicated_by / #41 is a duplicate of this");
  EXPECT_EQ(relation_of_41(true), relation_of_41(false));
}

// At --depth 1 a linked issue's timeline is not read: its "marked as a
// duplicate" event is unknown, but GitHub's state says it was closed as a
// duplicate and it names the root, so it reads as a duplicate of the root,
// as it does one level deeper. One that names another canonical item stays
// a mention.
TEST(Linked, AClosedDuplicateThatNamesTheRootIsItsDuplicateAtEveryDepth) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash");
  b.Issue("acme/app#133", "Same crash in CI", "See #12.", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#140", "Other crash", "Like #12?", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#90", "Canonical");
  b.Link("acme/app#133", "acme/app#12", EdgeKind::kCrossReferenced);
  b.Link("acme/app#140", "acme/app#12", EdgeKind::kCrossReferenced);
  b.Link("acme/app#140", "acme/app#90", EdgeKind::kDuplicateOf);
  Report report = Analyze(b.graph());
  EXPECT_EQ(Rows(report.linked_issues),
            (std::vector<std::string>{"#133 #133 is a duplicate of this", "#140 #140 mentions this",
                                      "#90 via #140"}));
}

// --- The first screen --------------------------------------------------

TEST(Report, CodeExamplesDoNotRepeatStepsOrErrorsNorShowCommitMessages) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "## Steps to reproduce\n\n1. Build it:\n\n```\nmake all\n```\n\n"
          "## Example\n\n```python\nimport app\napp.save('x')\n```\n");
  b.Say("acme/app#12", "lee", "CONTRIBUTOR",
        "As a workaround, run this first:\n\n```sh\nexport SAVE_LOCAL=1\n```\n\nThat worked for me.");
  b.Say("acme/app#12", "ann", "MEMBER",
        "Fixed on main:\n\n```\ncommit 1a2b3c4d5e6f\nAuthor: Ann <ann@example.com>\n\n    Open for writing\n```\n"
        "\nThe message of the backport:\n\n```text\nsave: open for writing\n\nAsk for write access before saving.\n\nFixes #12\n```\n");
  b.Say("acme/app#12", "bob", "NONE", "Same here with:\n\n```sh\nexport SAVE_LOCAL=1\n```\n");
  const Report report = Analyze(b.graph());
  const std::vector<std::string> examples = SectionTexts(report, SectionKind::kCodeExamples);
  // The step's "make all", the workaround's command (posted twice) and the
  // commit messages are left out.
  EXPECT_EQ(examples, (std::vector<std::string>{"import app\napp.save('x')"}));
}

TEST(Report, AWorkaroundsBlockIsNotRepeatedAsAnExample) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save",
          "Saving crashes.\n\n## Steps to reproduce\n\n1. Save from the tools menu\n\n"
          "## Example\n\n```python\nimport app\napp.save('x')\n```\n");
  b.Say("acme/app#12", "lee", "MEMBER",
        "As a workaround until the fix ships, turn the cache off:\n\n"
        "```toml\n[cache]\nenabled = false\n```\n");
  b.Say("acme/app#12", "bob", "NONE",
        "Same config here:\n\n```toml\n[cache]\n  enabled = false\n```\n");
  b.Say("acme/app#12", "kit", "NONE", "Listing the folder shows it:\n\n```\nls\n```\n");
  const Report report = Analyze(b.graph());
  // The workaround shows the block: Workarounds holds it, Code examples
  // does not, in either copy (the second differs only in spaces). "ls" is
  // a block of its own, not the end of the step's "tools".
  const std::vector<std::string> workarounds = SectionTexts(report, SectionKind::kWorkaround);
  EXPECT_NE(std::find(workarounds.begin(), workarounds.end(), "[cache]\nenabled = false"),
            workarounds.end());
  const std::vector<std::string> examples = SectionTexts(report, SectionKind::kCodeExamples);
  EXPECT_EQ(examples, (std::vector<std::string>{"import app\napp.save('x')", "ls"}));
}

TEST(Report, StepsKeepTheirNumbersAndProseKeepsInlineCode) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "## Steps to reproduce\n\n2. Install with `pip install app==1.2`\n3. Run `app save`\n");
  const Report report = Analyze(b.graph());
  const Section* steps = FindSection(report, SectionKind::kReproduction);
  ASSERT_NE(steps, nullptr);
  ASSERT_EQ(steps->items.size(), 2u);
  EXPECT_EQ(steps->items[0].list_number, 2);
  EXPECT_EQ(steps->items[1].list_number, 3);
  EXPECT_EQ(steps->items[0].text, "Install with pip install app==1.2");
  EXPECT_EQ(steps->items[0].code_spans, (std::vector<std::pair<size_t, size_t>>{{13, 33}}));
  EXPECT_EQ(steps->items[1].code_spans, (std::vector<std::pair<size_t, size_t>>{{4, 12}}));
}

// "<label>|<number>|<text>" per reproduction item, code as "`text`".
std::vector<std::string> Steps(const Report& report) {
  std::vector<std::string> rows;
  if (const Section* section = FindSection(report, SectionKind::kReproduction)) {
    for (const ReportItem& item : section->items) {
      rows.push_back(item.label + "|" + std::to_string(item.list_number) + "|" +
                     (item.is_code ? "`" + item.text + "`" : item.text));
    }
  }
  return rows;
}

TEST(Report, NumberedStepsKeepTheirCommandsUnderThemInOrder) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save",
          "## Steps to reproduce\n\n"
          "1. Clone the repository:\n   ```sh\n   git clone https://example.com/app\n   ```\n"
          "2. Run the tool:\n"
          "   ```console\n   $ app save\n   Error: EACCES: permission denied\n   ```\n"
          "3. Look at the log.\n\n"
          "## Expected behavior\n\nThe file is saved.\n\n## Actual behavior\n\nIt crashes.\n");
  const Report report = Analyze(b.graph());
  // Step 2's command went to the errors with its output: the step stays,
  // and what it ran follows it.
  EXPECT_EQ(Steps(report), (std::vector<std::string>{
                               "|1|Clone the repository:", "|0|`git clone https://example.com/app`",
                               "|2|Run the tool:", "|0|`app save`", "|3|Look at the log.",
                               "Expected|0|The file is saved.", "Actual|0|It crashes."}));
  EXPECT_EQ(SectionTexts(report, SectionKind::kCodeExamples), std::vector<std::string>{});
}

TEST(Report, LabelledStepsKeepTheirNumbersLabelsAndOrder) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash on save",
          "Steps to reproduce:\n\n1. Clone the repository:\n\n"
          "```sh\ngit clone https://example.com/app\n```\n\n"
          "2. Open a file\n3. Press save\n\nExpected: the file is saved.\n\nActual: it crashes.\n");
  EXPECT_EQ(
      Steps(Analyze(b.graph())),
      (std::vector<std::string>{
          "|1|Clone the repository:", "|0|`git clone https://example.com/app`", "|2|Open a file",
          "|3|Press save", "Expected|0|the file is saved.", "Actual|0|it crashes."}));
}

TEST(Report, StepsAParagraphIntroducesKeepTheirCommands) {
  for (const std::string post : {"It crashes. How I trigger it:", "I can trigger it every time:"}) {
    const std::string steps =
        "\n\n1. Clone the repository:\n   ```sh\n   git clone https://example.com/app\n   ```\n"
        "2. Build it with the preset:\n   ```sh\n   cmake --preset release\n   ```\n3. Run it.\n";
    const std::vector<std::string> expected{
        "|1|Clone the repository:", "|0|`git clone https://example.com/app`",
        "|2|Build it with the preset:", "|0|`cmake --preset release`", "|3|Run it."};
    GraphBuilder body("acme/app#12");
    body.Issue("acme/app#12", "Crash", post + steps);
    EXPECT_EQ(Steps(Analyze(body.graph())), expected) << "in the body: " << post;
    // The same steps in a contributor's comment.
    GraphBuilder comment("acme/app#12");
    comment.Issue("acme/app#12", "Crash", "It crashes on save.");
    comment.Say("acme/app#12", "lee", "CONTRIBUTOR", post + steps);
    EXPECT_EQ(Steps(Analyze(comment.graph())), expected) << "in a comment: " << post;
  }
}

TEST(Report, AReproLinesExampleIsAStepNotACodeExample) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Jobs hang",
          "Jobs with a service hang.\n\n"
          "To reproduce: any pipeline with a `services:` block, for example\n\n"
          "```yaml\nservices:\n  db:\n    image: postgres\n```\n\nRunner 4.2 on Ubuntu 22.04.\n");
  const Report report = Analyze(b.graph());
  EXPECT_EQ(Steps(report), (std::vector<std::string>{
                               "To reproduce|0|any pipeline with a services: block, for example",
                               "|0|`services:\n  db:\n    image: postgres`"}));
  EXPECT_EQ(SectionTexts(report, SectionKind::kCodeExamples), std::vector<std::string>{});
}

// --- Header, provenance, determinism ---------------------------------------

TEST(Header, FieldsAndParticipants) {
  GraphBuilder b("acme/app#12");
  Node& root = b.Issue("acme/app#12", "Crash", "Body text.");
  root.labels = {"bug", "p1"};
  root.author = "alice";
  b.Say("acme/app#12", "bob", "MEMBER", "Looking.");
  b.Say("acme/app#12", "alice", "NONE", "Thanks.");
  b.Say("acme/app#12", "carol", "NONE", "Me too.");
  Report report = Analyze(b.graph());
  EXPECT_EQ(report.participants, (std::vector<std::string>{"alice", "bob", "carol"}));
  EXPECT_EQ(report.labels, (std::vector<std::string>{"bug", "p1"}));
  EXPECT_EQ(report.comment_count, 3);
  EXPECT_EQ(report.original_text, "Body text.");
  EXPECT_EQ(report.url, "https://github.com/acme/app/issues/12");
}

Graph RichThread() {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Saving fails",
          "## Describe the bug\nSaving a file fails with a permission error.\n\n"
          "## Steps to reproduce\n1. Open a file\n2. Press save\n\n"
          "```\nError: EACCES: permission denied, open '/tmp/x'\n```\n\n"
          "## Environment\n- OS: Linux\n- Version: 1.4.2\n\n"
          "## Root cause\nThe writer opens the file read-only.\n\n"
          "```js\nfs.openSync(path, 'r');\n```\n",
          NodeState::kClosed, "completed");
  b.Pull("acme/app#134", "Open the file for writing", NodeState::kMerged, "2026-06-01T00:00:00Z",
         "Fixes #12\n\nThe writer asked for read access only; this asks for write access.");
  b.Link("acme/app#134", "acme/app#12", EdgeKind::kCloses);
  b.Say("acme/app#12", "dana", "NONE",
        "Same here:\n\n```\nError: EACCES: permission denied, open '/tmp/y'\n```");
  b.Say("acme/app#12", "lee", "MEMBER",
        "You can work around it for now:\n\n```sh\nchmod u+w file\n```");
  b.Say("acme/app#12", "dana", "NONE", "That worked, thanks!");
  return b.graph();
}

TEST(Report, EveryItemHasProvenance) {
  Graph graph = RichThread();
  Report report = Analyze(graph);
  size_t items = 0;
  for (const Section& section : report.sections) {
    for (const ReportItem& item : section.items) {
      ++items;
      EXPECT_FALSE(item.source.node.empty()) << item.text;
      EXPECT_TRUE(item.source.url.starts_with("https://github.com/acme/app/")) << item.text;
      EXPECT_NE(graph.Find(item.source.node), nullptr) << item.text;
    }
  }
  EXPECT_GE(items, 10u);
  for (SectionKind kind : {SectionKind::kSummary, SectionKind::kErrorMessages,
                           SectionKind::kReproduction, SectionKind::kEnvironment,
                           SectionKind::kRootCause, SectionKind::kFix, SectionKind::kWorkaround}) {
    EXPECT_FALSE(SectionTexts(report, kind).empty()) << SectionKindName(kind);
  }
}

TEST(Report, FixComesFromTheMergedPull) {
  Report report = Analyze(RichThread());
  const Section* fix = FindSection(report, SectionKind::kFix);
  ASSERT_NE(fix, nullptr);
  ASSERT_EQ(fix->items.size(), 2u);
  EXPECT_EQ(fix->items[0].label, "Merged fix #134 (merged 2026-06-01)");
  EXPECT_EQ(fix->items[0].text, "Open the file for writing");
  // The closing line alone is skipped; the first real paragraph is kept.
  EXPECT_EQ(fix->items[1].text,
            "The writer asked for read access only; this asks for write access.");
  EXPECT_EQ(fix->items[1].source.url, "https://github.com/acme/app/pull/134");
  // The pull's explanation also names the cause.
  EXPECT_EQ(SectionTexts(report, SectionKind::kRootCause),
            (std::vector<std::string>{"The writer opens the file read-only.",
                                      "fs.openSync(path, 'r');"}));
  EXPECT_EQ(report.status, "Fixed by #134 (merged 2026-06-01); a workaround is known");
}

TEST(Report, DuplicateTakesCauseAndWorkaroundFromTheCanonicalIssue) {
  // The canonical thread was read for workarounds only; its cause was lost.
  GraphBuilder b("acme/app#41");
  b.Issue("acme/app#41", "Same crash", "Crashes on unplug.", NodeState::kClosed, "duplicate");
  b.Issue("acme/app#40", "Crash on unplug",
          "Crashes.\n\n## Cause\nThe engine opens the device directly.\n\n"
          "## Workaround\nUse the default sink.\n");
  b.Say("acme/app#41", "lee", "MEMBER",
        "Same problem as #40; a workaround is there.\n\n"
        "Duplicate of #40");
  b.Link("acme/app#41", "acme/app#40", EdgeKind::kDuplicateOf);
  Report report = Analyze(b.graph());
  EXPECT_EQ(SectionTexts(report, SectionKind::kRootCause),
            (std::vector<std::string>{"The engine opens the device directly."}));
  EXPECT_EQ(SectionTexts(report, SectionKind::kWorkaround),
            (std::vector<std::string>{"Use the default sink."}));
}

TEST(Report, SurvivesOddInput) {
  const std::vector<std::string> bodies = {
      "",
      "   \n\n",
      "```",
      "## \n###\n**\n**:",
      std::string(5000, '#'),
      std::string(3000, '`') + "\nx\n",
      "> > > Error:\n> > panic: \n",
      "Label:\n\nWorkaround:\n\nRoot cause:",
      "\xff\xfe\x00 broken \xc3 utf8 Traceback (most recent call last)",
      "1. a\n   1. b\n      1. c\n         ```\n         Error: deep\n         ```\n",
      "| a | b |\n|---|---|\n| Error: x | y |\n",
  };
  for (const std::string& body : bodies) {
    GraphBuilder b("acme/app#1");
    b.Issue("acme/app#1", "T", body, NodeState::kClosed, "completed");
    b.Say("acme/app#1", "", "", body);
    b.Say("acme/app#1", "lee", "OWNER", body + "\nworks for me");
    b.Link("acme/app#1", "acme/app#1", EdgeKind::kMentions);  // a self-loop
    Report report = Analyze(b.graph());
    EXPECT_FALSE(report.status.empty());
  }
}

TEST(Report, SameGraphSameReport) {
  Graph graph = RichThread();
  EXPECT_EQ(Dump(Analyze(graph)), Dump(Analyze(graph)));
  Graph copy = RichThread();
  EXPECT_EQ(Dump(Analyze(graph)), Dump(Analyze(copy)));
}

}  // namespace
}  // namespace issuegraph::analyze
