#include "serve/permalink.h"

#include <gtest/gtest.h>

namespace issuegraph::serve {
namespace {

TEST(PermalinkTest, MirrorsGitHubPathsAndPrefixesEnterpriseHosts) {
  IssueRef ref = *ParseIssueRef("Acme/App#12");
  EXPECT_EQ(Permalink(ref, false), "/Acme/App/issues/12");
  EXPECT_EQ(Permalink(ref, true), "/Acme/App/pull/12");
  ref.host = "git.example.com";
  EXPECT_EQ(Permalink(ref, false), "/ghe/git.example.com/Acme/App/issues/12");
}

TEST(PermalinkTest, ParsesPagesDownloadsAndApiPaths) {
  auto page = ParsePermalink("/acme/app/pull/7");
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->pull);
  EXPECT_EQ(page->ref.Key(), "acme/app#7");
  EXPECT_EQ(page->download, Download::kNone);
  EXPECT_EQ(ParsePermalink("/acme/app/issues/7.md")->download, Download::kMarkdown);
  EXPECT_EQ(ParsePermalink("/acme/app/issues/7.json")->download, Download::kJson);
  EXPECT_EQ(ParsePermalink("/acme/app/issues/7.archive.json")->download, Download::kArchive);
  auto enterprise = ParsePermalink("/ghe/Git.Example.com/acme/app/issues/7");
  ASSERT_TRUE(enterprise);
  EXPECT_EQ(enterprise->ref.host, "git.example.com");
  auto api = ParsePermalink("/api/v1/reports/acme/app/issues/7", "/api/v1/reports");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->ref.number, 7);
}

TEST(PermalinkTest, RejectsAnythingElse) {
  for (std::string_view path : {"/", "/acme/app", "/acme/app/issues/0", "/acme/app/issues/x", "/acme/app/wiki/1",
                                "/acme/app/issues/1/extra", "/../app/issues/1", "/acme/app/issues/1.exe",
                                "/ghe/h/acme/app/commits/1"}) {
    EXPECT_FALSE(ParsePermalink(path)) << path;
  }
}

}  // namespace
}  // namespace issuegraph::serve
