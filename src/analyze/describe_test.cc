#include "analyze/describe.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/environment.h"
#include "analyze/errors.h"
#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;

// "label|text|level" per item.
std::vector<std::string> Lines(const std::vector<ReportItem>& items) {
  std::vector<std::string> lines;
  for (const ReportItem& item : items) {
    lines.push_back(item.label + "|" + item.text + "|" + std::to_string(item.list_level));
  }
  return lines;
}

Thread ThreadOf(GraphBuilder& b, const std::string& key) {
  return ReadThread(*b.graph().FindMutable(key));
}

TEST(Summary, FromASummarySection) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "<!-- template hint -->\n## Version\n1.2\n\n## Describe the bug\n"
          "The export button does nothing.\nNo request is sent.\n\n## Steps\n- click\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  auto items = ExtractSummary(thread);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "The export button does nothing. No request is sent.");
  EXPECT_EQ(items[0].source.Text(), "acme/app#1 (body)");
}

TEST(Summary, FirstParagraphTrimmedAtASentence) {
  std::string sentence = "This sentence is about forty bytes long. ";
  std::string body;
  for (int i = 0; i < 30; ++i) body += sentence;
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", body + "\n\nSecond paragraph.");
  Thread thread = ThreadOf(b, "acme/app#1");
  auto items = ExtractSummary(thread);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_LE(items[0].text.size(), 600u);
  EXPECT_GE(items[0].text.size(), 500u);
  EXPECT_TRUE(items[0].text.ends_with("long.")) << items[0].text;
}

TEST(Summary, NoneForAnEmptyBody) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "");
  Thread thread = ThreadOf(b, "acme/app#1");
  EXPECT_TRUE(ExtractSummary(thread).empty());
}

TEST(Summary, TheTitleWhenTheBodyIsBulletsAndLogsOnly) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "dmg does not launch on Apple Silicon",
          "- 4.1.0 dmg\n- no window\n\n```\ndyld: Library not loaded\n```\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  EXPECT_EQ(Lines(ExtractSummary(thread)),
            (std::vector<std::string>{"|dmg does not launch on Apple Silicon|0"}));
}

TEST(Reproduction, StepsAParagraphIntroducesAndAReproBullet) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It crashes.\n\nHow I trigger it:\n\n1. Start a recording.\n2. Rotate the phone.\n\n"
          "Pixel 7.\n");
  b.Issue("acme/app#2", "T", "- 4.1.0\n- repro: fresh install, open it\n- no window\n");
  EXPECT_EQ(Lines(ExtractReproduction(ThreadOf(b, "acme/app#1"), {})),
            (std::vector<std::string>{"|Start a recording.|1", "|Rotate the phone.|1"}));
  EXPECT_EQ(Lines(ExtractReproduction(ThreadOf(b, "acme/app#2"), {})),
            (std::vector<std::string>{"Repro|fresh install, open it|1"}));
}

TEST(Reproduction, WithoutStepsInTheReportTheFirstCommentThatListsThem) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "Pulls fail now and then.");
  b.Say("acme/app#1", "ann", "NONE", "Same here.\n\n1. not steps, no lead-in\n");
  b.Say("acme/app#1", "rosa", "CONTRIBUTOR",
        "I can trigger it every time:\n\n1. Start with an empty cache.\n2. Pull from two "
        "machines at once.\n");
  EXPECT_EQ(Lines(ExtractReproduction(ThreadOf(b, "acme/app#1"), {})),
            (std::vector<std::string>{"|Start with an empty cache.|1",
                                      "|Pull from two machines at once.|1"}));
}

