#include "serve/page_cache.h"

#include <gtest/gtest.h>

namespace issuegraph::serve {
namespace {

using std::chrono::seconds;

store::PublishedReport Report(int number, int depth = 1) {
  store::PublishedReport report;
  report.ref = *ParseIssueRef("acme/app#" + std::to_string(number));
  report.depth = depth;
  report.html = "<p>report</p>";
  report.markdown = "# big";
  report.archive = "{}";
  return report;
}

TEST(PageCacheTest, KeepsThePageWithoutTheDownloads) {
  PageCache cache(seconds(5));
  const auto t0 = std::chrono::steady_clock::time_point{} + seconds(100);
  cache.Put(Report(1), "<html>1</html>", t0);
  auto entry = cache.Get(store::PublishedKey(Report(1).ref), 1, t0 + seconds(1));
  ASSERT_TRUE(entry);
  EXPECT_EQ(*entry->page, "<html>1</html>");
  EXPECT_EQ(entry->report->html, "<p>report</p>");
  EXPECT_TRUE(entry->report->markdown.empty());
  EXPECT_TRUE(entry->report->archive.empty());
  EXPECT_FALSE(entry->renew);
  EXPECT_FALSE(cache.Get(store::PublishedKey(Report(1).ref), 2, t0));  // another depth
}

TEST(PageCacheTest, OneCallerRenewsAnOldPageWhileTheOthersGetIt) {
  PageCache cache(seconds(5));
  const auto t0 = std::chrono::steady_clock::time_point{} + seconds(100);
  const std::string key = store::PublishedKey(Report(1).ref);
  cache.Put(Report(1), "old", t0);
  auto first = cache.Get(key, 1, t0 + seconds(6));
  auto second = cache.Get(key, 1, t0 + seconds(6));
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(first->renew);
  EXPECT_FALSE(second->renew);
  EXPECT_EQ(*second->page, "old");
  cache.Put(Report(1), "new", t0 + seconds(7));
  auto renewed = cache.Get(key, 1, t0 + seconds(8));
  ASSERT_TRUE(renewed);
  EXPECT_EQ(*renewed->page, "new");
  EXPECT_FALSE(renewed->renew);
  // Never renewed for ten ttls: gone.
  EXPECT_FALSE(cache.Get(key, 1, t0 + seconds(7 + 50)));
}

TEST(PageCacheTest, AVoteOrAPublishedReportDropsPages) {
  PageCache cache(seconds(5));
  const auto t0 = std::chrono::steady_clock::time_point{} + seconds(100);
  cache.Put(Report(1, 1), "a", t0);
  cache.Put(Report(1, 2), "b", t0);
  cache.Put(Report(2), "c", t0);
  cache.Forget(store::PublishedKey(Report(1).ref));
  EXPECT_FALSE(cache.Get(store::PublishedKey(Report(1).ref), 1, t0));
  EXPECT_FALSE(cache.Get(store::PublishedKey(Report(1).ref), 2, t0));
  EXPECT_TRUE(cache.Get(store::PublishedKey(Report(2).ref), 1, t0));
  cache.Clear();
  EXPECT_FALSE(cache.Get(store::PublishedKey(Report(2).ref), 1, t0));
}

TEST(PageCacheTest, StaysWithinItsCapacity) {
  PageCache cache(seconds(5), 3);
  const auto t0 = std::chrono::steady_clock::time_point{} + seconds(100);
  for (int n = 1; n <= 4; ++n) cache.Put(Report(n), "p", t0);
  int kept = 0;
  for (int n = 1; n <= 4; ++n) kept += cache.Get(store::PublishedKey(Report(n).ref), 1, t0) ? 1 : 0;
  EXPECT_LE(kept, 3);
  EXPECT_TRUE(cache.Get(store::PublishedKey(Report(4).ref), 1, t0));  // the newest is kept
}

}  // namespace
}  // namespace issuegraph::serve
