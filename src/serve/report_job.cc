#include "serve/report_job.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/report.h"
#include "app/token.h"
#include "serve/graph_picture.h"
#include "serve/permalink.h"
#include "store/store.h"
#include "model/ascii.h"
#include "store/shared_rate_budget.h"

namespace issuegraph::serve {
namespace {

constexpr size_t kMaxErrors = 20;
constexpr size_t kMaxErrorChars = 400;

// Job events from the HTTP client: each rate-limit wait, with its end.
class JobObserver : public http::Observer {
 public:
  explicit JobObserver(Job& job) : job_(job) {}
  void OnRequest(const http::RequestRecord&) override {}
  void OnWait(const http::WaitRecord& record) override {
    const auto until = std::chrono::duration_cast<std::chrono::seconds>(
                           record.until.time_since_epoch())
                           .count();
    job_.Emit("wait", {{"seconds", (record.wait.count() + 999) / 1000},
                       {"until", until},
                       {"reason", record.reason}});
  }

 private:
  Job& job_;
};

Result<std::string> ReadWhole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return MakeError(ErrorKind::kIo, "could not read the archive written to " + path.string());
  return text.str();
}

// The archive, written by `export` into a private temporary directory.
Result<std::string> ExportArchive(const app::ReportOptions& options) {
  std::string pattern = (std::filesystem::temp_directory_path() / "issuegraph-serve-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return MakeError(ErrorKind::kIo, "could not make a temporary directory for an archive");
  }
  const std::filesystem::path dir(pattern);
  auto exported = app::RunExport(options, (dir / "archive.json").string());
  Result<std::string> text = exported ? ReadWhole(dir / "archive.json")
                                      : Result<std::string>(std::unexpected(exported.error()));
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return text;
}

}  // namespace

std::string MainOfPage(const std::string& page) {
  // Issue text reaches the page escaped, so these tags are the renderer's.
  constexpr std::string_view kOpen = "<main>\n";
  constexpr std::string_view kClose = "</main>";
  const size_t open = page.find(kOpen);
  const size_t close = page.rfind(kClose);
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return page.substr(open + kOpen.size(), close - open - kOpen.size());
}

void ReadReportFacts(const std::string& json, store::PublishedReport& report) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object()) return;
  const std::string root = parsed.value("root", "");
  for (const auto& node : parsed.value("nodes", nlohmann::json::array())) {
    if (!node.is_object() || LowerAscii(node.value("ref", "")) != LowerAscii(root)) continue;
    report.type = node.value("type", "issue");
    report.state = node.value("state", "");
    report.title = node.value("title", "");
    for (const auto& label : node.value("labels", nlohmann::json::array())) {
      if (label.is_string()) report.labels.push_back(label.get<std::string>());
    }
  }
  const auto& body = parsed.value("report", nlohmann::json::object());
  for (const auto& section : body.value("sections", nlohmann::json::array())) {
    if (!section.is_object() || section.value("kind", "") != "error_messages") continue;
    for (const auto& item : section.value("items", nlohmann::json::array())) {
      if (report.errors.size() >= kMaxErrors || !item.is_object()) break;
      report.errors.push_back(item.value("text", "").substr(0, kMaxErrorChars));
    }
  }
}

namespace {

// The picture's links: an item on the report's own GitHub server opens
// its report here; any other URL, none.
std::string SiteLinkOf(std::string_view url, const IssueRef& root) {
  auto ref = ParseIssueRef(url);
  if (!ref || LowerAscii(ref->host) != LowerAscii(root.host)) return "";
  return Permalink(*ref, url.find("/pull/") != std::string_view::npos);
}

// The page content (with the graph's picture) and the Markdown of the
// report `options` makes, read from the store a first run filled or from
// an archive; the JSON is in `report` already.
Result<void> RenderPublished(app::ReportOptions options, store::PublishedReport& report) {
  ReadReportFacts(report.json, report);
  options.format = app::Format::kHtml;
  auto html = app::RunReport(options);
  if (!html) return std::unexpected(html.error());
  options.format = app::Format::kDot;
  auto dot = app::RunReport(options);
  if (!dot) return std::unexpected(dot.error());
  GraphPictureOptions picture_options;
  picture_options.link = [&report](std::string_view url) { return SiteLinkOf(url, report.ref); };
  auto picture = DrawGraph(dot->text, picture_options);
  // No picture is no reason to fail the report: its list of links stays.
  report.html = WithGraphPicture(MainOfPage(html->text), picture ? *picture : GraphPicture{});
  options.format = app::Format::kMarkdown;
  auto markdown = app::RunReport(options);
  if (!markdown) return std::unexpected(markdown.error());
  report.markdown = std::move(markdown->text);
  report.created_at = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  return {};
}

Result<void> Publish(const std::string& store_path, const store::PublishedReport& report) {
  auto opened = store::Store::Open(store_path);
  if (!opened) return std::unexpected(opened.error());
  return store::PublishedReports((*opened)->database()).Put(report);
}

}  // namespace

