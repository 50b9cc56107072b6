#include "store/node_table.h"

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/graph_json.h"
#include "model/ascii.h"

namespace issuegraph::store {
namespace {

using nlohmann::json;

// Longest alias chain followed (an item may move more than once).
constexpr int kMaxAliasHops = 8;

std::string RefText(const std::optional<IssueRef>& ref) {
  return ref ? RefToJson(*ref).dump(-1, ' ', false, json::error_handler_t::replace) : "";
}

bool Take(std::string_view& text, std::string_view expected) {
  if (!text.starts_with(expected)) return false;
  text.remove_prefix(expected.size());
  return true;
}

// A quoted string of printable ASCII without escapes; anything else is
// left to the JSON parser.
bool TakePlainString(std::string_view& text, std::string& out) {
  if (!Take(text, "\"")) return false;
  size_t end = 0;
  for (; end < text.size() && text[end] != '"'; ++end) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c < 0x20 || c >= 0x7f || c == '\\') return false;
  }
  if (end == text.size()) return false;
  out.assign(text.substr(0, end));
  text.remove_prefix(end + 1);
  return true;
}

bool TakePositive(std::string_view& text, int64_t& out) {
  size_t end = 0;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  if (end == 0 || end > 18 || text[0] == '0') return false;
  out = 0;
  for (size_t i = 0; i < end; ++i) out = out * 10 + (text[i] - '0');
  text.remove_prefix(end);
  return true;
}

// The exact form RefText writes, read without building a JSON value (a
// warm rerun reads thousands); nullopt for any other text.
std::optional<IssueRef> PlainRef(std::string_view text) {
  IssueRef ref;
  if (Take(text, "{\"host\":") && TakePlainString(text, ref.host) &&
      Take(text, ",\"number\":") && TakePositive(text, ref.number) &&
      Take(text, ",\"owner\":") && TakePlainString(text, ref.owner) &&
      Take(text, ",\"repo\":") && TakePlainString(text, ref.repo) && text == "}" &&
      !ref.owner.empty() && !ref.repo.empty()) {
    return ref;
  }
  return std::nullopt;
}

Result<std::optional<IssueRef>> RefFromText(const sql::Statement& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  if (auto plain = PlainRef(row.Text(column))) return plain;
  try {
    auto ref = RefFromJson(json::parse(row.Text(column)));
    if (!ref) return std::unexpected(ref.error());
    return std::optional<IssueRef>(std::move(*ref));
  } catch (const json::exception& error) {
    return MakeError(ErrorKind::kIo,
                     std::string("a stored event reference is unreadable: ") + error.what());
  }
}

Error Damaged(const sql::Database& db, const std::string& what) {
  return Error{ErrorKind::kIo, "the store " + db.path() + " holds a damaged row (" + what + "); " +
                                   sql::ResetAdvice(db.path())};
}

// Runs `sql` once per entry of `items` with the node id and position bound
// first, then whatever `bind` adds from parameter 3 on.
template <class T, class Bind>
Result<void> InsertChildren(sql::Database& db, const std::string& sql, int64_t node_id,
                            const std::vector<T>& items, Bind bind) {
  if (items.empty()) return {};
  auto statement = db.Cached(sql);
  if (!statement) return std::unexpected(statement.error());
  for (size_t i = 0; i < items.size(); ++i) {
    sql::Statement& insert = **statement;
    insert.Reset();
    insert.BindInt(1, node_id).BindInt(2, static_cast<int64_t>(i));
    bind(insert, items[i]);
    if (auto done = insert.Run(); !done) return done;
  }
  return {};
}

// The columns every read of a node row selects, in the order NodeFromRow
// reads them (32; a read that needs more selects them after these).
constexpr std::string_view kNodeColumns =
    "SELECT id, host, owner, repo, number, type, title, body, state, state_reason, author, "
    "author_association, labels, created_at, updated_at, closed_at, url, comment_count, merged, "
    "merged_at, "
    "draft, base, head, deleted, complete, aliases, fetched_at, updated_at_seen, link_count_seen, "
    "revision, probed_by, probe_changed";
