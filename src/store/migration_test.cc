// Stores written by older versions of the schema are brought up to date
// at open, keeping their rows.
#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/store.h"
#include "store/store_test_util.h"

namespace issuegraph::store {
namespace {

using testing::FakeClock;
using testing::Pragma;
using testing::RichNode;
using testing::Small;
using testing::TempDir;

constexpr std::string_view kScope = "https://api.github.com";

TEST(StoreTest, AVersionOneStoreIsMigratedKeepingItsRows) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("store.db");
  {
    // A store as version 1 wrote it, with a remembered failure.
    auto db = sql::Database::Open(path);
    ASSERT_TRUE(db);
    ASSERT_TRUE(PrepareSchema(**db, /*up_to=*/1));
    ASSERT_TRUE((*db)->Exec(
        "INSERT INTO failures (scope, key, authenticated, kind, message, fetched_at) VALUES "
        "('https://api.github.com', 'acme/app#9', 0, 'not_found', 'gone away', 1800000000)"));
  }
  FakeClock clock;
  auto store = Store::Open(path, &clock);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(Pragma(**store, "PRAGMA user_version"), LatestSchemaVersion());
  auto failures = (*store)->GetFailures(kScope, {"acme/app#9"}, false);
  ASSERT_TRUE(failures && (*failures)[0]);
  EXPECT_EQ((*failures)[0]->error.message, "gone away");
  EXPECT_EQ((*failures)[0]->revision, 0);
  // New writes take revisions above every migrated row's.
  NodeBatch batch;
  batch.nodes = {Small("app", 1, 0)};
  auto revision = (*store)->Put(kScope, batch);
  ASSERT_TRUE(revision);
  EXPECT_GT(*revision, 0);
}

TEST(StoreTest, AVersionTwoStoreGetsFullReferencesForItsLinks) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("store.db");
  Node node = RichNode(7);
  node.ref.host = "git.example.com";
  {
    // A version 2 store holding the node as version 2 kept it: the rows a
    // store of today writes, with each link's ends as keys.
    auto old = sql::Database::Open(path);
    ASSERT_TRUE(old);
    ASSERT_TRUE(PrepareSchema(**old, /*up_to=*/2));
    FakeClock clock;
    auto today = Store::Open(dir.File("today.db"), &clock);
    ASSERT_TRUE(today) << today.error().message;
    NodeBatch batch;
    batch.nodes = {node};
    ASSERT_TRUE((*today)->Put(kScope, batch));
    const std::string key_of = "lower(json_extract(%, '$.owner') || '/' || json_extract(%, '$.repo') || '#' || "
                               "json_extract(%, '$.number'))";
    auto key = [&](const std::string& column) {
      std::string out = key_of;
      for (size_t at = out.find('%'); at != std::string::npos; at = out.find('%')) out.replace(at, 1, column);
      return out;
    };
    ASSERT_TRUE((*today)->database().Exec(
        // Columns of later versions go first (version 5: probe findings).
        "ALTER TABLE nodes DROP COLUMN probe_changed; ALTER TABLE nodes DROP COLUMN probed_by;"
        "ATTACH '" + path + "' AS old;"
        "INSERT INTO old.nodes SELECT * FROM nodes;"
        "INSERT INTO old.comments SELECT * FROM comments;"
        "INSERT INTO old.events SELECT * FROM events;"
        "INSERT INTO old.links SELECT node_id, position, " + key("from_ref") + ", " + key("to_ref") +
        ", kind, provenance_node, provenance_where, provenance_id, provenance_url FROM links;"
        "DETACH old;"));
  }
  FakeClock clock;
  auto store = Store::Open(path, &clock);
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(Pragma(**store, "PRAGMA user_version"), LatestSchemaVersion());
  auto stored = (*store)->GetNode(kScope, node.ref.Key());
  ASSERT_TRUE(stored && *stored) << (stored ? "missing" : stored.error().message);
  const std::vector<Link>& links = (*stored)->node.links;
  ASSERT_EQ(links.size(), node.links.size());
  for (size_t i = 0; i < links.size(); ++i) {
    EXPECT_EQ(links[i].from.Key(), node.links[i].from.Key());
    EXPECT_EQ(links[i].to.Key(), node.links[i].to.Key());
    EXPECT_EQ(links[i].from.host, "git.example.com");  // the node's host
    EXPECT_EQ(links[i].kind, node.links[i].kind);
  }
}

}  // namespace
}  // namespace issuegraph::store
