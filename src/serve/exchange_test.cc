#include "serve/exchange.h"

#include <gtest/gtest.h>

namespace issuegraph::serve {
namespace {

httplib::Request Post(std::initializer_list<std::pair<std::string, std::string>> headers) {
  httplib::Request req;
  req.method = "POST";
  for (const auto& [name, value] : headers) req.headers.emplace(name, value);
  return req;
}

TEST(FromThisSite, TrustsTheBrowsersWordAboutWhereAPostCameFrom) {
  // A form on our page under Referrer-Policy: no-referrer: Origin is "null".
  EXPECT_TRUE(FromThisSite(Post({{"Sec-Fetch-Site", "same-origin"}, {"Origin", "null"}, {"Host", "h:1"}})));
  EXPECT_TRUE(FromThisSite(Post({{"Origin", "http://h:1"}, {"Host", "h:1"}})));
  EXPECT_TRUE(FromThisSite(Post({})));  // not a browser: no cookie of anyone's rides along
  EXPECT_FALSE(FromThisSite(Post({{"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://h:1"}, {"Host", "h:1"}})));
  EXPECT_FALSE(FromThisSite(Post({{"Origin", "http://evil.example"}, {"Host", "h:1"}})));
  EXPECT_FALSE(FromThisSite(Post({{"Origin", "null"}, {"Host", "h:1"}})));
}

TEST(SendDownload, NamesTheAttachmentForTheIssue) {
  store::PublishedReport report;
  report.ref = *ParseIssueRef("acme/app#12");
  report.markdown = "# r\n";
  httplib::Response res;
  SendDownload(res, report, Download::kMarkdown);
  EXPECT_EQ(res.body, "# r\n");
  EXPECT_EQ(res.get_header_value("Content-Disposition"), "attachment; filename=\"acme-app-12.md\"");
}

}  // namespace
}  // namespace issuegraph::serve
