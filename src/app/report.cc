#include "app/report.h"

#include <chrono>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "analyze/analyzer.h"
#include "app/token.h"
#include "crawl/crawler.h"
#include "github/api_location.h"
#include "github/graphql_source.h"
#include "github/rest_source.h"
#include "http/client.h"
#include "model/clock.h"
#include "http/curl_transport.h"
#include "model/version.h"
#include "render/dot.h"
#include "render/html.h"
#include "render/json.h"
#include "render/markdown.h"
#include "render/mermaid.h"
#include "store/archive.h"
#include "store/cached_source.h"
#include "store/report_cache.h"
#include "store/postgres.h"
#include "store/store.h"
#include "store/validator_cache.h"

namespace issuegraph::app {

namespace {

// The report as stored: for JSON, the body without its "stats" (Finish
// adds the stats of the run that shows it).
std::string Render(Format format, const Report& report, const Graph& graph) {
  switch (format) {
    case Format::kMarkdown: return render::RenderMarkdown(report, graph);
    case Format::kJson: return render::RenderJsonBody(report, graph);
    case Format::kMermaid: return render::RenderMermaid(graph);
    case Format::kHtml: return render::RenderHtml(report, graph);
    case Format::kDot: return render::RenderDot(graph);
  }
  return "";
}

std::string Finish(Format format, std::string body, const CrawlStats& stats, const GraphSize& size,
                   bool served_from_store = false) {
  return format == Format::kJson ? render::FinishJson(body, stats, size, served_from_store)
                                 : std::move(body);
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

// What a run settles before reading anything: the root, the API and its
// scope in the store, the store itself.
struct Plan {
  IssueRef root;
  github::ApiLocation api;
  bool graphql = false;
  std::unique_ptr<store::Store> store;  // null with --no-store
  std::vector<std::string> notices;
};

Result<Plan> MakePlan(const ReportOptions& options) {
  auto root = ParseIssueRef(options.input);
  if (!root) return std::unexpected(root.error());
  Plan plan;
  plan.root = std::move(*root);
  plan.api = github::ApiForHost(plan.root.host);
  if (!options.api_url.empty()) {
    auto chosen = github::ApiFromUrl(options.api_url);
    if (!chosen) return std::unexpected(chosen.error());
    plan.api = *chosen;
  }
  const StoreOptions& store_options = options.store;
  if (store_options.offline && !store_options.enabled) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--offline reads the store, so it cannot be used with --no-store");
  }
  plan.graphql = options.api == Api::kGraphql || (options.api == Api::kAuto && !options.token.empty());
  if (plan.graphql && options.token.empty() && !store_options.offline) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--api graphql needs a token (GitHub refuses anonymous GraphQL); set GITHUB_TOKEN "
                     "or use --api rest");
  }
  if (store_options.enabled) {
    auto opened = OpenStore(store_options);
    if (!opened) return std::unexpected(opened.error());
    plan.store = std::move(*opened);
  }
  if (options.token.empty() && !store_options.offline) {
    plan.notices.push_back(
        "no GitHub token set (--token, GITHUB_TOKEN or GH_TOKEN): using the unauthenticated REST "
        "API, limited to 60 requests an hour and to public repositories");
  }
  return plan;
}

// The notices a graph's own stats call for: one per reason it is partial
// (items that could not be read are one of them, named by the crawler).
void AddGraphNotices(const CrawlStats& stats, std::vector<std::string>& notices) {
  if (stats.partial) {
    for (const auto& reason : stats.partial_reasons) notices.push_back("partial report: " + reason);
  }
}

struct Crawled {
  Graph graph;
  std::vector<std::string> notices;
};

