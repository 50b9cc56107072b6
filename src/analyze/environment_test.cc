#include "analyze/environment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(EnvironmentFacts, SystemsRuntimesProductsAndHardware) {
  EXPECT_EQ(EnvironmentFacts("Seen with quarry 1.4.2 under OpenJDK 17 on Debian 11."), 3);
  EXPECT_EQ(EnvironmentFacts("debian 11, python 3.11"), 2);
  EXPECT_EQ(EnvironmentFacts("A laptop with Windows 10, 16 GB RAM and 8 cores."), 3);
  EXPECT_EQ(EnvironmentFacts("Runs on arm64 under macOS 14.4."), 2);
  EXPECT_EQ(EnvironmentFacts("Mac OS 13 and node 18.19.0"), 2);
  // A name mentioned twice is one fact.
  EXPECT_EQ(EnvironmentFacts("Moving from node 18 to node 20 broke it."), 1);
}

TEST(EnvironmentFacts, OrdinaryWordsAndBareVersionsAreNotFacts) {
  // Versions after prepositions name no product.
  EXPECT_EQ(EnvironmentFacts("I tried with 3.4.2 and 3.5.0, same result."), 0);
  EXPECT_EQ(EnvironmentFacts("It moves through the text in windows of three bytes."), 0);
  EXPECT_EQ(EnvironmentFacts("Windows of three bytes cover the BMP."), 0);
  EXPECT_EQ(EnvironmentFacts("Only on Windows, with bun 1.1."), 2);
  EXPECT_EQ(EnvironmentFacts("There are two ways to go: patch it or drop it."), 0);
  EXPECT_EQ(EnvironmentFacts("The kiosks cannot be upgraded past 2.9."), 0);
  EXPECT_EQ(EnvironmentFacts("The folder is more than 20 GB."), 0);
}

TEST(Environment, PlainSentencesWhenThereIsNoSection) {
  // Environment written as prose used to be missed entirely.
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "The importer stops halfway. I tried 2.0 and 2.1, same thing. My box is Fedora 39 "
          "with 32 GB RAM, importer 2.1.0.\n\n"
          "1. Run the importer on Ubuntu 22.04 with node 20\n\n"
          "alpine 3.19, bun 1.1\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"|My box is Fedora 39 with 32 GB RAM, importer 2.1.0.|0",
                                      "|Run the importer on Ubuntu 22.04 with node 20|1",
                                      "|alpine 3.19, bun 1.1|0"}));
}

TEST(Environment, ATitleThatNamesTheVersionItBreaksIn) {
  for (const char* title : {"LoadError in 2.1.1", "Crash since 4.0.2", "Already on v1.4.10"}) {
    GraphBuilder b("acme/app#1");
    b.Issue("acme/app#1", title, "It fails.");
    Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
    EXPECT_EQ(Lines(ExtractEnvironment(thread)),
              (std::vector<std::string>{std::string("Title|") + title + "|0"}));
  }
  // A number that is not a version the reporter runs.
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "Upload fails for files over 2.5 GB", "It fails.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_TRUE(ExtractEnvironment(thread).empty());
}

TEST(Environment, VersionsAPastedSessionPrinted) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "Build hangs",
          "It hangs at the link step.\n\n```\n$ tool --version\ntool 1.9.11\n$ go version\n"
          "go version go1.22.1 linux/amd64\n$ tool build\nlinking...\n```\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"tool --version|tool 1.9.11|0",
                                      "go version|go version go1.22.1 linux/amd64|0"}));
  // A command's other output, and a version flag with nothing printed.
  GraphBuilder other("acme/app#1");
  other.Issue("acme/app#1", "Build hangs",
              "```\n$ tool build -v\nbuilding 3 targets\n$ node -v\n```\n");
  Thread none = ReadThread(*other.graph().FindMutable("acme/app#1"));
  EXPECT_TRUE(ExtractEnvironment(none).empty());
}

TEST(Environment, StepsAndQuestionsAreNotTheEnvironment) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It breaks.\n\n## Steps to reproduce\n1. Install Ubuntu 22.04 and node 20\n\n"
          "Does it happen on Fedora 40 with node 22?\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_TRUE(ExtractEnvironment(thread).empty());
}

