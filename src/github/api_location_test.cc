#include "github/api_location.h"

#include <gtest/gtest.h>

namespace issuegraph::github {
namespace {

TEST(ApiFromUrl, GraphqlBesideTheRestBase) {
  EXPECT_EQ(ApiFromUrl("https://api.github.com/")->graphql, "https://api.github.com/graphql");
  EXPECT_EQ(ApiFromUrl("https://git.example.com/api/v3")->graphql, "https://git.example.com/api/graphql");
  EXPECT_EQ(ApiFromUrl("http://127.0.0.1:8080")->rest, "http://127.0.0.1:8080");
}

TEST(ApiFromUrl, APasswordIsRefusedAndNeverEchoed) {
  auto api = ApiFromUrl("https://me:s3cret@api.github.com");
  ASSERT_FALSE(api);
  EXPECT_EQ(api.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(api.error().message.find("s3cret"), std::string::npos);
  EXPECT_NE(api.error().message.find("must not carry a user name or password"), std::string::npos);
}

TEST(ApiFromUrl, ControlAndNonAsciiBytesAreRefused) {
  for (const char* url : {"http://h/a\x01b", "http://h/\xff", "http://h/ x", "http://h/?q"}) {
    EXPECT_FALSE(ApiFromUrl(url)) << url;
  }
}

TEST(ApiFromUrl, APortOutOfRangeIsRefused) {
  for (const char* url : {"http://127.0.0.1:99999", "http://127.0.0.1:0", "http://127.0.0.1:x", "http://h:"}) {
    auto api = ApiFromUrl(url);
    ASSERT_FALSE(api) << url;
    EXPECT_NE(api.error().message.find("port outside 1-65535"), std::string::npos) << url;
  }
}

}  // namespace
}  // namespace issuegraph::github
