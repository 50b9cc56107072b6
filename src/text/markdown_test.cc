#include "text/markdown.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace issuegraph::text {
namespace {

std::string KindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "item";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kCode:
      return "code";
    case BlockKind::kTable:
      return "table";
    case BlockKind::kHtml:
      return "html";
  }
  return "?";
}

// "kind/level@line: text", one string per block, for readable failures.
std::vector<std::string> Describe(const Blocks& blocks) {
  std::vector<std::string> out;
  for (const Block& block : blocks) {
    out.push_back(KindName(block.kind) + "/" + std::to_string(block.level) + "@" +
                  std::to_string(block.line) + ": " + std::string(block.text));
  }
  return out;
}

TEST(ParseBlocks, EmptyInputHasNoBlocks) {
  EXPECT_TRUE(ParseBlocks("").empty());
  EXPECT_TRUE(ParseBlocks("\n\n   \n").empty());
}

TEST(ParseBlocks, OrderedItemsKeepTheWritersNumbers) {
  Blocks blocks = ParseBlocks("3. Build it\n4. Run it\n   - with -v\n   - twice\n5. See the crash\n\n- a bullet\n");
  std::vector<int> numbers;
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::kListItem) numbers.push_back(block.number);
  }
  // The nested bullets and the last list are not numbered.
  EXPECT_EQ(numbers, (std::vector<int>{3, 4, 0, 0, 5, 0}));
}

TEST(ParseBlocks, HeadingsOfAllLevels) {
  auto blocks =
      ParseBlocks("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six\nSetext\n======\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "heading/1@1: One",
                                  "heading/2@2: Two",
                                  "heading/3@3: Three",
                                  "heading/4@4: Four",
                                  "heading/5@5: Five",
                                  "heading/6@6: Six",
                                  "heading/1@7: Setext",
                              }));
}

TEST(ParseBlocks, HeadingTextDropsMarkup) {
  auto blocks = ParseBlocks("## Fixed in *#9* with `code`\n");
  EXPECT_EQ(Describe(blocks), std::vector<std::string>{"heading/2@1: Fixed in #9 with code"});
}

TEST(ParseBlocks, BoldOnlyParagraphIsHeading) {
  auto blocks = ParseBlocks("**Steps to reproduce**\n\n1. Run it\n\n__Expected__:\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "heading/4@1: Steps to reproduce",
                                  "item/1@3: Run it",
                                  "heading/4@5: Expected:",
                              }));
}

TEST(ParseBlocks, BoldFirstLineSplitsOffAHeading) {
  // GitHub's default bug template writes the heading and its text as one paragraph.
  auto blocks = ParseBlocks("**Describe the bug**\nA clear description\nof the bug.\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "heading/4@1: Describe the bug",
                                  "paragraph/0@2: A clear description of the bug.",
                              }));
}

TEST(ParseBlocks, BoldInsideASentenceIsParagraph) {
  auto blocks = ParseBlocks("This is **important** text.\n\n**Note** that it fails.\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "paragraph/0@1: This is important text.",
                                  "paragraph/0@3: Note that it fails.",
                              }));
}

TEST(ParseBlocks, BoldInListOrQuoteStaysThere) {
  auto blocks = ParseBlocks("- **Note**\n\n> **Quoted**\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "item/1@1: Note",
                                  "quote/1@3: Quoted",
                              }));
}

TEST(ParseBlocks, InlinePlainText) {
  auto blocks = ParseBlocks(
      "Text with `code`, [a link](https://example.com), ![alt text](i.png), *em*, ~~gone~~,\n"
      "<kbd>Ctrl</kbd> soft\nbreak and hard  \nbreak\\\nagain\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(blocks[0].text,
            "Text with code, a link, alt text, em, gone, Ctrl soft break and hard\nbreak\nagain");
}

// The analysis needs to know which words the writer marked as code.
std::vector<std::string> SpanTexts(const Block& block) {
  std::vector<std::string> texts;
  for (auto [begin, end] : block.code_spans) texts.emplace_back(block.text.substr(begin, end - begin));
  return texts;
}

