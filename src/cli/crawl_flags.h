// The flags `report` and `export` share (what to crawl and how), turned
// into app::ReportOptions, and how one run's result reaches the terminal:
// notices, --stats, the report on stdout or in -o FILE. Used from the
// main thread only.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/report.h"
#include "cli/json_output.h"
#include "cli/progress.h"

namespace issuegraph::cli {

// "issuegraph: MESSAGE" on stderr.
void PrintError(const std::string& message);

// The flags `report` and `export` share: what to crawl and how.
struct CrawlFlags {
  app::ReportOptions options;
  std::vector<std::string> refs;  // report: each REF given, "-" for stdin
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
  int timeout_seconds = 45;
  int jobs = 2;  // report with several references: runs at once
  // report --format json: --json FIELDS, --jq EXPR, --stable.
  std::string json_fields;
  JsonShaping shaping;
  CLI::Option* format_option = nullptr;  // to tell --format given from its default
};

void AddCrawlOptions(CLI::App& sub, CrawlFlags& flags);

// The progress line on a terminal (never when piped or quiet), and the
// request log with -v, wired into the options of one run.
std::unique_ptr<TerminalProgress> WatchProgress(CrawlFlags& flags);

// Flags -> options, the token included. Returns an exit code on failure.
std::optional<int> Resolve(CrawlFlags& flags);

// report's --json, --jq and --stable: checked, and JSON chosen when
// --format was not given. Returns an exit code on failure.
void AddJsonOptions(CLI::App& sub, CrawlFlags& flags);
std::optional<int> ResolveJson(CrawlFlags& flags);

// The text to print: a JSON report shaped by --json/--jq/--stable,
// anything else as it is.
Result<std::string> TextToPrint(const app::ReportResult& result, const CrawlFlags& flags);

void PrintStats(const app::ReportResult& result);

// Notices, stats, then the text to stdout or -o; the exit code.
int Finish(const Result<app::ReportResult>& result, const CrawlFlags& flags, bool print_text);

}  // namespace issuegraph::cli
