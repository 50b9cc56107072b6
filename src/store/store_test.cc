#include "store/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "http/client.h"
#include "store/schema.h"
#include "store/store_test_util.h"
#include "store/validator_cache.h"

namespace issuegraph::store {
namespace {

using testing::FakeClock;
using testing::Pragma;
using testing::ReadBytes;
using testing::RichNode;
using testing::Small;
using testing::TempDir;

constexpr std::string_view kScope = "https://api.github.com";

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// An archived report of acme/app#7, not servable again.
StoredReport Archived(nlohmann::json options, const std::string& format, const std::string& content) {
  StoredReport report;
  report.root = "acme/app#7";
  report.options = std::move(options);
  report.format = format;
  report.content = content;
  return report;
}

TEST(StoreTest, MigratesAnEmptyDatabase) {
  ISSUEGRAPH_SQLITE_ONLY();
  auto store = Store::Open(testing::TestStore());
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ(Pragma(**store, "PRAGMA application_id"), kApplicationId);
  EXPECT_EQ(Pragma(**store, "PRAGMA user_version"), LatestSchemaVersion());
  EXPECT_EQ(Pragma(**store, "PRAGMA foreign_keys"), 1);
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->nodes, 0);
  EXPECT_GT(stats->file_bytes, 0);
}

TEST(StoreTest, FileUsesWalAndReopensWithoutMigratingAgain) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("store.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store) << store.error().message;
    {
      auto mode = (*store)->database().Prepare("PRAGMA journal_mode");
      ASSERT_TRUE(*mode->Step());
      EXPECT_EQ(mode->Text(0), "wal");
    }
    auto put = (*store)->PutNodes(kScope, {RichNode()});
    ASSERT_TRUE(put) << put.error().message;
  }
  auto again = Store::Open(path);
  ASSERT_TRUE(again) << again.error().message;
  auto node = (*again)->GetNode(kScope, "acme/app#7");
  ASSERT_TRUE(node && *node);
  EXPECT_EQ((*node)->node.title, RichNode().title);
}

TEST(StoreTest, GarbageFileIsAClearErrorAndStaysUntouched) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("store.db");
  const std::string garbage(4096, 'x');
  WriteBytes(path, garbage);
  auto store = Store::Open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kIo);
  EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("--store"), std::string::npos);
  EXPECT_NE(store.error().message.find("issuegraph cache clear"), std::string::npos);
  EXPECT_NE(store.error().message.find("remove it"), std::string::npos);
  EXPECT_EQ(ReadBytes(path), garbage);
  // The advice works: clearing removes the damaged file, and it opens anew.
  ASSERT_TRUE(Store::ClearFile(path));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(Store::Open(path));
}

TEST(StoreTest, StoreMissingATableIsNamedAndClearResetsIt) {
  TempDir dir;
  const std::string path = testing::TestStore(dir.File("store.db"));
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->database().Exec("DROP TABLE aliases"));
  }
  auto store = Store::Open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kIo);
  EXPECT_NE(store.error().message.find("is damaged: its table aliases is missing"), std::string::npos)
      << store.error().message;
  EXPECT_NE(store.error().message.find("issuegraph cache clear --store " + path), std::string::npos);
  ASSERT_TRUE(Store::ClearFile(path));
  EXPECT_TRUE(Store::Open(path));
}

TEST(StoreTest, ADeviceIsNoStoreAndGetsNoJournalBesideIt) {
  ISSUEGRAPH_SQLITE_ONLY();
  for (const std::string path : {"/dev/null", "/dev/zero"}) {
    auto store = Store::Open(path);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, ErrorKind::kIo);
    EXPECT_NE(store.error().message.find("the store " + path + " is not a regular file"), std::string::npos)
        << store.error().message;
    EXPECT_FALSE(Store::ClearFile(path));
    for (const char* suffix : {"-journal", "-wal", "-shm"}) EXPECT_FALSE(std::filesystem::exists(path + suffix));
  }
}

TEST(StoreTest, ForeignSqliteDatabaseIsRefusedAndNeverDeleted) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("theirs.db");
  {
    auto db = sql::Database::Open(path);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->Exec("CREATE TABLE accounts (id INTEGER); INSERT INTO accounts VALUES (1)"));
  }
  const std::string before = ReadBytes(path);
  auto store = Store::Open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kIo);
  EXPECT_NE(store.error().message.find(path), std::string::npos);
  EXPECT_NE(store.error().message.find("another program"), std::string::npos)
      << store.error().message;
  EXPECT_NE(store.error().message.find("--store"), std::string::npos);
  EXPECT_FALSE(Store::ClearFile(path));
  EXPECT_EQ(ReadBytes(path), before);
}