constexpr std::string_view kCommentColumns =
    "SELECT id, author, association, created_at, body, url";
constexpr std::string_view kEventColumns =
    "SELECT id, type, actor, created_at, other, subject, commit_id, commit_repo, will_close";
constexpr std::string_view kLinkColumns =
    "SELECT from_ref, to_ref, kind, provenance_node, provenance_where, provenance_id, "
    "provenance_url";

std::string Sql(std::string_view columns, std::string_view rest) {
  std::string sql(columns);
  sql += rest;
  return sql;
}

// A node row as selected by kNodeColumns; `key` names it in errors.
Result<StoredNode> NodeFromRow(const sql::Database& db, const sql::Statement& row,
                               std::string_view key) {
  StoredNode stored;
  Node& node = stored.node;
  node.ref.host = row.Text(1);
  node.ref.owner = row.Text(2);
  node.ref.repo = row.Text(3);
  node.ref.number = row.Int(4);
  auto type = ParseNodeType(row.Text(5));
  auto state = ParseNodeState(row.Text(8));
  if (!type || !state)
    return std::unexpected(Damaged(db, "node " + std::string(key) + " type or state"));
  node.type = *type;
  node.title = row.Text(6);
  node.body = row.Text(7);
  node.state = *state;
  node.state_reason = row.Text(9);
  node.author = row.Text(10);
  node.author_association = row.Text(11);
  auto labels = StringListFromText(row.Text(12));
  auto aliases = StringListFromText(row.Text(25));
  if (!labels || !aliases)
    return std::unexpected(Damaged(db, "node " + std::string(key) + " labels or aliases"));
  node.labels = std::move(*labels);
  node.created_at = row.Text(13);
  node.updated_at = row.Text(14);
  node.closed_at = row.Text(15);
  node.url = row.Text(16);
  node.comment_count = row.Int(17);
  node.merged = row.Int(18) != 0;
  node.merged_at = row.Text(19);
  node.draft = row.Int(20) != 0;
  node.base = row.Text(21);
  node.head = row.Text(22);
  node.deleted = row.Int(23) != 0;
  node.complete = row.Int(24) != 0;
  node.aliases = std::move(*aliases);
  stored.fetched_at = row.Int(26);
  stored.updated_at_seen = row.Text(27);
  stored.link_count_seen = row.Int(28);
  stored.revision = row.Int(29);
  stored.probed_by = row.Text(30);
  stored.probe_changed = row.Int(31) != 0;
  return stored;
}

Comment CommentFromRow(const sql::Statement& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
}

Result<Event> EventFromRow(const sql::Database& db, const sql::Statement& r, const Node& node) {
  Event event;
  event.id = r.Text(0);
  event.type = r.Text(1);
  event.actor = r.Text(2);
  event.created_at = r.Text(3);
  auto other = RefFromText(r, 4);
  auto subject = RefFromText(r, 5);
  if (!other || !subject) return std::unexpected(Damaged(db, "an event of " + node.ref.Key()));
  event.other = std::move(*other);
  event.subject = std::move(*subject);
  event.commit_id = r.Text(6);
  event.commit_repo = r.Text(7);
  event.will_close = r.Int(8) != 0;
  return event;
}

Result<Link> LinkFromRow(const sql::Database& db, const sql::Statement& r, const Node& node) {
  auto kind = ParseEdgeKind(r.Text(2));
  auto where = ParseWhere(r.Text(4));
  auto from = RefFromText(r, 0);
  auto to = RefFromText(r, 1);
  if (!kind || !where || !from || !to || !*from || !*to) {
    return std::unexpected(Damaged(db, "a link of " + node.ref.Key()));
  }
  Link edge;
  edge.from = std::move(**from);
  edge.to = std::move(**to);
  edge.kind = *kind;
  edge.provenance = {r.Text(3), *where, r.Text(5), r.Text(6)};
  return edge;
}

