#include "text/references.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace issuegraph::text {
namespace {

constexpr RefKind kMention = RefKind::kMention;
constexpr RefKind kClosing = RefKind::kClosing;
constexpr RefKind kDuplicate = RefKind::kDuplicate;

// Constructors rather than aggregates, so that rows may leave out the
// trailing fields without -Wmissing-field-initializers.
struct Want {
  Want(std::string ref_key, RefKind ref_kind = kMention, std::string closing_keyword = "")
      : ref(std::move(ref_key)), kind(ref_kind), keyword(std::move(closing_keyword)) {}

  std::string ref;  // lower-cased key, owner/repo#N
  RefKind kind;
  std::string keyword;  // for kClosing
};

struct Case {
  Case(std::string case_name, std::string text, std::vector<Want> wanted,
       std::string context_ref = "acme/app#1", std::string context_host = "github.com")
      : name(std::move(case_name)),
        markdown(std::move(text)),
        want(std::move(wanted)),
        context(std::move(context_ref)),
        host(std::move(context_host)) {}

  std::string name;  // the test's name
  std::string markdown;
  std::vector<Want> want;
  std::string context;
  std::string host;
};

std::string Describe(std::string_view ref, RefKind kind, std::string_view keyword) {
  switch (kind) {
    case RefKind::kMention:
      return "mention " + std::string(ref);
    case RefKind::kClosing:
      return "closing(" + std::string(keyword) + ") " + std::string(ref);
    case RefKind::kDuplicate:
      return "duplicate " + std::string(ref);
  }
  return "?";
}

// Context acme/app#1 on github.com unless a case says otherwise.
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // Closing keywords: all nine, any case, optional colon.
      {"KeywordClose", "close #2", {{"acme/app#2", kClosing, "close"}}},
      {"KeywordClosesUpper", "CLOSES #3", {{"acme/app#3", kClosing, "closes"}}},
      {"KeywordClosed", "Closed #4", {{"acme/app#4", kClosing, "closed"}}},
      {"KeywordFix", "fix #5", {{"acme/app#5", kClosing, "fix"}}},
      {"KeywordFixesUpper", "FIXES #6", {{"acme/app#6", kClosing, "fixes"}}},
      {"KeywordFixed", "Fixed #7", {{"acme/app#7", kClosing, "fixed"}}},
      {"KeywordResolve", "resolve #8", {{"acme/app#8", kClosing, "resolve"}}},
      {"KeywordResolvesMixedCase", "ReSoLvEs #9", {{"acme/app#9", kClosing, "resolves"}}},
      {"KeywordResolved", "This PR resolved #10.", {{"acme/app#10", kClosing, "resolved"}}},
      {"KeywordWithColon", "Fixes: #12", {{"acme/app#12", kClosing, "fixes"}}},
      {"KeywordColonWithoutSpaceIsMention", "Fixes:#12", {{"acme/app#12"}}},
      {"KeywordCrossRepo",
       "Closes octo-org/octo-repo#100",
       {{"octo-org/octo-repo#100", kClosing, "closes"}}},
      {"KeywordBeforeUrl",
       "Fixes https://github.com/acme/lib/issues/3",
       {{"acme/lib#3", kClosing, "fixes"}}},
      {"KeywordBeforeGh", "fixes GH-14", {{"acme/app#14", kClosing, "fixes"}}},
      {"KeywordEachReference",
       "Resolves #10, resolves #11",
       {{"acme/app#10", kClosing, "resolves"}, {"acme/app#11", kClosing, "resolves"}}},
      {"KeywordDocsExample",
       "Resolves #10, resolves #123, resolves octo-org/octo-repo#100",
       {{"acme/app#10", kClosing, "resolves"},
        {"acme/app#123", kClosing, "resolves"},
        {"octo-org/octo-repo#100", kClosing, "resolves"}}},
      {"KeywordGovernsOnlyNextReference",
       "Fixes #1 and #2",
       {{"acme/app#1", kClosing, "fixes"}, {"acme/app#2"}},
       "acme/app#100"},
      {"KeywordInsideWordIsMention", "prefixes #3", {{"acme/app#3"}}},
      {"KeywordAfterPrefixIsMention", "hotfix #3", {{"acme/app#3"}}},
      {"KeywordNotAdjacentIsMention", "Fixes the crash in #3", {{"acme/app#3"}}},
      {"KeywordInBoldStillCloses", "**Fixes** #12", {{"acme/app#12", kClosing, "fixes"}}},
      {"KeywordPerLine",
       "Fixes #2\nFixes #3",
       {{"acme/app#2", kClosing, "fixes"}, {"acme/app#3", kClosing, "fixes"}}},
      {"KeywordBeforeMarkdownLink",
       "Closes [the bug](https://github.com/acme/app/issues/5)",
       {{"acme/app#5", kClosing, "closes"}}},
      {"KeywordBeforePullFilesUrl",
       "Fixes https://github.com/acme/app/pull/13/files",
       {{"acme/app#13", kClosing, "fixes"}}},
      {"MentionThenClosingAppearsTwice",
       "See #3; fixes #3",
       {{"acme/app#3"}, {"acme/app#3", kClosing, "fixes"}}},
      {"ClosingRepeatedAppearsOnce", "Fixes #2, fixes #2", {{"acme/app#2", kClosing, "fixes"}}},