ReportJobs::ReportJobs(ReportJobOptions options) : options_(std::move(options)) {
  constexpr int64_t kReserve = 50;
  if (store::sql::IsPostgresUrl(options_.store_path)) {
    auto shared = store::SharedRateBudget::Open(
        options_.store_path, options_.api_url.empty() ? "github" : options_.api_url, kReserve);
    if (shared) budget_ = std::move(*shared);
  }
  if (!budget_) budget_ = std::make_unique<http::RateBudget>(kReserve);
}

Result<std::string> ReportJobs::Run(Job& job) {
  const JobRequest& request = job.request();
  auto made = app::ServiceReportOptions(request.ref, request.depth,
                                        {options_.store_path, options_.api_url, options_.max_age,
                                         options_.max_wait, options_.max_nodes, budget_.get()});
  if (!made) return std::unexpected(made.error());
  app::ReportOptions options = std::move(*made);
  // The page's hook for the synthesis: each format is rendered with it, the
  // model asked once (its answer is stored, the later formats read it).
  options.synthesizer = options_.synthesizer;

  // The first run crawls (or serves a stored report) and tells of its
  // progress; the others read what it stored.
  JobObserver observer(job);
  app::ReportOptions first = options;
  first.format = app::Format::kJson;
  first.store.refresh = request.refresh;
  first.observer = &observer;
  first.progress = [&job](const crawl::LevelProgress& level) {
    job.Emit("level", {{"depth", level.depth},
                       {"fetched", level.fetched},
                       {"nodes", level.nodes},
                       {"edges", level.edges},
                       {"next", level.next},
                       {"requests", level.requests},
                       {"graphql_points", level.graphql_points},
                       {"waited_ms", level.waited_ms}});
  };
  auto json = app::RunReport(first);
  if (!json) return std::unexpected(json.error());
  job.Emit("stage", {{"stage", "rendering"}, {"requests", json->stats.requests}});

  store::PublishedReport report;
  report.ref = request.ref;
  report.depth = request.depth;
  report.json = std::move(json->text);
  if (auto rendered = RenderPublished(options, report); !rendered) return std::unexpected(rendered.error());
  auto archive = ExportArchive(options);
  if (!archive) return std::unexpected(archive.error());
  report.archive = std::move(*archive);
  if (auto put = Publish(options_.store_path, report); !put) return std::unexpected(put.error());
  return Permalink(report.ref, report.type == "pull");
}

Result<std::string> ImportArchive(const std::string& path, const std::string& store_path) {
  // The renderer reads (and bounds) the archive first.
  app::ReportOptions options;
  options.from = path;
  options.store.enabled = false;
  options.format = app::Format::kJson;
  auto json = app::RunReport(options);
  if (!json) return std::unexpected(json.error());
  auto text = ReadWhole(path);
  if (!text) {
    return MakeError(ErrorKind::kInvalidInput, "cannot read the archive " + path + "; name a file that `issuegraph export` wrote");
  }
  // Which issue and depth: the archive's own record of its crawl.
  const auto archive = nlohmann::json::parse(*text, nullptr, false);
  const auto* format = archive.is_object() && archive.contains("format") ? &archive["format"] : nullptr;
  const auto* recorded = archive.is_object() && archive.contains("options") ? &archive["options"] : nullptr;
  const bool readable = format != nullptr && *format == "issuegraph-archive" && recorded != nullptr &&
                        recorded->is_object() && recorded->contains("input") && (*recorded)["input"].is_string() &&
                        recorded->contains("depth") && (*recorded)["depth"].is_number_integer();
  auto ref = readable ? ParseIssueRef((*recorded)["input"].get<std::string>())
                      : Result<IssueRef>(MakeError(ErrorKind::kInvalidInput, ""));
  const int depth = readable ? (*recorded)["depth"].get<int>() : -1;
  if (!ref || depth < 0) {
    return MakeError(ErrorKind::kInvalidInput,
                     path + " is not an issuegraph archive (no issue or depth in it); make one with `issuegraph export`");
  }
  store::PublishedReport report;
  report.ref = *ref;
  report.depth = depth;
  report.json = std::move(json->text);
  if (auto rendered = RenderPublished(options, report); !rendered) return std::unexpected(rendered.error());
  report.archive = std::move(*text);
  if (auto put = Publish(store_path, report); !put) return std::unexpected(put.error());
  return Permalink(report.ref, report.type == "pull");
}

}  // namespace issuegraph::serve
