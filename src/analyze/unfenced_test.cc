#include "analyze/unfenced.h"

#include <gtest/gtest.h>

#include <string>

#include "analyze/error_lines.h"
#include "text/markdown.h"

namespace issuegraph::analyze {
namespace {

std::string Fence(std::string_view in) {
  std::string scratch;
  return std::string(FenceUnfencedOutput(in, scratch));
}

TEST(Unfenced, PythonTracebackKeepsItsBytes) {
  std::string in =
      "Every time:\n# trusttrees \nTraceback (most recent call last):\n"
      "  File \"/usr/local/bin/trusttrees\", line 6, in <module>\n"
      "    from trusttrees.__main__ import main\n"
      "ModuleNotFoundError: No module named 'trusttrees'\n\nAny pointers?";
  std::string out = Fence(in);
  EXPECT_EQ(out,
            "Every time:\n````\n# trusttrees \nTraceback (most recent call last):\n"
            "  File \"/usr/local/bin/trusttrees\", line 6, in <module>\n"
            "    from trusttrees.__main__ import main\n"
            "ModuleNotFoundError: No module named 'trusttrees'\n````\n\nAny pointers?");
  text::Blocks blocks;
  text::AppendBlocks(out, blocks);
  ASSERT_EQ(blocks.list().size(), 3u);
  EXPECT_EQ(blocks.list()[1].kind, text::BlockKind::kCode);
  EXPECT_NE(blocks.list()[1].text.find("from trusttrees.__main__ import main"), std::string_view::npos);
  EXPECT_NE(blocks.list()[1].text.find("<module>"), std::string_view::npos);
}

TEST(Unfenced, GoPanicGoesOnOverBlankLines) {
  std::string in =
      "panic: runtime error: invalid memory address or nil pointer dereference\n"
      "[signal 0xb code=0x1 addr=0x1 pc=0x8048f30]\n\ngoroutine 1 [running]:\nmain.main()\n"
      "\t/home/x/12.go:25 +0x330\n\nThanks";
  std::string out = Fence(in);
  EXPECT_EQ(out.find("````\npanic:"), 0u);
  EXPECT_NE(out.find("+0x330\n````\n\nThanks"), std::string::npos);
}

TEST(Unfenced, PromptsAndJavaTraces) {
  EXPECT_TRUE(StartsMachineOutput("$ python3 -V"));
  EXPECT_TRUE(StartsMachineOutput("C:\\Users\\me\\sample2>tsc greet.ts"));
  EXPECT_TRUE(StartsMachineOutput("PS C:\\work> npm ci"));
  EXPECT_TRUE(StartsMachineOutput("# pip3 install trusttrees"));
  EXPECT_TRUE(StartsMachineOutput("thread 'main' panicked at src\\main.rs:177:37"));
  EXPECT_FALSE(StartsMachineOutput("# Installation"));
  EXPECT_FALSE(StartsMachineOutput("$ "));
  EXPECT_FALSE(StartsMachineOutput("goroutines are fine"));
  std::string java = "java.lang.NullPointerException\n        at org.x.Y.z(Y.java:34)\n";
  EXPECT_EQ(Fence(java).rfind("````\njava.lang", 0), 0u);
}

TEST(Unfenced, LeavesFencesQuotesAndProseAlone) {
  std::string fenced = "```\nTraceback (most recent call last):\n  File \"a\"\n```\n";
  std::string scratch;
  EXPECT_EQ(FenceUnfencedOutput(fenced, scratch).data(), fenced.data());
  std::string quoted = "> Traceback (most recent call last):\n> boom\n";
  EXPECT_EQ(Fence(quoted), quoted);
  std::string prose = "The panic: it happens when the cache is cold.\n# Steps\n1. run it";
  EXPECT_EQ(Fence(prose), prose);
}

TEST(Unfenced, GradleFailureWithItsSectionsAndCauses) {
  const std::string in =
      "every time i get this error:\n\nFAILURE: Build failed with an exception.\n\n"
      "* What went wrong:\nExecution failed for task ':app:compileDebugJavaWithJavac'.\n"
      "> Compilation failed; see the compiler error output for details.\n\n"
      "## Reproducible Demo\nA blank project.";
  EXPECT_EQ(Fence(in),
            "every time i get this error:\n\n````\nFAILURE: Build failed with an exception.\n\n"
            "* What went wrong:\nExecution failed for task ':app:compileDebugJavaWithJavac'.\n"
            "> Compilation failed; see the compiler error output for details.\n````\n\n"
            "## Reproducible Demo\nA blank project.");
}

TEST(Unfenced, CMakeErrorWithItsMessageAndSummary) {
  const std::string in =
      "Configuring fails:\n\nCMake Error at CMakeLists.txt:12 (find_package):\n"
      "  Could not find a package configuration file provided by \"Foo\".\n\n"
      "-- Configuring incomplete, errors occurred!\n\nAny idea?";
  EXPECT_EQ(Fence(in),
            "Configuring fails:\n\n````\nCMake Error at CMakeLists.txt:12 (find_package):\n"
            "  Could not find a package configuration file provided by \"Foo\".\n\n"
            "-- Configuring incomplete, errors occurred!\n````\n\nAny idea?");
  EXPECT_TRUE(IsErrorLine("CMake Error at CMakeLists.txt:12 (find_package):"));
}

TEST(Unfenced, AToolsMessageIsNotAWritersLabel) {
  EXPECT_TRUE(IsToolError("Error starting daemon: error initializing graphdriver: no such file"));
  EXPECT_FALSE(IsToolError("Some more information: the same failure has shown up before"));
  EXPECT_FALSE(IsToolError("The cause here: the build failed on the cache step"));
  EXPECT_TRUE(IsToolError(
      "standard_init_linux.go:185: exec user process caused \"no such file or directory\""));
  EXPECT_FALSE(
      IsToolError("plus `auth.require_totp_for: [admin]` in app.yml. Failed logins are logged."));
}

TEST(Unfenced, TimestampedLogNeedsTwoLines) {
  EXPECT_EQ(Fence("12:40:16 alone\n"), "12:40:16 alone\n");
  std::string log = "12:40:16 * What went wrong:\n12:40:16 java.lang.NullPointerException\n";
  EXPECT_EQ(Fence(log).rfind("````\n12:40:16", 0), 0u);
}

}  // namespace
}  // namespace issuegraph::analyze
