#include "http/client.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <optional>

#include "http/link_header.h"

namespace issuegraph::http {
namespace {

using std::chrono::milliseconds;

class FakeClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() override { return now; }
  void Sleep(milliseconds duration) override {
    slept.push_back(duration);
    now += duration;
  }
  std::chrono::system_clock::time_point now{std::chrono::seconds(1'800'000'000)};
  std::vector<milliseconds> slept;
};

// Answers each request with the next scripted response and records what it saw.
class ScriptedTransport : public Transport {
 public:
  std::vector<Result<Response>> PerformAll(const std::vector<Request>& requests) override {
    std::vector<Result<Response>> out;
    for (const auto& request : requests) {
      seen.push_back(request);
      if (script.empty()) {
        out.push_back(MakeError(ErrorKind::kInternal, "script ran out"));
        continue;
      }
      out.push_back(script.front());
      script.pop_front();
    }
    return out;
  }
  std::deque<Result<Response>> script;
  std::vector<Request> seen;
};

Response Answer(long status, std::map<std::string, std::string> headers = {}, std::string body = "{}") {
  Response response;
  response.status = status;
  response.headers = std::move(headers);
  response.body = std::move(body);
  return response;
}

std::string HeaderOf(const Request& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) return value;
  }
  return "";
}

class ClientTest : public ::testing::Test {
 protected:
  ClientOptions Options() {
    ClientOptions options;
    options.token = "secret-token";
    options.token_origin = "https://api.github.com";
    options.jitter_seed = 7;
    return options;
  }
  FakeClock clock_;
  ScriptedTransport transport_;
};

TEST_F(ClientTest, SendsTokenOnlyToItsOwnOrigin) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(200), Answer(200), Answer(200)};
  ASSERT_TRUE(client.Get("https://api.github.com/repos/a/b/issues/1"));
  ASSERT_TRUE(client.Get("https://evil.example.com/repos/a/b/issues/1"));
  ASSERT_TRUE(client.Get("http://api.github.com/repos/a/b/issues/1"));  // other scheme
  EXPECT_EQ(HeaderOf(transport_.seen[0], "Authorization"), "Bearer secret-token");
  EXPECT_EQ(HeaderOf(transport_.seen[1], "Authorization"), "");
  EXPECT_EQ(HeaderOf(transport_.seen[2], "Authorization"), "");
}

TEST_F(ClientTest, RetriesServerErrorsWithGrowingBackoff) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(502), Answer(503), Answer(200, {}, "ok")};
  auto answer = client.Get("https://api.github.com/x");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->body, "ok");
  EXPECT_EQ(client.stats().requests, 3);
  EXPECT_EQ(client.stats().retries, 2);
  ASSERT_EQ(clock_.slept.size(), 2u);
  EXPECT_GE(clock_.slept[0].count(), 500);
  EXPECT_GE(clock_.slept[1].count(), 1000);
}

TEST_F(ClientTest, TimeoutCapsEachRequestAndStopsRetries) {
  ClientOptions options = Options();
  options.deadline = Deadline(clock_, std::chrono::seconds(3));
  Client client(transport_, clock_, options);
  // A 502 asks for a back-off of 0.5-1.5 s: taken while time is left, then
  // the limit says no more.
  transport_.script = {Answer(502), Answer(502), Answer(502)};
  clock_.now += std::chrono::milliseconds(1500);
  auto answer = client.Get("https://api.github.com/x");
  ASSERT_FALSE(answer);
  EXPECT_NE(answer.error().message.find("--timeout 3 s ran out"), std::string::npos)
      << answer.error().message;
  ASSERT_FALSE(transport_.seen.empty());
  EXPECT_EQ(transport_.seen[0].timeout, milliseconds(1500));  // what was left of 3 s
  EXPECT_LT(transport_.seen.size(), 4u);  // fewer than the four tries without a limit
}

