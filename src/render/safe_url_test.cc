#include "render/safe_url.h"

#include <gtest/gtest.h>

#include "render/html_escape.h"
#include "render/markdown_escape.h"

namespace issuegraph::render {
namespace {

// Each case is checked through both outputs: the Markdown link carries
// SafeUrl's text as it is, the HTML link the same text with '&' escaped.
struct Case {
  std::string_view url;
  std::string_view safe;  // empty: no link at all
};

constexpr Case kCases[] = {
    {"https://github.com/a/b/issues/1?x=1&y=2", "https://github.com/a/b/issues/1?x=1&y=2"},
    {"HTTP://example.test/", "HTTP://example.test/"},
    {"hTtPs://example.test/", "hTtPs://example.test/"},
    {"https://x.test/a b\"c'd<e>f`g\\h", "https://x.test/a%20b%22c%27d%3Ce%3Ef%60g%5Ch"},
    {"https://x.test/(a)[b]", "https://x.test/%28a%29%5Bb%5D"},
    {"https://x.test/\xC3\xA9\x7F\t", "https://x.test/%C3%A9%7F%09"},
    {"javascript:alert(1)", ""},
    {"JAVASCRIPT:alert(1)", ""},
    {"data:text/html,x", ""},
    {" https://x.test/", ""},
    {"//x.test/", ""},
    {"/relative", ""},
    {"https:x", ""},
    {"", ""},
};

std::string AmpEscaped(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '&' ? std::string("&amp;") : std::string(1, c);
  return out;
}

TEST(SafeUrl, OneRuleForMarkdownAndHtml) {
  for (const Case& c : kCases) {
    EXPECT_EQ(SafeUrl(c.url), c.safe) << c.url;
    if (c.safe.empty()) {
      EXPECT_EQ(MarkdownLink("t", c.url), "t") << c.url;
      EXPECT_EQ(HtmlLink("t", c.url), "t") << c.url;
    } else {
      EXPECT_EQ(MarkdownLink("t", c.url), "[t](" + std::string(c.safe) + ")") << c.url;
      EXPECT_EQ(HtmlLink("t", c.url), "<a href=\"" + AmpEscaped(c.safe) +
                                          "\" rel=\"nofollow noopener noreferrer\">t</a>")
          << c.url;
    }
  }
}

}  // namespace
}  // namespace issuegraph::render
