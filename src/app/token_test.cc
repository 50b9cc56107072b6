#include "app/token.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace issuegraph::app {
namespace {

EnvReader Env(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
}

const IssueRef kPublic = *ParseIssueRef("acme/app#1");

TEST(ChooseToken, GhTokenComesBeforeGithubTokenAsInGh) {
  auto env = Env({{"GH_TOKEN", "from-gh"}, {"GITHUB_TOKEN", "from-github"}});
  EXPECT_EQ(*ChooseToken(kPublic, false, "", env), "from-gh");
  EXPECT_EQ(*ChooseToken(kPublic, false, "explicit", env), "explicit");
  EXPECT_EQ(*ChooseToken(kPublic, false, "", Env({{"GITHUB_TOKEN", "from-github"}})), "from-github");
  EXPECT_EQ(*ChooseToken(kPublic, false, "", Env({})), "");
}

TEST(ChooseToken, AGithubComTokenNeverGoesToAnEnterpriseHost) {
  IssueRef enterprise = kPublic;
  enterprise.host = "git.example.com";
  auto env = Env({{"GH_TOKEN", "public"}, {"GH_ENTERPRISE_TOKEN", "enterprise"}});
  EXPECT_EQ(*ChooseToken(enterprise, false, "", env), "enterprise");
  EXPECT_EQ(*ChooseToken(enterprise, false, "", Env({{"GH_TOKEN", "public"}})), "");
}

TEST(ChooseToken, ABrokenTokenNamesWhereItCameFrom) {
  auto chosen = ChooseToken(kPublic, false, "", Env({{"GH_TOKEN", "two words"}}));
  ASSERT_FALSE(chosen);
  EXPECT_EQ(chosen.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(chosen.error().message.find("GH_TOKEN"), std::string::npos);
}

TEST(FindToken, GhAuthTokenOnlyWhenNoVariableOrFlagIsSet) {
  std::vector<std::string> asked;
  GhTokenReader gh = [&](const std::string& host) {
    asked.push_back(host);
    return std::string("from-gh-cli");
  };
  auto chosen = FindToken(kPublic, "", "", Env({}), gh);
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->value, "from-gh-cli");
  EXPECT_EQ(chosen->source, "gh auth token");
  EXPECT_EQ(asked, (std::vector<std::string>{"github.com"}));

  auto from_env = FindToken(kPublic, "", "", Env({{"GITHUB_TOKEN", "env"}}), gh);
  EXPECT_EQ(from_env->source, "GITHUB_TOKEN");
  EXPECT_EQ(FindToken(kPublic, "", "flag", Env({}), gh)->source, "--token");
  EXPECT_EQ(asked.size(), 1u);  // gh is not run when a token is set

  // gh is asked for the host the requests go to, never for github.com's
  // token on behalf of another server.
  FindToken(kPublic, "http://127.0.0.1:8080/api/v3", "", Env({}), gh);
  EXPECT_EQ(asked.back(), "127.0.0.1:8080");
  IssueRef enterprise = kPublic;
  enterprise.host = "git.example.com";
  FindToken(enterprise, "", "", Env({{"GH_TOKEN", "public"}}), gh);
  EXPECT_EQ(asked.back(), "git.example.com");
  EXPECT_EQ(FindToken(kPublic, "", "", Env({}), NoGh)->value, "");
}

TEST(FindToken, ABrokenTokenFromGhNamesGh) {
  auto chosen = FindToken(kPublic, "", "", Env({}), [](const std::string&) { return std::string("a\tb"); });
  ASSERT_FALSE(chosen);
  EXPECT_NE(chosen.error().message.find("the token from gh auth token"), std::string::npos);
}

TEST(WithDefaultHost, GhHostIsTheHostOfShortReferences) {
  auto env = Env({{"GH_HOST", "git.example.com"}});
  EXPECT_EQ(WithDefaultHost("acme/app#7", env), "https://git.example.com/acme/app/issues/7");
  EXPECT_EQ(WithDefaultHost("https://github.com/acme/app/issues/7", env), "https://github.com/acme/app/issues/7");
  EXPECT_EQ(WithDefaultHost("acme/app#7", Env({})), "acme/app#7");
  EXPECT_EQ(WithDefaultHost("acme/app#7", Env({{"GH_HOST", "github.com"}})), "acme/app#7");
  EXPECT_EQ(WithDefaultHost("not a ref", env), "not a ref");
}

}  // namespace
}  // namespace issuegraph::app