Result<std::optional<std::pair<int64_t, StoredNode>>> ReadNodeRow(sql::Database& db,
                                                                  std::string_view scope,
                                                                  std::string_view key) {
  auto statement = db.Cached(Sql(kNodeColumns, " FROM nodes WHERE scope = ? AND key = ?"));
  if (!statement) return std::unexpected(statement.error());
  sql::Statement& row = **statement;
  row.BindText(1, scope).BindText(2, key);
  auto found = row.Step();
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::nullopt;
  auto stored = NodeFromRow(db, row, key);
  if (!stored) return std::unexpected(stored.error());
  return std::optional<std::pair<int64_t, StoredNode>>(std::in_place, row.Int(0),
                                                       std::move(*stored));
}

// Runs `statement` (its parameters bound) to the end, handing each row to `each`.
template <class Each>
Result<void> EachRow(sql::Statement& statement, Each each) {
  for (;;) {
    auto row = statement.Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
    if (auto seen = each(static_cast<const sql::Statement&>(statement)); !seen) return seen;
  }
}

Result<void> ReadChildren(sql::Database& db, int64_t id, Node& node) {
  // Only a complete node holds its thread; a leaf has links at most (most of
  // a large graph is leaves, and two queries each add up).
  if (node.complete) {
    auto comments =
        db.Cached(Sql(kCommentColumns, " FROM comments WHERE node_id = ? ORDER BY position"));
    if (!comments) return std::unexpected(comments.error());
    (*comments)->BindInt(1, id);
    auto read_comments = EachRow(**comments, [&](const sql::Statement& r) -> Result<void> {
      node.comments.push_back(CommentFromRow(r));
      return {};
    });
    if (!read_comments) return read_comments;

    auto events =
        db.Cached(Sql(kEventColumns, " FROM events WHERE node_id = ? ORDER BY position"));
    if (!events) return std::unexpected(events.error());
    (*events)->BindInt(1, id);
    auto read_events = EachRow(**events, [&](const sql::Statement& r) -> Result<void> {
      auto event = EventFromRow(db, r, node);
      if (!event) return std::unexpected(event.error());
      node.events.push_back(std::move(*event));
      return {};
    });
    if (!read_events) return read_events;
  }
  auto links = db.Cached(Sql(kLinkColumns, " FROM links WHERE node_id = ? ORDER BY position"));
  if (!links) return std::unexpected(links.error());
  (*links)->BindInt(1, id);
  return EachRow(**links, [&](const sql::Statement& r) -> Result<void> {
    auto edge = LinkFromRow(db, r, node);
    if (!edge) return std::unexpected(edge.error());
    node.links.push_back(std::move(*edge));
    return {};
  });
}

}  // namespace

Result<void> WriteAlias(sql::Database& db, std::string_view scope, std::string_view old_key,
                        std::string_view key) {
  if (old_key == key) return {};
  // A copy stored under the old name is stale now, and would shadow the alias.
  auto stale = db.Cached("DELETE FROM nodes WHERE scope = ? AND key = ?");
  if (!stale) return std::unexpected(stale.error());
  if (auto done = (*stale)->BindText(1, scope).BindText(2, old_key).Run(); !done) return done;
  auto statement =
      db.Cached(
          "INSERT INTO aliases (scope, old_key, key) VALUES (?, ?, ?) "
          "ON CONFLICT (scope, old_key) DO UPDATE SET key = excluded.key");
  if (!statement) return std::unexpected(statement.error());
  return (*statement)->BindText(1, scope).BindText(2, old_key).BindText(3, key).Run();
}