TEST(StoreTest, DatabaseWithAnotherApplicationIdIsForeign) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("other.db");
  {
    auto db = sql::Database::Open(path);
    ASSERT_TRUE(db);
    ASSERT_TRUE((*db)->Exec("PRAGMA application_id = 1234"));
  }
  auto store = Store::Open(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("application id 1234"), std::string::npos)
      << store.error().message;
}

TEST(StoreTest, NewerSchemaIsRefused) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const std::string path = dir.File("store.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->database().Exec("PRAGMA user_version = 99"));
  }
  auto store = Store::Open(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("newer issuegraph"), std::string::npos)
      << store.error().message;
}

TEST(StoreTest, MissingDirectoryNamesThePath) {
  ISSUEGRAPH_SQLITE_ONLY();
  auto store = Store::Open("/nonexistent-issuegraph-dir/store.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::kIo);
  EXPECT_NE(store.error().message.find("/nonexistent-issuegraph-dir/store.db"), std::string::npos);
  EXPECT_NE(store.error().message.find("--store"), std::string::npos);
}

TEST(StoreTest, RoundTripsARichNode) {
  FakeClock clock;
  auto store = Store::Open(testing::TestStore(), &clock);
  ASSERT_TRUE(store);
  const Node node = RichNode();
  NodeBatch batch;
  batch.nodes = {node};
  batch.stamps = {{"2026-05-02T11:00:00Z", 5}};
  ASSERT_TRUE((*store)->Put(kScope, batch));
  auto stored = (*store)->GetNode(kScope, node.ref.Key());
  ASSERT_TRUE(stored) << stored.error().message;
  ASSERT_TRUE(stored->has_value());
  testing::ExpectSameNode((*stored)->node, node, /*with_depth=*/false);
  EXPECT_EQ((*stored)->fetched_at, 1'800'000'000);
  EXPECT_EQ((*stored)->updated_at_seen, "2026-05-02T11:00:00Z");
  EXPECT_EQ((*stored)->link_count_seen, 5);
  // The old name answers with the node under its new name.
  auto by_alias = (*store)->GetNode(kScope, "acme/old-app#7");
  ASSERT_TRUE(by_alias && *by_alias);
  EXPECT_EQ((*by_alias)->node.ref.Key(), "acme/app#7");
  EXPECT_FALSE(*(*store)->GetNode(kScope, "acme/app#8"));
}

TEST(StoreTest, ReplacingANodeReplacesItsChildren) {
  auto store = Store::Open(testing::TestStore());
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->PutNodes(kScope, {Small("app", 1, 3)}));
  ASSERT_TRUE((*store)->PutNodes(kScope, {Small("app", 1, 1)}));
  auto stored = (*store)->GetNode(kScope, "acme/app#1");
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->node.comments.size(), 1u);
  EXPECT_EQ((*store)->Stats()->comments, 1);
}

TEST(StoreTest, ScopesNeverAnswerForEachOther) {
  auto store = Store::Open(testing::TestStore());
  ASSERT_TRUE(store);
  Node fake = Small("app", 1, 0);
  fake.title = "from a test server";
  ASSERT_TRUE((*store)->PutNodes("http://127.0.0.1:8080", {fake}));
  EXPECT_FALSE(*(*store)->GetNode(kScope, "acme/app#1"));
  ASSERT_TRUE((*store)->PutNodes(kScope, {Small("app", 1, 0)}));
  EXPECT_EQ((*(*store)->GetNode("http://127.0.0.1:8080", "acme/app#1"))->node.title,
            "from a test server");
  EXPECT_EQ((*(*store)->GetNode(kScope, "acme/app#1"))->node.title, "item 1");
}