TEST(ParseBlocks, CodeSpansAreRecordedInParagraphsItemsAndQuotes) {
  auto blocks = ParseBlocks(
      "Run `make` then *`make install`*.\n\n- first `a`\n\n  second `b`\n\n> quoted `q`\n\n"
      "**Workaround**\nset `X=1`\n\n# `head`\n");
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(SpanTexts(blocks[0]), (std::vector<std::string>{"make", "make install"}));
  EXPECT_EQ(SpanTexts(blocks[1]), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(SpanTexts(blocks[2]), (std::vector<std::string>{"q"}));
  EXPECT_EQ(blocks[3].kind, BlockKind::kHeading);
  EXPECT_EQ(SpanTexts(blocks[4]), (std::vector<std::string>{"X=1"}));
  EXPECT_TRUE(blocks[5].code_spans.empty());
}

TEST(ParseBlocks, EntitiesAreDecoded) {
  auto blocks = ParseBlocks("it&#39;s &amp; \\*not em\\*\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "it's & *not em*");
}

TEST(ParseBlocks, FencedCodeWithInfo) {
  auto blocks = ParseBlocks(
      "```rust title=\"main.rs\"\nfn main() {}\n```\n\n~~~ python\nx = 1\ny = 2\n~~~\n");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, BlockKind::kCode);
  EXPECT_TRUE(blocks[0].fenced);
  EXPECT_EQ(blocks[0].info, "rust");
  EXPECT_EQ(blocks[0].text, "fn main() {}");
  EXPECT_EQ(blocks[0].line, 1);
  EXPECT_TRUE(blocks[1].fenced);
  EXPECT_EQ(blocks[1].info, "python");
  EXPECT_EQ(blocks[1].text, "x = 1\ny = 2");
  EXPECT_EQ(blocks[1].line, 5);
}

TEST(ParseBlocks, FencedCodeWithoutInfo) {
  auto blocks = ParseBlocks("```\nplain\n```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_TRUE(blocks[0].fenced);
  EXPECT_EQ(blocks[0].info, "");
  EXPECT_EQ(blocks[0].text, "plain");
}

TEST(ParseBlocks, IndentedCode) {
  auto blocks = ParseBlocks("Trace:\n\n    at main (a.js:1)\n    at run (b.js:2)\n");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].kind, BlockKind::kCode);
  EXPECT_FALSE(blocks[1].fenced);
  EXPECT_EQ(blocks[1].info, "");
  EXPECT_EQ(blocks[1].text, "at main (a.js:1)\nat run (b.js:2)");
  EXPECT_EQ(blocks[1].line, 3);
}

TEST(ParseBlocks, ListNesting) {
  auto blocks = ParseBlocks("- one\n  - two\n    - three\n- four\n\n1. first\n2. second\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "item/1@1: one",
                                  "item/2@2: two",
                                  "item/3@3: three",
                                  "item/1@4: four",
                                  "item/1@6: first",
                                  "item/1@7: second",
                              }));
}

TEST(ParseBlocks, TaskListItemsKeepTheirText) {
  auto blocks = ParseBlocks("- [ ] todo #5\n- [x] done\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "item/1@1: todo #5",
                                  "item/1@2: done",
                              }));
}

TEST(ParseBlocks, LooseItemJoinsItsParagraphsAndKeepsItsCode) {
  auto blocks = ParseBlocks("- first para\n\n  second para\n\n  ```sh\n  make\n  ```\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "item/1@1: first para\nsecond para",
                                  "code/0@5: make",
                              }));
  EXPECT_EQ(blocks[1].info, "sh");
}

TEST(ParseBlocks, QuotesOnePerParagraphWithDepth) {
  auto blocks = ParseBlocks("> first\n>\n> second\n>> nested\n\nafter\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "quote/1@1: first",
                                  "quote/1@3: second",
                                  "quote/2@4: nested",
                                  "paragraph/0@6: after",
                              }));
}

TEST(ParseBlocks, EverythingTextualInAQuoteIsQuote) {
  auto blocks = ParseBlocks("> ## Title\n> - item\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "quote/1@1: Title",
                                  "quote/1@2: item",
                              }));
}

TEST(ParseBlocks, TableAsTabSeparatedRows) {
  auto blocks =
      ParseBlocks("Intro\n\n| Name | Value |\n|------|------:|\n| **a** | `1` |\n| b |  |\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "paragraph/0@1: Intro",
                                  "table/0@3: Name\tValue\na\t1\nb\t",
                              }));
}

TEST(ParseBlocks, HtmlBlockVerbatim) {
  auto blocks = ParseBlocks("<details>\n<summary>Logs</summary>\n\nsee #5\n\n</details>\n");
  EXPECT_EQ(Describe(blocks), (std::vector<std::string>{
                                  "html/0@1: <details>\n<summary>Logs</summary>\n",
                                  "paragraph/0@4: see #5",
                                  "html/0@6: </details>\n",
                              }));
}

