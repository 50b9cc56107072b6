// Store::FindServableReport and what ends a stored report's life: rewritten,
// aged, moved or pruned rows, and newer copies under the same key.
#include "store/store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::FakeClock;
using testing::Small;
using testing::TempDir;

constexpr std::string_view kScope = "https://api.github.com";

// A report servable again, made from the rows `members` name.
StoredReport Servable(const std::string& content, std::vector<ReportMember> members) {
  StoredReport report;
  report.root = "acme/app#1";
  report.options = {{"depth", 1}};
  report.format = "markdown";
  report.content = content;
  report.cache_key = "key of acme/app#1";
  report.scope = std::string(kScope);
  report.members = std::move(members);
  report.summary = {{"nodes", 2}};
  return report;
}

class ServableReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(testing::TestStore(), &clock_);
    ASSERT_TRUE(store);
    store_ = std::move(*store);
    NodeBatch batch;
    batch.nodes = {Small("app", 1, 1), Small("app", 2, 0)};
    batch.aliases = {{"acme/old#2", "acme/app#2"}};
    batch.failures = {{"acme/app#9", Error{ErrorKind::kNotFound, "acme/app#9 not found"}}};
    batch.authenticated = true;
    auto revision = store_->Put(kScope, batch);
    ASSERT_TRUE(revision);
    revision_ = *revision;
    ASSERT_TRUE(store_->PutReport(Servable("# report", Members())));
  }
  std::vector<ReportMember> Members() const {
    return {{ReportMember::Kind::kNode, "acme/app#1", "", revision_},
            {ReportMember::Kind::kNode, "acme/app#2", "", revision_},
            {ReportMember::Kind::kAlias, "acme/old#2", "acme/app#2", 0},
            {ReportMember::Kind::kFailure, "acme/app#9", "", revision_}};
  }
  Result<std::optional<ServableReport>> Find(bool authenticated = true) {
    return store_->FindServableReport("key of acme/app#1", kScope, authenticated,
                                      std::chrono::minutes(10));
  }
  // Found, with every member fresh.
  bool Served() {
    auto found = Find();
    EXPECT_TRUE(found) << found.error().message;
    return found && found->has_value() && (*found)->Fresh();
  }

  FakeClock clock_;
  std::unique_ptr<Store> store_;
  int64_t revision_ = 0;
};

TEST_F(ServableReportTest, ServedWhileEveryMemberIsUnchangedAndFresh) {
  auto found = Find();
  ASSERT_TRUE(found && *found);
  EXPECT_TRUE((*found)->Fresh());
  EXPECT_EQ((*found)->report.content, "# report");
  EXPECT_EQ((*found)->report.summary, (nlohmann::json{{"nodes", 2}}));
  // Another scope, other credentials (the failure was met with a token),
  // another key: never.
  EXPECT_FALSE(*store_->FindServableReport("key of acme/app#1", "https://ghe.example/api/v3",
                                           true, std::chrono::minutes(10)));
  auto anonymous = Find(/*authenticated=*/false);
  ASSERT_TRUE(anonymous);
  EXPECT_FALSE(*anonymous);
  EXPECT_FALSE(*store_->FindServableReport("another key", kScope, true, std::chrono::minutes(10)));
}

TEST_F(ServableReportTest, ARewrittenNodeEndsIt) {
  NodeBatch batch;
  batch.nodes = {Small("app", 2, 3)};  // by another crawl, say
  ASSERT_TRUE(store_->Put(kScope, batch));
  EXPECT_FALSE(Served());
}

