#include "serve/host_policy.h"

#include <gtest/gtest.h>

namespace issuegraph::serve {
namespace {

std::string Refusal(const HostPolicy& policy, std::string_view input) {
  auto ref = policy.Parse(input);
  return ref ? std::string() : ref.error().message;
}

TEST(HostPolicyTest, TakesEveryFormTheCommandLineTakes) {
  HostPolicy policy;
  for (std::string_view input :
       {"acme/app#12", "https://github.com/acme/app/issues/12", "http://www.github.com/acme/app/pull/12/files",
        "github.com/acme/app/issues/12#issuecomment-1", "  https://github.com/acme/app/issues/12?x=1  "}) {
    auto ref = policy.Parse(input);
    ASSERT_TRUE(ref) << input << ": " << ref.error().message;
    EXPECT_EQ(ref->Key(), "acme/app#12");
    EXPECT_EQ(ref->host, "github.com");
  }
}

TEST(HostPolicyTest, RefusesWhatCouldReachAnotherServer) {
  HostPolicy policy;
  EXPECT_NE(Refusal(policy, "https://127.0.0.1/acme/app/issues/1").find("IP address"), std::string::npos);
  EXPECT_NE(Refusal(policy, "https://2130706433/acme/app/issues/1").find("IP address"), std::string::npos);
  EXPECT_NE(Refusal(policy, "https://0x7f.1/acme/app/issues/1").find("IP address"), std::string::npos);
  EXPECT_NE(Refusal(policy, "https://[::1]/acme/app/issues/1").find("IP address"), std::string::npos);
  EXPECT_NE(Refusal(policy, "https://github.com@evil.example/acme/app/issues/1").find("user name"),
            std::string::npos);
  EXPECT_NE(Refusal(policy, "https://user:pw@github.com/acme/app/issues/1").find("user name"),
            std::string::npos);
  EXPECT_NE(Refusal(policy, "https://github.com:8443/acme/app/issues/1").find("port"), std::string::npos);
  EXPECT_NE(Refusal(policy, "https://evil.example/acme/app/issues/1").find("not on github.com"),
            std::string::npos);
  EXPECT_NE(Refusal(policy, "github.com.evil.example/acme/app/issues/1").find("not on github.com"),
            std::string::npos);
  EXPECT_FALSE(Refusal(policy, "file:///etc/passwd").empty());
  EXPECT_FALSE(Refusal(policy, "javascript:alert(1)").empty());
}

TEST(HostPolicyTest, AllowsConfiguredEnterpriseHostsOnly) {
  HostPolicy policy({"git.example.com"});
  auto ref = policy.Parse("https://git.example.com/acme/app/issues/3");
  ASSERT_TRUE(ref) << ref.error().message;
  EXPECT_EQ(ref->host, "git.example.com");
  EXPECT_FALSE(policy.Parse("https://git.example.org/acme/app/issues/3"));
  EXPECT_TRUE(policy.Allows("GIT.example.com"));
}

TEST(HostPolicyTest, AnAllowedHostMustBeAName) {
  EXPECT_EQ(*HostPolicy::CheckAllowedHost("Git.Example.com"), "git.example.com");
  for (std::string_view bad : {"10.0.0.1", "git.example.com:8443", "https://git.example.com", "", "a/b"}) {
    EXPECT_FALSE(HostPolicy::CheckAllowedHost(bad)) << bad;
  }
}

}  // namespace
}  // namespace issuegraph::serve
