#include "cli/crawl_flags.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "app/token.h"
#include "cli/commands.h"
#include "cli/pager.h"
#include "store/safe_file.h"

namespace issuegraph::cli {

void PrintError(const std::string& message) { std::cerr << "issuegraph: " << message << "\n"; }

void AddCrawlOptions(CLI::App& sub, CrawlFlags& flags) {
  sub.add_option("--depth", flags.options.depth, "Link hops to follow from the root (the root is always read whole)")
      ->default_val(1)
      ->check(CLI::Range(0, 10));
  sub.add_option("--max-nodes", flags.options.max_nodes,
                 "Most items to fetch; a larger graph is cut and marked partial")
      ->default_val(100)
      ->check(CLI::Range(1, 100000));
  sub.add_option("--api", flags.api, "graphql, rest, or auto: GraphQL with a token, REST without")
      ->default_val("auto")
      ->check(CLI::IsMember({"auto", "graphql", "rest"}));
  flags.token_option = sub.add_option(
      "--token", flags.token_flag,
      "GitHub token (default: GH_TOKEN, then GITHUB_TOKEN, as gh reads them; GH_ENTERPRISE_TOKEN for other "
      "hosts; else `gh auth token`)");
  sub.add_option("--api-url", flags.options.api_url, "GitHub REST API base URL (default: from the issue's host)")
      ->envname("ISSUEGRAPH_API_URL");
  sub.add_option("--max-wait", flags.max_wait_seconds,
                 "Longest wait, in seconds, for a rate limit before stopping with what is known")
      ->default_val(60)
      ->check(CLI::Range(0, 3600));
  sub.add_option("--timeout", flags.timeout_seconds,
                 "Seconds the whole run may take (0: no limit); what is left unread then makes the "
                 "report partial")
      ->default_val(45)
      ->check(CLI::Range(0, 24 * 3600));
  sub.add_option("--store", flags.options.store.path,
                 "The cache database: an SQLite file or a postgres:// URL (default: "
                 "$XDG_CACHE_HOME/issuegraph/store.db)")
      ->envname("ISSUEGRAPH_STORE_URL");
  sub.add_flag("--no-store", flags.no_store, "Neither read nor write the cache");
  sub.add_option("--max-age", flags.max_age_seconds,
                 "Seconds a cached item stays fresh; older ones are revalidated. A stored report "
                 "whose items are all fresh and unchanged is printed without crawling")
      ->default_val(600)
      ->check(CLI::Range(0, 365 * 24 * 3600));
  sub.add_flag("--refresh", flags.options.store.refresh, "Revalidate every cached item");
  sub.add_flag("--offline", flags.options.store.offline,
               "Never touch the network: report from the cache, naming what is missing");
  sub.add_flag("--stats", flags.stats, "Print request and crawl statistics to stderr");
  sub.add_flag("-q,--quiet", flags.quiet, "No progress line and no notices; errors only");
  sub.add_flag("-v,--verbose", flags.verbose, "Log each request (kind, status, points, time) to stderr");
}

// The progress line on a terminal (never when piped or quiet), and the
// request log with -v, wired into the options of one run.
std::unique_ptr<TerminalProgress> WatchProgress(CrawlFlags& flags) {
  const Verbosity verbosity = flags.quiet     ? Verbosity::kQuiet
                              : flags.verbose ? Verbosity::kVerbose
                                              : Verbosity::kNormal;
  const bool live = !flags.quiet && ::isatty(STDERR_FILENO) == 1;
  auto progress = std::make_unique<TerminalProgress>(stderr, live, verbosity);
  if (verbosity != Verbosity::kQuiet) flags.options.observer = progress.get();
  if (live) {
    flags.options.progress = [watch = progress.get()](const crawl::LevelProgress& level) {
      watch->OnLevel(level);
    };
  }
  return progress;
}

// Flags -> options, the token included. Returns an exit code on failure.
std::optional<int> Resolve(CrawlFlags& flags) {
  auto& options = flags.options;
  options.max_wait = std::chrono::seconds(flags.max_wait_seconds);
  options.timeout = std::chrono::seconds(flags.timeout_seconds);
  options.store.max_age = std::chrono::seconds(flags.max_age_seconds);
  options.store.enabled = !flags.no_store;
  options.api = flags.api == "graphql" ? app::Api::kGraphql
                : flags.api == "rest"  ? app::Api::kRest
                                       : app::Api::kAuto;
  if (flags.format == "md" || flags.format == "markdown") {
    options.format = app::Format::kMarkdown;
  } else if (flags.format == "json") {
    options.format = app::Format::kJson;
  } else if (flags.format == "html") {
    options.format = app::Format::kHtml;
  } else if (flags.format == "dot") {
    options.format = app::Format::kDot;
  } else {
    options.format = app::Format::kMermaid;
  }
  if (!options.from.empty()) return std::nullopt;  // an archive needs no token
  options.input = app::WithDefaultHost(options.input);
  auto ref = ParseIssueRef(options.input);
  if (!ref) {
    PrintError(ref.error().message);
    return kExitUsage;
  }
  if (flags.token_option != nullptr && flags.token_option->count() > 0 && flags.token_flag.empty()) {
    PrintError("--token was given an empty value; pass the token, or leave --token out to use GH_TOKEN or "
               "GITHUB_TOKEN");
    return kExitUsage;
  }
  auto token = app::FindToken(*ref, options.api_url, flags.token_flag);
  if (!token) {
    PrintError(token.error().message);
    return kExitUsage;
  }
  options.token = std::move(token->value);
  options.token_source = std::move(token->source);
  return std::nullopt;
}

void PrintStats(const app::ReportResult& result) {
  const auto& stats = result.stats;
  std::cerr << "issuegraph: stats: api=" << stats.api << " requests=" << stats.requests
            << " graphql_points=" << stats.graphql_points << " retries=" << stats.retries
            << " waited_ms=" << stats.waited_ms << " bytes=" << stats.bytes
            << " cache_hits=" << stats.cache_hits << " cache_misses=" << stats.cache_misses
            << " nodes=" << result.nodes << " edges=" << result.edges
            << " wall_ms=" << stats.wall_ms << " partial=" << (stats.partial ? "true" : "false");
  for (const auto& [kind, count] : stats.requests_by_kind) std::cerr << " " << kind << "=" << count;
  if (!stats.truncated.empty()) std::cerr << " truncated=" << stats.truncated.size();
  if (result.served_from_store) std::cerr << " served_from_store=true";
  std::cerr << "\n";
}

void AddJsonOptions(CLI::App& sub, CrawlFlags& flags) {
  sub.add_option("--json", flags.json_fields,
                 "JSON with only these top-level fields, comma-separated: root, nodes, edges, report, stats");
  sub.add_option("--jq", flags.shaping.jq,
                 "Filter the JSON report through this jq expression (strings print raw, as in gh)");
  sub.add_flag("--stable", flags.shaping.stable,
               "JSON without the stats of this run (times, requests, cache use), so two runs diff clean");
}

std::optional<int> ResolveJson(CrawlFlags& flags) {
  if (!flags.json_fields.empty()) {
    auto fields = ParseJsonFields(flags.json_fields);
    if (!fields) {
      PrintError(fields.error().message);
      return kExitUsage;
    }
    flags.shaping.fields = std::move(*fields);
  }
  if (!flags.shaping.jq.empty()) {
    if (auto compiled = CheckJq(flags.shaping.jq); !compiled) {
      PrintError(compiled.error().message);
      return kExitUsage;
    }
  }
  if (flags.json_fields.empty() && flags.shaping.jq.empty()) return std::nullopt;
  const bool format_given = flags.format_option != nullptr && flags.format_option->count() > 0;
  if (format_given && flags.format != "json") {
    PrintError("--json and --jq shape JSON, not --format " + flags.format + "; drop --format or use --format json");
    return kExitUsage;
  }
  flags.format = "json";
  return std::nullopt;
}

Result<std::string> TextToPrint(const app::ReportResult& result, const CrawlFlags& flags) {
  if (flags.options.format != app::Format::kJson) return result.text;
  return ShapeJson(result.text, flags.shaping);
}

int Finish(const Result<app::ReportResult>& result, const CrawlFlags& flags, bool print_text) {
  if (!result) {
    PrintError(result.error().message);
    return ExitCodeFor(result.error().kind);
  }
  if (!flags.quiet) {
    for (const auto& notice : result->notices) PrintError(notice);
  }
  if (flags.stats) PrintStats(*result);
  if (!print_text) return kExitOk;
  auto text = TextToPrint(*result, flags);
  if (!text) {
    PrintError(text.error().message);
    return ExitCodeFor(text.error().kind);
  }
  if (flags.output.empty() || flags.output == "-") {
    if (flags.options.format == app::Format::kMarkdown) {
      if (const std::string pager = PagerFor(*text); !pager.empty() && Page(pager, *text)) return kExitOk;
    }
    std::cout << *text;
    std::cout.flush();
    if (!std::cout) {
      PrintError("cannot write the report to standard output (" + std::string(std::strerror(errno)) +
                 "); check the pipe or the disk, or write it with -o FILE");
      return kExitIo;
    }
    return kExitOk;
  }
  if (auto written = store::WriteWholeFile(flags.output, *text, "the report",
                                          "choose another path with -o or check permissions");
      !written) {
    PrintError(written.error().message);
    return kExitIo;
  }
  return kExitOk;
}

}  // namespace issuegraph::cli
