#include "app/token.h"

#include <gtest/gtest.h>

#include <map>

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

}  // namespace
}  // namespace issuegraph::app
