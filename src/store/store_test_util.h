// Test helpers for the store's unit tests: a node that uses every field, a
// field-by-field comparison, a settable clock and a temporary directory
// removed at the end of the test. Test code only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crawl/source.h"
#include "model/clock.h"
#include "model/graph.h"
#include "store/sql.h"
#include "store/store.h"

namespace issuegraph::store::testing {

class FakeClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() override { return now; }
  void Sleep(std::chrono::milliseconds duration) override { now += duration; }
  void Advance(std::chrono::seconds by) { now += by; }
  std::chrono::system_clock::time_point now{std::chrono::seconds(1'800'000'000)};
};

// A freshness probe answering from `stamps` (a key it does not know is an
// error), counting its calls.
class FakeProbe : public crawl::FreshnessProbe {
 public:
  std::vector<Result<crawl::Stamp>> Probe(const std::vector<IssueRef>& refs) override {
    ++calls;
    std::vector<Result<crawl::Stamp>> out;
    for (const auto& ref : refs) {
      auto it = stamps.find(ref.Key());
      if (it == stamps.end()) {
        out.push_back(MakeError(ErrorKind::kNotFound, "unknown"));
      } else {
        out.push_back(it->second);
      }
    }
    return out;
  }
  crawl::Stamp StampOf(const Node& node) const override {
    return {node.updated_at, node.complete ? static_cast<int64_t>(node.links.size()) : -1};
  }
  std::map<std::string, crawl::Stamp> stamps;
  int calls = 0;
};

// The integer a PRAGMA (or any one-value query) answers.
inline int64_t Pragma(Store& store, const std::string& pragma) {
  auto statement = store.database().Prepare(pragma);
  EXPECT_TRUE(statement);
  EXPECT_TRUE(*statement->Step());
  return statement->Int(0);
}

// The backend the store's tests run on: SQLite, or PostgreSQL when
// ISSUEGRAPH_TEST_POSTGRES names a file holding the URL of the suite's
// throwaway cluster (tests/postgres/cluster; CTest's store_postgres).
inline std::string PostgresTestUrl() {
  const char* file = std::getenv("ISSUEGRAPH_TEST_POSTGRES");
  if (file == nullptr || file[0] == '\0') return "";
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  return url;
}
inline bool OnPostgres() { return !PostgresTestUrl().empty(); }

// A new, empty store for one test: on SQLite `sqlite_path` (":memory:" by
// default, or a file the test reopens); on PostgreSQL a schema of its own
// in the cluster's database, named in the URL so that every reopen finds it.
inline std::string TestStore(const std::string& sqlite_path = ":memory:") {
  const std::string url = PostgresTestUrl();
  if (url.empty()) return sqlite_path;
  static int made = 0;
  const std::string schema = "t" + std::to_string(getpid()) + "_" + std::to_string(++made);
  auto admin = sql::Database::Open(url);
  EXPECT_TRUE(admin) << (admin ? "" : admin.error().message);
  if (!admin) return url;
  auto created = (*admin)->Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  EXPECT_TRUE(created) << (created ? "" : created.error().message);
  return url + (url.find('?') == std::string::npos ? "?" : "&") +
         "options=-csearch_path%3D" + schema;
}

// At the top of a test of what only an SQLite file does (pragmas, file
// damage, migrations of old files).
#define ISSUEGRAPH_SQLITE_ONLY()                                          \
  if (::issuegraph::store::testing::OnPostgres()) {                       \
    GTEST_SKIP() << "an SQLite file's behaviour, not the store's";        \
  }
// At the top of a test of what only the PostgreSQL backend does.
#define ISSUEGRAPH_POSTGRES_ONLY()                                           \
  if (!::issuegraph::store::testing::OnPostgres()) {                         \
    GTEST_SKIP() << "needs the suite's PostgreSQL cluster (store_postgres)"; \
  }

// Rows of `table` whose text `column` holds `needle` (either backend).
inline int64_t RowsHolding(Store& store, const std::string& table, const std::string& column,
                           const std::string& needle) {
  auto statement =
      store.database().Prepare("SELECT count(*) FROM " + table + " WHERE " + column + " LIKE ?");
  EXPECT_TRUE(statement);
  statement->BindText(1, "%" + needle + "%");
  EXPECT_TRUE(*statement->Step());
  return statement->Int(0);
}

// A directory of its own under the system's temporary directory.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "issuegraph-store-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string File(const std::string& name) const {
    return (std::filesystem::path(path_) / name).string();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The whole file at `path`, bytes as stored ("" when it cannot be read).
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline IssueRef Ref(const std::string& owner, const std::string& repo, int64_t number) {
  IssueRef ref;
  ref.owner = owner;
  ref.repo = repo;
  ref.number = number;
  return ref;
}

// A complete issue acme/REPO#NUMBER with `comments` short comments.
inline Node Small(const std::string& repo, int64_t number, int comments) {
  Node node;
  node.ref = Ref("acme", repo, number);
  node.title = "item " + std::to_string(number);
  node.complete = true;
  for (int i = 0; i < comments; ++i)
    node.comments.push_back({std::to_string(i), "a", "NONE", "", "text", ""});
  node.comment_count = comments;
  return node;
}

// A pull with every field set, mixed-case names and text that SQL and JSON
// must carry untouched (quotes, NULs, newlines, non-ASCII).
inline Node RichNode(int64_t number = 7) {
  Node node;
  node.ref = Ref("Acme", "App", number);
  node.type = NodeType::kPull;
  node.title = "Fix 'quoted' \"title\"; DROP TABLE nodes; --";
  // PostgreSQL text cannot hold NUL (refused with a clear error, see
  // postgres_test.cc); SQLite carries it.
  node.body = std::string("Body with a NUL ") + (OnPostgres() ? '~' : '\0') +
              " byte,\nnew lines and ümlauts; fixes #3";
  node.state = NodeState::kMerged;
  node.state_reason = "completed";
  node.author = "octo";
  node.author_association = "MEMBER";
  node.labels = {"bug", "area: store"};
  node.created_at = "2026-05-01T10:00:00Z";
  node.updated_at = "2026-05-02T11:00:00Z";
  node.closed_at = "2026-05-03T12:00:00Z";
  node.url = "https://github.com/Acme/App/pull/" + std::to_string(number);
  node.comment_count = 2;
  node.comments = {
      {"101", "alice", "NONE", "2026-05-01T11:00:00Z", "first", node.url + "#issuecomment-101"},
      {"102", "bob", "CONTRIBUTOR", "2026-05-01T12:00:00Z", "", ""}};
  Event cross;
  cross.id = "e1";
  cross.type = "cross-referenced";
  cross.actor = "carol";
  cross.created_at = "2026-05-01T13:00:00Z";
  cross.other = Ref("Other", "Lib", 9);
  cross.other->host = "ghe.example.com";
  cross.will_close = true;
  Event duplicate;
  duplicate.id = "e2";
  duplicate.type = "marked_as_duplicate";
  duplicate.other = Ref("Acme", "App", 1);
  duplicate.subject = Ref("Acme", "App", 2);
  Event referenced;
  referenced.id = "e3";
  referenced.type = "referenced";
  referenced.commit_id = "abc123";
  referenced.commit_repo = "Acme/Fork";
  node.events = {cross, duplicate, referenced};
  node.merged = true;
  node.merged_at = "2026-05-03T12:00:00Z";
  node.draft = true;
  node.base = "main";
  node.head = "fix/store";
  Link closes;
  closes.from = node.ref;
  closes.to = *ParseIssueRef("acme/app#3");
  closes.kind = EdgeKind::kCloses;
  closes.provenance = {"Acme/App#" + std::to_string(number), Provenance::Where::kBody, "",
                       node.url};
  Link crossed;
  crossed.from = *ParseIssueRef("other/lib#9");
  crossed.to = node.ref;
  crossed.kind = EdgeKind::kCrossReferenced;
  crossed.provenance = {"Acme/App#" + std::to_string(number), Provenance::Where::kEvent, "e1", ""};
  node.links = {closes, crossed};
  node.complete = true;
  node.deleted = false;
  node.aliases = {"acme/old-app#" + std::to_string(number)};
  return node;
}

inline void ExpectSameRef(const std::optional<IssueRef>& a, const std::optional<IssueRef>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (!a) return;
  EXPECT_EQ(a->host, b->host);
  EXPECT_EQ(a->owner, b->owner);
  EXPECT_EQ(a->repo, b->repo);
  EXPECT_EQ(a->number, b->number);
}

inline void ExpectSameEdge(const Link& a, const Link& b) {
  ExpectSameRef(a.from, b.from);
  ExpectSameRef(a.to, b.to);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.provenance.node, b.provenance.node);
  EXPECT_EQ(a.provenance.where, b.provenance.where);
  EXPECT_EQ(a.provenance.id, b.provenance.id);
  EXPECT_EQ(a.provenance.url, b.provenance.url);
}

// Graph edges from two graphs: the same ends (by key), kind and provenance.
inline void ExpectSameEdge(const Graph& ga, const Edge& a, const Graph& gb, const Edge& b) {
  EXPECT_EQ(ga.Key(a.from), gb.Key(b.from));
  EXPECT_EQ(ga.Key(a.to), gb.Key(b.to));
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.provenance.Text(), b.provenance.Text());
  EXPECT_EQ(a.provenance.url, b.provenance.url);
}