// The network side of a run, wired from the options: transport, client
// (with the store's HTTP validators), the REST source and, for GraphQL,
// the GraphQL source and its freshness probe. Building it costs nothing;
// only a request starts the transport.
class Network {
 public:
  Network(const ReportOptions& options, const Plan& plan)
      : validators_(plan.store ? std::make_unique<store::SqliteValidatorCache>(*plan.store)
                               : nullptr),
        transport_(CurlOptionsFor(options)),
        deadline_(clock_, options.timeout),
        client_(transport_, clock_, ClientOptionsFor(options, plan, validators_.get(), deadline_)),
        rest_(client_, RestOptionsFor(options, plan)) {
    if (plan.graphql) {
      github::GraphqlOptions graphql_options;
      graphql_options.api = plan.api;
      graphql_options.web_host = plan.root.host;
      graphql_options.token_source = options.token_source;
      graphql_ = std::make_unique<github::GraphqlSource>(client_, graphql_options, &rest_);
    }
  }

  crawl::Source& source() { return graphql_ ? static_cast<crawl::Source&>(*graphql_) : rest_; }
  // Null over REST, where the client's If-None-Match revalidates instead.
  crawl::FreshnessProbe* probe() { return graphql_.get(); }
  const Deadline& deadline() const { return deadline_; }

 private:
  static http::CurlOptions CurlOptionsFor(const ReportOptions& options) {
    http::CurlOptions curl;
    curl.user_agent = "issuegraph/" + std::string(kVersion);
    curl.max_in_flight = options.max_in_flight;
    return curl;
  }
  static http::ClientOptions ClientOptionsFor(const ReportOptions& options, const Plan& plan,
                                              http::ValidatorCache* validators, const Deadline& deadline) {
    http::ClientOptions client_options;
    client_options.default_headers = {{"Accept", "application/vnd.github+json"},
                                      {"X-GitHub-Api-Version", "2022-11-28"}};
    client_options.token = options.token;
    client_options.token_origin = http::Client::OriginOf(plan.api.rest);
    client_options.max_wait = options.max_wait;
    client_options.validators = validators;
    client_options.observer = options.observer;
    client_options.budget = options.budget;
    client_options.deadline = deadline;
    return client_options;
  }
  static github::RestOptions RestOptionsFor(const ReportOptions& options, const Plan& plan) {
    github::RestOptions rest_options;
    rest_options.api = plan.api;
    rest_options.web_host = plan.root.host;
    rest_options.have_token = !options.token.empty();
    rest_options.token_source = options.token_source;
    return rest_options;
  }

  // Declared in the order they depend on one another.
  std::unique_ptr<store::SqliteValidatorCache> validators_;  // outlives the client
  http::CurlTransport transport_;
  SystemClock clock_;
  Deadline deadline_;  // --timeout, from when the network side was wired
  http::Client client_;
  github::RestSource rest_;
  std::unique_ptr<github::GraphqlSource> graphql_;
};

// root -> graph, through the store (unless disabled) and GitHub (unless
// offline); with a cache, the stored rows it reads go to its log.
Result<Crawled> Crawl(const ReportOptions& options, Plan& plan, Network& network,
                      store::ReportCache* cache = nullptr) {
  const StoreOptions& store_options = options.store;
  Crawled crawled;
  crawled.notices = plan.notices;
  std::unique_ptr<store::CachedSource> cached;
  crawl::Source* source = &network.source();
  if (plan.store) {
    store::CachedSourceOptions cached_options;
    cached_options.scope = plan.api.rest;
    cached_options.max_age = store_options.max_age;
    cached_options.refresh = store_options.refresh;
    cached_options.offline = store_options.offline;
    cached_options.authenticated = !options.token.empty();
    if (cache != nullptr) cached_options.run = cache->run();
    cached = std::make_unique<store::CachedSource>(
        *plan.store, store_options.offline ? nullptr : &network.source(), cached_options,
        network.probe(), cache != nullptr ? &cache->log() : nullptr);
    source = cached.get();
  }

  auto started = std::chrono::steady_clock::now();
  auto graph =
      crawl::Crawler(*source, {.depth = options.depth, .max_nodes = options.max_nodes}, options.progress,
                     network.deadline())
          .Crawl(plan.root);
  if (!graph) return std::unexpected(graph.error());
  graph->stats.wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();
  if (store_options.offline) graph->stats.api = "offline";
  if (const Node* node = graph->RootNode(); node != nullptr && node->deleted) {
    return MakeError(ErrorKind::kGone, "issue " + node->ref.Text() + " was deleted");
  }
  if (cached) {
    for (const auto& notice : cached->notices()) crawled.notices.push_back(notice);
  }
  AddGraphNotices(graph->stats, crawled.notices);
  crawled.graph = std::move(*graph);
  return crawled;
}

