#include "app/report.h"

#include <chrono>
#include <memory>

#include <nlohmann/json.hpp>

#include "analyze/analyzer.h"
#include "app/graphql_probe.h"
#include "crawl/crawler.h"
#include "github/api_location.h"
#include "github/graphql_source.h"
#include "github/rest_source.h"
#include "http/client.h"
#include "http/clock.h"
#include "http/curl_transport.h"
#include "render/dot.h"
#include "render/html.h"
#include "render/json.h"
#include "render/markdown.h"
#include "render/mermaid.h"
#include "store/archive.h"
#include "store/cached_source.h"
#include "store/store.h"
#include "store/validator_cache.h"

namespace issuegraph::app {

namespace {

constexpr std::string_view kVersion = "0.1.0";

std::string Render(Format format, const Report& report, const Graph& graph) {
  switch (format) {
    case Format::kMarkdown: return render::RenderMarkdown(report, graph);
    case Format::kJson: return render::RenderJson(report, graph);
    case Format::kMermaid: return render::RenderMermaid(graph);
    case Format::kHtml: return render::RenderHtml(report, graph);
    case Format::kDot: return render::RenderDot(graph);
  }
  return "";
}

// The options that shape a graph, kept with archives and stored reports.
// Never the token.
nlohmann::json OptionsJson(const ReportOptions& options) {
  return {{"input", options.input},
          {"depth", options.depth},
          {"max_nodes", options.max_nodes},
          {"api_url", options.api_url},
          {"authenticated", !options.token.empty()}};
}

Result<std::unique_ptr<store::Store>> OpenStore(const StoreOptions& options) {
  std::string path = options.path;
  if (path.empty()) {
    auto fallback = store::Store::DefaultPath();
    if (!fallback) return std::unexpected(fallback.error());
    path = *fallback;
  }
  return store::Store::Open(path);
}

struct Crawled {
  Graph graph;
  std::vector<std::string> notices;
  std::unique_ptr<store::Store> store;  // open for archiving the report; null with --no-store
};

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kMarkdown: return "markdown";
    case Format::kJson: return "json";
    case Format::kMermaid: return "mermaid";
    case Format::kHtml: return "html";
    case Format::kDot: return "dot";
  }
  return "markdown";
}

// ref -> graph, through the store (unless disabled) and GitHub (unless offline).
Result<Crawled> Crawl(const ReportOptions& options) {
  auto root = ParseIssueRef(options.input);
  if (!root) return std::unexpected(root.error());

  github::ApiLocation api = github::ApiForHost(root->host);
  if (!options.api_url.empty()) {
    auto chosen = github::ApiFromUrl(options.api_url);
    if (!chosen) return std::unexpected(chosen.error());
    api = *chosen;
  }
  const StoreOptions& store_options = options.store;
  if (store_options.offline && !store_options.enabled) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--offline reads the store, so it cannot be used with --no-store");
  }
  const bool graphql = options.api == Api::kGraphql || (options.api == Api::kAuto && !options.token.empty());
  if (graphql && options.token.empty() && !store_options.offline) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--api graphql needs a token (GitHub refuses anonymous GraphQL); set GITHUB_TOKEN "
                     "or use --api rest");
  }

  Crawled crawled;
  std::unique_ptr<store::Store> store;
  if (store_options.enabled) {
    auto opened = OpenStore(store_options);
    if (!opened) return std::unexpected(opened.error());
    store = std::move(*opened);
  }
  if (options.token.empty() && !store_options.offline) {
    crawled.notices.push_back(
        "no GitHub token set (--token, GITHUB_TOKEN or GH_TOKEN): using the unauthenticated REST "
        "API, limited to 60 requests an hour and to public repositories");
  }

  // The validators outlive the client that reads them.
  std::unique_ptr<store::SqliteValidatorCache> validators;
  if (store) validators = std::make_unique<store::SqliteValidatorCache>(*store);

  http::CurlOptions curl;
  curl.user_agent = "issuegraph/" + std::string(kVersion);
  curl.max_in_flight = options.max_in_flight;
  http::CurlTransport transport(curl);
  http::SystemClock clock;
  http::ClientOptions client_options;
  client_options.default_headers = {{"Accept", "application/vnd.github+json"},
                                    {"X-GitHub-Api-Version", "2022-11-28"}};
  client_options.token = options.token;
  client_options.token_origin = http::Client::OriginOf(api.rest);
  client_options.max_wait = options.max_wait;
  client_options.validators = validators.get();
  http::Client client(transport, clock, client_options);

  github::RestOptions rest_options;
  rest_options.api = api;
  rest_options.web_host = root->host;
  rest_options.have_token = !options.token.empty();
  github::RestSource rest(client, rest_options);
  std::unique_ptr<github::GraphqlSource> graphql_source;
  crawl::Source* network = &rest;
  if (graphql) {
    github::GraphqlOptions graphql_options;
    graphql_options.api = api;
    graphql_options.web_host = root->host;
    graphql_source = std::make_unique<github::GraphqlSource>(client, graphql_options, &rest);
    network = graphql_source.get();
  }
  std::unique_ptr<store::CachedSource> cached;
  std::unique_ptr<GraphqlProbe> probe;
  crawl::Source* source = network;
  if (store) {
    if (graphql_source) probe = std::make_unique<GraphqlProbe>(*graphql_source);
    store::CachedSourceOptions cached_options;
    cached_options.scope = api.rest;
    cached_options.max_age = store_options.max_age;
    cached_options.refresh = store_options.refresh;
    cached_options.offline = store_options.offline;
    cached_options.authenticated = !options.token.empty();
    cached = std::make_unique<store::CachedSource>(*store, store_options.offline ? nullptr : network,
                                                   cached_options, probe.get());
    source = cached.get();
  }

  auto started = std::chrono::steady_clock::now();
  auto graph = crawl::Crawler(*source, {.depth = options.depth, .max_nodes = options.max_nodes}).Crawl(*root);
  if (!graph) return std::unexpected(graph.error());
  graph->stats.wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();
  if (store_options.offline) graph->stats.api = "offline";
  if (const Node* node = graph->Find(graph->root); node != nullptr && node->deleted) {
    return MakeError(ErrorKind::kGone, "issue " + node->ref.Text() + " was deleted");
  }
  if (cached) {
    for (const auto& notice : cached->notices()) crawled.notices.push_back(notice);
  }
  if (graph->stats.partial) {
    for (const auto& reason : graph->stats.partial_reasons) {
      crawled.notices.push_back("partial report: " + reason);
    }
  }
  if (!graph->stats.failed.empty()) {
    crawled.notices.push_back(std::to_string(graph->stats.failed.size()) +
                              " linked items could not be read; they are listed in the report");
  }
  crawled.graph = std::move(*graph);
  // The sources that read the store are gone after this return; the store
  // itself stays open for the caller.
  cached.reset();
  crawled.store = std::move(store);
  return crawled;
}

}  // namespace

