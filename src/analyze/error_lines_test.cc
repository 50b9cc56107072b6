#include "analyze/error_lines.h"

#include <gtest/gtest.h>

namespace issuegraph::analyze {
namespace {

TEST(IsErrorLine, RecognisesCommonShapes) {
  for (const char* line : {
           "Traceback (most recent call last):",
           "ActiveRecord::StatementInvalid: PG::UndefinedColumn: ERROR:  column x does not exist",
           "WARNING: DATA RACE",
           "--- FAIL: TestNextRunAcrossMidnight (0.12s)",
           "    schedule_test.go:57: unexpected next run",
           "dyld[4471]: Library not loaded: @rpath/libvips-cpp.42.dylib",
           "ValueError: invalid literal for int() with base 10: 'x'",
           "java.lang.IllegalStateException: closed",
           "Uncaught TypeError: Cannot read properties of undefined",
           "Error: EACCES: permission denied",
           "error: linker `cc` not found",
           "error[E0308]: mismatched types",
           "src/main.cc:12:5: error: expected ';' after expression",
           "panic: runtime error: index out of range [3] with length 3",
           "thread 'main' panicked at src/main.rs:4:5:",
           "FATAL: could not open lock file",
           "2026-05-26 10:00:00,123 ERROR [worker] job failed",
           "[ERROR] Failed to execute goal",
           "HTTP/1.1 500 Internal Server Error",
           "< HTTP/2 403",
           "npm ERR! code ERESOLVE",
           "fatal: not a git repository",
           "Segmentation fault (core dumped)",
           "==48213==    definitely lost: 608 bytes in 19 blocks",
           "==48213== 1,216 (608 direct, 608 indirect) bytes in 19 blocks are definitely lost in "
           "loss record 2 of 2",
           "==9120== Invalid read of size 8",
           "==31==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010",
       }) {
    EXPECT_TRUE(IsErrorLine(line)) << line;
  }
}

TEST(IsErrorLine, IgnoresOrdinaryLines) {
  for (const char* line : {
           "except ValueError:",
           "raise AuthError(\"missing token\")",
           "HTTP/1.1 200 OK",
           "the error handling looks fine",
           "errors = []",
           "def handle_error(e):",
           "==48213==    definitely lost: 0 bytes in 0 blocks",
           "==48213==    indirectly lost: 608 bytes in 19 blocks",
           "==48213== HEAP SUMMARY:",
           "",
       }) {
    EXPECT_FALSE(IsErrorLine(line)) << line;
  }
}

// IsAnyErrorLine is one of the two tests, read once.
TEST(IsAnyErrorLine, IsEitherTest) {
  for (const char* line : {
           "Traceback (most recent call last):",
           "Caused by: java.io.IOException: closed",
           "zz Exception in thread \"main\" x",
           "it died: Segmentation fault",
           "HTTP/1.1 502 Bad Gateway",
           "src/a.cc:3:1: error: boom",
           "ValueError: bad",
           "Error: EACCES",
           "FATAL: nope",
           "the error handling looks fine",
           "errors = []",
           "HTTP/1.1 200 OK",
           "",
           "   ",
           "2026-05-26 10:00:00 ERROR job failed",
           "==1== Invalid read of size 8",
           "core dumped here",
       }) {
    EXPECT_EQ(IsAnyErrorLine(line), IsErrorLine(line) || IsUnmistakableErrorLine(line)) << line;
  }
}

// The phrases that mark an error wherever they stand are found at the
// start, in the middle and at the very end of a line, and not when a byte
// of them differs.
TEST(IsErrorLine, MarkersAnywhereInTheLine) {
  const std::string_view markers[] = {"Traceback (most recent call last)", "panicked at",
                                      "core dumped", "Library not loaded:", "undefined reference to",
                                      " are definitely lost in loss record ", " level=error"};
  for (std::string_view marker : markers) {
    const std::string text(marker);
    // A line's ends are trimmed: a marker ending in a space needs a byte after it.
    const std::string last = marker.ends_with(' ') ? "zz " + text + "x" : "zz " + text;
    EXPECT_TRUE(IsErrorLine(last)) << marker;
    EXPECT_TRUE(IsErrorLine("zz " + text + " zz")) << marker;
    EXPECT_TRUE(IsAnyErrorLine(last)) << marker;
    // At every offset from the line's start, and cut short by its first
    // byte (a leading space is trimmed with the line's).
    for (std::string prefix; prefix.size() < 9; prefix += 'z') {
      if (prefix.empty() && marker.starts_with(' ')) continue;
      EXPECT_TRUE(IsErrorLine(prefix + text + " zz")) << prefix << marker;
      EXPECT_FALSE(IsErrorLine(prefix + text.substr(0, text.size() - 1) + "#" + text.back()))
          << prefix << marker;  // a byte inserted: not found
      if (!marker.starts_with(' ')) {
        EXPECT_FALSE(IsErrorLine(prefix + text.substr(1) + " zz")) << marker;
      }
    }
    std::string changed = "zz " + text + " zz";
    changed[changed.size() - 5] = '#';
    EXPECT_FALSE(IsErrorLine(changed)) << changed;
  }
  for (std::string_view marker : {"Exception in thread", "Segmentation fault"}) {
    EXPECT_TRUE(IsUnmistakableErrorLine("zz " + std::string(marker) + " zz")) << marker;
    EXPECT_TRUE(IsAnyErrorLine("zz " + std::string(marker))) << marker;
    for (std::string prefix = "z"; prefix.size() < 9; prefix += 'z') {
      EXPECT_TRUE(IsUnmistakableErrorLine(prefix + std::string(marker))) << prefix << marker;
    }
  }
  EXPECT_TRUE(IsErrorLine("src/a.cc:12:5: error: no member"));
  EXPECT_FALSE(IsErrorLine("src/a.cc: error: no member"));  // no line number
  EXPECT_TRUE(IsErrorLine("    x_test.go:57: got 3"));
  EXPECT_FALSE(IsErrorLine("    x_test.go: got 3"));
}

TEST(StripLogPrefix, TimestampsTagsAndProcessIds) {
  EXPECT_EQ(StripLogPrefix("2026-05-26T10:00:00Z [worker] ERROR job failed"), "ERROR job failed");
  EXPECT_EQ(StripLogPrefix("==48213==    definitely lost: 608 bytes"), "definitely lost: 608 bytes");
  EXPECT_EQ(StripLogPrefix("==31==ERROR: AddressSanitizer"), "ERROR: AddressSanitizer");
  EXPECT_EQ(StripLogPrefix("[ERROR] Failed"), "[ERROR] Failed");  // the level is the message's
}

}  // namespace
}  // namespace issuegraph::analyze