TEST_F(ServableReportTest, AgedMembersAreListedStaleAndAConfirmationRenewsThem) {
  clock_.Advance(std::chrono::minutes(11));
  auto aged = Find();
  ASSERT_TRUE(aged && *aged);
  ASSERT_EQ((*aged)->stale.size(), 2u);
  std::vector<std::string> keys;
  for (const StoredNode& node : (*aged)->stale) keys.push_back(node.node.ref.Key());
  std::ranges::sort(keys);
  EXPECT_EQ(keys, (std::vector<std::string>{"acme/app#1", "acme/app#2"}));
  EXPECT_TRUE((*aged)->stale[0].node.complete);  // what a probe's answer is compared with
  EXPECT_EQ((*aged)->stale[0].revision, revision_);
  EXPECT_EQ((*aged)->stale_failures, (std::vector<std::string>{"acme/app#9"}));
  // A probe found the rows unchanged: same revision, fetched now.
  ASSERT_TRUE(store_->RecordProbe(kScope, "run", {"acme/app#1", "acme/app#2"}, {{}, {}}, {}));
  auto touched = Find();
  ASSERT_TRUE(touched && *touched);
  EXPECT_TRUE((*touched)->stale.empty());
  EXPECT_FALSE((*touched)->Fresh());  // the failure is still old
  NodeBatch batch;
  batch.failures = {{"acme/app#9", Error{ErrorKind::kNotFound, "acme/app#9 not found"}}};
  batch.authenticated = true;
  ASSERT_TRUE(store_->Put(kScope, batch));
  EXPECT_FALSE(Served());  // fresh, but written anew: another revision
}

TEST_F(ServableReportTest, AMovedAliasOrAnItemThatAppearedEndsIt) {
  NodeBatch moved;
  moved.nodes = {Small("other", 2, 0)};
  moved.aliases = {{"acme/old#2", "acme/other#2"}};
  ASSERT_TRUE(store_->Put(kScope, moved));
  EXPECT_FALSE(Served());

  ASSERT_TRUE(store_->PutReport(Servable("# again", Members())));
  EXPECT_FALSE(Served());  // members name the alias's old target
  std::vector<ReportMember> members = Members();
  members[2].target = "acme/other#2";
  ASSERT_TRUE(store_->PutReport(Servable("# again", members)));
  EXPECT_TRUE(Served());
  // The refused item exists now: its failure row is gone.
  NodeBatch appeared;
  appeared.nodes = {Small("app", 9, 0)};
  ASSERT_TRUE(store_->Put(kScope, appeared));
  EXPECT_FALSE(Served());
}

TEST_F(ServableReportTest, OnlyTheNewestCopyIsServableAndAllStayArchived) {
  clock_.Advance(std::chrono::seconds(1));
  ASSERT_TRUE(store_->PutReport(Servable("# newer", Members())));
  auto found = Find();
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->report.content, "# newer");
  auto stats = store_->Stats();
  EXPECT_EQ(stats->reports, 2);
  EXPECT_EQ(stats->servable_reports, 1);
  // A report without a key is archived, never served.
  clock_.Advance(std::chrono::seconds(1));
  StoredReport plain = Servable("# plain", {});
  plain.cache_key.clear();
  ASSERT_TRUE(store_->PutReport(plain));
  EXPECT_EQ((*Find())->report.content, "# newer");
  ASSERT_TRUE(store_->Clear());
  EXPECT_FALSE(Served());
}

TEST_F(ServableReportTest, PruningARowItStandsOnRetiresItButKeepsTheArchive) {
  StoredReport nodes_only = Servable("# nodes only", {Members()[0], Members()[1]});
  nodes_only.cache_key = "key of nodes only";
  ASSERT_TRUE(store_->PutReport(nodes_only));
  ASSERT_TRUE(store_->Prune(std::chrono::hours(24)));  // nothing old yet
  EXPECT_EQ(store_->Stats()->servable_reports, 2);

  // Two days on, #1 was confirmed since, #2 and the failure were not.
  clock_.Advance(std::chrono::hours(48));
  ASSERT_TRUE(store_->RecordProbe(kScope, "run", {"acme/app#1"}, {{}}, {}));
  ASSERT_TRUE(store_->Prune(std::chrono::hours(24)));
  auto stats = store_->Stats();
  EXPECT_EQ(stats->servable_reports, 0);
  EXPECT_EQ(stats->reports, 2);
  auto found = Find();
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
  auto count = store_->database().Prepare("SELECT count(*) FROM report_members");
  ASSERT_TRUE(count && *count->Step());
  EXPECT_EQ(count->Int(0), 0);
}

TEST_F(ServableReportTest, PruningOnlyTheFailureItStandsOnRetiresIt) {
  clock_.Advance(std::chrono::hours(48));
  ASSERT_TRUE(store_->RecordProbe(kScope, "run", {"acme/app#1", "acme/app#2"}, {{}, {}}, {}));
  ASSERT_TRUE(store_->Prune(std::chrono::hours(24)));
  EXPECT_EQ(store_->Stats()->servable_reports, 0);
}

}  // namespace
}  // namespace issuegraph::store
