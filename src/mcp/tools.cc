#include "mcp/tools.h"

#include <algorithm>

#include "mcp/budget.h"
#include "model/ascii.h"

namespace issuegraph::mcp {
namespace {

using nlohmann::json;

constexpr size_t kTldrChars = 300;
constexpr int kMaxRelated = 50;

json Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json RefProperty() {
  return {{"type", "string"},
          {"description",
           "The issue or pull request: https://github.com/OWNER/REPO/issues/N, .../pull/N, or OWNER/REPO#N"}};
}

json IntegerProperty(int64_t low, int64_t high, int64_t fallback, std::string description) {
  return {{"type", "integer"},
          {"minimum", low},
          {"maximum", high},
          {"default", fallback},
          {"description", std::move(description)}};
}

json DepthProperty(const ServiceOptions& options) {
  return IntegerProperty(0, options.max_depth, std::min(options.default_depth, options.max_depth),
                         "Link hops to follow from the issue; items at the last hop are listed, not read");
}

json MaxNodesProperty(const ServiceOptions& options) {
  return IntegerProperty(1, options.max_nodes, std::min(options.default_max_nodes, options.max_nodes),
                         "Most items to read; a larger graph is cut and marked partial");
}

json MaxCharsProperty(size_t default_chars, std::string_view what) {
  return IntegerProperty(static_cast<int64_t>(kMinChars), static_cast<int64_t>(kMaxChars),
                         static_cast<int64_t>(default_chars),
                         "Most characters of " + std::string(what) +
                             "; the most important parts are kept and the cut is labelled");
}

json ObjectSchema(json properties, json required) {
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json Tool(std::string_view version, std::string name, std::string title, std::string description,
          json input, json output) {
  json tool = {{"name", std::move(name)}, {"description", std::move(description)}, {"inputSchema", std::move(input)}};
  if (HasStructuredContent(version)) {
    tool["title"] = title;
    tool["outputSchema"] = std::move(output);
  }
  if (HasAnnotations(version)) {
    // Reads GitHub and writes only the cache.
    tool["annotations"] = {{"title", std::move(title)},
                           {"readOnlyHint", true},
                           {"destructiveHint", false},
                           {"idempotentHint", true},
                           {"openWorldHint", true}};
  }
  return tool;
}

// ---- arguments --------------------------------------------------------

struct Failure {
  std::string message;
};

std::expected<int64_t, Failure> IntegerArgument(const json& args, const std::string& name, int64_t fallback,
                                                int64_t low, int64_t high) {
  if (!args.contains(name) || args[name].is_null()) return fallback;
  const json& value = args[name];
  bool whole = value.is_number_integer() || value.is_number_unsigned() ||
               (value.is_number_float() && value.get<double>() == static_cast<double>(static_cast<int64_t>(value.get<double>())));
  int64_t number = whole ? (value.is_number_float() ? static_cast<int64_t>(value.get<double>()) : value.get<int64_t>()) : 0;
  if (!whole || number < low || number > high) {
    return std::unexpected(Failure{name + " must be a whole number from " + std::to_string(low) + " to " +
                                   std::to_string(high) + "; leave it out for " + std::to_string(fallback)});
  }
  return number;
}

struct Common {
  IssueRef ref;
  int depth = 1;
  int max_nodes = 100;
};

std::expected<Common, Failure> CommonArguments(ReportService& service, const json& args, bool nodes) {
  const ServiceOptions& options = service.options();
  if (!args.contains("ref") || !args["ref"].is_string() || args["ref"].get<std::string>().empty()) {
    return std::unexpected(Failure{"ref is required: an issue or pull request URL, or OWNER/REPO#N"});
  }
  auto ref = service.ParseRef(args["ref"].get<std::string>());
  if (!ref) return std::unexpected(Failure{ref.error().message});
  Common out{*ref, 1, 100};
  auto depth = IntegerArgument(args, "depth", std::min(options.default_depth, options.max_depth), 0, options.max_depth);
  if (!depth) return std::unexpected(depth.error());
  out.depth = static_cast<int>(*depth);
  const int default_nodes = std::min(options.default_max_nodes, options.max_nodes);
  out.max_nodes = default_nodes;
  if (nodes) {
    auto max_nodes = IntegerArgument(args, "max_nodes", default_nodes, 1, options.max_nodes);
    if (!max_nodes) return std::unexpected(max_nodes.error());
    out.max_nodes = static_cast<int>(*max_nodes);
  }
  return out;
}

// ---- results ----------------------------------------------------------

json ToolError(std::string message) {
  return {{"content", json::array({{{"type", "text"}, {"text", std::move(message)}}})}, {"isError", true}};
}

json TextResult(std::string text, const json& structured, std::string_view version) {
  json result = {{"content", json::array({{{"type", "text"}, {"text", std::move(text)}}})}};
  if (HasStructuredContent(version)) result["structuredContent"] = structured;
  return result;
}

// A structured answer: its JSON as the text too, for clients before
// structuredContent and for those that show only text.
json JsonResult(const json& structured, std::string_view version) {
  return TextResult(Dump(structured), structured, version);
}

// The root's node of a report, or null.
const json* RootNode(const json& report) {
  const std::string root = LowerAscii(report.value("root", ""));
  if (!report.contains("nodes") || !report["nodes"].is_array()) return nullptr;
  for (const auto& node : report["nodes"]) {
    if (node.is_object() && LowerAscii(node.value("ref", "")) == root) return &node;
  }
  return nullptr;
}

const json& Section(const json& report, std::string_view kind) {
  static const json kNone = json::array();
  if (!report.contains("report") || !report["report"].is_object()) return kNone;
  const json& body = report["report"];
  if (!body.contains("sections") || !body["sections"].is_array()) return kNone;
  for (const auto& section : body["sections"]) {
    if (section.is_object() && section.value("kind", "") == kind && section.contains("items")) return section["items"];
  }
  return kNone;
}

std::string Shortened(std::string text) {
  if (text.size() <= kTldrChars) return text;
  size_t end = text.rfind(' ', kTldrChars);
  if (end == std::string::npos || end < kTldrChars / 2) end = kTldrChars;
  // Never end inside a UTF-8 sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + " …";
}

std::string StringField(const json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

// The report's answer, its first lines: {label, text, url} each, the url
// that of the statement the line rests on.
json Answer(const json& report) {
  json lines = json::array();
  if (!report.contains("report") || !report["report"].is_object()) return lines;
  const json& body = report["report"];
  if (!body.contains("answer") || !body["answer"].is_array()) return lines;
  for (const auto& item : body["answer"]) {
    if (!item.is_object() || StringField(item, "text").empty()) continue;
    lines.push_back({{"label", StringField(item, "label")},
                     {"text", StringField(item, "text")},
                     {"url", StringField(item, "url")}});
  }
  return lines;
}

json Facts(const json& report, const Crawled& crawled, bool joined) {
  json facts = {{"ref", report.value("root", "")}};
  if (const json* root = RootNode(report)) {
    facts["url"] = root->value("url", "");
    facts["title"] = root->value("title", "");
    facts["type"] = root->value("type", "issue");
    facts["state"] = root->value("state", "");
  }
  facts["status"] = report.contains("report") ? report["report"].value("status", "") : "";
  facts["partial"] = crawled.stats.partial;
  facts["requests"] = crawled.stats.requests;
  facts["served_from_store"] = crawled.served_from_store;
  facts["shared_crawl"] = joined;
  return facts;
}

// ---- the tools ----------------------------------------------------------

using Outcome = std::expected<json, Failure>;

Result<CrawlOutcome> CrawlFor(ReportService& service, const Common& common, const ToolContext& context) {
  return service.Crawl({common.ref, common.depth, common.max_nodes, context.client}, context.progress,
                       context.cancelled);
}

std::string CrawlFailure(const Error& error) {
  return std::string(ErrorKindName(error.kind)) + ": " + error.message;
}

Outcome IssueReport(ReportService& service, const json& args, const ToolContext& context) {
  auto common = CommonArguments(service, args, true);
  if (!common) return std::unexpected(common.error());
  const std::string format = args.contains("format") && args["format"].is_string() ? args["format"].get<std::string>()
                                                                                  : "markdown";
  if (format != "markdown" && format != "json") {
    return std::unexpected(Failure{"format must be markdown or json"});
  }
  auto chars = IntegerArgument(args, "max_chars", kDefaultReportChars, kMinChars, kMaxChars);
  if (!chars) return std::unexpected(chars.error());
  auto crawled = CrawlFor(service, *common, context);
  if (!crawled) return std::unexpected(Failure{CrawlFailure(crawled.error())});
  const Crawled& got = *crawled->crawled;
  json report = json::parse(got.json, nullptr, false);
  json facts = Facts(report, got, crawled->joined);
  facts["format"] = format;
  Cut cut;
  std::string text;
  if (format == "markdown") {
    text = FitMarkdown(got.markdown, static_cast<size_t>(*chars), &cut);
  } else {
    FitJson(report, static_cast<size_t>(*chars), &cut);
    text = Dump(report);
  }
  facts["chars"] = text.size();
  facts["cut"] = cut.cut ? cut.ToJson(static_cast<size_t>(*chars)) : json(nullptr);
  return TextResult(std::move(text), facts, context.protocol_version);
}

Outcome IssueGraph(ReportService& service, const json& args, const ToolContext& context) {
  auto common = CommonArguments(service, args, true);
  if (!common) return std::unexpected(common.error());
  auto chars = IntegerArgument(args, "max_chars", kDefaultGraphChars, kMinChars, kMaxChars);
  if (!chars) return std::unexpected(chars.error());
  auto crawled = CrawlFor(service, *common, context);
  if (!crawled) return std::unexpected(Failure{CrawlFailure(crawled.error())});
  json report = json::parse(crawled->crawled->json, nullptr, false);
  json stats = report.value("stats", json::object());
  json graph = {{"root", report.value("root", "")},
                {"nodes", report.value("nodes", json::array())},
                {"edges", report.value("edges", json::array())},
                {"partial", stats.value("partial", false)},
                {"partial_reasons", stats.value("partial_reasons", json::array())},
                {"stats", stats}};
  Cut cut;
  FitJson(graph, static_cast<size_t>(*chars), &cut);
  return JsonResult(graph, context.protocol_version);
}

Outcome IssueStatus(ReportService& service, const json& args, const ToolContext& context) {
  auto common = CommonArguments(service, args, false);
  if (!common) return std::unexpected(common.error());
  auto crawled = CrawlFor(service, *common, context);
  if (!crawled) return std::unexpected(Failure{CrawlFailure(crawled.error())});
  json report = json::parse(crawled->crawled->json, nullptr, false);
  json facts = Facts(report, *crawled->crawled, crawled->joined);
  // The TL;DR: the report's answer ("Status: …", "Fixed in: …", "What to
  // do: …") when it has one; else what the issue is, then what fixes or
  // works around it.
  json answer = Answer(report);
  json tldr = json::array();
  for (const auto& line : answer) {
    const std::string label = line["label"].get<std::string>();
    const std::string text = line["text"].get<std::string>();
    tldr.push_back(Shortened(label.empty() ? text : label + ": " + text));
  }
  if (answer.empty()) {
    for (std::string_view kind : {"summary", "fix", "workaround"}) {
      const json& items = Section(report, kind);
      if (!items.empty() && items[0].is_object()) tldr.push_back(Shortened(items[0].value("text", "")));
    }
  }
  facts["answer"] = answer;
  facts["tldr"] = tldr;
  return JsonResult(facts, context.protocol_version);
}

Outcome RelatedIssues(ReportService& service, const json& args, const ToolContext& context) {
  auto common = CommonArguments(service, args, false);
  if (!common) return std::unexpected(common.error());
  auto limit = IntegerArgument(args, "limit", kDefaultRelated, 1, kMaxRelated);
  if (!limit) return std::unexpected(limit.error());
  auto crawled = CrawlFor(service, *common, context);
  if (!crawled) return std::unexpected(Failure{CrawlFailure(crawled.error())});
  json report = json::parse(crawled->crawled->json, nullptr, false);
  // What the match is made on: as the web service indexes a published report.
  std::string facts = common->ref.owner + "/" + common->ref.repo + "\n";
  if (const json* root = RootNode(report)) {
    facts += root->value("title", "") + "\n";
    for (const auto& label : root->value("labels", json::array())) {
      if (label.is_string()) facts += label.get<std::string>() + "\n";
    }
  }
  for (const auto& item : Section(report, "error_messages")) {
    if (item.is_object()) facts += item.value("text", "") + "\n";
  }
  auto related = service.RelatedTo(common->ref, facts, static_cast<int>(*limit));
  if (!related) return std::unexpected(Failure{CrawlFailure(related.error())});
  json list = json::array();
  for (const auto& entry : *related) {
    std::string reason = "shares ";
    for (size_t i = 0; i < entry.shared.size(); ++i) reason += (i ? ", " : "") + entry.shared[i];
    list.push_back({{"ref", entry.ref},
                    {"title", entry.title},
                    {"state", entry.state},
                    {"url", entry.url},
                    {"score", entry.score},
                    {"shared", entry.shared},
                    {"reason", entry.shared.empty() ? "similar words" : reason}});
  }
  json out = {{"ref", report.value("root", common->ref.Text())}, {"related", list}};
  if (list.empty()) {
    out["note"] = "no stored report is like this one yet; reports published by `issuegraph serve` on this store are ranked";
  }
  return JsonResult(out, context.protocol_version);
}

}  // namespace

bool HasStructuredContent(std::string_view version) { return version >= "2025-06-18"; }
bool HasAnnotations(std::string_view version) { return version >= "2025-03-26"; }

json ToolList(std::string_view version, const ServiceOptions& options) {
  const json ref = RefProperty();
  const json depth = DepthProperty(options);
  const json nodes = MaxNodesProperty(options);
  const json facts = {{"ref", {{"type", "string"}}},           {"url", {{"type", "string"}}},
                      {"title", {{"type", "string"}}},         {"type", {{"type", "string"}}},
                      {"state", {{"type", "string"}}},         {"status", {{"type", "string"}}},
                      {"partial", {{"type", "boolean"}}},      {"requests", {{"type", "integer"}}},
                      {"served_from_store", {{"type", "boolean"}}}, {"shared_crawl", {{"type", "boolean"}}}};
  json report_out = facts;
  report_out["format"] = {{"type", "string"}, {"enum", {"markdown", "json"}}};
  report_out["chars"] = {{"type", "integer"}};
  report_out["cut"] = {{"type", {"object", "null"}}};
  json status_out = facts;
  status_out["tldr"] = {{"type", "array"}, {"items", {{"type", "string"}}}};
  status_out["answer"] = {{"type", "array"},
                          {"items", ObjectSchema({{"label", {{"type", "string"}}},
                                                  {"text", {{"type", "string"}}},
                                                  {"url", {{"type", "string"}}}},
                                                 {"label", "text", "url"})}};
  json related_item = ObjectSchema({{"ref", {{"type", "string"}}},
                                    {"title", {{"type", "string"}}},
                                    {"state", {{"type", "string"}}},
                                    {"url", {{"type", "string"}}},
                                    {"score", {{"type", "number"}}},
                                    {"shared", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                                    {"reason", {{"type", "string"}}}},
                                   {"ref", "reason"});
  return json::array({
      Tool(version, "issue_report", "Issue report",
           "The whole story of a GitHub issue or pull request in one call: status, linked pull requests and "
           "their state, error messages, root cause, fix, workarounds, code, with each line's source. "
           "Crawls the linked graph (cached); max_chars keeps the most important sections first.",
           ObjectSchema({{"ref", ref},
                         {"depth", depth},
                         {"max_nodes", nodes},
                         {"format", {{"type", "string"}, {"enum", {"markdown", "json"}}, {"default", "markdown"}}},
                         {"max_chars", MaxCharsProperty(kDefaultReportChars, "the report")}},
                        {"ref"}),
           ObjectSchema(report_out, {"ref", "status", "partial", "format", "chars"})),
      Tool(version, "issue_graph", "Issue link graph",
           "The linked graph of an issue: nodes (issues and pull requests with state and depth) and typed "
           "edges (mentions, closes, cross_referenced, connected, duplicate_of, sub_issue_of, "
           "referenced_by_commit) with the comment or event each came from, the partial flag and crawl stats.",
           ObjectSchema({{"ref", ref},
                         {"depth", depth},
                         {"max_nodes", nodes},
                         {"max_chars", MaxCharsProperty(kDefaultGraphChars, "the graph")}},
                        {"ref"}),
           ObjectSchema({{"root", {{"type", "string"}}},
                         {"nodes", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                         {"edges", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                         {"partial", {{"type", "boolean"}}},
                         {"partial_reasons", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                         {"stats", {{"type", "object"}}},
                         {"cut", {{"type", "object"}}}},
                        {"root", "nodes", "edges", "partial", "stats"})),
      Tool(version, "related_issues", "Related reports",
           "Stored reports most like this issue (title, error messages, labels, repository), best first, "
           "each with the words that made the match.",
           ObjectSchema({{"ref", ref},
                         {"limit", IntegerProperty(1, kMaxRelated, kDefaultRelated, "Most reports to list")}},
                        {"ref"}),
           ObjectSchema({{"ref", {{"type", "string"}}},
                         {"related", {{"type", "array"}, {"items", related_item}}},
                         {"note", {{"type", "string"}}}},
                        {"ref", "related"})),
      Tool(version, "issue_status", "Issue status",
           "The cheapest answer to \"is this fixed, and where?\": the status line (fixed by which pull "
           "request, duplicate of what, workaround known) and a short TL;DR: the status, the release "
           "with the fix when one is named, and what to do now, each line in answer with its source's "
           "url.",
           ObjectSchema({{"ref", ref}, {"depth", depth}}, {"ref"}),
           ObjectSchema(status_out, {"ref", "status", "tldr"})),
  });
}

std::expected<json, RpcError> CallTool(ReportService& service, const json& params, const ToolContext& context) {
  if (!params.is_object() || !params.contains("name") || !params["name"].is_string()) {
    return std::unexpected(RpcError{-32602, "tools/call needs params.name, the tool's name"});
  }
  const std::string name = params["name"].get<std::string>();
  json args = params.contains("arguments") ? params["arguments"] : json::object();
  if (args.is_null()) args = json::object();
  if (!args.is_object()) return std::unexpected(RpcError{-32602, "tools/call's arguments must be an object"});
  Outcome outcome;
  if (name == "issue_report") {
    outcome = IssueReport(service, args, context);
  } else if (name == "issue_graph") {
    outcome = IssueGraph(service, args, context);
  } else if (name == "related_issues") {
    outcome = RelatedIssues(service, args, context);
  } else if (name == "issue_status") {
    outcome = IssueStatus(service, args, context);
  } else {
    return std::unexpected(RpcError{-32602, "unknown tool '" + name.substr(0, 60) +
                                                "'; the tools are issue_report, issue_graph, related_issues, issue_status"});
  }
  if (!outcome) return ToolError(outcome.error().message);
  return *outcome;
}

}  // namespace issuegraph::mcp