Result<void> WriteNodeRows(sql::Database& db, std::string_view scope, const Node& node,
                           int64_t fetched_at, const crawl::Stamp& stamp, int64_t revision) {
  const std::string key = node.ref.Key();
  // Children go with the old row (ON DELETE CASCADE).
  auto remove = db.Cached("DELETE FROM nodes WHERE scope = ? AND key = ?");
  if (!remove) return std::unexpected(remove.error());
  if (auto done = (*remove)->BindText(1, scope).BindText(2, key).Run(); !done) return done;
  // The key is a node again, not an old name of another.
  auto unalias = db.Cached("DELETE FROM aliases WHERE scope = ? AND old_key = ?");
  if (!unalias) return std::unexpected(unalias.error());
  if (auto done = (*unalias)->BindText(1, scope).BindText(2, key).Run(); !done) return done;

  auto insert = db.Cached(
      "INSERT INTO nodes (scope, key, host, owner, repo, number, type, title, body, state, "
      "state_reason, "
      "author, author_association, labels, created_at, updated_at, closed_at, url, comment_count, "
      "merged, "
      "merged_at, draft, base, head, deleted, complete, aliases, fetched_at, updated_at_seen, "
      "link_count_seen, revision) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?) "
      "RETURNING id");
  if (!insert) return std::unexpected(insert.error());
  sql::Statement& row = **insert;
  row.BindText(1, scope).BindText(2, key).BindText(3, node.ref.host).BindText(4, node.ref.owner);
  row.BindText(5, node.ref.repo).BindInt(6, node.ref.number).BindText(7, NodeTypeName(node.type));
  row.BindText(8, node.title).BindText(9, node.body).BindText(10, NodeStateName(node.state));
  row.BindText(11, node.state_reason)
      .BindText(12, node.author)
      .BindText(13, node.author_association);
  row.BindText(14, StringListToText(node.labels))
      .BindText(15, node.created_at)
      .BindText(16, node.updated_at);
  row.BindText(17, node.closed_at).BindText(18, node.url).BindInt(19, node.comment_count);
  row.BindInt(20, node.merged ? 1 : 0).BindText(21, node.merged_at).BindInt(22, node.draft ? 1 : 0);
  row.BindText(23, node.base).BindText(24, node.head).BindInt(25, node.deleted ? 1 : 0);
  row.BindInt(26, node.complete ? 1 : 0)
      .BindText(27, StringListToText(node.aliases))
      .BindInt(28, fetched_at);
  row.BindText(29, stamp.updated_at.empty() ? node.updated_at : stamp.updated_at)
      .BindInt(30, stamp.link_count)
      .BindInt(31, revision);
  auto inserted = row.Step();
  if (!inserted) return std::unexpected(inserted.error());
  const int64_t id = row.Int(0);
  row.Reset();  // RETURNING leaves the statement mid-way; finish it before the next

  auto comments = InsertChildren(
      db,
      "INSERT INTO comments (node_id, position, id, author, association, created_at, body, url) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      id, node.comments, [](sql::Statement& s, const Comment& c) {
        s.BindText(3, c.id).BindText(4, c.author).BindText(5, c.author_association);
        s.BindText(6, c.created_at).BindText(7, c.body).BindText(8, c.url);
      });
  if (!comments) return comments;
  auto events = InsertChildren(
      db,
      "INSERT INTO events (node_id, position, id, type, actor, created_at, other, subject, "
      "commit_id, "
      "commit_repo, will_close) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      id, node.events, [](sql::Statement& s, const Event& e) {
        s.BindText(3, e.id).BindText(4, e.type).BindText(5, e.actor).BindText(6, e.created_at);
        s.BindOptionalText(7, RefText(e.other)).BindOptionalText(8, RefText(e.subject));
        s.BindText(9, e.commit_id).BindText(10, e.commit_repo).BindInt(11, e.will_close ? 1 : 0);
      });
  if (!events) return events;
  auto links =
      InsertChildren(db,
                     "INSERT INTO links (node_id, position, from_ref, to_ref, kind, "
                     "provenance_node, provenance_where, "
                     "provenance_id, provenance_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     id, node.links, [](sql::Statement& s, const Link& e) {
                       s.BindText(3, RefText(e.from)).BindText(4, RefText(e.to));
                       s.BindText(5, EdgeKindName(e.kind));
                       s.BindText(6, e.provenance.node).BindText(7, WhereName(e.provenance.where));
                       s.BindText(8, e.provenance.id).BindText(9, e.provenance.url);
                     });
  if (!links) return links;
  for (const std::string& alias : node.aliases) {
    if (auto done = WriteAlias(db, scope, LowerAscii(alias), key); !done) return done;
  }
  return {};
}