TEST_F(ClientTest, NothingIsSentOnceTheTimeoutRanOut) {
  ClientOptions options = Options();
  options.deadline = Deadline(clock_, std::chrono::seconds(45));
  Client client(transport_, clock_, options);
  clock_.now += std::chrono::seconds(45);
  auto answer = client.Get("https://api.github.com/x");
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().kind, ErrorKind::kNetwork);
  EXPECT_NE(answer.error().message.find("--timeout 45 s ran out before asking for https://api.github.com/x"),
            std::string::npos)
      << answer.error().message;
  EXPECT_TRUE(transport_.seen.empty());
}

TEST_F(ClientTest, ATransferCutByTheTimeoutNamesIt) {
  ClientOptions options = Options();
  options.deadline = Deadline(clock_, std::chrono::seconds(2));
  // The transport gives up when the request's time is spent, as libcurl does.
  class Stalling : public Transport {
   public:
    explicit Stalling(FakeClock& clock) : clock_(clock) {}
    std::vector<Result<Response>> PerformAll(const std::vector<Request>& requests) override {
      clock_.now += requests.front().timeout;
      return {MakeError(ErrorKind::kNetwork, "request timed out")};
    }
    FakeClock& clock_;
  } stalling(clock_);
  Client cut(stalling, clock_, options);
  auto answer = cut.Get("https://api.github.com/slow");
  ASSERT_FALSE(answer);
  EXPECT_NE(answer.error().message.find("--timeout 2 s ran out while reading https://api.github.com/slow"),
            std::string::npos)
      << answer.error().message;
}

TEST_F(ClientTest, GivesUpOnServerErrorsAfterMaxRetries) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(500), Answer(500), Answer(500), Answer(500)};
  auto answer = client.Get("https://api.github.com/x");
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().kind, ErrorKind::kServer);
  EXPECT_EQ(client.stats().requests, 4);
}

TEST_F(ClientTest, NeverRetriesNotFoundOrUnauthorized) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(404), Answer(401), Answer(422)};
  EXPECT_EQ(client.Get("https://api.github.com/a")->status, 404);
  EXPECT_EQ(client.Get("https://api.github.com/b")->status, 401);
  EXPECT_EQ(client.Get("https://api.github.com/c")->status, 422);
  EXPECT_EQ(client.stats().retries, 0);
}

TEST_F(ClientTest, HonoursRetryAfter) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(403, {{"retry-after", "3"}}, R"({"message":"secondary rate limit"})"),
                       Answer(200)};
  ASSERT_TRUE(client.Get("https://api.github.com/x"));
  ASSERT_EQ(clock_.slept.size(), 1u);
  EXPECT_EQ(clock_.slept[0], milliseconds(3000));
}

TEST_F(ClientTest, SecondaryLimitWithoutRetryAfterWaitsAtLeastAMinute) {
  auto options = Options();
  options.max_wait = std::chrono::seconds(600);
  Client client(transport_, clock_, options);
  transport_.script = {
      Answer(403, {{"x-ratelimit-remaining", "4000"}},
             R"({"message":"You have exceeded a secondary rate limit. Please wait."})"),
      Answer(403, {}, R"({"message":"You have exceeded a secondary rate limit."})"), Answer(200)};
  ASSERT_TRUE(client.Get("https://api.github.com/x"));
  ASSERT_EQ(clock_.slept.size(), 2u);
  EXPECT_GE(clock_.slept[0], milliseconds(60'000));
  EXPECT_GT(clock_.slept[1], clock_.slept[0]);  // exponential
}

TEST_F(ClientTest, PrimaryLimitWaitsForResetWithinMaxWait) {
  Client client(transport_, clock_, Options());
  auto reset = std::chrono::duration_cast<std::chrono::seconds>(clock_.now.time_since_epoch()).count() + 20;
  transport_.script = {Answer(403, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(reset)}}),
                       Answer(200)};
  ASSERT_TRUE(client.Get("https://api.github.com/x"));
  ASSERT_EQ(clock_.slept.size(), 1u);
  EXPECT_EQ(clock_.slept[0], milliseconds(21'000));
}

TEST_F(ClientTest, PrimaryLimitBeyondMaxWaitIsAnError) {
  Client client(transport_, clock_, Options());
  auto reset = std::chrono::duration_cast<std::chrono::seconds>(clock_.now.time_since_epoch()).count() + 3600;
  transport_.script = {Answer(429, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(reset)}})};
  auto answer = client.Get("https://api.github.com/x");
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().kind, ErrorKind::kRateLimited);
  EXPECT_NE(answer.error().message.find("--max-wait"), std::string::npos);
  EXPECT_TRUE(clock_.slept.empty());
}

