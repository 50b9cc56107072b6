#include "model/issue_ref.h"

#include <gtest/gtest.h>

#include "model/graph.h"

namespace issuegraph {
namespace {

struct Accepted {
  const char* input;
  const char* host;
  const char* text;
};

TEST(ParseIssueRefTest, AcceptsEveryFormAUserPastes) {
  const Accepted cases[] = {
      {"https://github.com/acme/app/issues/12", "github.com", "acme/app#12"},
      {"https://github.com/acme/app/pull/12", "github.com", "acme/app#12"},
      {"https://github.com/acme/app/pulls/12", "github.com", "acme/app#12"},
      {"https://github.com/acme/app/issues/12/", "github.com", "acme/app#12"},
      {"http://github.com/acme/app/issues/12", "github.com", "acme/app#12"},
      {"HTTPS://GitHub.com/acme/app/issues/12", "github.com", "acme/app#12"},
      {"https://www.github.com/acme/app/issues/12", "github.com", "acme/app#12"},
      {"https://github.com/acme/app/issues/12#issuecomment-99", "github.com", "acme/app#12"},
      {"https://github.com/acme/app/issues/12?q=1#x", "github.com", "acme/app#12"},
      {"https://github.com/acme/app/pull/12/files", "github.com", "acme/app#12"},
      {"https://github.com/acme/app.js/issues/3", "github.com", "acme/app.js#3"},
      {"github.com/acme/app/issues/12", "github.com", "acme/app#12"},
      {"https://ghe.example.com/team/tool/issues/7", "ghe.example.com", "team/tool#7"},
      {"acme/app#12", "github.com", "acme/app#12"},
      {"  acme/app#12\n", "github.com", "acme/app#12"},
      {"Acme/App#12", "github.com", "Acme/App#12"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto ref = ParseIssueRef(c.input);
    ASSERT_TRUE(ref) << ref.error().message;
    EXPECT_EQ(ref->host, c.host);
    EXPECT_EQ(ref->Text(), c.text);
  }
}

TEST(ParseIssueRefTest, RejectsEverythingElseWithASentence) {
  const char* cases[] = {"",
                         "   ",
                         "acme",
                         "acme/app",
                         "acme/app#",
                         "acme/app#0",
                         "acme/app#-1",
                         "acme/app#1x",
                         "acme/app#99999999999999",
                         "#12",
                         "-acme/app#1",
                         "acme/ap p#1",
                         "acme/..#1",
                         "https://github.com/acme/app",
                         "https://github.com/acme/app/issues",
                         "https://github.com/acme/app/issues/abc",
                         "https://github.com/acme/app/wiki/3",
                         "https://github.com/acme/app/issues/3/extra",
                         "https://api.github.com/repos/acme/app/issues/3",
                         "ftp://github.com/acme/app/issues/3",
                         "javascript:alert(1)",
                         "https://github.com/acme/app/issues/3 trailing"};
  for (const char* input : cases) {
    SCOPED_TRACE(input);
    auto ref = ParseIssueRef(input);
    ASSERT_FALSE(ref);
    EXPECT_EQ(ref.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(ref.error().message.find("OWNER/REPO#N"), std::string::npos);
  }
}

TEST(IssueRefTest, KeyIsCaseInsensitiveTextKeepsCase) {
  auto a = *ParseIssueRef("Acme/App#3");
  auto b = *ParseIssueRef("acme/app#3");
  EXPECT_EQ(a.Key(), "acme/app#3");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.HtmlUrl(), "https://github.com/Acme/App/issues/3");
}

TEST(ProvenanceTest, TextNamesTheSpot) {
  Provenance p{"acme/app#3", Provenance::Where::kComment, "77", ""};
  EXPECT_EQ(p.Text(), "acme/app#3 (comment 77)");
  p.where = Provenance::Where::kBody;
  EXPECT_EQ(p.Text(), "acme/app#3 (body)");
}

TEST(IssueRefTest, AHugeBadInputIsNotEchoedWhole) {
  const std::string pasted(100'000, 'x');
  auto ref = ParseIssueRef(pasted);
  ASSERT_FALSE(ref);
  EXPECT_LT(ref.error().message.size(), 300u);
  EXPECT_NE(ref.error().message.find("'" + std::string(80, 'x') + "…'"), std::string::npos);
  auto control = ParseIssueRef("a/b#\x1b[31m");
  ASSERT_FALSE(control);
  EXPECT_EQ(control.error().message.find('\x1b'), std::string::npos);
}

TEST(IssueRefTest, PortsAreCheckedNotDropped) {
  auto public_port = ParseIssueRef("https://github.com:8443/a/b/issues/1");
  ASSERT_FALSE(public_port);
  EXPECT_NE(public_port.error().message.find("names a port, which github.com never uses"), std::string::npos);
  auto out_of_range = ParseIssueRef("https://git.example.com:99999/a/b/issues/1");
  ASSERT_FALSE(out_of_range);
  EXPECT_NE(out_of_range.error().message.find("port outside 1-65535"), std::string::npos);
  auto enterprise = ParseIssueRef("https://git.example.com:8443/a/b/issues/1");
  ASSERT_TRUE(enterprise) << enterprise.error().message;
  EXPECT_EQ(enterprise->host, "git.example.com:8443");
}

}  // namespace
}  // namespace issuegraph