Result<std::optional<StoredNode>> ReadNodeRows(sql::Database& db, std::string_view scope,
                                               std::string_view key) {
  std::string current(key);
  for (int hop = 0; hop <= kMaxAliasHops; ++hop) {
    auto found = ReadNodeRow(db, scope, current);
    if (!found) return std::unexpected(found.error());
    if (*found) {
      auto& [id, stored] = **found;
      if (auto children = ReadChildren(db, id, stored.node); !children)
        return std::unexpected(children.error());
      return std::optional<StoredNode>(std::move(stored));
    }
    auto alias = db.Cached("SELECT key FROM aliases WHERE scope = ? AND old_key = ?");
    if (!alias) return std::unexpected(alias.error());
    (*alias)->BindText(1, scope).BindText(2, current);
    auto row = (*alias)->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::nullopt;
    current = (*alias)->Text(0);
  }
  return std::nullopt;  // a cycle of aliases: treat as absent, a fetch will fix it
}

Result<std::vector<std::optional<StoredNode>>> ReadManyNodeRows(
    sql::Database& db, std::string_view scope, const std::vector<std::string>& keys) {
  const auto bind_scope = [&](sql::Statement& statement) { statement.BindText(1, scope); };
  // Each stored node read, once however many keys lead to it.
  struct Found {
    int64_t id = 0;
    StoredNode stored;
    size_t uses = 0;
  };
  std::vector<Found> found;
  found.reserve(keys.size());
  std::unordered_map<std::string, size_t> found_by_key;
  std::vector<std::optional<size_t>> answer(keys.size());
  std::vector<std::string> current(keys.begin(), keys.end());
  std::vector<size_t> pending(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) pending[i] = i;

  // Node rows for every pending key at once; what is not a node may be an
  // old name, followed one hop per round, as ReadNodeRows does key by key.
  for (int hop = 0; hop <= kMaxAliasHops && !pending.empty(); ++hop) {
    std::vector<std::string> lookup;
    std::unordered_set<std::string> asked;
    for (size_t i : pending) {
      if (!found_by_key.contains(current[i]) && asked.insert(current[i]).second)
        lookup.push_back(current[i]);
    }
    auto rows = sql::ForEachIn(
        db, Sql(kNodeColumns, ", key FROM nodes WHERE scope = ? AND key IN "), "", 2, lookup,
        bind_scope, [&](const sql::Statement& row) -> Result<void> {
          std::string key = row.Text(32);
          auto stored = NodeFromRow(db, row, key);
          if (!stored) return std::unexpected(stored.error());
          found_by_key.emplace(std::move(key), found.size());
          found.push_back({row.Int(0), std::move(*stored), 0});
          return {};
        });
    if (!rows) return std::unexpected(rows.error());

    std::vector<size_t> unresolved;
    for (size_t i : pending) {
      if (auto it = found_by_key.find(current[i]); it != found_by_key.end()) {
        answer[i] = it->second;
        ++found[it->second].uses;
      } else {
        unresolved.push_back(i);
      }
    }
    pending.clear();
    // The last round's aliases would lead nowhere that is read (a cycle, or
    // too long a chain: absent, as for one key).
    if (unresolved.empty() || hop == kMaxAliasHops) break;

    lookup.clear();
    asked.clear();
    for (size_t i : unresolved) {
      if (asked.insert(current[i]).second) lookup.push_back(current[i]);
    }
    std::unordered_map<std::string, std::string> moved;
    auto aliases = sql::ForEachIn(
        db, "SELECT old_key, key FROM aliases WHERE scope = ? AND old_key IN ", "", 2, lookup,
        bind_scope, [&](const sql::Statement& row) -> Result<void> {
          moved.emplace(row.Text(0), row.Text(1));
          return {};
        });
    if (!aliases) return std::unexpected(aliases.error());
    for (size_t i : unresolved) {
      if (auto it = moved.find(current[i]); it != moved.end()) {
        current[i] = it->second;
        pending.push_back(i);
      }
    }
  }

  // Children of all found nodes, one query per table; only a complete node
  // holds its thread. Rows come in position order within each node.
  std::unordered_map<int64_t, size_t> by_id;
  std::vector<int64_t> ids;
  std::vector<int64_t> complete_ids;
  for (size_t j = 0; j < found.size(); ++j) {
    by_id.emplace(found[j].id, j);
    ids.push_back(found[j].id);
    if (found[j].stored.node.complete) complete_ids.push_back(found[j].id);
  }
  const auto no_bind = [](sql::Statement&) {};
  const auto owner = [&](const sql::Statement& row, int column) -> Node& {
    return found[by_id.at(row.Int(column))].stored.node;
  };
  auto comments = sql::ForEachIn(
      db, Sql(kCommentColumns, ", node_id FROM comments WHERE node_id IN "),
      " ORDER BY node_id, position", 1, complete_ids, no_bind,
      [&](const sql::Statement& row) -> Result<void> {
        owner(row, 6).comments.push_back(CommentFromRow(row));
        return {};
      });
  if (!comments) return std::unexpected(comments.error());
  auto events = sql::ForEachIn(
      db, Sql(kEventColumns, ", node_id FROM events WHERE node_id IN "),
      " ORDER BY node_id, position", 1, complete_ids, no_bind,
      [&](const sql::Statement& row) -> Result<void> {
        Node& node = owner(row, 9);
        auto event = EventFromRow(db, row, node);
        if (!event) return std::unexpected(event.error());
        node.events.push_back(std::move(*event));
        return {};
      });
  if (!events) return std::unexpected(events.error());
  auto links = sql::ForEachIn(
      db, Sql(kLinkColumns, ", node_id FROM links WHERE node_id IN "),
      " ORDER BY node_id, position", 1, ids, no_bind,
      [&](const sql::Statement& row) -> Result<void> {
        Node& node = owner(row, 7);
        auto edge = LinkFromRow(db, row, node);
        if (!edge) return std::unexpected(edge.error());
        node.links.push_back(std::move(*edge));
        return {};
      });
  if (!links) return std::unexpected(links.error());

  std::vector<std::optional<StoredNode>> out(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!answer[i]) continue;
    Found& node = found[*answer[i]];
    // The last key to use a node takes it; any other gets a copy.
    if (--node.uses == 0) {
      out[i] = std::move(node.stored);
    } else {
      out[i] = node.stored;
    }
  }
  return out;
}