TEST(Reproduction, StepsExpectedActualFromTemplateHeadings) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "**To Reproduce**\n1. Open settings\n2. Click export\n   - with a nested note\n\n"
          "**Expected behavior**\nA file downloads.\n\n"
          "### Actual behavior\n\n```\nError: export failed\n```\n\nNothing happens.\n\n"
          "**Desktop**\n - OS: macOS 14\n - Browser: Firefox 126\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  BlockSet errors;
  ExtractErrors({&thread}, &errors);
  EXPECT_EQ(
      Lines(ExtractReproduction(thread, errors)),
      (std::vector<std::string>{"|Open settings|1", "|Click export|1", "|with a nested note|2",
                                "Expected|A file downloads.|0", "Actual|Nothing happens.|0"}));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"|OS: macOS 14|1", "|Browser: Firefox 126|1"}));
}

TEST(Environment, LabelLinesOutsideASection) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "It breaks.\n\nVersion: 2.1.0\n\nOperating system: Debian 12\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"Version|2.1.0|0", "Operating system|Debian 12|0"}));
}

TEST(CodeExamples, RemainingBlocksOnceWithLanguage) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "```yaml\nexport: true\n```\n\n```\nTraceback (most recent call last):\n  x\n"
          "KeyError: 'a'\n```\n");
  b.Say("acme/app#1", "ann", "NONE", "Config:\n\n```yaml\nexport:   true\n```\n\n```\nmake\n```");
  Thread thread = ThreadOf(b, "acme/app#1");
  BlockSet errors;
  ExtractErrors({&thread}, &errors);
  auto items = ExtractCodeExamples(thread, errors);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].text, "export: true");
  EXPECT_EQ(items[0].language, "yaml");
  EXPECT_EQ(items[1].text, "make");
  EXPECT_EQ(items[1].source.Text(), "acme/app#1 (comment 1000)");
}

TEST(Discussion, DecisionsAndLatestComment) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "Body.");
  b.Say("acme/app#1", "lee", "MEMBER", "We will ship this in the next release.");
  b.Say("acme/app#1", "ann", "NONE", "Great.");
  b.Say("acme/app#1", "ann", "NONE", "Any news?");
  Thread thread = ThreadOf(b, "acme/app#1");
  EXPECT_EQ(Lines(ExtractDiscussion(thread)),
            (std::vector<std::string>{"|We will ship this in the next release.|0",
                                      "Latest comment|Any news?|0"}));
}

TEST(Reproduction, SnippetIntroducedAsWhatWasRun) {
  // An unheaded "Minimal script:" or "Command:" block was not reproduction.
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It crashes.\n\nMinimal script:\n\n```python\nimport app\napp.run()\n```\n\n"
          "It fails with:\n\n```\nValueError: bad\n```\n\nMy config:\n\n```toml\na = 1\n```\n\n"
          "Running this reproduces it every time:\n\n```\napp export --all\n```\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  BlockSet errors;
  ExtractErrors({&thread}, &errors);
  EXPECT_EQ(
      Lines(ExtractReproduction(thread, errors)),
      (std::vector<std::string>{"Minimal script|import app\napp.run()|0", "|app export --all|0"}));
}

TEST(Reproduction, WithoutStepsWhatBringsItOnAndTheCommandsRun) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "After upgrading from 0.17 to 0.18 the pod crashes. It only happens when `retention:` "
          "is empty. Is that expected?\n\nConfigure and build:\n\n```console\n$ cmake -S . -B "
          "build -DUSE_SYSTEM_FMT=ON\n$ cmake --build build\nmain.cpp:3:5: error: no member "
          "named 'join' in namespace 'fmt'\n```\n\nWith fmt 10.2 it was fine.\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  BlockSet errors;
  ExtractErrors({&thread}, &errors);
  EXPECT_EQ(Lines(ExtractReproduction(thread, errors)),
            (std::vector<std::string>{
                "|After upgrading from 0.17 to 0.18 the pod crashes.|0",
                "|It only happens when retention: is empty.|0",
                "Commands run|cmake -S . -B build -DUSE_SYSTEM_FMT=ON\ncmake --build build|0",
                "|With fmt 10.2 it was fine.|0"}));
}