Result<ReportResult> RunReport(const ReportOptions& options) {
  ReportResult result;
  std::unique_ptr<store::Store> store;
  if (!options.from.empty()) {
    auto archive = store::ReadArchive(options.from);
    if (!archive) return std::unexpected(archive.error());
    result.graph = std::move(archive->graph);
  } else {
    auto crawled = Crawl(options);
    if (!crawled) return std::unexpected(crawled.error());
    result.graph = std::move(crawled->graph);
    result.notices = std::move(crawled->notices);
    store = std::move(crawled->store);
  }
  Report report = analyze::Analyze(result.graph);
  result.text = Render(options.format, report, result.graph);
  if (store) {
    // Every report is archived with the options that made it; losing that
    // copy is not worth failing the report the user asked for.
    store::StoredReport stored;
    stored.root = result.graph.root;
    stored.options = OptionsJson(options);
    stored.format = std::string(FormatName(options.format));
    stored.content = result.text;
    if (auto id = store->PutReport(std::move(stored)); !id) {
      result.notices.push_back("the report was not archived in the store: " + id.error().message);
    }
  }
  return result;
}

Result<ReportResult> RunExport(const ReportOptions& options, const std::string& output) {
  auto crawled = Crawl(options);
  if (!crawled) return std::unexpected(crawled.error());
  ReportResult result;
  result.graph = std::move(crawled->graph);
  result.notices = std::move(crawled->notices);
  Report report = analyze::Analyze(result.graph);
  const std::string markdown = render::RenderMarkdown(report, result.graph);
  if (auto written = store::WriteArchive(output, result.graph, markdown, OptionsJson(options)); !written) {
    return std::unexpected(written.error());
  }
  return result;
}

Result<std::string> RunCache(CacheAction action, const std::string& store_path,
                             std::chrono::seconds older_than) {
  std::string path = store_path;
  if (path.empty()) {
    auto fallback = store::Store::DefaultPath();
    if (!fallback) return std::unexpected(fallback.error());
    path = *fallback;
  }
  if (action == CacheAction::kClear) {
    if (auto cleared = store::Store::ClearFile(path); !cleared) return std::unexpected(cleared.error());
    return "cleared " + path + "\n";
  }
  auto store = store::Store::Open(path);
  if (!store) return std::unexpected(store.error());
  if (action == CacheAction::kPrune) {
    auto pruned = (*store)->Prune(older_than);
    if (!pruned) return std::unexpected(pruned.error());
    return "pruned from " + path + ": " + std::to_string(pruned->nodes) + " nodes, " +
           std::to_string(pruned->failures) + " remembered failures, " + std::to_string(pruned->aliases) +
           " aliases, " + std::to_string(pruned->validators) + " HTTP validators older than " +
           std::to_string(older_than.count()) + " s\n";
  }
  auto stats = (*store)->Stats();
  if (!stats) return std::unexpected(stats.error());
  auto age = [&](int64_t at) {
    return at == 0 ? std::string("-") : std::to_string(std::max<int64_t>(0, (*store)->Now() - at)) + " s ago";
  };
  return "store: " + path + "\n" +                                                     //
         "size: " + std::to_string(stats->file_bytes) + " bytes\n" +                    //
         "nodes: " + std::to_string(stats->nodes) + " (" + std::to_string(stats->complete_nodes) +
         " with their whole thread)\n" +                                                 //
         "comments: " + std::to_string(stats->comments) + "\n" +                         //
         "events: " + std::to_string(stats->events) + "\n" +                             //
         "links: " + std::to_string(stats->links) + "\n" +                               //
         "remembered failures: " + std::to_string(stats->failures) + "\n" +              //
         "HTTP validators: " + std::to_string(stats->validators) + "\n" +                //
         "archived reports: " + std::to_string(stats->reports) + "\n" +                 //
         "newest fetch: " + age(stats->newest_fetched_at) + "\n" +                       //
         "oldest fetch: " + age(stats->oldest_fetched_at) + "\n";
}

}  // namespace issuegraph::app