TEST(StoreTest, MovedNodeAnswersUnderItsOldName) {
  auto store = Store::Open(testing::TestStore());
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->PutNodes(kScope, {Small("old-name", 4, 2)}));  // before the move
  NodeBatch batch;
  batch.nodes = {Small("new-name", 4, 0)};
  batch.aliases = {{"acme/old-name#4", "acme/new-name#4"}};
  ASSERT_TRUE((*store)->Put(kScope, batch));
  auto stored = (*store)->GetNode(kScope, "acme/old-name#4");
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->node.ref.Key(), "acme/new-name#4");
  EXPECT_EQ((*store)->Stats()->nodes, 1);  // the copy under the old name is gone
  // A node stored under a key that was an alias takes the key back.
  ASSERT_TRUE((*store)->PutNodes(kScope, {Small("old-name", 4, 0)}));
  EXPECT_EQ((*(*store)->GetNode(kScope, "acme/old-name#4"))->node.ref.Key(), "acme/old-name#4");
}

TEST(StoreTest, GetNodesOverManyKeysMatchesGetNodeOneByOne) {
  FakeClock clock;
  auto store = Store::Open(testing::TestStore(), &clock);
  ASSERT_TRUE(store);
  // More keys than one IN list binds: rich complete nodes, leaves with
  // links only, moved items (a chain of two moves, a cycle), repeats and
  // keys never stored.
  NodeBatch batch;
  std::vector<std::string> keys;
  for (int64_t number = 1; number <= 700; ++number) {
    Node node = number % 3 == 0 ? RichNode(number) : Small("app", number, 0);
    if (number % 3 == 1) {
      node.complete = false;
      Link link;
      link.from = node.ref;
      link.to = testing::Ref("acme", "app", number + 1);
      link.kind = EdgeKind::kMentions;
      link.provenance = {node.ref.Key(), Provenance::Where::kBody, "", ""};
      node.links = {link, link};
    }
    keys.push_back(node.ref.Key());
    batch.nodes.push_back(std::move(node));
  }
  batch.aliases = {{"acme/first#1", "acme/second#1"},
                   {"acme/second#1", "acme/app#2"},
                   {"acme/loop#1", "acme/loop#2"},
                   {"acme/loop#2", "acme/loop#1"}};
  ASSERT_TRUE((*store)->Put(kScope, batch));
  for (const char* key : {"acme/first#1", "acme/second#1", "acme/old-app#3", "acme/loop#1",
                          "acme/app#5", "acme/app#9999", "acme/app#3", "acme/app#3"}) {
    keys.push_back(key);
  }
  auto many = (*store)->GetNodes(kScope, keys);
  ASSERT_TRUE(many) << many.error().message;
  ASSERT_EQ(many->size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    SCOPED_TRACE(keys[i]);
    auto one = (*store)->GetNode(kScope, keys[i]);
    ASSERT_TRUE(one) << one.error().message;
    ASSERT_EQ((*many)[i].has_value(), one->has_value());
    if (!*one) continue;
    testing::ExpectSameNode((*many)[i]->node, (*one)->node, /*with_depth=*/false);
    EXPECT_EQ((*many)[i]->fetched_at, (*one)->fetched_at);
    EXPECT_EQ((*many)[i]->updated_at_seen, (*one)->updated_at_seen);
    EXPECT_EQ((*many)[i]->link_count_seen, (*one)->link_count_seen);
  }
  EXPECT_EQ((*many)[700]->node.ref.Key(), "acme/app#2");  // two moves followed
  EXPECT_EQ((*many)[702]->node.ref.Key(), "acme/app#3");
  EXPECT_FALSE((*many)[703]);  // a cycle is absent
  EXPECT_FALSE((*many)[705]);
  EXPECT_EQ((*many)[2]->node.comments.size(), 2u);
  EXPECT_EQ((*many)[0]->node.links.size(), 2u);
  EXPECT_TRUE((*store)->GetNodes(kScope, {})->empty());
}

