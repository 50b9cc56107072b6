// Rows of one node across the store's tables (nodes, comments, events,
// links, aliases): written whole, read whole. Callers own the transaction;
// these functions only run statements on the connection they are given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawl/source.h"
#include "model/error.h"
#include "model/graph.h"
#include "store/sql.h"

namespace issuegraph::store {

// A node as stored, with what the store knows about its freshness.
struct StoredNode {
  Node node;                     // depth 0; links, comments and events in source order
  int64_t fetched_at = 0;        // unix seconds of the last fetch or confirmation
  std::string updated_at_seen;   // updatedAt the network last confirmed
  int64_t link_count_seen = -1;  // linking items the network last counted; -1: unknown
  int64_t revision = 0;          // of the write that stored it (Store::Put); a probe keeps it
  // The run whose freshness probe last looked at the row (empty: none
  // since it was fetched), and whether that probe found it changed.
  std::string probed_by;
  bool probe_changed = false;
};

// Whether the network's stamp says the stored node is as it was: the same
// updatedAt and, for a node that holds its timeline, the same count of
// linking items (a new closing reference adds a timeline item without
// touching updatedAt).
bool UnchangedSince(const StoredNode& stored, const crawl::Stamp& now);

// Replaces the node `node.ref.Key()` of `scope` (children included),
// stamped with `revision`, and records each of node.aliases as an old name
// of it.
Result<void> WriteNodeRows(sql::Database& db, std::string_view scope, const Node& node,
                           int64_t fetched_at, const crawl::Stamp& stamp, int64_t revision);

// Records that `old_key` now answers as `key` (a moved item); a node
// stored under `old_key` is dropped.
Result<void> WriteAlias(sql::Database& db, std::string_view scope, std::string_view old_key,
                        std::string_view key);

// The node stored under `key`, or under the key an alias chain leads to.
Result<std::optional<StoredNode>> ReadNodeRows(sql::Database& db, std::string_view scope,
                                               std::string_view key);

// ReadNodeRows for each of `keys` (answers in their order), reading all of
// them at once: a few queries per alias hop, not per key.
Result<std::vector<std::optional<StoredNode>>> ReadManyNodeRows(
    sql::Database& db, std::string_view scope, const std::vector<std::string>& keys);

// Records what `run`'s probe found of a stored node: unchanged (fetched_at
// and the stamp set, as if fetched now) or changed (left stale, marked for
// a refetch). False when the node is absent.
Result<bool> RecordProbeRow(sql::Database& db, std::string_view scope, std::string_view key,
                            int64_t fetched_at, const crawl::Stamp& stamp, std::string_view run,
                            bool changed);

}  // namespace issuegraph::store
