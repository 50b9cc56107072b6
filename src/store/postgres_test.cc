#include "store/postgres.h"

#include <gtest/gtest.h>

#include "store/postgres_schema.h"
#include "store/shared_rate_budget.h"
#include "store/store.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::OnPostgres;
using testing::TestStore;

TEST(PostgresTest, ParametersBecomeDollarNumbersOutsideQuotes) {
  int count = 0;
  EXPECT_EQ(sql::ToDollarParameters("SELECT a FROM t WHERE b = ? AND c IN (?, ?)", &count),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(count, 3);
  EXPECT_EQ(sql::ToDollarParameters("SELECT ?2, ?1, ?2 WHERE x = '?' AND \"col?\" = ?1", &count),
            "SELECT $2, $1, $2 WHERE x = '?' AND \"col?\" = $1");
  EXPECT_EQ(count, 2);
  EXPECT_EQ(sql::ToDollarParameters("SELECT 'it''s ?' || ?", &count), "SELECT 'it''s ?' || $1");
  EXPECT_EQ(count, 1);
}

TEST(PostgresTest, UrlsAreShownWithoutTheirPassword) {
  EXPECT_EQ(sql::RedactUrl("postgres://app:s3cret@db.example:5432/issues"),
            "postgres://app:***@db.example:5432/issues");
  EXPECT_EQ(sql::RedactUrl("postgresql://app@db/issues?sslmode=require"),
            "postgresql://app@db/issues?sslmode=require");
  EXPECT_EQ(sql::RedactUrl("postgres://db/issues?user=app&password=s3cret&sslmode=require"),
            "postgres://db/issues?user=app&password=***&sslmode=require");
  EXPECT_EQ(sql::RedactUrl("postgres://a:b@c@db/x"), "postgres://a:***@db/x");
}

TEST(PostgresTest, ARefusedConnectionNamesTheUrlButNotThePassword) {
  // Port 1 on loopback: nothing listens there.
  auto store = Store::Open("postgres://app:s3cret@127.0.0.1:1/issues?connect_timeout=2");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kIo);
  EXPECT_NE(store.error().message.find("cannot connect to the store postgres://app:***@127.0.0.1:1/issues"),
            std::string::npos)
      << store.error().message;
  EXPECT_EQ(store.error().message.find("s3cret"), std::string::npos);
  EXPECT_EQ(store.error().message.find('\n'), std::string::npos) << "one line";
}

TEST(PostgresTest, ANewSchemaIsMigratedOnceAndReopens) {
  ISSUEGRAPH_POSTGRES_ONLY();
  const std::string url = TestStore();
  {
    auto store = Store::Open(url);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(testing::Pragma(**store, "SELECT max(version) FROM issuegraph_schema"),
              LatestPostgresSchemaVersion());
    EXPECT_EQ((*store)->database().dialect(), sql::Dialect::kPostgres);
  }
  auto again = Store::Open(url);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(testing::Pragma(**again, "SELECT count(*) FROM issuegraph_schema"), LatestPostgresSchemaVersion());
  auto stats = (*again)->Stats();
  ASSERT_TRUE(stats);
  EXPECT_GT(stats->file_bytes, 0);
}

TEST(PostgresTest, AnotherProgramsTablesAreLeftAlone) {
  ISSUEGRAPH_POSTGRES_ONLY();
  const std::string url = TestStore();
  {
    auto db = sql::Database::Open(url);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->Exec("CREATE TABLE invoices (id BIGINT); INSERT INTO invoices VALUES (7)"));
  }
  auto store = Store::Open(url);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("another program's tables"), std::string::npos)
      << store.error().message;
  auto db = sql::Database::Open(url);
  ASSERT_TRUE(db);
  auto rows = (*db)->Prepare("SELECT count(*) FROM invoices");
  ASSERT_TRUE(rows && *rows->Step());
  EXPECT_EQ(rows->Int(0), 1);
}

