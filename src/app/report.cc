#include "app/report.h"

#include <chrono>
#include <memory>

#include "analyze/analyzer.h"
#include "crawl/crawler.h"
#include "github/api_location.h"
#include "github/graphql_source.h"
#include "github/rest_source.h"
#include "http/client.h"
#include "http/clock.h"
#include "http/curl_transport.h"
#include "render/json.h"
#include "render/markdown.h"
#include "render/mermaid.h"

namespace issuegraph::app {

namespace {
constexpr std::string_view kVersion = "0.1.0";
}  // namespace

Result<ReportResult> RunReport(const ReportOptions& options) {
  auto root = ParseIssueRef(options.input);
  if (!root) return std::unexpected(root.error());

  github::ApiLocation api = github::ApiForHost(root->host);
  if (!options.api_url.empty()) {
    auto chosen = github::ApiFromUrl(options.api_url);
    if (!chosen) return std::unexpected(chosen.error());
    api = *chosen;
  }

  ReportResult result;
  const bool graphql = options.api == Api::kGraphql || (options.api == Api::kAuto && !options.token.empty());
  if (graphql && options.token.empty()) {
    return MakeError(ErrorKind::kInvalidInput,
                     "--api graphql needs a token (GitHub refuses anonymous GraphQL); set GITHUB_TOKEN "
                     "or use --api rest");
  }
  if (options.token.empty()) {
    result.notices.push_back(
        "no GitHub token set (--token, GITHUB_TOKEN or GH_TOKEN): using the unauthenticated REST "
        "API, limited to 60 requests an hour and to public repositories");
  }

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
  http::Client client(transport, clock, client_options);

  github::RestOptions rest_options;
  rest_options.api = api;
  rest_options.web_host = root->host;
  rest_options.have_token = !options.token.empty();
  github::RestSource rest(client, rest_options);
  std::unique_ptr<github::GraphqlSource> graphql_source;
  crawl::Source* source = &rest;
  if (graphql) {
    github::GraphqlOptions graphql_options;
    graphql_options.api = api;
    graphql_options.web_host = root->host;
    graphql_source = std::make_unique<github::GraphqlSource>(client, graphql_options, &rest);
    source = graphql_source.get();
  }

  auto started = std::chrono::steady_clock::now();
  auto graph = crawl::Crawler(*source, {.depth = options.depth, .max_nodes = options.max_nodes})
                   .Crawl(*root);
  if (!graph) return std::unexpected(graph.error());
  graph->stats.wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();

  Report report = analyze::Analyze(*graph);
  switch (options.format) {
    case Format::kMarkdown: result.text = render::RenderMarkdown(report, *graph); break;
    case Format::kJson: result.text = render::RenderJson(report, *graph); break;
    case Format::kMermaid: result.text = render::RenderMermaid(*graph); break;
  }
  if (graph->stats.partial) {
    for (const auto& reason : graph->stats.partial_reasons) {
      result.notices.push_back("partial report: " + reason);
    }
  }
  if (!graph->stats.failed.empty()) {
    result.notices.push_back(std::to_string(graph->stats.failed.size()) +
                             " linked items could not be read; they are listed in the report");
  }
  result.graph = std::move(*graph);
  return result;
}

}  // namespace issuegraph::app
