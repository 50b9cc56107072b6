#include "github/rest_source.h"

#include <gtest/gtest.h>

#include <map>

#include "github/api_location.h"
#include "model/clock.h"

namespace issuegraph::github {
namespace {

using nlohmann::json;

class NoClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() override { return {}; }
  void Sleep(std::chrono::milliseconds) override {}
};

// Serves fixed answers by URL; unknown URLs are 404. Records the URLs asked.
class UrlTransport : public http::Transport {
 public:
  void Json(const std::string& url, const json& body, std::map<std::string, std::string> headers = {}) {
    http::Response response;
    response.status = 200;
    response.body = body.dump();
    response.headers = std::move(headers);
    answers[url] = response;
  }
  void Status(const std::string& url, long status, std::map<std::string, std::string> headers = {}) {
    http::Response response;
    response.status = status;
    response.body = R"({"message":"nope"})";
    response.headers = std::move(headers);
    answers[url] = response;
  }
  std::vector<Result<http::Response>> PerformAll(const std::vector<http::Request>& requests) override {
    std::vector<Result<http::Response>> out;
    for (const auto& request : requests) {
      asked.push_back(request.url);
      auto it = answers.find(request.url);
      if (it != answers.end()) {
        out.push_back(it->second);
      } else {
        http::Response missing;
        missing.status = 404;
        missing.body = R"({"message":"Not Found"})";
        out.push_back(missing);
      }
    }
    return out;
  }
  std::map<std::string, http::Response> answers;
  std::vector<std::string> asked;
};

const std::string kApi = "https://api.test";

json Issue(const std::string& repo, int number, const std::string& body = "", bool pull = false) {
  json issue = {{"number", number},
                {"title", "Item " + std::to_string(number)},
                {"body", body},
                {"state", "open"},
                {"state_reason", nullptr},
                {"user", {{"login", "someone"}}},
                {"author_association", "NONE"},
                {"labels", json::array({{{"name", "bug"}}})},
                {"comments", 0},
                {"created_at", "2026-05-01T00:00:00Z"},
                {"repository_url", kApi + "/repos/" + repo},
                {"html_url", "https://github.com/" + repo + "/issues/" + std::to_string(number)}};
  if (pull) issue["pull_request"] = {{"merged_at", "2026-05-03T00:00:00Z"}};
  return issue;
}

class RestSourceTest : public ::testing::Test {
 protected:
  RestSourceTest() : client_(transport_, clock_, http::ClientOptions{}) {}
  RestSource Source() {
    RestOptions options;
    options.api = *ApiFromUrl(kApi);
    return RestSource(client_, options);
  }
  static crawl::FetchRequest Full(const std::string& text) {
    return {*ParseIssueRef(text), crawl::Detail::kFull};
  }
  static crawl::FetchRequest Leaf(const std::string& text) {
    return {*ParseIssueRef(text), crawl::Detail::kSummary};
  }
  static bool HasLink(const Node& node, const std::string& from, const std::string& to, EdgeKind kind) {
    for (const auto& edge : node.links) {
      if (edge.from.Key() == from && edge.to.Key() == to && edge.kind == kind) return true;
    }
    return false;
  }