Result<bool> RecordProbeRow(sql::Database& db, std::string_view scope, std::string_view key,
                            int64_t fetched_at, const crawl::Stamp& stamp, std::string_view run,
                            bool changed) {
  auto statement =
      changed ? db.Cached("UPDATE nodes SET probed_by = ?, probe_changed = 1 WHERE scope = ? AND key = ?")
              : db.Cached(
                    "UPDATE nodes SET probed_by = ?, probe_changed = 0, fetched_at = ?, "
                    "updated_at_seen = coalesce(?, updated_at_seen), link_count_seen = ? "
                    "WHERE scope = ? AND key = ?");
  if (!statement) return std::unexpected(statement.error());
  sql::Statement& row = **statement;
  row.BindText(1, run);
  int next = 2;
  if (!changed) {
    row.BindInt(2, fetched_at).BindOptionalText(3, stamp.updated_at).BindInt(4, stamp.link_count);
    next = 5;
  }
  row.BindText(next, scope).BindText(next + 1, key);
  if (auto done = row.Run(); !done) return std::unexpected(done.error());
  return db.Changes() > 0;
}

bool UnchangedSince(const StoredNode& stored, const crawl::Stamp& now) {
  const std::string& seen =
      stored.updated_at_seen.empty() ? stored.node.updated_at : stored.updated_at_seen;
  if (now.updated_at.empty() || now.updated_at != seen) return false;
  if (!stored.node.complete) return true;
  return stored.link_count_seen >= 0 && now.link_count == stored.link_count_seen;
}

}  // namespace issuegraph::store
