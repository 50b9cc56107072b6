// An archive is one self-contained JSON file holding a crawled graph (nodes
// with their raw text, comments and events; edges with provenance; crawl
// stats), the Markdown report made from it and the options that made it,
// so that `report --from FILE` renders the same report with no network.
// Written atomically (a temporary file renamed into place); no secret is
// ever written. Pure functions over files; thread-compatible.
#pragma once

#include <nlohmann/json.hpp>
#include <cstddef>
#include <string>
#include <string_view>

#include "model/error.h"
#include "model/graph.h"

namespace issuegraph::store {

inline constexpr std::string_view kArchiveFormat = "issuegraph-archive";
inline constexpr int kArchiveVersion = 1;
// The largest archive read: a 1,000-node graph with whole threads is tens
// of megabytes; anything past this (or endless, like /dev/zero) is refused.
inline constexpr size_t kMaxArchiveBytes = size_t{256} << 20;

struct Archive {
  int version = kArchiveVersion;
  Graph graph;  // exactly as written: same nodes, edges, order, stats
  std::string report_markdown;
  nlohmann::json options = nlohmann::json::object();  // secrets removed
};

// The archive as text; `options` loses any key that could hold a secret.
std::string ArchiveText(const Graph& graph, const std::string& report_markdown,
                        const nlohmann::json& options);
// Reads archive text; `name` (a path) words the errors. A foreign or
// damaged text is kInvalidInput with one sentence saying so.
Result<Archive> ParseArchive(std::string_view text, std::string_view name);

// Writes ArchiveText to `path` atomically: readers see the old file or the
// whole new one, never a part. kIo on failure, nothing left behind.
Result<void> WriteArchive(const std::string& path, const Graph& graph,
                          const std::string& report_markdown, const nlohmann::json& options);
// kIo when the file cannot be read; ParseArchive's errors otherwise.
Result<Archive> ReadArchive(const std::string& path);

}  // namespace issuegraph::store
