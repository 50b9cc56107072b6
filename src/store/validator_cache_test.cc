#include "store/validator_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/client.h"
#include "store/store.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::FakeClock;
using testing::ReadBytes;
using testing::TempDir;

TEST(ValidatorCacheTest, PersistsAcrossStoresWithoutCredentials) {
  TempDir dir;
  const std::string path = testing::TestStore(dir.File("store.db"));
  http::Response response;
  response.status = 200;
  response.headers = {
      {"etag", "\"v1\""}, {"link", "<u>; rel=\"next\""}, {"set-cookie", "session=s3cr3t"}};
  response.body = std::string("{\"a\":1}") + '\0' + "tail";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store);
    SqliteValidatorCache cache(**store);
    cache.Put("https://api.github.com/repos/a/b/issues/1", "\"v1\"", response);
    EXPECT_EQ(cache.failures(), 0);
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store);
  SqliteValidatorCache cache(**store);
  auto entry = cache.Get("https://api.github.com/repos/a/b/issues/1");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->etag, "\"v1\"");
  EXPECT_EQ(entry->response.status, 200);
  EXPECT_EQ(entry->response.body, response.body);
  EXPECT_EQ(entry->response.Header("link"), "<u>; rel=\"next\"");
  EXPECT_EQ(entry->response.Header("set-cookie"), "");
  EXPECT_FALSE(cache.Get("https://api.github.com/other"));
  EXPECT_EQ(testing::RowsHolding(**store, "http_validators", "headers", "s3cr3t"), 0);
  store->reset();
  EXPECT_EQ(ReadBytes(path).find("s3cr3t"), std::string::npos);
  EXPECT_EQ(ReadBytes(path + "-wal").find("s3cr3t"), std::string::npos);
}

// Scripted answers for the client: a rerun revalidates from the store.
class ScriptedTransport : public http::Transport {
 public:
  std::vector<Result<http::Response>> PerformAll(
      const std::vector<http::Request>& requests) override {
    std::vector<Result<http::Response>> out;
    for (const auto& request : requests) {
      seen.push_back(request);
      out.push_back(script.front());
      script.erase(script.begin());
    }
    return out;
  }
  std::vector<Result<http::Response>> script;
  std::vector<http::Request> seen;
};

TEST(ValidatorCacheTest, RerunRevalidatesWithIfNoneMatchAndNeverStoresTheToken) {
  TempDir dir;
  const std::string path = testing::TestStore(dir.File("store.db"));
  FakeClock clock;
  ScriptedTransport transport;
  http::ClientOptions options;
  options.token = "ghp_never_on_disk";
  options.token_origin = "https://api.github.com";
  const std::string url = "https://api.github.com/repos/a/b/issues/1";
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store);
    SqliteValidatorCache cache(**store);
    options.validators = &cache;
    http::Client client(transport, clock, options);
    transport.script = {http::Response{200, {{"etag", "W/\"abc\""}}, "{\"title\":\"t\"}", 10}};
    ASSERT_EQ(client.Get(url)->body, "{\"title\":\"t\"}");
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store);
  SqliteValidatorCache cache(**store);
  options.validators = &cache;
  http::Client client(transport, clock, options);
  transport.script = {http::Response{304, {}, "", 0}};
  auto answer = client.Get(url);
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(answer->body, "{\"title\":\"t\"}");
  EXPECT_EQ(client.stats().not_modified, 1);
  bool asked_conditionally = false;
  for (const auto& [name, value] : transport.seen.back().headers) {
    asked_conditionally = asked_conditionally || (name == "If-None-Match" && value == "W/\"abc\"");
  }
  EXPECT_TRUE(asked_conditionally);
  EXPECT_EQ(testing::RowsHolding(**store, "http_validators", "headers", "ghp_never"), 0);
  store->reset();
  EXPECT_EQ(ReadBytes(path).find("ghp_never_on_disk"), std::string::npos);
  EXPECT_EQ(ReadBytes(path + "-wal").find("ghp_never_on_disk"), std::string::npos);
}

}  // namespace
}  // namespace issuegraph::store