      // Code is never linked.
      {"InlineCode", "`#5` and `Fixes #6`", {}},
      {"InlineCodeBesideReference", "`x`#5", {{"acme/app#5"}}},
      {"FencedBackticks", "```\nFixes #5\n```", {}},
      {"FencedTildes", "~~~sh\nacme/lib#5\n~~~", {}},
      {"IndentedCode", "Text\n\n    Fixes #5\n", {}},
      {"HtmlInlineCode", "<code>#5</code>", {}},
      {"HtmlInlineAnchor", "<a href=\"x\">#5</a> #6", {{"acme/app#6"}}},
      {"HtmlInlineBoldIsText", "<b>#5</b>", {{"acme/app#5"}}},
      {"HtmlBlock", "<pre>\nFixes #5\n</pre>\n", {}},

      // Hashes that are not references.
      {"HexColor", "color #fff", {}},
      {"HexColorWithDigits", "color: #a1b2c3", {}},
      {"NumberThenLetters", "#123abc", {}},
      {"WordBeforeHash", "abc#12", {}},
      {"DoubleHash", "##8", {}},
      {"SlashBeforeHash", "path/#3", {}},
      {"HtmlEntity", "it&#39;s &amp;#39;", {}},
      {"NumberZero", "#0 GH-0 acme/lib#0", {}},
      {"LeadingZero", "#007", {}},
      {"NumberTooLong", "#12345678901", {}},

      // The reference forms.
      {"OwnerRepoAndLocal", "owner/repo#3 and #4", {{"owner/repo#3"}, {"acme/app#4"}}},
      {"OwnerRepoKeepsCaseInsensitiveKey", "See Octo/Repo.js#7", {{"octo/repo.js#7"}}},
      {"OwnerRepoWithUnderscores", "my_org/my_repo#12", {{"my_org/my_repo#12"}}},
      {"OwnerRepoInBrackets", "[acme/lib#3] !acme/lib#4", {{"acme/lib#3"}, {"acme/lib#4"}}},
      {"OwnerInvalidHidesInnerHash", "-bad/repo#3", {}},
      {"OwnerRepoInsidePath", "src/acme/lib#3", {}},
      {"Gh", "GH-5 and gh-6", {{"acme/app#5"}, {"acme/app#6"}}},
      {"GhInsideWord", "xGH-5 GH-5a", {}},
      {"UrlIssue", "https://github.com/acme/lib/issues/5", {{"acme/lib#5"}}},
      {"UrlHttp", "http://github.com/acme/lib/issues/12", {{"acme/lib#12"}}},
      {"UrlWithAnchor", "https://github.com/acme/app/issues/7#issuecomment-123", {{"acme/app#7"}}},
      {"UrlWithQuery", "https://github.com/acme/app/issues/9?foo=bar", {{"acme/app#9"}}},
      {"UrlPullFiles", "https://github.com/acme/app/pull/8/files", {{"acme/app#8"}}},
      {"UrlWww", "https://www.github.com/other/repo/issues/3", {{"other/repo#3"}}},
      {"UrlInParentheses", "(see https://github.com/acme/app/issues/3).", {{"acme/app#3"}}},
      {"UrlOtherHost", "https://gitlab.com/acme/app/issues/5 https://example.com/x#12", {}},
      {"UrlNotAnIssue",
       "https://github.com/acme/app/commit/abc123 https://github.com/acme/app",
       {}},
      {"MarkdownLink", "[the bug](https://github.com/acme/app/issues/5)", {{"acme/app#5"}}},
      {"MarkdownLinkTextIsNotLinked", "[see #6](https://example.com)", {}},
      {"MarkdownLinkRepeatingUrl",
       "[https://github.com/acme/app/issues/5](https://github.com/acme/app/issues/5)",
       {{"acme/app#5"}}},
      {"MarkdownRelativeLink", "[x](acme/lib#5)", {}},
      {"Autolink", "<https://github.com/acme/app/pull/6>", {{"acme/app#6"}}},
      {"ImageAltText", "![#5](https://example.com/a.png)", {}},