  NoClock clock_;
  UrlTransport transport_;
  http::Client client_;
};

TEST_F(RestSourceTest, ExpandedNodeReadsEveryTimelinePageAndItsComments) {
  transport_.Json(kApi + "/repos/a/r/issues/1", Issue("a/r", 1, "See #2"));
  transport_.Json(kApi + "/repos/a/r/issues/1/timeline?per_page=100",
                  json::array({{{"event", "commented"}, {"id", 11}, {"body", "also a/other#3"},
                                {"user", {{"login", "maint"}}}, {"author_association", "MEMBER"},
                                {"html_url", "https://github.com/a/r/issues/1#issuecomment-11"}}}),
                  {{"link", "<" + kApi + "/page2>; rel=\"next\""}});
  transport_.Json(kApi + "/page2",
                  json::array({{{"event", "cross-referenced"},
                                {"created_at", "2026-05-02T00:00:00Z"},
                                {"source", {{"type", "issue"}, {"issue", Issue("a/r", 4, "", true)}}}}}));
  auto source = Source();
  auto nodes = source.Fetch({Full("a/r#1")});
  ASSERT_TRUE(nodes[0]) << nodes[0].error().message;
  const Node& node = *nodes[0];
  ASSERT_EQ(node.comments.size(), 1u);
  EXPECT_EQ(node.comments[0].author_association, "MEMBER");
  EXPECT_TRUE(HasLink(node, "a/r#1", "a/r#2", EdgeKind::kMentions));
  EXPECT_TRUE(HasLink(node, "a/r#1", "a/other#3", EdgeKind::kMentions));
  EXPECT_TRUE(HasLink(node, "a/r#4", "a/r#1", EdgeKind::kCrossReferenced));
  EXPECT_EQ(transport_.asked.size(), 3u);

  // The cross-reference carried #4's payload: as a leaf it costs nothing.
  auto leaf = source.Fetch({Leaf("a/r#4")});
  ASSERT_TRUE(leaf[0]);
  EXPECT_EQ(leaf[0]->type, NodeType::kPull);
  EXPECT_EQ(leaf[0]->state, NodeState::kMerged);
  EXPECT_EQ(transport_.asked.size(), 3u);
}

TEST_F(RestSourceTest, LeafCostsOneRequestAndKeepsItsBodyLinks) {
  transport_.Json(kApi + "/repos/a/r/issues/2", Issue("a/r", 2, "Fixes #1", true));
  auto nodes = Source().Fetch({Leaf("a/r#2")});
  ASSERT_TRUE(nodes[0]);
  EXPECT_EQ(transport_.asked.size(), 1u);
  EXPECT_TRUE(HasLink(*nodes[0], "a/r#2", "a/r#1", EdgeKind::kCloses));
}

TEST_F(RestSourceTest, ClosingCommitResolvesToItsPull) {
  json issue = Issue("a/r", 1);
  issue["state"] = "closed";
  transport_.Json(kApi + "/repos/a/r/issues/1", issue);
  transport_.Json(kApi + "/repos/a/r/issues/1/timeline?per_page=100",
                  json::array({{{"event", "closed"}, {"id", 99}, {"commit_id", "abc123"}},
                               {{"event", "referenced"}, {"id", 98}, {"commit_id", "def456"}}}));
  json pull = Issue("a/r", 7, "", true);
  pull["url"] = kApi + "/repos/a/r/pulls/7";
  transport_.Json(kApi + "/repos/a/r/commits/abc123/pulls", json::array({pull}));
  transport_.Json(kApi + "/repos/a/r/commits/def456/pulls", json::array({Issue("a/r", 8, "", true)}));
  auto nodes = Source().Fetch({Full("a/r#1")});
  ASSERT_TRUE(nodes[0]);
  EXPECT_TRUE(HasLink(*nodes[0], "a/r#7", "a/r#1", EdgeKind::kCloses));
  EXPECT_TRUE(HasLink(*nodes[0], "a/r#8", "a/r#1", EdgeKind::kReferencedByCommit));
}

TEST_F(RestSourceTest, MovedRepositoryIsFollowedAndRekeyed) {
  transport_.Status(kApi + "/repos/old/name/issues/5", 301,
                    {{"location", kApi + "/repos/new/name/issues/5"}});
  transport_.Json(kApi + "/repos/new/name/issues/5", Issue("new/name", 5));
  auto nodes = Source().Fetch({Leaf("old/name#5")});
  ASSERT_TRUE(nodes[0]);
  EXPECT_EQ(nodes[0]->ref.Key(), "new/name#5");
}

TEST_F(RestSourceTest, ATimelinePastThePageLimitIsReportedAsReadInPart) {
  transport_.Json(kApi + "/repos/a/r/issues/1", Issue("a/r", 1));
  // A timeline whose every page names a next one.
  const json page = json::array({{{"event", "labeled"}, {"created_at", "2026-05-02T00:00:00Z"}}});
  transport_.Json(kApi + "/repos/a/r/issues/1/timeline?per_page=100", page,
                  {{"link", "<" + kApi + "/again>; rel=\"next\""}});
  transport_.Json(kApi + "/again", page, {{"link", "<" + kApi + "/again>; rel=\"next\""}});
  auto source = Source();
  auto nodes = source.Fetch({Full("a/r#1")});
  ASSERT_TRUE(nodes[0]) << nodes[0].error().message;
  CrawlStats stats;
  source.AddStats(stats);
  ASSERT_EQ(stats.truncated.size(), 1u);
  EXPECT_EQ(stats.truncated[0], "a/r#1: timeline (200 entries read; the page limit of 200 was reached)");
}

TEST_F(RestSourceTest, RedirectToAnotherHostIsRefused) {
  transport_.Status(kApi + "/repos/a/r/issues/5", 301, {{"location", "https://evil.test/steal"}});
  auto nodes = Source().Fetch({Leaf("a/r#5")});
  ASSERT_FALSE(nodes[0]);
  EXPECT_EQ(nodes[0].error().kind, ErrorKind::kProtocol);
  for (const auto& url : transport_.asked) EXPECT_EQ(url.find("evil"), std::string::npos);
}

TEST_F(RestSourceTest, ASchemeRelativeRedirectIsAnotherHost) {
  // "//evil.test/x" names a host, not a path on this one.
  transport_.Status(kApi + "/repos/a/r/issues/5", 301, {{"location", "//evil.test/steal"}});
  auto nodes = Source().Fetch({Leaf("a/r#5")});
  ASSERT_FALSE(nodes[0]);
  EXPECT_EQ(nodes[0].error().kind, ErrorKind::kProtocol);
  EXPECT_NE(nodes[0].error().message.find("evil.test"), std::string::npos);
  for (const auto& url : transport_.asked) EXPECT_EQ(url.find("evil"), std::string::npos);
}

TEST_F(RestSourceTest, MissingDeletedAndForbidden) {
  transport_.Status(kApi + "/repos/a/r/issues/6", 410);
  transport_.Status(kApi + "/repos/locked/r/issues/1", 403, {{"x-ratelimit-remaining", "4000"}});
  auto source = Source();
  auto nodes = source.Fetch({Leaf("a/r#404"), Leaf("a/r#6"), Leaf("locked/r#1")});
  ASSERT_FALSE(nodes[0]);
  EXPECT_EQ(nodes[0].error().kind, ErrorKind::kNotFound);
  EXPECT_NE(nodes[0].error().message.find("GITHUB_TOKEN"), std::string::npos);
  ASSERT_TRUE(nodes[1]);
  EXPECT_TRUE(nodes[1]->deleted);
  ASSERT_FALSE(nodes[2]);
  EXPECT_EQ(nodes[2].error().kind, ErrorKind::kForbidden);
  // The forbidden repository is skipped for the rest of the crawl.
  size_t before = transport_.asked.size();
  auto again = source.Fetch({Leaf("locked/r#2")});
  ASSERT_FALSE(again[0]);
  EXPECT_EQ(transport_.asked.size(), before);
}

TEST_F(RestSourceTest, UnmarkedDuplicateUndoesTheEarlierDuplicateOfComment) {
  transport_.Json(kApi + "/repos/a/r/issues/45", Issue("a/r", 45));
  transport_.Json(kApi + "/repos/a/r/issues/45/timeline?per_page=100",
                  json::array({{{"event", "commented"}, {"id", 1}, {"body", "Duplicate of #40"},
                                {"created_at", "2026-03-01T00:00:00Z"}},
                               {{"event", "unmarked_as_duplicate"}, {"id", 2},
                                {"created_at", "2026-03-02T00:00:00Z"}},
                               {{"event", "commented"}, {"id", 3}, {"body", "Duplicate of #39"},
                                {"created_at", "2026-03-03T00:00:00Z"}}}));
  auto nodes = Source().Fetch({Full("a/r#45")});
  ASSERT_TRUE(nodes[0]);
  EXPECT_FALSE(HasLink(*nodes[0], "a/r#45", "a/r#40", EdgeKind::kDuplicateOf));
  EXPECT_TRUE(HasLink(*nodes[0], "a/r#45", "a/r#39", EdgeKind::kDuplicateOf));  // said after the unmark
}

TEST_F(RestSourceTest, ATimelineThatRefusesUsIsForbiddenNotAServerFault) {
  transport_.Json(kApi + "/repos/a/r/issues/1", Issue("a/r", 1));
  transport_.Status(kApi + "/repos/a/r/issues/1/timeline?per_page=100", 403);
  auto nodes = Source().Fetch({Full("a/r#1")});
  ASSERT_FALSE(nodes[0]);
  EXPECT_EQ(nodes[0].error().kind, ErrorKind::kForbidden);
  EXPECT_NE(nodes[0].error().message.find("HTTP 403"), std::string::npos);
}

TEST(ApiLocationTest, HostsAndOverrides) {
  EXPECT_EQ(ApiForHost("github.com").rest, "https://api.github.com");
  EXPECT_EQ(ApiForHost("github.com").graphql, "https://api.github.com/graphql");
  EXPECT_EQ(ApiForHost("ghe.corp").rest, "https://ghe.corp/api/v3");
  EXPECT_EQ(ApiForHost("ghe.corp").graphql, "https://ghe.corp/api/graphql");
  EXPECT_EQ(ApiFromUrl("http://127.0.0.1:8080/")->graphql, "http://127.0.0.1:8080/graphql");
  EXPECT_EQ(ApiFromUrl("https://ghe.corp/api/v3")->graphql, "https://ghe.corp/api/graphql");
  EXPECT_FALSE(ApiFromUrl("file:///etc/passwd"));
  EXPECT_FALSE(ApiFromUrl("https://"));
  EXPECT_FALSE(ApiFromUrl("not a url"));
}

}  // namespace
}  // namespace issuegraph::github