TEST(PostgresTest, ANewerSchemaIsRefused) {
  ISSUEGRAPH_POSTGRES_ONLY();
  const std::string url = TestStore();
  {
    auto store = Store::Open(url);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->database().Exec("INSERT INTO issuegraph_schema VALUES (99)"));
  }
  auto store = Store::Open(url);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("newer issuegraph (schema 99"), std::string::npos)
      << store.error().message;
}

TEST(PostgresTest, TextPostgresCannotHoldIsAClearErrorAndWritesNothing) {
  ISSUEGRAPH_POSTGRES_ONLY();
  auto store = Store::Open(TestStore());
  ASSERT_TRUE(store);
  Node node = testing::Small("app", 1, 0);
  node.body = std::string("before") + '\0' + "after";
  auto put = (*store)->PutNodes("https://api.github.com", {node});
  ASSERT_FALSE(put);
  EXPECT_EQ(put.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(put.error().message.find("NUL character"), std::string::npos) << put.error().message;
  EXPECT_EQ((*store)->Stats()->nodes, 0);
  EXPECT_TRUE((*store)->PutNodes("https://api.github.com", {testing::Small("app", 2, 1)}));
}

TEST(PostgresTest, AConnectionTheServerDroppedIsMadeAgain) {
  ISSUEGRAPH_POSTGRES_ONLY();
  auto store = Store::Open(TestStore());
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->PutNodes("https://api.github.com", {testing::Small("app", 1, 2)}));
  auto pid = (*store)->database().Prepare("SELECT pg_backend_pid()");
  ASSERT_TRUE(pid && *pid->Step());
  const int64_t backend = pid->Int(0);
  {
    auto admin = sql::Database::Open(testing::PostgresTestUrl());
    ASSERT_TRUE(admin);
    ASSERT_TRUE((*admin)->Exec("SELECT pg_terminate_backend(" + std::to_string(backend) + ")"));
  }
  // The first statement on the dead connection fails; the next reconnects
  // and prepares its statements again.
  (void)(*store)->GetNode("https://api.github.com", "acme/app#1");
  auto read = (*store)->GetNode("https://api.github.com", "acme/app#1");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_TRUE(*read);
  EXPECT_EQ((*read)->node.comments.size(), 2u);
}

TEST(PostgresTest, ReplicasShareOneRateBudget) {
  ISSUEGRAPH_POSTGRES_ONLY();
  const std::string url = TestStore();
  ASSERT_TRUE(Store::Open(url));
  auto a = SharedRateBudget::Open(url, "https://api.github.com", 50);
  auto b = SharedRateBudget::Open(url, "https://api.github.com", 50);
  auto other = SharedRateBudget::Open(url, "https://ghe.example/api/v3", 50);
  ASSERT_TRUE(a && b && other);
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  const int64_t reset = 1'800'000'600;
  // What replica A heard from GitHub, replica B waits on.
  (*a)->Record("graphql", 120, reset);
  EXPECT_EQ((*b)->WaitFor("graphql", 60, now).count(), 0);
  (*a)->Spend("graphql", 30);  // 90 left: 60 more would cut into the reserve of 50
  EXPECT_GE((*b)->WaitFor("graphql", 60, now).count(), 600'000);
  // An older window's answer, arriving late, changes nothing; a newer one resets.
  (*b)->Record("graphql", 4000, reset - 3600);
  EXPECT_GE((*a)->WaitFor("graphql", 60, now).count(), 600'000);
  (*b)->Record("graphql", 5000, reset + 3600);
  EXPECT_EQ((*a)->WaitFor("graphql", 60, now).count(), 0);
  // Another API's budget and another resource are their own.
  EXPECT_EQ((*other)->WaitFor("graphql", 4900, now).count(), 0);
  EXPECT_EQ((*a)->WaitFor("core", 4900, now).count(), 0);
}

}  // namespace
}  // namespace issuegraph::store
