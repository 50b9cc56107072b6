#include "cli/commands.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/report.h"
#include "app/token.h"
#include "cli/progress.h"
#include "model/version.h"
#include "serve/host_policy.h"
#include "serve/server.h"
#include "store/safe_file.h"
#include "store/store.h"

namespace issuegraph::cli {
namespace {


void PrintError(const std::string& message) { std::cerr << "issuegraph: " << message << "\n"; }

// The flags `report` and `export` share: what to crawl and how.
struct CrawlFlags {
  app::ReportOptions options;
  std::string format = "markdown";
  std::string api = "auto";
  std::string output;
  std::string token_flag;
  CLI::Option* token_option = nullptr;  // to tell `--token ''` from no --token
  bool stats = false;
  bool quiet = false;
  bool verbose = false;
  bool no_store = false;
  int max_wait_seconds = 60;
  int max_age_seconds = 600;
};

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
      "GitHub token (default: GH_TOKEN, then GITHUB_TOKEN, as gh reads them; GH_ENTERPRISE_TOKEN for other hosts)");
  sub.add_option("--api-url", flags.options.api_url, "GitHub REST API base URL (default: from the issue's host)")
      ->envname("ISSUEGRAPH_API_URL");
  sub.add_option("--max-wait", flags.max_wait_seconds,
                 "Longest wait, in seconds, for a rate limit before stopping with what is known")
      ->default_val(60)
      ->check(CLI::Range(0, 3600));
  sub.add_option("--store", flags.options.store.path,
                 "The cache database (default: $XDG_CACHE_HOME/issuegraph/store.db)");
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
  auto token = app::ChooseToken(*ref, !options.api_url.empty(), flags.token_flag);
  if (!token) {
    PrintError(token.error().message);
    return kExitUsage;
  }
  options.token = std::move(*token);
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
  if (flags.output.empty() || flags.output == "-") {
    std::cout << result->text;
    std::cout.flush();
    if (!std::cout) {
      PrintError("cannot write the report to standard output (" + std::string(std::strerror(errno)) +
                 "); check the pipe or the disk, or write it with -o FILE");
      return kExitIo;
    }
    return kExitOk;
  }
  if (auto written = store::WriteWholeFile(flags.output, result->text, "the report",
                                          "choose another path with -o or check permissions");
      !written) {
    PrintError(written.error().message);
    return kExitIo;
  }
  return kExitOk;
}

int RunReportCommand(CrawlFlags& flags) {
  if (flags.options.input.empty() == flags.options.from.empty()) {
    PrintError(flags.options.input.empty()
                   ? "report needs an issue (URL or OWNER/REPO#N) or --from ARCHIVE; see issuegraph report --help"
                   : "report takes an issue or --from ARCHIVE, not both; see issuegraph report --help");
    return kExitUsage;
  }
  if (auto failed = Resolve(flags)) return *failed;
  auto progress = WatchProgress(flags);
  auto result = app::RunReport(flags.options);
  progress->Clear();
  return Finish(result, flags, true);
}

int RunExportCommand(CrawlFlags& flags) {
  if (auto failed = Resolve(flags)) return *failed;
  auto progress = WatchProgress(flags);
  auto result = app::RunExport(flags.options, flags.output);
  progress->Clear();
  return Finish(result, flags, false);
}

// The subcommand table: name, one-line help, and how to set it up.
struct Command {
  const char* name;
  const char* help;
  std::function<std::function<int()>(CLI::App&)> setup;
};