TEST(ParseBlocks, LineNumbersOfAMixedDocument) {
  auto blocks = ParseBlocks(
      "# Bug\n"        // 1
      "\n"             // 2
      "It crashes.\n"  // 3
      "\n"             // 4
      "---\n"          // 5
      "\n"             // 6
      "- a\n"          // 7
      "\n"             // 8
      "```\n"          // 9
      "trace\n"        // 10
      "```\n"          // 11
      "> said\n");     // 12
  std::vector<int> lines;
  for (const Block& block : blocks) lines.push_back(block.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 3, 7, 9, 12}));
}

TEST(ParseBlocks, DeepNestingDoesNotOverflow) {
  std::string quotes(20000, '>');
  quotes += " deep\n";
  auto blocks = ParseBlocks(quotes);
  ASSERT_FALSE(blocks.empty());
  EXPECT_EQ(blocks.back().text, "deep");

  std::string lists;
  for (int i = 0; i < 2000; ++i) lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- x\n";
  EXPECT_FALSE(ParseBlocks(lists).empty());
}

TEST(ParseBlocks, InvalidUtf8IsReplaced) {
  auto blocks = ParseBlocks("bad \xff byte\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].text, "bad \xEF\xBF\xBD byte");
}


// Block text lives in the Blocks, not in the Markdown it came from, and
// stays where it is when the Blocks moves or grows past a chunk.
TEST(Blocks, ViewsOutliveTheSourceAndSurviveAMove) {
  Blocks blocks;
  for (int i = 0; i < 3000; ++i) {
    std::string markdown = "Step " + std::to_string(i) + " runs `make test` twice.\n";
    AppendBlocks(markdown, blocks);
  }
  AppendBlocks("```sh\n" + std::string(100000, 'x') + "\n```\n", blocks);  // over a chunk
  Blocks moved = std::move(blocks);
  ASSERT_EQ(moved.size(), 3001u);
  EXPECT_EQ(moved[0].text, "Step 0 runs make test twice.");
  EXPECT_EQ(moved[2999].text, "Step 2999 runs make test twice.");
  EXPECT_EQ(SpanTexts(moved[2999]), std::vector<std::string>{"make test"});
  EXPECT_EQ(moved.back().text, std::string(100000, 'x'));
  EXPECT_EQ(moved.back().info, "sh");
}

TEST(IsPlainText, ShortRepliesArePlainMarkupIsNot) {
  for (std::string_view plain : {"Thanks, this worked for me!\n", "+1, same here on 4.2.\n",
                                 "Any update?\n\nWe are blocked (again).", "", "2026 was rough.\n"}) {
    EXPECT_TRUE(IsPlainText(plain)) << plain;
  }
  for (std::string_view marked :
       {"- one\n", "+ one\n", "1. one\n", "3) three\n", "Title\n===\n", "Title\n---\n",
        "    indented\n", "a  \nb\n", "trailing \n", "use `make`\n", "*em*\n", "a_b\n",
        "see [x]\n", "<b>x</b>\n", "&amp;\n", "# heading\n", "> quote\n", "~~gone~~\n",
        "a | b\n", "mail me@host.org\n", "see https://example.com\n", "see www.example.com\n",
        "tab\there\n", "crlf\r\n", "caf\xc3\xa9\n", "back\\slash\n"}) {
    EXPECT_FALSE(IsPlainText(marked)) << marked;
  }
}

// ParseBlocks reads plain text without the parser; whatever it reads that
// way must give exactly the parser's blocks. Texts are drawn from the
// bytes that decide it: digits, '.', ')', '+', '-', '=', blanks, newlines.
TEST(ParseBlocks, PlainTextGivesTheParsersBlocks) {
  constexpr std::string_view kAlphabet = "ab1 9\n\n.)+-=:/w(!?'";
  uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int plain = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (size_t n = next() % 24; n > 0; --n) text += kAlphabet[next() % kAlphabet.size()];
    if (!IsPlainText(text)) continue;
    ++plain;
    ASSERT_EQ(Describe(ParseBlocks(text)), Describe(ParseBlocksWithParser(text))) << text;
  }
  EXPECT_GT(plain, 2000);  // the comparison ran on many texts
}

}  // namespace
}  // namespace issuegraph::text
