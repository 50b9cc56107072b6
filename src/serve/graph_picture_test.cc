#include "serve/graph_picture.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "render/dot.h"

namespace issuegraph::serve {
namespace {

// A node line as render/dot writes one, with `title` escaped by its rules.
std::string Node(const std::string& id, const std::string& title, const std::string& url,
                 const std::string& fill = "#dafbe1") {
  return "  " + id + " [label=\"#" + id.substr(1) + "\\n" + render::EscapeDotString(title) + "\", fillcolor=\"" +
         render::EscapeDotString(fill) + "\", color=\"#1a7f37\", fontcolor=\"#1f2328\", URL=\"" +
         render::EscapeDotString(url) + "\", tooltip=\"" + render::EscapeDotString(title) + "\"];\n";
}

std::string Dot(const std::string& nodes, const std::string& edges) {
  return "digraph issuegraph {\n  graph [rankdir=LR];\n  node [shape=box, style=\"rounded,filled\", "
         "fontname=\"Helvetica\", fontsize=11];\n" + nodes + edges + "}\n";
}

GraphPictureOptions SiteLinks() {
  GraphPictureOptions options;
  options.link = [](std::string_view url) -> std::string {
    const std::string_view prefix = "https://github.com";
    return url.starts_with(prefix) ? std::string(url.substr(prefix.size())) : std::string();
  };
  return options;
}

TEST(GraphPictureTest, LaysOutNodesAndArrowsWithSiteLinks) {
  auto picture = DrawGraph(Dot(Node("n0", "Login fails", "https://github.com/acme/app/issues/1") +
                                   Node("n1", "Fix login", "https://github.com/acme/app/pull/2"),
                               "  n1 -> n0 [label=\"closes\"];\n"),
                           SiteLinks());
  ASSERT_TRUE(picture) << picture.error().message;
  EXPECT_EQ(picture->nodes, 2u);
  EXPECT_EQ(picture->edges, 1u);
  EXPECT_FALSE(picture->too_large);
  const std::string& svg = picture->svg;
  ASSERT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '\n'), 0);
  auto count = [&](const std::string& what) {
    size_t n = 0;
    for (size_t at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<rect "), 2u);
  EXPECT_EQ(count("<path "), 1u);
  EXPECT_EQ(count("<polygon "), 1u);  // the arrowhead
  EXPECT_NE(svg.find(">Login fails</text>"), std::string::npos);
  EXPECT_NE(svg.find(">closes</text>"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"/acme/app/issues/1\">"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"/acme/app/pull/2\">"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#dafbe1\""), std::string::npos);
}

const std::regex kTag("<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>");

// The tags alone, without the (escaped) text between them.
std::string Markup(const std::string& svg) {
  std::string out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kTag); it != std::sregex_iterator(); ++it) out += it->str();
  return out;
}

// Every element and attribute the picture may hold; nothing else may
// come out, whatever the titles say.
void ExpectOnlySafeMarkup(const std::string& svg) {
  const std::set<std::string> elements = {"svg", "g", "title", "rect", "path", "polygon", "text", "a"};
  const std::set<std::string> attributes = {
      "xmlns", "class", "role", "aria-label", "width", "height", "viewBox", "x", "y", "rx", "d", "points",
      "fill", "stroke", "stroke-width", "stroke-dasharray", "text-anchor", "font-family", "font-size", "href"};
  const std::regex& tag = kTag;
  const std::regex attribute("\\s([^\\s=]+)=\"([^\"]*)\"");
  size_t tags = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator(); ++it, ++tags) {
    EXPECT_TRUE(elements.contains((*it)[2].str())) << "element " << (*it)[2];
    const std::string attrs = (*it)[3].str();
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), attribute); a != std::sregex_iterator(); ++a) {
      EXPECT_TRUE(attributes.contains((*a)[1].str())) << "attribute " << (*a)[1];
      if ((*a)[1] == "href") {
        EXPECT_TRUE((*a)[2].str().starts_with("/") && !(*a)[2].str().starts_with("//")) << (*a)[2];
      }
    }
  }
  EXPECT_GT(tags, 0u);
  // Outside tags, no '<' and no '>' stand for themselves: text is escaped.
  std::string outside = std::regex_replace(svg, tag, "");
  EXPECT_EQ(outside.find_first_of("<>"), std::string::npos) << outside;
}

