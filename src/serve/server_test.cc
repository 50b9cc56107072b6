// The server on loopback, in process, with crawl work that the test
// controls: headers, cross-site refusals, single flight, votes.
#include "serve/server.h"

#include <httplib.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include <nlohmann/json.hpp>

#include "store/published.h"
#include "store/store.h"

namespace issuegraph::serve {
namespace {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "serve-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    if (server_) {
      server_->Stop();
      listener_.join();
    }
    std::filesystem::remove_all(dir_);
  }

  void Start(JobWork work, ServeOptions options = {}) {
    options.port = 0;
    options.store_path = (dir_ / "store.db").string();
    store_path_ = options.store_path;
    server_ = std::make_unique<Server>(options, std::move(work));
    auto port = server_->Bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    listener_ = std::thread([this] { server_->Listen(); });
  }

  void Publish(const std::string& ref, const std::string& title) {
    auto store = store::Store::Open(store_path_);
    ASSERT_TRUE(store);
    store::PublishedReport report;
    report.ref = *ParseIssueRef(ref);
    report.title = title;
    report.html = "<p>" + title + "</p>";
    report.markdown = "# md";
    report.json = "{\"root\":\"" + ref + "\"}";
    report.archive = "{}";
    report.created_at = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    ASSERT_TRUE(store::PublishedReports((*store)->database()).Put(report));
  }

  std::filesystem::path dir_;
  std::string store_path_;
  int port_ = 0;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::thread listener_;
};

JobWork NeverCalled(std::atomic<int>* runs) {
  return [runs](Job&) -> Result<std::string> {
    ++*runs;
    return MakeError(ErrorKind::kInternal, "not expected");
  };
}

TEST_F(ServerTest, EveryAnswerCarriesTheSecurityHeaders) {
  std::atomic<int> runs{0};
  Start(NeverCalled(&runs));
  for (const char* path : {"/", "/no/such/page", "/static/site.js", "/api/v1/trending"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
  auto home = client_->Get("/");
  EXPECT_NE(home->body.find("Paste a GitHub issue or pull request URL"), std::string::npos);
  EXPECT_EQ(home->body.find("<script>"), std::string::npos);  // no inline script
}

TEST_F(ServerTest, CrossSitePostsAndForeignHostsAreRefusedBeforeAnyCrawl) {
  std::atomic<int> runs{0};
  Start(NeverCalled(&runs));
  httplib::Headers foreign = {{"Origin", "https://evil.example"}};
  auto res = client_->Post("/api/v1/jobs", foreign, R"({"url":"acme/app#1"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["code"], "cross_site");
  res = client_->Post("/api/v1/jobs", {{"Sec-Fetch-Site", "cross-site"}}, R"({"url":"acme/app#1"})",
                      "application/json");
  EXPECT_EQ(res->status, 403);
  for (const char* url : {"https://127.0.0.1/a/b/issues/1", "https://github.com@evil.example/a/b/issues/1",
                          "https://github.com:444/a/b/issues/1", "https://gitlab.com/a/b/issues/1"}) {
    res = client_->Post("/api/v1/jobs", json{{"url", url}}.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << url;
    auto body = json::parse(res->body);
    EXPECT_EQ(body["code"], "invalid_input") << url;
    EXPECT_FALSE(body["message"].get<std::string>().empty());
  }
  res = client_->Get("/ghe/evil.example/a/b/issues/1");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(runs, 0);
}

TEST_F(ServerTest, ConcurrentRequestsForOneIssueStartOneJob) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> runs{0};
  Start([&](Job& job) -> Result<std::string> {
    ++runs;
    gate.wait();
    return "/" + job.request().ref.owner + "/" + job.request().ref.repo + "/issues/1";
  });
  std::vector<std::future<std::string>> ids;
  for (int i = 0; i < 20; ++i) {
    ids.push_back(std::async(std::launch::async, [&] {
      // Debian's compiled cpp-httplib listens with a backlog of 5: a burst
      // of 20 connects may see one dropped, which a client retries, as a
      // browser does. What is tested is that every answer names one job.
      auto post = [&] {
        httplib::Client client("127.0.0.1", port_);
        return client.Post("/api/v1/jobs", R"({"url":"https://github.com/acme/app/issues/1"})",
                           "application/json");
      };
      auto res = post();
      for (int attempt = 1; attempt < 3 && !res; ++attempt) res = post();
      return res && res->status == 202 ? json::parse(res->body)["id"].get<std::string>() : std::string("failed");
    }));
  }
  std::set<std::string> seen;
  for (auto& id : ids) seen.insert(id.get());
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_NE(*seen.begin(), "failed");
  release.set_value();
  auto events = client_->Get("/api/v1/jobs/" + *seen.begin() + "/events");
  ASSERT_TRUE(events);
  EXPECT_EQ(events->get_header_value("Content-Type"), "text/event-stream");
  EXPECT_NE(events->body.find("event: done"), std::string::npos);
  EXPECT_EQ(runs, 1);
}

TEST_F(ServerTest, AStoredReportIsServedAndTakesVotes) {
  std::atomic<int> runs{0};
  Start(NeverCalled(&runs));
  Publish("acme/app#5", "Crash <script>alert(1)</script>");
  auto page = client_->Get("/acme/app/issues/5");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Crash &lt;script&gt;"), std::string::npos);
  EXPECT_NE(page->body.find("id=\"feedback\""), std::string::npos);
  const std::string cookie = page->get_header_value("Set-Cookie");
  ASSERT_EQ(cookie.find("ig_visitor="), 0u);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  httplib::Headers me = {{"Cookie", cookie.substr(0, cookie.find(';'))}};

  auto vote = client_->Post("/api/v1/votes", me, R"({"ref":"acme/app#5","signal":"works","vote":true})",
                            "application/json");
  ASSERT_TRUE(vote);
  EXPECT_EQ(vote->status, 200);
  EXPECT_EQ(json::parse(vote->body)["counts"]["works"], 1);
  vote = client_->Post("/api/v1/votes", me, R"({"ref":"acme/app#5","signal":"works","vote":true})",
                       "application/json");
  EXPECT_EQ(json::parse(vote->body)["counts"]["works"], 1);  // one vote per visitor
  vote = client_->Post("/api/v1/votes", me, R"({"ref":"acme/app#5","signal":"works","vote":false})",
                       "application/json");
  EXPECT_EQ(json::parse(vote->body)["counts"]["works"], 0);
  vote = client_->Post("/api/v1/votes", me, R"({"ref":"acme/app#5","signal":"nope","vote":true})",
                       "application/json");
  EXPECT_EQ(vote->status, 400);

  auto api = client_->Get("/api/v1/reports/acme/app/issues/5");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 200);
  EXPECT_EQ(json::parse(api->body)["report"]["root"], "acme/app#5");
  auto md = client_->Get("/acme/app/issues/5.md");
  EXPECT_EQ(md->body, "# md");
  EXPECT_NE(md->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  auto missing = client_->Get("/api/v1/reports/acme/app/issues/6");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["code"], "not_stored");
  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace issuegraph::serve