      // Self references are dropped.
      {"SelfLocal", "#1 and GH-1", {}},
      {"SelfFull", "acme/app#1 and ACME/App#1", {}},
      {"SelfUrl", "https://github.com/ACME/App/issues/1", {}},

      // Punctuation and markup around references.
      {"Parentheses", "(#7)", {{"acme/app#7"}}},
      {"TrailingPeriod", "#7.", {{"acme/app#7"}}},
      {"TrailingComma", "#7, #8", {{"acme/app#7"}, {"acme/app#8"}}},
      {"Bold", "**#8**", {{"acme/app#8"}}},
      {"BoldAfterWord", "abc**#8**", {{"acme/app#8"}}},
      {"Italic", "_acme/lib#8_", {{"acme/lib#8"}}},

      // Blocks.
      {"Blockquote", "> see #9", {{"acme/app#9"}}},
      {"ListItem", "- see #10\n- [ ] #11", {{"acme/app#10"}, {"acme/app#11"}}},
      {"Heading", "## Fixed in #9", {{"acme/app#9"}}},
      {"TableCell", "| a | b |\n|---|---|\n| #5 | `#6` |", {{"acme/app#5"}}},

      // Duplicates.
      {"Duplicate", "Duplicate of #40", {{"acme/app#40", kDuplicate}}},
      {"DuplicateLowerCaseCrossRepo", "duplicate of acme/lib#4", {{"acme/lib#4", kDuplicate}}},
      {"DuplicateUrl",
       "Duplicate of https://github.com/acme/app/issues/41",
       {{"acme/app#41", kDuplicate}}},
      {"DuplicateSecondParagraph", "See below.\n\nDuplicate of #40", {{"acme/app#40", kDuplicate}}},
      {"DuplicateNotAtStart", "Not a duplicate of #40", {{"acme/app#40"}}},
      {"DuplicateQuoted", "> Duplicate of #40", {{"acme/app#40"}}},

      // Enterprise: #N resolves to the context's host, and only its URLs count.
      {"EnterpriseHost",
       "https://ghe.example.com/acme/app/issues/5 https://github.com/acme/app/issues/6 #7 "
       "acme/lib#8",
       {{"acme/app#5"}, {"acme/app#7"}, {"acme/lib#8"}},
       "acme/app#1",
       "ghe.example.com"},
  };
  return cases;
}

class ExtractReferencesTest : public testing::TestWithParam<Case> {};

TEST_P(ExtractReferencesTest, YieldsExactReferences) {
  const Case& c = GetParam();
  auto context = ParseIssueRef(c.context);
  ASSERT_TRUE(context.has_value()) << context.error().message;
  context->host = c.host;

  std::vector<std::string> got;
  for (const TextRef& ref : ExtractReferences(c.markdown, *context)) {
    EXPECT_EQ(ref.ref.host, c.host) << ref.ref.Key();
    got.push_back(Describe(ref.ref.Key(), ref.kind, ref.keyword));
  }
  std::vector<std::string> want;
  for (const Want& w : c.want) want.push_back(Describe(w.ref, w.kind, w.keyword));
  EXPECT_EQ(got, want) << "markdown: " << c.markdown;
}

INSTANTIATE_TEST_SUITE_P(Table, ExtractReferencesTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<Case>& row) { return row.param.name; });

TEST(ExtractReferences, KeepsOwnerCaseAsWritten) {
  auto refs = ExtractReferences("See Octo/Repo#7", IssueRef{"github.com", "acme", "app", 1});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].ref.Text(), "Octo/Repo#7");
  EXPECT_TRUE(refs[0].keyword.empty());
}

TEST(ExtractReferences, ContextHostIsNormalized) {
  auto refs = ExtractReferences("https://github.com/acme/lib/issues/2 #3",
                                IssueRef{"WWW.GitHub.com", "acme", "app", 1});
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].ref.host, "github.com");
  EXPECT_EQ(refs[1].ref.host, "github.com");
}

TEST(ExtractReferences, LocalFormsNeedAContextRepository) {
  auto refs = ExtractReferences("#3 GH-4 acme/lib#5", IssueRef{"github.com", "", "", 0});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].ref.Key(), "acme/lib#5");
}

TEST(ExtractReferences, EmptyAndHostileInput) {
  IssueRef context{"github.com", "acme", "app", 1};
  EXPECT_TRUE(ExtractReferences("", context).empty());
  std::string deep(20000, '>');
  deep += " #5";
  EXPECT_EQ(ExtractReferences(deep, context).size(), 1u);
  std::string nul("#5\0#6", 5);
  EXPECT_FALSE(ExtractReferences(nul, context).empty());
  EXPECT_TRUE(ExtractReferences("\xff\xfe#", context).empty());
}

}  // namespace
}  // namespace issuegraph::text
