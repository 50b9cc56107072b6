#include "analyze/errors.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/test_graphs.h"

namespace issuegraph::analyze {
namespace {

using testing::GraphBuilder;

// A fenced code block; its text is kept for the rest of the run, as a
// block's views need.
text::Block Code(std::string_view text, std::string_view info = "") {
  static text::Blocks kept;
  text::Block block;
  block.kind = text::BlockKind::kCode;
  block.text = kept.Keep(text);
  block.info = kept.Keep(info);
  block.fenced = true;
  return block;
}

TEST(IsErrorBlock, SourceCodeIsNotAnError) {
  EXPECT_FALSE(
      IsErrorBlock(Code("if not token:\n    raise AuthError(\"missing\")", "python"), "", false));
  EXPECT_FALSE(IsErrorBlock(Code("try:\n    run()\nexcept ValueError:\n    pass"), "", false));
  // A traceback stays an error whatever the fence says.
  EXPECT_TRUE(IsErrorBlock(
      Code("Traceback (most recent call last):\n  File \"a.py\", line 1\nKeyError: 'x'", "python"),
      "", false));
}

TEST(IsErrorBlock, LeadInAndHeadingMakeOutputAnError) {
  text::Block output = Code("Provider authentication failed: token missing.\nRun `tool login`.");
  EXPECT_TRUE(IsErrorBlock(output, "after that the runtime fails with:", false));
  text::Block plain = Code("Added credential #2: \"oauth-2\"");
  EXPECT_FALSE(IsErrorBlock(plain, "Complete the flow. Output:", false));
  EXPECT_TRUE(IsErrorBlock(plain, "", /*under_logs_heading=*/true));
}

TEST(NormalizeError, FoldsNumbersIdsAndSpace) {
  EXPECT_EQ(NormalizeError("Error at 0x7ffd1234:  line 42\n  took 3.5s"),
            NormalizeError("error at 0x7ffe9999: line 7 took 12.0s"));
  EXPECT_NE(NormalizeError("Error: disk full"), NormalizeError("Error: disk empty"));
}

TEST(ErrorSignature, SameFailureDifferentIdsAndTraces) {
  EXPECT_EQ(ErrorSignature("2026-03-01T22:41:09Z INFO merging 6 segments\n"
                           "2026-03-01T22:41:13Z ERROR store: checksum mismatch in seg_7c01e2aa: "
                           "expected crc32c 91d04f2e, got 3b6a0c17\n#0 0x00007f3a31e969fc in f ()"),
            ErrorSignature("2026-03-02T00:28:35Z ERROR store: checksum mismatch in seg_6153e451: "
                           "expected crc32c b926aca2, got 55c67ee5"));
  // Tracebacks share their header; the last line tells them apart.
  EXPECT_NE(ErrorSignature("Traceback (most recent call last):\n  File \"a.py\"\nKeyError: 'a'"),
            ErrorSignature("Traceback (most recent call last):\n  File \"a.py\"\nValueError: x"));
}

TEST(ExcerptError, LongLogsKeepTheErrorLines) {
  std::string log;
  for (int i = 0; i < 100; ++i) log += "INFO step " + std::to_string(i) + "\n";
  log += "Error: the last step failed\n";
  for (int i = 0; i < 50; ++i) log += "INFO cleanup " + std::to_string(i) + "\n";
  std::string excerpt = ExcerptError(log);
  EXPECT_NE(excerpt.find("Error: the last step failed"), std::string::npos);
  EXPECT_NE(excerpt.find("lines omitted"), std::string::npos);
  EXPECT_LT(excerpt.size(), log.size() / 4);
  EXPECT_EQ(ExcerptError("Error: short\n"), "Error: short");
}

TEST(ExtractErrors, DeduplicatedWithOccurrencesAndFirstSource) {
  GraphBuilder b("acme/app#12");
  b.Issue("acme/app#12", "Crash",
          "It fails:\n\n```\nError: EACCES: permission denied, open '/home/a/1.txt'\n```\n\n"
          "```python\ndef save():\n    raise IOError('nope')\n```\n");
  b.Say("acme/app#12", "bo", "NONE",
        "Same for me:\n\n```\nError: EACCES: permission denied, open '/home/a/2.txt'\n```");
  b.Say("acme/app#12", "cy", "NONE",
        "> Error: EACCES: permission denied, open '/home/a/3.txt'\n\n+1, and also\n\n"
        "```\nHTTP/1.1 502 Bad Gateway\n```");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#12"));
  BlockSet used;
  std::vector<ReportItem> errors = ExtractErrors({&thread}, &used);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].text, "Error: EACCES: permission denied, open '/home/a/1.txt'");
  EXPECT_EQ(errors[0].occurrences, 3);
  EXPECT_EQ(errors[0].source.Text(), "acme/app#12 (body)");
  EXPECT_TRUE(errors[0].is_code);
  EXPECT_EQ(errors[1].text, "HTTP/1.1 502 Bad Gateway");
  EXPECT_EQ(errors[1].occurrences, 1);
  EXPECT_EQ(errors[1].source.Text(), "acme/app#12 (comment 1001)");
  EXPECT_EQ(errors[1].author, "cy");
  EXPECT_EQ(used.size(), 4u);  // the source block is not an error
}

TEST(ExtractErrors, DataAfterALongOutputLabelIsNotAnError) {
  // "Output after about a day:" was read as a log section label, so a status
  // dump without any error became an error message.
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T", "Leaks.");
  b.Say("acme/app#1", "ann", "NONE",
        "Output after about a day:\n\n```\n$ app status\nopen descriptors: 61539\n```");
  b.Say("acme/app#1", "bo", "NONE", "Output:\n\n```\nopen descriptors: 61539\n```");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  BlockSet used;
  auto items = ExtractErrors({&thread}, &used);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].source.Text(), "acme/app#1 (comment 1001)");
}

TEST(ExtractErrors, AMessageQuotedInProse) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "Install fails",
          "The message I keep getting is \"package 'app_0.2.6.tar' is not available (for R "
          "version 3.6.0)\". The docs say \"run the installer once more\" but that is all.");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  BlockSet used;
  auto items = ExtractErrors({&thread}, &used);
  // The docs' advice is quoted too, but no words say a tool printed it.
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].text, "package 'app_0.2.6.tar' is not available (for R version 3.6.0)");
}

TEST(ExtractErrors, AToolsErrorUnderAShellFence) {
  GraphBuilder b("acme/app#1");
  b.Issue("acme/app#1", "T",
          "Running `./configure; make` ends with this:\n\n```sh\nconfigure: error: \"Could not "
          "find pam_appl.h required for pam authentication\"\nmake: *** No targets specified and "
          "no makefile found.  Stop.\n```\n\nTo build:\n\n```sh\n./configure "
          "--prefix=/usr\nmake\n```\n");
  Thread thread = ReadThread(*b.graph().FindMutable("acme/app#1"));
  BlockSet used;
  auto items = ExtractErrors({&thread}, &used);
  ASSERT_EQ(items.size(), 1u);  // the commands are not output
  EXPECT_TRUE(items[0].text.starts_with("configure: error:"));
}

}  // namespace
}  // namespace issuegraph::analyze