TEST_F(ClientTest, GraphqlRateLimitInA200IsWaitedFor) {
  Client client(transport_, clock_, Options());
  auto reset = std::chrono::duration_cast<std::chrono::seconds>(clock_.now.time_since_epoch()).count() + 5;
  transport_.script = {
      Answer(200, {{"x-ratelimit-remaining", "0"}, {"x-ratelimit-reset", std::to_string(reset)}},
             R"({"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]})"),
      Answer(200, {{"x-ratelimit-remaining", "0"}}, R"({"data":{}})")};
  auto answer = client.Post("https://api.github.com/graphql", "{}");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->body, R"({"data":{}})");  // the last allowed request is a success
  ASSERT_EQ(clock_.slept.size(), 1u);
  EXPECT_EQ(clock_.slept[0], milliseconds(6'000));
}

TEST_F(ClientTest, PlainForbiddenIsReturnedNotRetried) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(403, {{"x-ratelimit-remaining", "4999"}}, R"({"message":"Resource not accessible"})")};
  auto answer = client.Get("https://api.github.com/x");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 403);
}

TEST_F(ClientTest, ConditionalRequestServesTheRememberedBody) {
  Client client(transport_, clock_, Options());
  transport_.script = {Answer(200, {{"etag", "W/\"abc\""}}, "first"), Answer(304)};
  ASSERT_EQ(client.Get("https://api.github.com/x")->body, "first");
  auto again = client.Get("https://api.github.com/x");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->body, "first");
  EXPECT_EQ(HeaderOf(transport_.seen[1], "If-None-Match"), "W/\"abc\"");
  EXPECT_EQ(client.stats().not_modified, 1);
}

// A cache that outlives the client, as the store's does: a new client asks
// If-None-Match with what an earlier one remembered.
class RecordingValidatorCache : public ValidatorCache {
 public:
  std::optional<Entry> Get(const std::string& url) override {
    auto it = entries.find(url);
    if (it == entries.end()) return std::nullopt;
    return it->second;
  }
  void Put(const std::string& url, const std::string& etag, const Response& response) override {
    ++puts;
    entries[url] = Entry{etag, response};
  }
  std::map<std::string, Entry> entries;
  int puts = 0;
};

TEST_F(ClientTest, ValidatorCacheOutlivesTheClient) {
  RecordingValidatorCache cache;
  auto options = Options();
  options.validators = &cache;
  {
    Client first(transport_, clock_, options);
    transport_.script = {
        Answer(200, {{"etag", "\"v1\""}, {"link", "<next>; rel=\"next\""}}, "body-1")};
    ASSERT_EQ(first.Get("https://api.github.com/x")->body, "body-1");
  }
  EXPECT_EQ(cache.puts, 1);
  Client second(transport_, clock_, options);
  transport_.script = {Answer(304, {{"x-ratelimit-remaining", "4999"}}, "")};
  auto again = second.Get("https://api.github.com/x");
  ASSERT_TRUE(again);
  EXPECT_EQ(HeaderOf(transport_.seen[1], "If-None-Match"), "\"v1\"");
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(again->body, "body-1");
  EXPECT_EQ(again->Header("link"), "<next>; rel=\"next\"");
  EXPECT_EQ(again->Header("x-ratelimit-remaining"), "4999");  // fresh headers win
  EXPECT_EQ(second.stats().not_modified, 1);
  EXPECT_EQ(cache.puts, 1);  // a 304 changes nothing worth writing
  // POSTs (GraphQL) are never conditional.
  transport_.script = {Answer(200, {{"etag", "\"p\""}})};
  ASSERT_TRUE(second.Post("https://api.github.com/x", "{}"));
  EXPECT_EQ(HeaderOf(transport_.seen[2], "If-None-Match"), "");
  EXPECT_EQ(cache.puts, 1);
}

