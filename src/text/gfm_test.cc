#include "text/gfm.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace issuegraph::text::gfm {
namespace {

// Literal reads the node's text in place; it must say exactly what
// cmark_node_get_literal (which copies) says, for every kind of node.
TEST(Literal, MatchesTheLibrarysCopyOnEveryNode) {
  constexpr std::string_view kDocuments[] = {
      "Plain *emph* **strong** `code span` and <b>inline html</b>\\\nhard break.\n",
      "```python\nprint(1)\n```\n\n    indented code\n\n<div>\nblock html\n</div>\n",
      "| a | b |\n| --- | --- |\n| `x` | ~~gone~~ |\n\n- [ ] task\n- [x] done\n",
      "See https://example.com/a_b and www.example.org, mail me@example.com.\n",
      "> quoted `code`\n>\n> # heading in quote\n\nText[^1].\n\n[^1]: A note.\n",
      "Entities &amp; &#39; and caf\xc3\xa9, bad \xff byte.\n",
  };
  int compared = 0;
  for (std::string_view markdown : kDocuments) {
    Document document = Document::Parse(markdown);
    IterPtr iter = Walk(document.root());
    while (cmark_iter_next(iter.get()) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      std::string ours(Literal(node));  // before the library copies it
      const char* theirs = cmark_node_get_literal(node);
      EXPECT_EQ(ours, theirs == nullptr ? "" : theirs)
          << cmark_node_get_type_string(node) << " in " << markdown;
      compared += theirs != nullptr ? 1 : 0;
    }
  }
  EXPECT_GT(compared, 20);
}

TEST(HasWww, AnyCaseAnywhere) {
  EXPECT_TRUE(HasWww("see www.example.com"));
  EXPECT_TRUE(HasWww("WwW.x"));
  EXPECT_TRUE(HasWww("www."));
  EXPECT_FALSE(HasWww("ww.example.com"));
  EXPECT_FALSE(HasWww("w.w.w."));
  EXPECT_FALSE(HasWww(""));
}

bool HasTable(std::string_view markdown) {
  Document document = Document::Parse(markdown);
  IterPtr iter = Walk(document.root());
  while (cmark_iter_next(iter.get()) != CMARK_EVENT_DONE) {
    if (IsTable(cmark_iter_get_node(iter.get()))) return true;
  }
  return false;
}

TEST(Tables, ATableIsATable) {
  EXPECT_TRUE(HasTable("| a | b |\n| --- | --- |\n| 1 | 2 |\n"));
  EXPECT_FALSE(HasTable("a | b, and no delimiter row\n"));
}

// cmark-gfm pads every row to the header's width: a 64 KB body of one wide
// header over thousands of one-cell rows once took gigabytes. Past the
// limits the text is read as paragraphs, every word of it kept.
TEST(Tables, AHostileWideTableIsReadAsText) {
  std::string header = "|";
  std::string delimiter = "|";
  for (int i = 0; i < 4000; ++i) {
    header += "h|";
    delimiter += "-|";
  }
  std::string body = header + "\n" + delimiter + "\n";
  while (body.size() < 64'000) body += "|x|\n";
  EXPECT_FALSE(HasTable(body));

  std::string many_rows = "| a | b |\n| --- | --- |\n";
  for (size_t i = 0; i * 2 <= kMaxTableCells; ++i) many_rows += "| 1 | 2 |\n";
  EXPECT_FALSE(HasTable(many_rows));

  std::string wide = "|";
  std::string wide_delimiter = "|";
  for (size_t i = 0; i <= kMaxTableColumns; ++i) {
    wide += "h|";
    wide_delimiter += "-|";
  }
  EXPECT_FALSE(HasTable(wide + "\n" + wide_delimiter + "\n"));
  // Just under the width limit, a table is still a table.
  std::string fits = "|";
  std::string fits_delimiter = "|";
  for (size_t i = 0; i < kMaxTableColumns; ++i) {
    fits += "h|";
    fits_delimiter += "-|";
  }
  EXPECT_TRUE(HasTable(fits + "\n" + fits_delimiter + "\n| x |\n"));
}

}  // namespace
}  // namespace issuegraph::text::gfm