TEST(Reproduction, TheReportersStepsGivenOnRequest) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "It crashes when I export.");
  b.Say("acme/app#1", "lee", "MEMBER", "Can you list the steps?");
  b.Say("acme/app#1", "ann", "NONE", "Here you go:\n\n1. Open a ledger.\n2. Export it.\n");
  b.graph().FindMutable("acme/app#1")->author = "ann";
  EXPECT_EQ(Lines(ExtractReproduction(ThreadOf(b, "acme/app#1"), {})),
            (std::vector<std::string>{"|Open a ledger.|1", "|Export it.|1"}));
}

TEST(Reproduction, ExpectationInPlainProse) {
  // "I would expect …" outside any section was not read as the expectation.
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "Export aborts.\n\nI would expect the row to be written with an empty column.\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  EXPECT_EQ(Lines(ExtractReproduction(thread, {})),
            (std::vector<std::string>{
                "Expected|I would expect the row to be written with an empty column.|0"}));
  // With an expected section, that section speaks.
  GraphBuilder c("acme/app#2");
  c.Issue("acme/app#2", "T",
          "Export aborts. I would expect more.\n\nI would expect a row.\n\n"
          "### Expected behavior\nA row.\n");
  Thread other = ThreadOf(c, "acme/app#2");
  EXPECT_EQ(Lines(ExtractReproduction(other, {})), (std::vector<std::string>{"Expected|A row.|0"}));
}

TEST(Reproduction, TemplatesSeeErrorStepIsAPlaceholder) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "**To Reproduce**\n1. Run `app build`\n2. See error\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  EXPECT_EQ(Lines(ExtractReproduction(thread, {})), (std::vector<std::string>{"|Run app build|1"}));
}

TEST(CodeExamples, DataDumpsRepeatedWithOtherNumbersAreDropped) {
  // Seven near-identical status dumps of a long thread were all listed.
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "Leaks.\n\n```sh\napp --pool off\n```\n");
  for (int i = 0; i < 4; ++i) {
    b.Say("acme/app#1", "u" + std::to_string(i), "NONE",
          "Ours:\n\n```\n$ app status\nopen: " + std::to_string(1000 + 7 * i) +
              "\n```\n\n"
              "```sh\napp --pool off\n```");
  }
  Thread thread = ThreadOf(b, "acme/app#1");
  auto items = ExtractCodeExamples(thread, {});
  ASSERT_EQ(items.size(), 1u);
  // A command pasted again and again is the same example, kept once.
  EXPECT_EQ(items[0].text, "app --pool off");
  EXPECT_EQ(items[0].source.Text(), "acme/app#1 (body)");
}

TEST(CodeExamples, TheSameDumpTwiceIsKeptOnce) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "Leaks.\n\n```\nopen: 12\n```\n");
  b.Say("acme/app#1", "ann", "NONE", "```\nopen: 15\n```");
  Thread thread = ThreadOf(b, "acme/app#1");
  auto items = ExtractCodeExamples(thread, {});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "open: 12");
}

TEST(Reproduction, ALongLeadInSaysWhatTheSnippetDoes) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "Workers crash.\n\nTo reproduce, enqueue a job whose `perform/1` always raises and "
          "wait for the retries:\n\n```elixir\nMyApp.AlwaysFails.enqueue(%{})\n```\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  BlockSet errors;
  ExtractErrors({&thread}, &errors);
  EXPECT_EQ(Lines(ExtractReproduction(thread, errors)),
            (std::vector<std::string>{"|To reproduce, enqueue a job whose perform/1 always raises "
                                      "and wait for the retries:|0",
                                      "|MyApp.AlwaysFails.enqueue(%{})|0"}));
}

TEST(Reproduction, ASentenceThatNamesTheCommandItRan) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "Hi\nI added it to my dependencies and ran `swift package update`, but now `swift "
          "package generate-xcodeproj` fails. I like `make` too.\n");
  Thread thread = ThreadOf(b, "acme/app#1");
  auto items = RanCommandSentences(*BodyOf(thread));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text,
            "Hi I added it to my dependencies and ran swift package update, but now swift package "
            "generate-xcodeproj fails.");
}

}  // namespace
}  // namespace issuegraph::analyze