TEST(GraphPictureTest, HostileTitlesUrlsAndColoursComeOutInert) {
  const std::string nodes =
      Node("n0", "<script>alert(1)</script>", "javascript:alert(1)") +
      Node("n1", "\" onload=\"alert(2)\" x=\"", "https://evil.example/steal") +
      Node("n2", "<svg><foreignObject><iframe src=//evil.example></iframe></foreignObject></svg>",
           "https://github.com/acme/app/issues/3\" onclick=\"alert(3)") +
      Node("n3", "&lt;img src=x onerror=alert(4)&gt; \\\" ] [ URL=\"javascript:alert(5)\"", "https://github.com/a/b/issues/4",
           "red\" onmouseover=\"alert(6)") +
      Node("n4", "\xe2\x80\xae" "evil RTL \\N \\G \\l", "//evil.example/x");
  auto picture = DrawGraph(Dot(nodes, "  n0 -> n1 [label=\"<script>alert(7)</script>\"];\n  n2 -> n3;\n"),
                           SiteLinks());
  ASSERT_TRUE(picture) << picture.error().message;
  ASSERT_EQ(picture->nodes, 5u) << "a title escaped its DOT string";
  const std::string& svg = picture->svg;
  ExpectOnlySafeMarkup(svg);
  // Titles keep their words as text; no tag or attribute carries them.
  const std::string markup = Markup(svg);
  for (const char* banned : {"script", "javascript:", "onload", "onclick", "onerror", "onmouseover", "evil.example",
                             "foreignObject", "iframe", "<img", "red"}) {
    EXPECT_EQ(markup.find(banned), std::string::npos) << banned;
  }
  EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  // The one link to a plain site path survives; the tampered one does not.
  EXPECT_NE(svg.find("<a href=\"/a/b/issues/4\">"), std::string::npos);
  EXPECT_EQ(svg.find("/acme/app/issues/3"), std::string::npos);
  // A direction override in a title is shown as a marker, not obeyed.
  EXPECT_EQ(svg.find("\xe2\x80\xae"), std::string::npos);
  EXPECT_NE(svg.find("\xef\xbf\xbd" "evil RTL"), std::string::npos);
  // A colour that is not #rrggbb falls back to the default.
  EXPECT_NE(markup.find("fill=\"#ffffff\""), std::string::npos);
}

TEST(GraphPictureTest, TooLargeGraphsAreNotLaidOutAndThePageSaysSo) {
  std::string nodes;
  for (int i = 0; i < 6; ++i) nodes += Node("n" + std::to_string(i), "item", "https://github.com/a/b/issues/1");
  GraphPictureOptions options = SiteLinks();
  options.max_nodes = 5;
  auto picture = DrawGraph(Dot(nodes, ""), options);
  ASSERT_TRUE(picture);
  EXPECT_TRUE(picture->too_large);
  EXPECT_TRUE(picture->svg.empty());
  EXPECT_EQ(picture->nodes, 6u);

  const std::string html = "<h1>t</h1>\n<section id=\"graph\">\n<h2>Graph</h2>\n<ul class=\"edges\"></ul>\n</section>\n";
  const std::string page = WithGraphPicture(html, *picture);
  EXPECT_NE(page.find("<h2>Graph</h2>\n<p class=\"none\" id=\"graph-picture-none\">6 items and 0 links are too many "
                      "to draw; every link is listed below.</p>\n<ul class=\"edges\">"),
            std::string::npos)
      << page;
}

TEST(GraphPictureTest, ThePictureGoesAtTheTopOfTheGraphSection) {
  auto picture = DrawGraph(Dot(Node("n0", "one", "https://github.com/a/b/issues/1"), ""), SiteLinks());
  ASSERT_TRUE(picture);
  const std::string html = "<section id=\"graph\">\n<h2>Graph</h2>\n<p>list</p>\n</section>\n";
  const std::string page = WithGraphPicture(html, *picture);
  EXPECT_TRUE(page.starts_with("<section id=\"graph\">\n<h2>Graph</h2>\n<figure class=\"graph-figure\" "
                               "id=\"graph-picture\"><svg "));
  EXPECT_NE(page.find("</svg></figure>\n<p>list</p>"), std::string::npos);
  EXPECT_EQ(WithGraphPicture("<p>no graph section</p>", *picture), "<p>no graph section</p>");
}

TEST(GraphPictureTest, UnreadableDotIsAnError) {
  EXPECT_FALSE(DrawGraph("digraph { n0 [label=\"open", SiteLinks()));
}

}  // namespace
}  // namespace issuegraph::serve
