#include "cli/batch.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/json_output.h"

namespace issuegraph::cli {
namespace {

TEST(ExpandRefs, DashReadsStdinTrimmedWithoutBlanksCommentsOrRepeats) {
  std::istringstream in("# a comment\n\n  a/b#1  \r\nc/d#2\na/b#1\ne/f#3");
  auto refs = ExpandRefs({"x/y#9", "-", "c/d#2"}, in);
  ASSERT_TRUE(refs);
  EXPECT_EQ(*refs, (std::vector<std::string>{"x/y#9", "a/b#1", "c/d#2", "e/f#3"}));
}

TEST(ExpandRefs, EmptyStdinOverlongLineAndTooManyAreRefused) {
  std::istringstream empty("\n# nothing\n");
  auto none = ExpandRefs({"-"}, empty);
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().message.find("read no reference from standard input"), std::string::npos);

  std::istringstream endless(std::string(kMaxRefLine + 1, 'x'));
  auto long_line = ExpandRefs({"-"}, endless);
  ASSERT_FALSE(long_line);
  EXPECT_NE(long_line.error().message.find("longer than 4096 bytes"), std::string::npos);

  std::string many;
  for (size_t i = 1; i <= kMaxRefs + 1; ++i) many += "a/b#" + std::to_string(i) + "\n";
  std::istringstream lots(many);
  auto too_many = ExpandRefs({"-"}, lots);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().kind, ErrorKind::kInvalidInput);
}

TEST(ReportFileName, OwnerRepoNumberAndTheHostOffGithubCom) {
  EXPECT_EQ(ReportFileName(*ParseIssueRef("Acme/App#12"), app::Format::kJson), "Acme-App-12.json");
  EXPECT_EQ(ReportFileName(*ParseIssueRef("https://git.example.com:8443/a/b/issues/3"), app::Format::kMarkdown),
            "git.example.com_8443-a-b-3.md");
}

TEST(ShapeJson, FieldsStableAndJq) {
  const std::string report =
      R"({"root": "a/b#1", "nodes": [{"ref": "a/b#1"}], "edges": [], "report": {},)"
      R"( "stats": {"api": "rest", "partial": false, "wall_ms": 12, "requests": 3}})";
  auto fields = ParseJsonFields("stats,root");
  ASSERT_TRUE(fields);
  auto kept = ShapeJson(report, {.fields = *fields, .stable = true, .jq = ""});
  ASSERT_TRUE(kept);
  EXPECT_EQ(*kept, "{\n  \"root\": \"a/b#1\",\n  \"stats\": {\n    \"api\": \"rest\",\n    \"partial\": false\n  }\n}\n");
  auto filtered = ShapeJson(report, {.fields = {}, .stable = false, .jq = ".nodes[].ref, .stats"});
  ASSERT_TRUE(filtered);
  EXPECT_EQ(*filtered, "a/b#1\n{\"api\":\"rest\",\"partial\":false,\"wall_ms\":12,\"requests\":3}\n");
  EXPECT_FALSE(ParseJsonFields("root,bodies"));
  EXPECT_FALSE(CheckJq(".["));
  EXPECT_TRUE(CheckJq(".root"));
}

}  // namespace
}  // namespace issuegraph::cli