TEST(StoreTest, EventReferencesRoundTripPlainOrEscaped) {
  auto store = Store::Open(testing::TestStore());
  ASSERT_TRUE(store);
  Node node = Small("app", 1, 0);
  for (const char* owner : {"plain", "quo\"te", "back\\slash", "ümlaut", "tab\there"}) {
    Event event;
    event.id = owner;
    event.other = testing::Ref(owner, "Repo", 9'007'199'254);
    event.other->host = "";
    event.subject = testing::Ref("Acme", owner, 1);
    node.events.push_back(event);
  }
  ASSERT_TRUE((*store)->PutNodes(kScope, {node}));
  auto many = (*store)->GetNodes(kScope, {node.ref.Key()});
  auto one = (*store)->GetNode(kScope, node.ref.Key());
  ASSERT_TRUE(many && one && (*many)[0] && *one);
  testing::ExpectSameNode((*many)[0]->node, node, /*with_depth=*/false);
  testing::ExpectSameNode((*one)->node, node, /*with_depth=*/false);
}

TEST(StoreTest, GetFailuresOverManyKeysAnswersEachKey) {
  auto store = Store::Open(testing::TestStore());
  ASSERT_TRUE(store);
  NodeBatch batch;
  batch.authenticated = true;
  std::vector<std::string> keys;
  for (int number = 1; number <= 600; ++number) {
    keys.push_back("acme/gone#" + std::to_string(number));
    if (number % 2 == 0) {
      batch.failures.emplace_back(keys.back(), Error{ErrorKind::kNotFound, keys.back() + " 404"});
    }
  }
  ASSERT_TRUE((*store)->Put(kScope, batch));
  auto failures = (*store)->GetFailures(kScope, keys, /*authenticated=*/true);
  ASSERT_TRUE(failures) << failures.error().message;
  ASSERT_EQ(failures->size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_EQ((*failures)[i].has_value(), i % 2 == 1) << keys[i];
    if ((*failures)[i]) {
      EXPECT_EQ((*failures)[i]->error.message, keys[i] + " 404");
    }
  }
  // Refusals met with a token are not replayed without one.
  auto anonymous = (*store)->GetFailures(kScope, keys, /*authenticated=*/false);
  ASSERT_TRUE(anonymous);
  for (const auto& failure : *anonymous) EXPECT_FALSE(failure);
}

TEST(StoreTest, TwoStoresOnOneFileWriteConcurrently) {
  TempDir dir;
  const std::string path = testing::TestStore(dir.File("store.db"));
  constexpr int kBatches = 40;
  constexpr int kPerBatch = 10;
  // Both open a new file at once (racing on the migration), then write.
  auto writer = [&](const std::string& repo, std::string* failure) {
    auto store = Store::Open(path);
    if (!store) {
      *failure = store.error().message;
      return;
    }
    for (int batch = 0; batch < kBatches; ++batch) {
      std::vector<Node> nodes;
      for (int i = 0; i < kPerBatch; ++i)
        nodes.push_back(Small(repo, batch * kPerBatch + i + 1, 3));
      if (auto put = (*store)->PutNodes(kScope, nodes); !put) {
        *failure = put.error().message;
        return;
      }
      if (auto read = (*store)->GetNode(kScope, "acme/" + repo + "#1"); !read) {
        *failure = read.error().message;
        return;
      }
    }
  };
  std::string failure_a;
  std::string failure_b;
  std::thread a(writer, "left", &failure_a);
  std::thread b(writer, "right", &failure_b);
  a.join();
  b.join();
  EXPECT_EQ(failure_a, "");
  EXPECT_EQ(failure_b, "");
  auto store = Store::Open(path);
  ASSERT_TRUE(store);
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->nodes, 2 * kBatches * kPerBatch);
  EXPECT_EQ(stats->comments, 3 * 2 * kBatches * kPerBatch);
}

TEST(StoreTest, KilledWriterLeavesWholeBatchesOnly) {
  TempDir dir;
  const std::string path = testing::TestStore(dir.File("store.db"));
  ASSERT_TRUE(Store::Open(path));
  constexpr int kPerBatch = 25;
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Writes batches until killed; every node of a batch has 4 comments.
    auto store = Store::Open(path);
    if (!store) _exit(1);
    for (int batch = 0;; ++batch) {
      std::vector<Node> nodes;
      for (int i = 0; i < kPerBatch; ++i)
        nodes.push_back(Small("app", batch * kPerBatch + i + 1, 4));
      if (!(*store)->PutNodes(kScope, nodes)) _exit(2);
    }
  }
  usleep(300'000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself: " << status;
  auto store = Store::Open(path);
  ASSERT_TRUE(store) << store.error().message;
  if (!testing::OnPostgres()) {
    auto check = (*store)->database().Prepare("PRAGMA integrity_check");
    ASSERT_TRUE(*check->Step());
    EXPECT_EQ(check->Text(0), "ok");
  }
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats);
  EXPECT_GT(stats->nodes, 0);
  EXPECT_EQ(stats->nodes % kPerBatch, 0) << "a batch was cut";
  EXPECT_EQ(stats->comments, 4 * stats->nodes);
}