TEST(Environment, AVersionListAmongTheStepsIsTheEnvironment) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It breaks.\n\n## Steps to reproduce\n\nRun the script twice.\n\n"
          "lib 1.6.0, numpy 2.0.1, Python 3.12.3 on Ubuntu 24.04.\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"|lib 1.6.0, numpy 2.0.1, Python 3.12.3 on Ubuntu 24.04.|0"}));
}

TEST(Environment, BulletsThatNameTheSetupBetweenThem) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It fails.\n\n- tallybook 4.0.0 (Docker image)\n- PostgreSQL 15.6\n- 2,400 customers\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"|tallybook 4.0.0 (Docker image)|1", "|PostgreSQL 15.6|1"}));
}

TEST(Environment, ASentenceThatIntroducesTheSetupOrAClauseOfALongOne) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "We run relaymq 2.3.0 with three sinks. It retries too little.\n\n"
          "Since 2.5.0 the hook fails on every file that starts with a front matter block, which "
          "in our repository is all of them, and going back fixes it, and passing the plugin "
          "flag also works, so my guess is that the plugin is no longer loaded by default; this "
          "is Node 20.11.1 on macOS 14.4.\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{"|We run relaymq 2.3.0 with three sinks.|0",
                                      "|this is Node 20.11.1 on macOS 14.4.|0"}));
}

TEST(Environment, ASectionWinsOverSentences) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "Broken on Debian 12 with gcc 12.\n\n## Environment\n- app 1.2.0\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)), (std::vector<std::string>{"|app 1.2.0|1"}));
}

TEST(Environment, TheSentencesThatFollowTheSetupInItsParagraph) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "The popup is blank.\n\nFirefox 126.0.1 on Windows 11, TabShelf 3.2.0. Other "
          "extensions: PrivacyFence 8.4 and a dark theme. It started yesterday.\n\n"
          "I also tried Fence 2.1 once.\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(Lines(ExtractEnvironment(thread)),
            (std::vector<std::string>{
                "|Firefox 126.0.1 on Windows 11, TabShelf 3.2.0.|0",
                "|Other extensions: PrivacyFence 8.4 and a dark theme.|0"}));
}

TEST(Environment, AToolsVersionLineUnderASentenceThatNamesTheSetup) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It fails.\n\nI'm on Ubuntu 14.04, got leiningen from the package manager, and it says:\n"
          "\n```\nLeiningen 1.7.1 on Java 1.7.0_91 OpenJDK 64-Bit Server VM\n```\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  const std::vector<std::string> lines = Lines(ExtractEnvironment(thread));
  EXPECT_NE(std::find(lines.begin(), lines.end(),
                      "|Leiningen 1.7.1 on Java 1.7.0_91 OpenJDK 64-Bit Server VM|0"),
            lines.end());
}

TEST(Environment, ADebugBlocksVersionFields) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It crashes.\n\n###### Debug info\nAnkiDroid Version = 2.16alpha88\n\nAndroid Version = "
          "12\n\n"
          "New schema = false\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(
      Lines(ExtractEnvironment(thread)),
      (std::vector<std::string>{"|AnkiDroid Version = 2.16alpha88|0", "|Android Version = 12|0"}));
}

TEST(Environment, AListingTheReporterIntroducesAsTheEnvironment) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "It stopped working.\n\n```\nusing App\n```\n\nThe error is long. Here is the "
          "environment:\n\n```\nStatus `~/Project.toml`\n  [220ca800] App v0.5.7\n"
          "  [a93c6f00] DataFrames v1.6.1\n```\n\nAnd the output:\n\n```\nline 3.0 fails\n```\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  EXPECT_EQ(
      Lines(ExtractEnvironment(thread)),
      (std::vector<std::string>{"|[220ca800] App v0.5.7|0", "|[a93c6f00] DataFrames v1.6.1|0"}));
}

}  // namespace
}  // namespace issuegraph::analyze
