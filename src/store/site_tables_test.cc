// The web service's tables: published reports, votes, trending and related.
#include <gtest/gtest.h>

#include "store/feedback.h"
#include "store/published.h"
#include "store/related.h"
#include "store/store.h"
#include "store/store_test_util.h"
#include "store/trending.h"

namespace issuegraph::store {
namespace {

constexpr int64_t kDay = 24 * 3600;
constexpr int64_t kNow = 1'800'000'000;

PublishedReport Report(const std::string& ref, const std::string& title,
                       std::vector<std::string> errors = {}, std::vector<std::string> labels = {}) {
  PublishedReport report;
  report.ref = *ParseIssueRef(ref);
  report.title = title;
  report.state = "open";
  report.errors = std::move(errors);
  report.labels = std::move(labels);
  report.html = "<p>" + title + "</p>";
  report.markdown = "# " + title;
  report.json = "{}";
  report.archive = "{}";
  report.created_at = kNow;
  return report;
}

class SiteTablesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::Open(testing::TestStore());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  sql::Database& db() { return store_->database(); }
  std::unique_ptr<Store> store_;
};

TEST_F(SiteTablesTest, PublishedReportsRoundTripPerDepthAndReplace) {
  PublishedReports published(db());
  PublishedReport report = Report("Acme/App#12", "Crash on start", {"panic: nil map"}, {"bug"});
  ASSERT_TRUE(published.Put(report));
  report.depth = 2;
  report.title = "Crash on start (deeper)";
  ASSERT_TRUE(published.Put(report));
  report.title = "Crash on start (again)";
  ASSERT_TRUE(published.Put(report));

  auto one = published.Get(*ParseIssueRef("acme/app#12"), 1);
  ASSERT_TRUE(one && *one);
  EXPECT_EQ((*one)->title, "Crash on start");
  EXPECT_EQ((*one)->errors, std::vector<std::string>{"panic: nil map"});
  EXPECT_EQ((*one)->labels, std::vector<std::string>{"bug"});
  EXPECT_EQ((*one)->ref.owner, "Acme");
  auto two = published.Get(*ParseIssueRef("acme/app#12"), 2);
  ASSERT_TRUE(two && *two);
  EXPECT_EQ((*two)->title, "Crash on start (again)");
  auto missing = published.Get(*ParseIssueRef("acme/app#13"), 1);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);
  auto recent = published.Recent(10);
  ASSERT_TRUE(recent);
  EXPECT_EQ(recent->size(), 2u);
}

TEST_F(SiteTablesTest, KeysKeepHostsApart) {
  IssueRef enterprise = *MakeIssueRef("git.example.com", "acme/app", 12);
  EXPECT_EQ(PublishedKey(enterprise), "git.example.com/acme/app#12");
  EXPECT_EQ(PublishedKey(*ParseIssueRef("Acme/App#12")), "github.com/acme/app#12");
}

TEST_F(SiteTablesTest, OneVotePerVisitorAndSignalThatCanBeTakenBack) {
  Feedback feedback(db());
  ASSERT_TRUE(feedback.Vote("k", "works", "v1", true, kNow));
  ASSERT_TRUE(feedback.Vote("k", "works", "v1", true, kNow));  // twice: still one
  ASSERT_TRUE(feedback.Vote("k", "works", "v2", true, kNow));
  ASSERT_TRUE(feedback.Vote("k", "flaky", "v1", true, kNow));
  auto counts = feedback.Counts("k");
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->size(), kSignals.size());
  EXPECT_EQ(counts->at("works"), 2);
  EXPECT_EQ(counts->at("flaky"), 1);
  EXPECT_EQ(counts->at("blocking"), 0);
  ASSERT_TRUE(feedback.Vote("k", "works", "v1", false, kNow));
  EXPECT_EQ(feedback.Counts("k")->at("works"), 1);
  EXPECT_EQ(*feedback.Mine("k", "v1"), std::set<std::string>{"flaky"});
  auto bad = feedback.Vote("k", "'; DROP TABLE votes; --", "v1", true, kNow);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidInput);
}

TEST_F(SiteTablesTest, TrendingDecaysWithAgeAndCountsAVisitorOnce) {
  PublishedReports published(db());
  ASSERT_TRUE(published.Put(Report("a/old#1", "Old")));
  ASSERT_TRUE(published.Put(Report("a/new#1", "New")));
  const std::string old_key = PublishedKey(*ParseIssueRef("a/old#1"));
  const std::string new_key = PublishedKey(*ParseIssueRef("a/new#1"));
  Trending trending(db());
  // Three views six days ago (two half-lives: worth 0.75) against one today.
  for (const char* visitor : {"v1", "v2", "v3"}) {
    ASSERT_TRUE(trending.RecordView(old_key, visitor, kNow - 6 * kDay));
  }
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(trending.RecordView(new_key, "v1", kNow - i));
  auto top = trending.Top(kNow, 10);
  ASSERT_TRUE(top);
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ((*top)[0].key, new_key);
  EXPECT_EQ((*top)[0].views, 1);
  EXPECT_NEAR((*top)[0].score, 1.0, 1e-3);
  EXPECT_NEAR((*top)[1].score, 0.75, 1e-3);

  // A vote weighs more than a view.
  ASSERT_TRUE(Feedback(db()).Vote(old_key, "works", "v9", true, kNow));
  top = trending.Top(kNow, 10);
  ASSERT_TRUE(top);
  EXPECT_EQ((*top)[0].key, old_key);
  EXPECT_EQ((*top)[0].votes, 1);
}

TEST_F(SiteTablesTest, RelatedReportsRankByWhatTheyShareAndSayWhat) {
  PublishedReports published(db());
  ASSERT_TRUE(published.Put(Report("acme/app#1", "Login fails with token expired",
                                   {"error: refresh token expired"}, {"auth"})));
  ASSERT_TRUE(published.Put(Report("other/tool#7", "Refresh token expired after upgrade",
                                   {"error: refresh token expired"}, {"auth"})));
  ASSERT_TRUE(published.Put(Report("acme/app#2", "Dark mode colours are wrong", {}, {"ui"})));
  ASSERT_TRUE(published.Put(Report("x/y#3", "Something about tokens")));
  auto related = Related(db()).For(PublishedKey(*ParseIssueRef("acme/app#1")), 10);
  ASSERT_TRUE(related) << related.error().message;
  ASSERT_FALSE(related->empty());
  EXPECT_EQ(related->front().key, "github.com/other/tool#7");
  EXPECT_GT(related->front().score, 0);
  EXPECT_NE(std::find(related->front().shared.begin(), related->front().shared.end(), "expired"),
            related->front().shared.end());
  for (const auto& entry : *related) EXPECT_NE(entry.key, "github.com/acme/app#1");
}

TEST(MatchWordsTest, LowerCasesDropsShortAndCommonWords) {
  EXPECT_EQ(MatchWords("The PANIC: nil map in Go\" OR x"), (std::set<std::string>{"map", "nil", "panic"}));
}

}  // namespace
}  // namespace issuegraph::store