TEST(StoreTest, PruneDropsOldNodesTheirChildrenAndOrphanAliases) {
  FakeClock clock;
  auto store = Store::Open(testing::TestStore(), &clock);
  ASSERT_TRUE(store);
  NodeBatch old;
  old.nodes = {Small("app", 1, 2)};
  old.aliases = {{"acme/old#1", "acme/app#1"}};
  old.failures = {{"acme/app#404", Error{ErrorKind::kNotFound, "gone away"}}};
  ASSERT_TRUE((*store)->Put(kScope, old));
  clock.Advance(std::chrono::hours(48));
  ASSERT_TRUE((*store)->PutNodes(kScope, {Small("app", 2, 1)}));
  SqliteValidatorCache validators(**store);
  validators.Put("https://api.github.com/x", "\"e\"", http::Response{200, {}, "body", 4});
  clock.Advance(std::chrono::hours(1));
  auto pruned = (*store)->Prune(std::chrono::hours(24));
  ASSERT_TRUE(pruned) << pruned.error().message;
  EXPECT_EQ(pruned->nodes, 1);
  EXPECT_EQ(pruned->aliases, 1);
  EXPECT_EQ(pruned->failures, 1);
  EXPECT_EQ(pruned->validators, 0);
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->nodes, 1);
  EXPECT_EQ(stats->comments, 1);  // the pruned node's comments went with it
  EXPECT_EQ(stats->aliases, 0);
  EXPECT_EQ(stats->validators, 1);
  EXPECT_FALSE(*(*store)->GetNode(kScope, "acme/app#1"));
}

TEST(StoreTest, ClearEmptiesEverything) {
  TempDir dir;
  auto store = Store::Open(testing::TestStore(dir.File("store.db")));
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->PutNodes(kScope, {RichNode()}));
  ASSERT_TRUE((*store)->PutReport(Archived({{"depth", 1}}, "markdown", "# report")));
  ASSERT_TRUE((*store)->Clear());
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->nodes + stats->comments + stats->events + stats->links + stats->aliases +
                stats->reports,
            0);
  ASSERT_TRUE((*store)->PutNodes(kScope, {RichNode()}));  // still usable
}

TEST(StoreTest, ReportsKeepTheirOptionsButNoSecrets) {
  FakeClock clock;
  auto store = Store::Open(testing::TestStore(), &clock);
  ASSERT_TRUE(store);
  nlohmann::json options = {
      {"depth", 2}, {"token", "ghp_secret"}, {"http", {{"Authorization", "Bearer x"}}}};
  auto first = (*store)->PutReport(Archived(options, "markdown", "# first"));
  ASSERT_TRUE(first);
  clock.Advance(std::chrono::seconds(5));
  auto second = (*store)->PutReport(Archived({{"depth", 1}}, "json", "{}"));
  ASSERT_TRUE(second);
  EXPECT_NE(*first, *second);
  auto report = (*store)->GetReport(*first);
  ASSERT_TRUE(report && *report);
  EXPECT_EQ((*report)->content, "# first");
  EXPECT_EQ((*report)->options, (nlohmann::json{{"depth", 2}, {"http", nlohmann::json::object()}}));
  EXPECT_EQ((*report)->created_at, 1'800'000'000);
  auto list = (*store)->ListReports();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, *second);  // newest first
}

TEST(StoreTest, DefaultPathFollowsXdgThenHome) {
  ISSUEGRAPH_SQLITE_ONLY();
  TempDir dir;
  const char* old_xdg = std::getenv("XDG_CACHE_HOME");
  const char* old_home = std::getenv("HOME");
  std::string saved_xdg = old_xdg ? old_xdg : "";
  std::string saved_home = old_home ? old_home : "";
  setenv("XDG_CACHE_HOME", dir.File("xdg").c_str(), 1);
  auto path = Store::DefaultPath();
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, dir.File("xdg") + "/issuegraph/store.db");
  EXPECT_TRUE(std::filesystem::is_directory(dir.File("xdg") + "/issuegraph"));
  setenv("XDG_CACHE_HOME", "relative/ignored", 1);
  setenv("HOME", dir.File("home").c_str(), 1);
  path = Store::DefaultPath();
  ASSERT_TRUE(path);
  EXPECT_EQ(*path, dir.File("home") + "/.cache/issuegraph/store.db");
  if (old_xdg)
    setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  else
    unsetenv("XDG_CACHE_HOME");
  if (old_home)
    setenv("HOME", saved_home.c_str(), 1);
  else
    unsetenv("HOME");
}

}  // namespace
}  // namespace issuegraph::store