TEST_F(ClientTest, NetworkErrorsAreRetriedThenReported) {
  Client client(transport_, clock_, Options());
  transport_.script = {MakeError(ErrorKind::kNetwork, "reset"), Answer(200)};
  ASSERT_TRUE(client.Get("https://api.github.com/x"));
  EXPECT_EQ(client.stats().retries, 1);
}

// Two clients share one budget: the second waits for the reset the first
// one's answer announced, and says so to its observer.
TEST_F(ClientTest, ASharedBudgetMakesTheNextClientWaitForTheReset) {
  struct Recorder : Observer {
    void OnRequest(const RequestRecord& record) override { requests.push_back(record); }
    void OnWait(const WaitRecord& record) override { waits.push_back(record); }
    std::vector<RequestRecord> requests;
    std::vector<WaitRecord> waits;
  } recorder;
  RateBudget budget;
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          clock_.now.time_since_epoch()).count();
  ClientOptions options = Options();
  options.budget = &budget;
  options.observer = &recorder;
  Client first(transport_, clock_, options);
  transport_.script = {Answer(200, {{"x-ratelimit-remaining", "0"},
                                    {"x-ratelimit-reset", std::to_string(now + 30)}}),
                       Answer(200, {}, R"({"data":{"rateLimit":{"cost":3}}})")};
  ASSERT_TRUE(first.Get("https://api.github.com/a"));
  Client second(transport_, clock_, options);
  ASSERT_TRUE(second.Post("https://api.github.com/graphql", "{}"));  // another limit: no wait
  EXPECT_TRUE(recorder.waits.empty());
  EXPECT_EQ(recorder.requests.back().graphql_cost, 3);
  EXPECT_EQ(recorder.requests.front().rate_remaining, 0);

  transport_.script = {Answer(200)};
  ASSERT_TRUE(second.Get("https://api.github.com/b"));
  ASSERT_EQ(recorder.waits.size(), 1u);
  EXPECT_EQ(recorder.waits[0].wait, milliseconds(31'000));
  EXPECT_EQ(clock_.slept.back(), milliseconds(31'000));
}

TEST_F(ClientTest, ASharedBudgetSpentLongerThanMaxWaitIsARateLimitError) {
  RateBudget budget;
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          clock_.now.time_since_epoch()).count();
  budget.Record("core", 0, now + 3600);
  ClientOptions options = Options();
  options.budget = &budget;
  Client client(transport_, clock_, options);
  auto answer = client.Get("https://api.github.com/a");
  ASSERT_FALSE(answer);
  EXPECT_EQ(answer.error().kind, ErrorKind::kRateLimited);
  EXPECT_TRUE(transport_.seen.empty());
}

TEST(LinkHeaderTest, FindsRelations) {
  std::string header =
      R"(<https://api.github.com/x?page=2&per_page=100>; rel="next", <https://api.github.com/x?page=5>; rel="last")";
  EXPECT_EQ(LinkWithRel(header, "next"), "https://api.github.com/x?page=2&per_page=100");
  EXPECT_EQ(LinkWithRel(header, "last"), "https://api.github.com/x?page=5");
  EXPECT_EQ(LinkWithRel(header, "prev"), "");
  EXPECT_EQ(LinkWithRel("", "next"), "");
  EXPECT_EQ(LinkWithRel(R"(<u1>; rel="prev next")", "next"), "u1");
}

TEST(OriginTest, LowerCasesAndStopsAtPath) {
  EXPECT_EQ(Client::OriginOf("HTTPS://API.GitHub.com/repos?x#y"), "https://api.github.com");
  EXPECT_EQ(Client::OriginOf("http://127.0.0.1:8080/graphql"), "http://127.0.0.1:8080");
  EXPECT_EQ(Client::OriginOf("nonsense"), "");
}

}  // namespace
}  // namespace issuegraph::http
