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
#include <optional>
#include <set>
#include <chrono>
#include <string>
#include <vector>

#include "app/migrate.h"
#include "app/report.h"
#include "app/token.h"
#include "cli/batch.h"
#include "cli/crawl_flags.h"
#include "cli/progress.h"
#include "cli/shell_docs.h"
#include "llm/synthesizer.h"
#include "model/version.h"
#include "mcp/http_endpoint.h"
#include "mcp/reports.h"
#include "mcp/stdio.h"
#include "serve/client_limits.h"
#include "serve/host_policy.h"
#include "serve/server.h"
#include "store/safe_file.h"
#include "store/store.h"

namespace issuegraph::cli {
namespace {

// The optional synthesis flags of `report` and `serve`.
struct LlmFlags {
  llm::LlmOptions options;
  int timeout_seconds = 60;
  std::unique_ptr<llm::LlmSynthesizer> synthesizer;
};

void AddLlmOptions(CLI::App& sub, LlmFlags& flags) {
  sub.add_option("--llm", flags.options.url,
                 "An OpenAI-compatible API (e.g. http://127.0.0.1:8080/v1) for a machine-written synthesis, "
                 "every sentence checked against the sources; key from ISSUEGRAPH_LLM_KEY")
      ->envname("ISSUEGRAPH_LLM_URL");
  sub.add_option("--llm-model", flags.options.model, "The model to ask (llama.cpp's server needs none)")
      ->envname("ISSUEGRAPH_LLM_MODEL");
  sub.add_option("--llm-timeout", flags.timeout_seconds,
                 "Seconds to wait for the model before reporting without the synthesis")
      ->default_val(60)
      ->check(CLI::Range(1, 3600));
  sub.add_option("--llm-context-tokens", flags.options.context_tokens,
                 "The model's context budget in tokens: the report and its sources are compacted to fit")
      ->default_val(8192)
      ->check(CLI::Range(int64_t{2048}, int64_t{2'000'000}));
}

// The synthesizer the flags ask for (none without --llm). Returns an exit
// code on failure.
std::optional<int> ResolveLlm(LlmFlags& flags, app::Synthesizer** out) {
  if (flags.options.url.empty()) return std::nullopt;
  flags.options.timeout = std::chrono::seconds(flags.timeout_seconds);
  if (const char* key = std::getenv("ISSUEGRAPH_LLM_KEY"); key != nullptr) flags.options.key = key;
  if (auto checked = llm::CheckLlmOptions(flags.options); !checked) {
    PrintError(checked.error().message);
    return kExitUsage;
  }
  flags.synthesizer = std::make_unique<llm::LlmSynthesizer>(flags.options);
  *out = flags.synthesizer.get();
  return std::nullopt;
}


int RunReportCommand(CrawlFlags& flags, LlmFlags& llm_flags) {
  if (auto failed = ResolveJson(flags)) return *failed;
  if (auto failed = ResolveLlm(llm_flags, &flags.options.synthesizer)) return *failed;
  auto refs = ExpandRefs(flags.refs, std::cin);
  if (!refs) {
    PrintError(refs.error().message);
    return kExitUsage;
  }
  if (refs->size() > 1 && flags.options.from.empty()) return RunReports(flags, *refs);
  flags.options.input = refs->empty() ? "" : refs->front();
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

// The flags of the long-running commands (serve, mcp): the store they
// share with report, the API location, the Enterprise hosts allowed.
void AddServiceOptions(CLI::App& sub, std::string& store_path, std::string& api_url,
                       std::vector<std::string>& hosts) {
  sub.add_option("--store", store_path,
                 "The store, shared with report, serve and mcp: an SQLite file, or postgres://... for "
                 "several servers on one database (default: $XDG_CACHE_HOME/issuegraph/store.db)")
      ->envname("ISSUEGRAPH_STORE_URL");
  sub.add_option("--api-url", api_url, "GitHub REST API base URL (default: from the issue's host)")
      ->envname("ISSUEGRAPH_API_URL");
  sub.add_option("--allow-host", hosts,
                 "A GitHub Enterprise host whose issues may be crawled (repeatable); github.com always may");
}

// Checks --allow-host values into `allowed`; false after printing why not.
bool AllowHosts(const std::vector<std::string>& hosts, std::set<std::string>& allowed) {
  for (const auto& host : hosts) {
    auto checked = serve::HostPolicy::CheckAllowedHost(host);
    if (!checked) {
      PrintError(checked.error().message);
      return false;
    }
    allowed.insert(*checked);
  }
  return true;
}

// The MCP endpoint of `serve`, with the server's store, token, host
// policy and limits.
std::shared_ptr<mcp::HttpEndpoint> ServeMcp(const serve::ServeOptions& options) {
  mcp::ServiceOptions service;
  service.store_path = options.store_path;
  service.api_url = options.api_url;
  service.max_age = options.max_age;
  service.max_wait = options.max_wait;
  service.default_depth = options.default_depth;
  service.max_depth = options.max_depth;
  service.max_nodes = options.max_nodes;
  service.default_max_nodes = options.max_nodes;
  service.max_running = static_cast<size_t>(std::max(1, options.workers));
  service.max_crawls = service.max_running + options.queue;
  auto policy = std::make_shared<serve::HostPolicy>(options.allowed_hosts);
  service.parse_ref = [policy](std::string_view text) { return policy->Parse(text); };
  auto limits = std::make_shared<serve::ClientLimiter>(options.crawls_per_minute, options.crawl_burst);
  service.admit = [limits](std::string_view client) -> std::optional<std::string> {
    int retry = 0;
    if (limits->Peek(client, std::chrono::steady_clock::now(), &retry)) return std::nullopt;
    return "too many new crawls from your address; try again in " + std::to_string(retry) + " s";
  };
  service.charge = [limits](std::string_view client) {
    int retry = 0;
    (void)limits->Take(client, std::chrono::steady_clock::now(), &retry);
  };
  return std::make_shared<mcp::HttpEndpoint>(std::move(service));
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
         auto llm_flags = std::make_shared<LlmFlags>();
         sub.add_option("ref", flags->refs,
                        "https://github.com/OWNER/REPO/issues/N, .../pull/N, or OWNER/REPO#N; several "
                        "make several reports; - reads them from stdin, one per line");
         sub.add_option("--jobs", flags->jobs, "Reports made at once when several references are given")
             ->default_val(2)
             ->check(CLI::Range(1, 16));
         sub.add_option("--from", flags->options.from, "Render an archive written by `issuegraph export`");
         flags->format_option = sub.add_option("--format", flags->format, "markdown (md), json, html, mermaid or dot")
             ->default_val("markdown")
             ->check(CLI::IsMember({"markdown", "md", "json", "html", "mermaid", "dot"}));
         sub.add_option("-o,--output", flags->output,
                        "Write to FILE (whole or not at all) instead of stdout; with several references, "
                        "a directory that gets OWNER-REPO-N.EXT for each");
         AddJsonOptions(sub, *flags);
         AddCrawlOptions(sub, *flags);
         AddLlmOptions(sub, *llm_flags);
         return [flags, llm_flags] { return RunReportCommand(*flags, *llm_flags); };
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
         auto llm_flags = std::make_shared<LlmFlags>();
         sub.add_option("--host", options->host, "Address to listen on")->default_val("127.0.0.1");
         sub.add_option("--port", options->port, "Port to listen on (0: any free port)")
             ->default_val(8080)
             ->check(CLI::Range(0, 65535));
         AddServiceOptions(sub, options->store_path, options->api_url, *hosts);
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
         auto lease = std::make_shared<double>(15);
         sub.add_option("--job-lease", *lease,
                        "On a postgres:// store: seconds a crawl job's replica holds it without renewing; "
                        "after that another replica takes it over")
             ->default_val(15)
             ->check(CLI::Range(1.0, 3600.0));
         sub.add_option("--replica", options->replica,
                        "On a postgres:// store: this server's name in the jobs table (default: host:pid:random)");
         sub.add_option("--crawls-per-minute", options->crawls_per_minute,
                        "New crawls one client address may start per minute")
             ->default_val(6)
             ->check(CLI::Range(0.0, 100000.0));
         sub.add_option("--crawl-burst", options->crawl_burst,
                        "New crawls one client address may start at once before the per-minute rate applies")
             ->default_val(10)
             ->check(CLI::Range(1.0, 100000.0));
         AddLlmOptions(sub, *llm_flags);
         return [options, hosts, max_age, llm_flags, lease]() -> int {
           if (auto failed = ResolveLlm(*llm_flags, &options->synthesizer)) return *failed;
           options->job_lease = std::chrono::milliseconds(static_cast<int64_t>(*lease * 1000));
           if (!AllowHosts(*hosts, options->allowed_hosts)) return kExitUsage;
           options->max_age = std::chrono::seconds(*max_age);
           if (options->store_path.empty()) {
             auto path = store::Store::DefaultPath();
             if (!path) {
               PrintError(path.error().message);
               return ExitCodeFor(path.error().kind);
             }
             options->store_path = *path;
           }
           auto endpoint = ServeMcp(*options);
           options->mount = [endpoint](httplib::Server& http) { endpoint->Mount(http); };
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
      {"mcp", "Run an MCP server on stdin and stdout: the report, graph, status and related reports as tools",
       [](CLI::App& sub) -> std::function<int()> {
         auto options = std::make_shared<mcp::ServiceOptions>();
         auto hosts = std::make_shared<std::vector<std::string>>();
         auto max_age = std::make_shared<int>(600);
         auto max_wait = std::make_shared<int>(60);
         AddServiceOptions(sub, options->store_path, options->api_url, *hosts);
         sub.add_option("--max-age", *max_age, "Seconds a cached item stays fresh")
             ->default_val(600)
             ->check(CLI::Range(0, 365 * 24 * 3600));
         sub.add_option("--max-wait", *max_wait, "Longest wait, in seconds, for a rate limit before a call fails")
             ->default_val(60)
             ->check(CLI::Range(0, 3600));
         return [options, hosts, max_age, max_wait]() -> int {
           std::set<std::string> allowed;
           if (!AllowHosts(*hosts, allowed)) return kExitUsage;
           auto policy = std::make_shared<serve::HostPolicy>(allowed);
           options->parse_ref = [policy](std::string_view text) { return policy->Parse(text); };
           options->max_age = std::chrono::seconds(*max_age);
           options->max_wait = std::chrono::seconds(*max_wait);
           options->max_depth = 10;
           options->max_nodes = 100000;
           mcp::ReportService service(*options);
           mcp::ServeStdio(service, std::cin, std::cout, [](const std::string& line) { PrintError(line); });
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
         sub.add_option("--store", *path,
                        "The cache database: an SQLite file or a postgres:// URL (default: "
                        "$XDG_CACHE_HOME/issuegraph/store.db)")
             ->envname("ISSUEGRAPH_STORE_URL");
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
      {"store", "Move a store: migrate --from STORE --to STORE copies every row into an empty store",
       [](CLI::App& sub) -> std::function<int()> {
         auto action = std::make_shared<std::string>();
         auto from = std::make_shared<std::string>();
         auto to = std::make_shared<std::string>();
         sub.add_option("action", *action, "migrate")->required()->check(CLI::IsMember({"migrate"}));
         sub.add_option("--from", *from, "The store to copy: an SQLite file (or sqlite:PATH) or a postgres:// URL")
             ->required();
         sub.add_option("--to", *to, "The empty store to copy into: a postgres:// URL or an SQLite file")
             ->required();
         return [action, from, to]() -> int {  // the options write into these
           auto text = app::MigrateStore(*from, *to);
           if (!text) {
             PrintError(text.error().message);
             return ExitCodeFor(text.error().kind);
           }
           std::cout << *text;
           return kExitOk;
         };
       }},
      {"completion", "Print a shell's completion script: bash, zsh or fish",
       [](CLI::App& sub) -> std::function<int()> {
         auto shell = std::make_shared<std::string>();
         sub.add_option("shell", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
         return [&sub, shell]() -> int {
           std::cout << Completion(*sub.get_parent(), *shell);
           return kExitOk;
         };
       }},
      {"man", "Print the man page (roff), made from the same table as --help",
       [](CLI::App& sub) -> std::function<int()> {
         return [&sub]() -> int {
           std::cout << ManPage(*sub.get_parent(), kVersion);
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
