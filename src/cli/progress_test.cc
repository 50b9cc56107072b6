#include "cli/progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace issuegraph::cli {
namespace {

// What the progress writes, through a memory stream.
class Captured {
 public:
  Captured() : file_(open_memstream(&buffer_, &size_)) {}
  ~Captured() {
    std::fclose(file_);
    std::free(buffer_);
  }
  std::FILE* file() { return file_; }
  std::string text() {
    std::fflush(file_);
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
};

TEST(TerminalProgressTest, NamesRequestKindsFromUrls) {
  EXPECT_EQ(TerminalProgress::KindOf("https://api.github.com/graphql"), "graphql");
  EXPECT_EQ(TerminalProgress::KindOf("https://api.github.com/repos/a/b/issues/1"), "issue");
  EXPECT_EQ(TerminalProgress::KindOf("https://api.github.com/repos/a/b/issues/1/timeline?per_page=100"), "timeline");
  EXPECT_EQ(TerminalProgress::KindOf("https://api.github.com/repos/a/b/pulls/7"), "pull");
}

TEST(TerminalProgressTest, ALiveLineIsRewrittenAndClearedAndSilentWhenNotLive) {
  Captured live;
  {
    TerminalProgress progress(live.file(), true, Verbosity::kNormal);
    progress.OnLevel({.depth = 1, .fetched = 5, .nodes = 6, .edges = 9, .next = 0, .requests = 2});
    progress.OnRequest({});  // not verbose: nothing
  }
  EXPECT_EQ(live.text(), "\r\033[Kissuegraph: level 1: 6 items, 9 links, 2 requests\r\033[K");

  Captured piped;
  {
    TerminalProgress progress(piped.file(), false, Verbosity::kNormal);
    progress.OnLevel({.depth = 0, .nodes = 1});
    progress.OnWait({std::chrono::milliseconds(3000), std::chrono::system_clock::now(), "rate limit"});
  }
  EXPECT_EQ(piped.text(), "");
}

TEST(TerminalProgressTest, VerboseLogsEachRequest) {
  Captured out;
  TerminalProgress progress(out.file(), false, Verbosity::kVerbose);
  http::RequestRecord record;
  record.method = "POST";
  record.url = "https://api.github.com/graphql";
  record.status = 200;
  record.elapsed_ms = 42;
  record.graphql_cost = 1;
  record.rate_remaining = 4999;
  progress.OnRequest(record);
  EXPECT_EQ(out.text(), "issuegraph: POST graphql 200 points=1 remaining=4999 42 ms\n");
}

}  // namespace
}  // namespace issuegraph::cli
