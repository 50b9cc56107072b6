#include "analyze/sections.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/markdown.h"

namespace issuegraph::analyze {
namespace {

struct HeadingCase {
  std::string heading;
  Topic topic;
};

TEST(ClassifyHeading, SynonymsInManyStyles) {
  const std::vector<HeadingCase> cases = {
      {"Summary", Topic::kSummary},
      {"Describe the bug", Topic::kSummary},
      {"🐛 Bug description", Topic::kSummary},
      {"What happened?", Topic::kSummary},
      {"Is your feature request related to a problem? Please describe.", Topic::kSummary},
      {"Steps to Reproduce", Topic::kReproduction},
      {"To reproduce:", Topic::kReproduction},
      {"Repro", Topic::kReproduction},
      {"Minimal reproducible example", Topic::kReproduction},
      {"Reproducible Demo", Topic::kReproduction},
      {"Expected behaviour", Topic::kExpected},
      {"EXPECTED RESULT", Topic::kExpected},
      {"Actual behavior", Topic::kActual},
      {"What happens instead?", Topic::kActual},
      {"Environment", Topic::kEnvironment},
      {"Your environment (versions)", Topic::kEnvironment},
      {"OS", Topic::kEnvironment},
      {"Relevant log output", Topic::kLogs},
      {"Stack trace", Topic::kLogs},
      {"Root cause", Topic::kRootCause},
      {"Root-cause analysis", Topic::kRootCause},
      {"Analysis", Topic::kRootCause},
      {"Proposed fix", Topic::kFix},
      {"Describe the solution you'd like", Topic::kFix},
      {"Fix / Workaround", Topic::kWorkaround},
      {"Workaround for users", Topic::kWorkaround},
      {"Temporary fix", Topic::kWorkaround},
      {"Additional context", Topic::kOther},
      {"Why this matters", Topic::kOther},
      {"Screenshots", Topic::kOther},
      {"Changelog", Topic::kNone},
      {"", Topic::kNone},
  };
  for (const HeadingCase& c : cases) {
    EXPECT_EQ(ClassifyHeading(c.heading), c.topic) << c.heading;
  }
}

TEST(ClassifyHeading, LongSentencesNeedMultiWordPhrases) {
  // One word of a long sentence says little about a section.
  EXPECT_EQ(ClassifyHeading("Note that the version in the lock file was bumped by someone else "
                            "last week"),
            Topic::kNone);
}

TEST(SplitLabel, LabelsWithAndWithoutText) {
  LabelLine line = SplitLabel("Workaround: pin the version to 1.3");
  EXPECT_EQ(line.topic, Topic::kWorkaround);
  EXPECT_EQ(line.label, "Workaround");
  EXPECT_EQ(line.rest, "pin the version to 1.3");
  EXPECT_EQ(SplitLabel("Expected:").topic, Topic::kExpected);
  EXPECT_EQ(SplitLabel("See https://example.com: it says so").topic, Topic::kNone);
  EXPECT_EQ(SplitLabel("I think the thing we all want here is: less").topic, Topic::kNone);
  EXPECT_EQ(SplitLabel("Python: 3.12").topic, Topic::kNone);
  EXPECT_EQ(SplitLabel("Fixes: #6").topic, Topic::kNone);
  EXPECT_EQ(SplitLabel("Question about the workaround: does it last? We restart weekly.").topic,
            Topic::kNone);
}

TEST(SplitLabel, LongLabelNeedsMoreThanOneGenericWord) {
  // "Output after about a day:" introduced a status dump that was then read
  // as error output.
  EXPECT_EQ(SplitLabel("Output after about a day:").topic, Topic::kNone);
  EXPECT_EQ(SplitLabel("Output:").topic, Topic::kLogs);
  EXPECT_EQ(SplitLabel("Relevant log output:").topic, Topic::kLogs);
  EXPECT_EQ(SplitLabel("Backtrace from gdb:").topic, Topic::kLogs);
  // Workaround and cause are specific enough in any label.
  EXPECT_EQ(SplitLabel("A workaround that helped me: restart").topic, Topic::kWorkaround);
}

std::vector<Topic> TopicsOf(const std::string& markdown) {
  return AssignTopics(text::ParseBlocks(markdown));
}

TEST(AssignTopics, AtxHeadingsAnyLevel) {
  auto topics = TopicsOf(
      "Intro line.\n\n### Steps to reproduce\n1. one\n2. two\n\n#### Details\nmore\n\n"
      "# Environment\nLinux\n");
  EXPECT_EQ(topics, (std::vector<Topic>{Topic::kNone, Topic::kHeading, Topic::kReproduction,
                                        Topic::kReproduction, Topic::kHeading, Topic::kReproduction,
                                        Topic::kHeading, Topic::kEnvironment}));
}

TEST(AssignTopics, ALabelOverAListNamesOnlyTheList) {
  auto topics = TopicsOf(
      "Steps to reproduce:\n1. `git clone x`\n2. `make`\n\nThis gives an odd exception.\n\n"
      "I'd say the message should be clearer.\n");
  EXPECT_EQ(topics, (std::vector<Topic>{Topic::kHeading, Topic::kReproduction, Topic::kReproduction,
                                        Topic::kNone, Topic::kNone}));
}

TEST(AssignTopics, BoldTemplateHeadingsAndLabels) {
  auto topics = TopicsOf(
      "**Describe the bug**\nIt breaks.\n\n**To Reproduce**\n- run it\n\n"
      "Expected: it works\n\nActual:\n\nit does not\n");
  EXPECT_EQ(topics, (std::vector<Topic>{Topic::kHeading, Topic::kSummary, Topic::kHeading,
                                        Topic::kReproduction, Topic::kExpected, Topic::kHeading,
                                        Topic::kActual}));
}

TEST(AssignTopics, UnknownHeadingOfSameLevelEndsTheSection) {
  auto topics = TopicsOf("## Workaround\nDo this.\n\n## Changelog\nNot this.\n");
  EXPECT_EQ(topics, (std::vector<Topic>{Topic::kHeading, Topic::kWorkaround, Topic::kHeading,
                                        Topic::kOther}));
}

TEST(AssignTopics, SetextHeadings) {
  auto topics = TopicsOf("Root cause\n==========\n\nA race.\n");
  EXPECT_EQ(topics, (std::vector<Topic>{Topic::kHeading, Topic::kRootCause}));
}

}  // namespace
}  // namespace issuegraph::analyze