store::ReportKey KeyFor(const ReportOptions& options, const Plan& plan) {
  return {.build = store::ReportKey::ThisBuild(),
          .scope = plan.api.rest,
          .api = plan.graphql ? "graphql" : "rest",
          .root = plan.root.Key(),
          .depth = options.depth,
          .max_nodes = options.max_nodes,
          .authenticated = !options.token.empty(),
          .format = std::string(FormatName(options.format)),
          .synthesis = options.synthesizer ? options.synthesizer->Identity() : ""};
}

// The analysis, and the optional synthesis over it. A report whose
// synthesis fell back is not the one to serve again: `log` is spoilt.
Report Analyzed(const ReportOptions& options, const Graph& graph, store::Store* store,
                std::vector<std::string>& notices, store::RowLog* log) {
  Report report = analyze::Analyze(graph);
  if (options.synthesizer != nullptr) {
    report.synthesis = options.synthesizer->Synthesize(report, graph, store);
    if (!report.synthesis->fallback.empty()) {
      notices.push_back("no machine-written synthesis: " + report.synthesis->fallback);
      if (log != nullptr) log->Spoil();
    }
  }
  return report;
}

// A stored report that a crawl now would make again, served as it is,
// with the stats of this run.
std::optional<ReportResult> Serve(const ReportOptions& options, const Plan& plan, Network& network,
                                  store::ReportCache& cache) {
  const auto started = std::chrono::steady_clock::now();
  auto served = cache.Serve(KeyFor(options, plan), options.store.max_age);
  if (!served) return std::nullopt;
  ReportResult result;
  result.stats = served->RunStats(plan.graphql ? "graphql" : "rest");
  network.source().AddStats(result.stats);  // a probe, if one was sent
  result.nodes = served->nodes;
  result.edges = served->edges;
  result.served_from_store = true;
  result.stats.wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();
  result.text = Finish(options.format, std::move(served->body), result.stats,
                       {.nodes = result.nodes, .edges = result.edges}, true);
  result.notices = plan.notices;
  AddGraphNotices(result.stats, result.notices);
  return result;
}

}  // namespace

Result<ReportResult> RunReport(const ReportOptions& options) {
  if (!options.from.empty()) {
    auto archive = store::ReadArchive(options.from);
    if (!archive) return std::unexpected(archive.error());
    const Graph& graph = archive->graph;
    ReportResult result;
    result.stats = graph.stats;
    result.nodes = graph.node_count();
    result.edges = graph.edges().size();
    const Report report = Analyzed(options, graph, nullptr, result.notices, nullptr);
    result.text = Finish(options.format, Render(options.format, report, graph), graph.stats,
                         {.nodes = result.nodes, .edges = result.edges});
    return result;
  }
  auto plan = MakePlan(options);
  if (!plan) return std::unexpected(plan.error());
  Network network(options, *plan);
  // Serving again needs the store, online, without --refresh.
  std::optional<store::ReportCache> cache;
  if (plan->store) cache.emplace(*plan->store, network.probe());
  const bool servable = cache && !options.store.offline && !options.store.refresh;
  if (servable) {
    if (auto served = Serve(options, *plan, network, *cache)) return std::move(*served);
  }
  auto crawled = Crawl(options, *plan, network, cache ? &*cache : nullptr);
  if (!crawled) return std::unexpected(crawled.error());
  const Graph& graph = crawled->graph;
  ReportResult result;
  result.notices = std::move(crawled->notices);
  result.stats = graph.stats;
  result.nodes = graph.node_count();
  result.edges = graph.edges().size();
  const Report report =
      Analyzed(options, graph, plan->store.get(), result.notices, cache ? &cache->log() : nullptr);
  std::string body = Render(options.format, report, graph);
  if (cache) {
    // Every report is archived with the options that made it; losing that
    // copy is not worth failing the report the user asked for. One from a
    // crawl the store answered in full may be served again.
    const store::ReportRecord record{.root = graph.RootKey(),
                                     .options = OptionsJson(options),
                                     .body = body,
                                     .stats = &graph.stats,
                                     .nodes = result.nodes,
                                     .edges = result.edges};
    if (auto id = cache->Record(KeyFor(options, *plan), record); !id) {
      result.notices.push_back("the report was not archived in the store: " + id.error().message);
    }
  }
  result.text = Finish(options.format, std::move(body), graph.stats,
                       {.nodes = result.nodes, .edges = result.edges});
  return result;
}

