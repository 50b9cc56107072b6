#include "store/archive.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "store/graph_json.h"
#include "store/safe_file.h"
#include "store/store.h"

namespace issuegraph::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Advice() { return "give a file written by `issuegraph export`"; }

}  // namespace

std::string ArchiveText(const Graph& graph, const std::string& report_markdown,
                        const json& options) {
  json clean = options.is_object() ? options : json::object();
  RemoveSecrets(clean);
  json archive = json::object();
  archive["format"] = kArchiveFormat;
  archive["version"] = kArchiveVersion;
  archive["options"] = std::move(clean);
  archive["report"] = {{"format", "markdown"}, {"text", report_markdown}};
  archive["graph"] = GraphToJson(graph);
  // Text from the network is valid UTF-8; replace rather than throw if not.
  return archive.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<Archive> ParseArchive(std::string_view text, std::string_view name) {
  const std::string file(name);
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) {
    return MakeError(ErrorKind::kIo,
                     file + " is not an issuegraph archive (it is not JSON); " + Advice());
  }
  auto format = value.is_object() ? value.find("format") : value.end();
  if (format == value.end() || !format->is_string() ||
      format->get<std::string>() != kArchiveFormat) {
    return MakeError(ErrorKind::kIo,
                     file + " is not an issuegraph archive (it has no \"format\": \"" +
                         std::string(kArchiveFormat) + "\"); " + Advice());
  }
  const json& version = value.value("version", json());
  if (!version.is_number_integer() || version.get<int64_t>() < 1) {
    return MakeError(ErrorKind::kIo,
                     file + " is a damaged issuegraph archive (no valid \"version\"); " + Advice());
  }
  if (version.get<int64_t>() > kArchiveVersion) {
    return MakeError(ErrorKind::kIo, file + " is an issuegraph archive of version " +
                                                   std::to_string(version.get<int64_t>()) +
                                                   ", newer than this issuegraph reads (" +
                                                   std::to_string(kArchiveVersion) +
                                                   "); upgrade issuegraph");
  }
  Archive archive;
  archive.version = static_cast<int>(version.get<int64_t>());
  auto graph = value.contains("graph")
                   ? GraphFromJson(value["graph"])
                   : Result<Graph>(MakeError(ErrorKind::kIo, "no \"graph\""));
  if (!graph) {
    return MakeError(ErrorKind::kIo, file + " is a damaged issuegraph archive (" +
                                                   graph.error().message + "); " + Advice());
  }
  if (graph->root() == kNoNode) {
    return MakeError(
        ErrorKind::kIo,
        file + " is a damaged issuegraph archive (the graph has no root); " + Advice());
  }
  archive.graph = std::move(*graph);
  const json& report = value.value("report", json::object());
  const json& report_text = report.is_object() ? report.value("text", json()) : json();
  if (!report_text.is_string()) {
    return MakeError(ErrorKind::kIo,
                     file + " is a damaged issuegraph archive (no report text); " + Advice());
  }
  archive.report_markdown = report_text.get<std::string>();
  if (auto options = value.find("options"); options != value.end() && options->is_object()) {
    archive.options = *options;
    RemoveSecrets(archive.options);
  }
  return archive;
}

Result<void> WriteArchive(const std::string& path, const Graph& graph,
                          const std::string& report_markdown, const json& options) {
  return WriteWholeFile(path, ArchiveText(graph, report_markdown, options), "the archive",
                        "check that its directory exists and is writable, or choose another file with -o");
}

Result<Archive> ReadArchive(const std::string& path) {
  auto text = ReadWholeFile(path, kMaxArchiveBytes, "the archive", Advice());
  if (!text) return std::unexpected(text.error());
  return ParseArchive(*text, path);
}

}  // namespace issuegraph::store
