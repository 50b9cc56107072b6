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

}  // namespace
TEST(HasWww, AnyCaseAnywhere) {
  EXPECT_TRUE(HasWww("see www.example.com"));
  EXPECT_TRUE(HasWww("WwW.x"));
  EXPECT_TRUE(HasWww("www."));
  EXPECT_FALSE(HasWww("ww.example.com"));
  EXPECT_FALSE(HasWww("w.w.w."));
  EXPECT_FALSE(HasWww(""));
}

}  // namespace issuegraph::text::gfm