Result<ReportOptions> ServiceReportOptions(const IssueRef& ref, int depth, const ServiceCrawl& service) {
  ReportOptions options;
  options.input = ref.HtmlUrl();
  options.depth = depth;
  options.max_nodes = service.max_nodes;
  options.api_url = service.api_url;
  options.max_wait = service.max_wait;
  options.store.path = service.store_path;
  options.store.max_age = service.max_age;
  options.budget = service.budget;
  auto token = ChooseToken(ref, !service.api_url.empty(), "");
  if (!token) return std::unexpected(token.error());
  options.token = std::move(*token);
  return options;
}

Result<ReportResult> RunExport(const ReportOptions& options, const std::string& output) {
  auto plan = MakePlan(options);
  if (!plan) return std::unexpected(plan.error());
  Network network(options, *plan);
  auto crawled = Crawl(options, *plan, network);
  if (!crawled) return std::unexpected(crawled.error());
  ReportResult result;
  const Graph& graph = crawled->graph;
  result.notices = std::move(crawled->notices);
  result.stats = graph.stats;
  result.nodes = graph.node_count();
  result.edges = graph.edges().size();
  Report report = analyze::Analyze(graph);
  const std::string markdown = render::RenderMarkdown(report, graph);
  if (auto written = store::WriteArchive(output, graph, markdown, OptionsJson(options)); !written) {
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
    return "cleared " + store::sql::RedactUrl(path) + "\n";
  }
  auto store = store::Store::Open(path);
  if (!store) return std::unexpected(store.error());
  if (action == CacheAction::kPrune) {
    auto pruned = (*store)->Prune(older_than);
    if (!pruned) return std::unexpected(pruned.error());
    return "pruned from " + store::sql::RedactUrl(path) + ": " + std::to_string(pruned->nodes) + " nodes, " +
           std::to_string(pruned->failures) + " remembered failures, " + std::to_string(pruned->aliases) +
           " aliases, " + std::to_string(pruned->validators) + " HTTP validators, " +
           std::to_string(pruned->syntheses) + " model answers older than " +
           std::to_string(older_than.count()) + " s\n";
  }
  auto stats = (*store)->Stats();
  if (!stats) return std::unexpected(stats.error());
  auto age = [&](int64_t at) {
    return at == 0 ? std::string("-") : std::to_string(std::max<int64_t>(0, (*store)->Now() - at)) + " s ago";
  };
  return "store: " + store::sql::RedactUrl(path) + "\n" +                                                     //
         "size: " + std::to_string(stats->file_bytes) + " bytes\n" +                    //
         "nodes: " + std::to_string(stats->nodes) + " (" + std::to_string(stats->complete_nodes) +
         " with their whole thread)\n" +                                                 //
         "comments: " + std::to_string(stats->comments) + "\n" +                         //
         "events: " + std::to_string(stats->events) + "\n" +                             //
         "links: " + std::to_string(stats->links) + "\n" +                               //
         "remembered failures: " + std::to_string(stats->failures) + "\n" +              //
         "HTTP validators: " + std::to_string(stats->validators) + "\n" +                //
         "archived reports: " + std::to_string(stats->reports) + " (" +
         std::to_string(stats->servable_reports) + " servable again without a crawl)\n" +  //
         "newest fetch: " + age(stats->newest_fetched_at) + "\n" +                       //
         "oldest fetch: " + age(stats->oldest_fetched_at) + "\n";
}

}  // namespace issuegraph::app