// Every field of Node; `with_depth` false for the store (which keeps none).
inline void ExpectSameNode(const Node& a, const Node& b, bool with_depth = true) {
  ExpectSameRef(a.ref, b.ref);
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.state, b.state);
  EXPECT_EQ(a.state_reason, b.state_reason);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.author_association, b.author_association);
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
  EXPECT_EQ(a.closed_at, b.closed_at);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.comment_count, b.comment_count);
  ASSERT_EQ(a.comments.size(), b.comments.size());
  for (size_t i = 0; i < a.comments.size(); ++i) {
    EXPECT_EQ(a.comments[i].id, b.comments[i].id);
    EXPECT_EQ(a.comments[i].author, b.comments[i].author);
    EXPECT_EQ(a.comments[i].author_association, b.comments[i].author_association);
    EXPECT_EQ(a.comments[i].created_at, b.comments[i].created_at);
    EXPECT_EQ(a.comments[i].body, b.comments[i].body);
    EXPECT_EQ(a.comments[i].url, b.comments[i].url);
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].id, b.events[i].id);
    EXPECT_EQ(a.events[i].type, b.events[i].type);
    EXPECT_EQ(a.events[i].actor, b.events[i].actor);
    EXPECT_EQ(a.events[i].created_at, b.events[i].created_at);
    ExpectSameRef(a.events[i].other, b.events[i].other);
    ExpectSameRef(a.events[i].subject, b.events[i].subject);
    EXPECT_EQ(a.events[i].commit_id, b.events[i].commit_id);
    EXPECT_EQ(a.events[i].commit_repo, b.events[i].commit_repo);
    EXPECT_EQ(a.events[i].will_close, b.events[i].will_close);
  }
  EXPECT_EQ(a.merged, b.merged);
  EXPECT_EQ(a.merged_at, b.merged_at);
  EXPECT_EQ(a.draft, b.draft);
  EXPECT_EQ(a.base, b.base);
  EXPECT_EQ(a.head, b.head);
  ASSERT_EQ(a.links.size(), b.links.size());
  for (size_t i = 0; i < a.links.size(); ++i) ExpectSameEdge(a.links[i], b.links[i]);
  EXPECT_EQ(a.complete, b.complete);
  EXPECT_EQ(a.deleted, b.deleted);
  EXPECT_EQ(a.aliases, b.aliases);
  if (with_depth) {
    EXPECT_EQ(a.depth, b.depth);
  }
}

// Two graphs name the same nodes (every field), the same edges in the same
// order, and the same root.
inline void ExpectSameGraph(const Graph& a, const Graph& b) {
  EXPECT_EQ(a.RootKey(), b.RootKey());
  const std::vector<const Node*> a_nodes = a.Nodes();
  const std::vector<const Node*> b_nodes = b.Nodes();
  ASSERT_EQ(a_nodes.size(), b_nodes.size());
  for (size_t i = 0; i < a_nodes.size(); ++i) ExpectSameNode(*a_nodes[i], *b_nodes[i]);
  ASSERT_EQ(a.edges().size(), b.edges().size());
  for (size_t i = 0; i < a.edges().size(); ++i) ExpectSameEdge(a, a.edges()[i], b, b.edges()[i]);
}

}  // namespace issuegraph::store::testing