std::vector<Command> Commands() {
  return {
      {"report", "Crawl an issue or pull request and its links, and write a report",
       [](CLI::App& sub) -> std::function<int()> {
         auto flags = std::make_shared<CrawlFlags>();
         sub.add_option("ref", flags->options.input,
                        "https://github.com/OWNER/REPO/issues/N, .../pull/N, or OWNER/REPO#N");
         sub.add_option("--from", flags->options.from, "Render an archive written by `issuegraph export`");
         sub.add_option("--format", flags->format, "markdown (md), json, html, mermaid or dot")
             ->default_val("markdown")
             ->check(CLI::IsMember({"markdown", "md", "json", "html", "mermaid", "dot"}));
         sub.add_option("-o,--output", flags->output, "Write to FILE (whole or not at all) instead of stdout");
         AddCrawlOptions(sub, *flags);
         return [flags] { return RunReportCommand(*flags); };
       }},
      {"export", "Crawl like report and write one self-contained archive (report --from renders it)",
       [](CLI::App& sub) -> std::function<int()> {
         auto flags = std::make_shared<CrawlFlags>();
         sub.add_option("ref", flags->options.input,
                        "https://github.com/OWNER/REPO/issues/N, .../pull/N, or OWNER/REPO#N")
             ->required();
         sub.add_option("-o,--output", flags->output, "The archive to write (whole or not at all)")->required();
         AddCrawlOptions(sub, *flags);
         return [flags] { return RunExportCommand(*flags); };
       }},
      {"serve", "Run the web service: paste an issue URL, get the report at a permalink",
       [](CLI::App& sub) -> std::function<int()> {
         auto options = std::make_shared<serve::ServeOptions>();
         auto hosts = std::make_shared<std::vector<std::string>>();
         auto max_age = std::make_shared<int>(3600);
         sub.add_option("--host", options->host, "Address to listen on")->default_val("127.0.0.1");
         sub.add_option("--port", options->port, "Port to listen on (0: any free port)")
             ->default_val(8080)
             ->check(CLI::Range(0, 65535));
         sub.add_option("--store", options->store_path,
                        "The store database (default: $XDG_CACHE_HOME/issuegraph/store.db)");
         sub.add_option("--api-url", options->api_url, "GitHub REST API base URL (default: from the issue's host)")
             ->envname("ISSUEGRAPH_API_URL");
         sub.add_option("--allow-host", *hosts,
                        "A GitHub Enterprise host whose issues may be crawled (repeatable); github.com always may");
         sub.add_option("--max-age", *max_age, "Seconds a published report is served before a visit recrawls it")
             ->default_val(3600)
             ->check(CLI::Range(0, 365 * 24 * 3600));
         sub.add_option("--workers", options->workers, "Crawls at once")->default_val(2)->check(CLI::Range(1, 64));
         sub.add_option("--queue", options->queue, "Crawls waiting before the server answers busy (503)")
             ->default_val(16)
             ->check(CLI::Range(0, 10000));
         sub.add_option("--max-depth", options->max_depth, "Deepest ?depth= a visitor may ask for")
             ->default_val(3)
             ->check(CLI::Range(0, 10));
         sub.add_option("--from", options->archives,
                        "An archive written by `export` to publish at start, with no request (repeatable)")
             ->check(CLI::ExistingFile);
         sub.add_flag("--offline", options->offline,
                      "Make no new reports: serve only stored ones (with --from: a whole site with no network)");
         sub.add_option("--crawls-per-minute", options->crawls_per_minute,
                        "New crawls one client address may start per minute")
             ->default_val(6)
             ->check(CLI::Range(0.0, 100000.0));
         return [options, hosts, max_age]() -> int {
           for (const auto& host : *hosts) {
             auto checked = serve::HostPolicy::CheckAllowedHost(host);
             if (!checked) {
               PrintError(checked.error().message);
               return kExitUsage;
             }
             options->allowed_hosts.insert(*checked);
           }
           options->max_age = std::chrono::seconds(*max_age);
           if (options->store_path.empty()) {
             auto path = store::Store::DefaultPath();
             if (!path) {
               PrintError(path.error().message);
               return ExitCodeFor(path.error().kind);
             }
             options->store_path = *path;
           }
           auto served = serve::RunUntilSignalled(*options, [](const std::string& url) {
             std::cout << "listening on " << url << std::endl;
           });
           if (!served) {
             PrintError(served.error().message);
             return ExitCodeFor(served.error().kind);
           }
           return kExitOk;
         };
       }},
      {"cache", "Inspect or tidy the cache: stats, prune (--older-than SECONDS), clear",
       [](CLI::App& sub) -> std::function<int()> {
         auto action = std::make_shared<std::string>();
         auto path = std::make_shared<std::string>();
         auto older = std::make_shared<int>(7 * 24 * 3600);
         sub.add_option("action", *action, "stats, prune or clear")
             ->required()
             ->check(CLI::IsMember({"stats", "prune", "clear"}));
         sub.add_option("--store", *path, "The cache database (default: $XDG_CACHE_HOME/issuegraph/store.db)");
         sub.add_option("--older-than", *older, "prune: drop what was fetched longer ago than this, in seconds")
             ->default_val(7 * 24 * 3600)
             ->check(CLI::Range(0, 10 * 365 * 24 * 3600));
         return [action, path, older]() -> int {
           app::CacheAction which = *action == "prune"   ? app::CacheAction::kPrune
                                    : *action == "clear" ? app::CacheAction::kClear
                                                         : app::CacheAction::kStats;
           auto text = app::RunCache(which, *path, std::chrono::seconds(*older));
           if (!text) {
             PrintError(text.error().message);
             return ExitCodeFor(text.error().kind);
           }
           std::cout << *text;
           return kExitOk;
         };
       }},
  };
}

}  // namespace

int ExitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return kExitUsage;
    case ErrorKind::kNotFound:
    case ErrorKind::kGone: return kExitNotFound;
    case ErrorKind::kUnauthorized:
    case ErrorKind::kForbidden: return kExitAuth;
    case ErrorKind::kRateLimited: return kExitRateLimit;
    case ErrorKind::kNetwork:
    case ErrorKind::kServer:
    case ErrorKind::kProtocol: return kExitNetwork;
    case ErrorKind::kIo: return kExitIo;
    case ErrorKind::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

// Levenshtein distance, for "did you mean".
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// One sentence for a first word that is no command: the nearest command
// when one is close, else the list.
std::string UnknownCommand(std::string_view word, const std::vector<Command>& commands) {
  std::string list;
  std::string_view nearest;
  size_t best = 3;  // farther than two edits is no suggestion
  for (const Command& command : commands) {
    list += (list.empty() ? "" : ", ") + std::string(command.name);
    const size_t distance = EditDistance(word, command.name);
    if (distance < best || (std::string_view(command.name).starts_with(word) && word.size() >= 2)) {
      best = std::min(distance, best);
      nearest = command.name;
    }
  }
  const std::string shown(word.substr(0, 40));
  if (!nearest.empty()) {
    return "unknown command '" + shown + "'; did you mean '" + std::string(nearest) + "'? see issuegraph --help";
  }
  return "unknown command '" + shown + "'; the commands are " + list + "; see issuegraph --help";
}

int Main(int argc, char** argv) {
  CLI::App app{"issuegraph: the whole story of a GitHub issue, its links and its fix, in one report"};
  app.set_version_flag("-V,--version", "issuegraph " + std::string(kVersion));
  const std::vector<Command> commands = Commands();
  if (argc == 1) {
    std::string list;
    for (const Command& command : commands) list += (list.empty() ? "" : ", ") + std::string(command.name);
    PrintError("no command given; the commands are " + list + "; see issuegraph --help");
    return kExitUsage;
  }
  if (argv[1][0] != '-') {
    const std::string_view first = argv[1];
    const bool known = std::any_of(commands.begin(), commands.end(),
                                   [&](const Command& command) { return first == command.name; });
    if (first == "help") {
      // `issuegraph help [COMMAND]` is `issuegraph [COMMAND] --help`.
      std::vector<char*> again = {argv[0]};
      if (argc > 2) again.push_back(argv[2]);
      static char help_flag[] = "--help";
      again.push_back(help_flag);
      return Main(static_cast<int>(again.size()), again.data());
    }
    if (!known) {
      PrintError(UnknownCommand(first, commands));
      return kExitUsage;
    }
  }
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 internal error, 2 bad arguments, 3 issue not found, deleted, or not in the\n"
      "cache with --offline, 4 token rejected or no access, 5 rate limited, 6 network or GitHub error,\n"
      "7 a local file (output, cache, archive) cannot be read or written.");
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const auto& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    runners.emplace_back(sub, command.setup(*sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    PrintError(std::string(e.what()) + "; see issuegraph --help");
    return kExitUsage;
  }
  try {
    for (auto& [sub, run] : runners) {
      if (sub->parsed()) return run();
    }
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what() + " (please report this)");
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace issuegraph::cli
