#include "text/simple_markdown.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace issuegraph::text {
namespace {

// Every field of every block, one string per block.
std::vector<std::string> Fields(const Blocks& blocks) {
  std::vector<std::string> out;
  for (const Block& block : blocks) {
    std::string spans;
    for (auto [begin, end] : block.code_spans) {
      spans += "[" + std::to_string(begin) + "," + std::to_string(end) + ")";
    }
    out.push_back(std::to_string(static_cast<int>(block.kind)) + "/" + std::to_string(block.level) +
                  "@" + std::to_string(block.line) + "#" + std::to_string(block.number) +
                  (block.fenced ? " fenced " : " ") + "info=" + std::string(block.info) +
                  " spans=" + spans + " text=" + std::string(block.text));
  }
  return out;
}

// The subset's blocks, or nothing when it declines.
std::vector<std::string> Simple(std::string_view markdown) {
  Blocks blocks;
  if (!AppendSimpleBlocks(markdown, blocks)) return {"declined"};
  return Fields(blocks);
}

TEST(AppendSimpleBlocks, ReadsACommentAsTheParserDoes) {
  constexpr std::string_view kComment =
      "Same here on build 7; it fails since 4.2.\n"
      "See #12 and https://example.com/a#b, cc @ana.\n\n"
      "### Logs\n\n"
      "```sh\n$ app sync --all\nError: sync failed: *invalid* <state>\n\n    at run\n```\n"
      "> TypeError: cannot read `x` of undefined\n> at [main]\n\n"
      "1. Install 4.2\n2. Run `app sync`\n\n- a bullet with ` padded ` code\n\n"
      "Let me know if more logs would help; try `--verbose`.\n\n"
      "**Describe the bug**\nIt **crashes** on start.\n\n"
      "- outer\n  - inner `x`\n    1. deepest\n    2. again\n- outer again\n";
  Blocks parsed = ParseBlocksWithParser(kComment);
  EXPECT_EQ(Simple(kComment), Fields(parsed));
  ASSERT_EQ(parsed.size(), 15u);
  EXPECT_EQ(parsed[2].text,
            "$ app sync --all\nError: sync failed: *invalid* <state>\n\n    at run");
  EXPECT_EQ(parsed[5].number, 2);
  EXPECT_EQ(parsed[6].text, "a bullet with padded code");
  EXPECT_EQ(parsed[8].kind, BlockKind::kHeading);
  EXPECT_EQ(parsed[9].text, "It crashes on start.");
  EXPECT_EQ(parsed[12].level, 3);
  EXPECT_EQ(parsed[13].number, 2);
  EXPECT_EQ(parsed[14].level, 1);
}

TEST(AppendSimpleBlocks, DeclinesWhatItDoesNotRead) {
  for (std::string_view text : {"*em*\n",
                                "a_b\n",
                                "see [x](y)\n",
                                "<b>x</b>\n",
                                "&amp;\n",
                                "a\\b\n",
                                "~~x~~\n",
                                "a | b\n",
                                "- a\n - odd indent\n",
                                "para\n  - indented item\n",
                                "- a\n  2. not a list\n",
                                "- a\nlazy\n",
                                "> a\nlazy\n",
                                "para\n2. not a list\n",
                                "    code\n",
                                "```\nunclosed\n",
                                "```\n  ```\n",
                                "Title\n===\n",
                                "Title\n---\n",
                                "- [ ] task\n",
                                "[x]: https://example.com\n",
                                "``double``\n",
                                "`unclosed\n",
                                "caf\xc3\xa9\n",
                                "crlf\r\n",
                                "hard  \nbreak\n",
                                "# closed #\n",
                                "#\n",
                                "https://example.com/`a`\n",
                                "1) paren\n",
                                "- \n",
                                "> \n",
                                "**Describe** the *bug*\n",
                                "tab\there\n"}) {
    EXPECT_EQ(Simple(text), std::vector<std::string>{"declined"}) << text;
  }
}

// Hostile input: an item whose text opens another item, a million times
// over, is declined without reading deeper than one level.
TEST(AppendSimpleBlocks, DeepNestingInOneLineIsDeclinedAtOnce) {
  std::string line;
  for (int i = 0; i < 1000000; ++i) line += "- ";
  line += "x\n";
  Blocks blocks;
  EXPECT_FALSE(AppendSimpleBlocks(line, blocks));
  EXPECT_TRUE(blocks.empty());
}

// Whatever the subset reads must be exactly what the parser reads. Texts
// are built from line openings and words that sit on the subset's edges.
TEST(AppendSimpleBlocks, GivesTheParsersBlocks) {
  constexpr std::array<std::string_view, 36> kOpenings = {
      "",   "",   "",   "- ",   "- ",       "1. ",   "2. ",   "10. ", "1) ",
      "> ", "> ", "# ", "### ", "####### ", "```",   "```sh", "````", "    ",
      " ",  "+",  "* ", "---",  "- [ ] ",   "[x]: ", ":-",    "> - ", "**"};
  // Words the subset reads, often at its edges, and words it declines
  // (drawn less often, so that most texts stay in the subset).
  constexpr std::array<std::string_view, 43> kWords = {"run",     "it",
                                                       "`make`",  "`a",
                                                       "b`",      "` x `",
                                                       "`  `",    "www.x.org",
                                                       "a@b.c",   "[a]",
                                                       "#3",      "C#",
                                                       "x:",      "(y)",
                                                       "2026.",   "'q'",
                                                       "!",       "]",
                                                       "(",       "4.2",
                                                       "#",       ">",
                                                       "-",       "`",
                                                       "**b**",   "**V:**",
                                                       "(**x**)", "**a**b",
                                                       "a**b**",  "**x**.",
                                                       "** x**",  "**x **",
                                                       "***x***", "**x*",
                                                       "**",      "**a",
                                                       "b**",     "www.x.org/**a**"};
  constexpr std::array<std::string_view, 12> kDeclined = {"https://x.io/`a`",
                                                          "[a](b)",
                                                          "*em*",
                                                          "a_b",
                                                          "&amp;",
                                                          "<b>",
                                                          "\\",
                                                          "~x~",
                                                          "|",
                                                          "``",
                                                          "```",
                                                          "\t"};
  uint32_t state = 2026;
  auto next = [&](uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  int read = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    for (uint32_t lines = 1 + next(7); lines > 0; --lines) {
      // Now and then a whole fenced block, its lines drawn like the rest.
      bool fence = next(6) == 0;
      text += fence ? (next(2) == 0 ? "```c\n" : "```\n") : kOpenings[next(kOpenings.size())];
      for (uint32_t words = next(4); words > 0; --words) {
        text += next(10) == 0 ? kDeclined[next(kDeclined.size())] : kWords[next(kWords.size())];
        if (words > 1) text += ' ';
      }
      if (next(12) == 0) text += ' ';
      if (fence) text += next(4) == 0 ? "\n```\n\n```" : "\n```";
      if (lines > 1 || next(2) == 0) text += '\n';
    }
    Blocks simple;
    if (!AppendSimpleBlocks(text, simple)) continue;
    ++read;
    ASSERT_EQ(Fields(simple), Fields(ParseBlocksWithParser(text))) << text;
  }
  EXPECT_GT(read, 5000);  // the comparison ran on many texts
}

}  // namespace
}  // namespace issuegraph::text
