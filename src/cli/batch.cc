#include "cli/batch.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "http/rate_budget.h"
#include "store/safe_file.h"

namespace issuegraph::cli {
namespace {

std::string_view Trimmed(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

std::string_view Extension(app::Format format) {
  switch (format) {
    case app::Format::kMarkdown: return "md";
    case app::Format::kJson: return "json";
    case app::Format::kHtml: return "html";
    case app::Format::kMermaid: return "mmd";
    case app::Format::kDot: return "dot";
  }
  return "md";
}

// Between two reports on stdout.
std::string_view Separator(app::Format format) {
  switch (format) {
    case app::Format::kMarkdown: return "\n---\n\n";
    case app::Format::kJson: return ",\n";
    default: return "\n";
  }
}

// Runs every prepared run, at most `jobs` at once; results in input order.
std::vector<Result<app::ReportResult>> RunAll(const std::vector<app::ReportOptions>& runs, int jobs) {
  std::vector<Result<app::ReportResult>> results(
      runs.size(), MakeError(ErrorKind::kInternal, "report not made"));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < runs.size(); i = next++) {
      try {
        results[i] = app::RunReport(runs[i]);
      } catch (const std::exception& e) {
        results[i] = MakeError(ErrorKind::kInternal, std::string("internal error: ") + e.what() +
                                                         " (please report this)");
      }
    }
  };
  const size_t threads = std::min(runs.size(), static_cast<size_t>(std::max(1, jobs)));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  return results;
}

}  // namespace

Result<std::vector<std::string>> ExpandRefs(const std::vector<std::string>& refs, std::istream& in) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto add = [&](std::string_view ref) -> Result<void> {
    if (!seen.insert(std::string(ref)).second) return {};
    if (out.size() == kMaxRefs) {
      return MakeError(ErrorKind::kInvalidInput, "more than " + std::to_string(kMaxRefs) +
                                                     " references in one command; split them into "
                                                     "several commands");
    }
    out.emplace_back(ref);
    return {};
  };
  for (const std::string& ref : refs) {
    if (ref != "-") {
      if (auto added = add(ref); !added) return std::unexpected(added.error());
      continue;
    }
    size_t from_stdin = 0;
    std::string line;
    // Read a bounded line at a time: an endless stdin (/dev/zero) fails
    // instead of filling memory.
    for (;;) {
      line.clear();
      int c = 0;
      while ((c = in.get()) != std::char_traits<char>::eof() && c != '\n') {
        if (line.size() == kMaxRefLine) {
          return MakeError(ErrorKind::kInvalidInput,
                           "a line of standard input is longer than " + std::to_string(kMaxRefLine) +
                               " bytes; give one reference (URL or OWNER/REPO#N) per line");
        }
        line.push_back(static_cast<char>(c));
      }
      const std::string_view ref_text = Trimmed(line);
      if (!ref_text.empty() && ref_text.front() != '#') {
        ++from_stdin;
        if (auto added = add(ref_text); !added) return std::unexpected(added.error());
      }
      if (c == std::char_traits<char>::eof()) break;
    }
    if (from_stdin == 0) {
      return MakeError(ErrorKind::kInvalidInput,
                       "`report -` read no reference from standard input; give one (URL or OWNER/REPO#N) "
                       "per line");
    }
  }
  return out;
}

std::string ReportFileName(const IssueRef& ref, app::Format format) {
  std::string name;
  if (ref.host != kPublicHost) {
    name = ref.host + "-";
    std::replace(name.begin(), name.end(), ':', '_');
  }
  name += ref.owner + "-" + ref.repo + "-" + std::to_string(ref.number) + "." + std::string(Extension(format));
  return name;
}

int RunReports(const CrawlFlags& flags, const std::vector<std::string>& refs) {
  namespace fs = std::filesystem;
  const bool to_stdout = flags.output.empty() || flags.output == "-";
  if (!to_stdout) {
    std::error_code error;
    if (!fs::is_directory(flags.output, error)) {
      PrintError("with several references, -o names an existing directory to write each report into (" +
                 flags.output + " is not one); create it, or leave -o out for stdout");
      return kExitUsage;
    }
  }
  // Every reference is checked before any crawl: nothing half-done.
  std::vector<CrawlFlags> each(refs.size(), flags);
  std::vector<app::ReportOptions> runs;
  std::vector<IssueRef> parsed;
  http::RateBudget budget;  // one token, one budget, whichever run spends it
  for (size_t i = 0; i < refs.size(); ++i) {
    each[i].options.input = refs[i];
    if (auto failed = Resolve(each[i])) return *failed;
    each[i].options.budget = &budget;
    runs.push_back(each[i].options);
    parsed.push_back(*ParseIssueRef(each[i].options.input));
  }
  if (to_stdout && runs.front().format == app::Format::kHtml) {
    PrintError("several HTML reports cannot share standard output; write them with -o DIR");
    return kExitUsage;
  }
  auto results = RunAll(runs, flags.jobs);

  int code = kExitOk;
  std::string joined;
  size_t written = 0;
  std::set<std::string> said;
  for (size_t i = 0; i < results.size(); ++i) {
    const std::string who = parsed[i].Text();
    const auto& result = results[i];
    if (!result) {
      PrintError(who + ": " + result.error().message);
      if (code == kExitOk) code = ExitCodeFor(result.error().kind);
      continue;
    }
    if (!flags.quiet) {
      // Said once (the missing token, say), not once per reference.
      for (const auto& notice : result->notices) {
        if (said.insert(notice).second) PrintError(who + ": " + notice);
      }
    }
    if (flags.stats) PrintStats(*result);
    auto text = TextToPrint(*result, flags);
    if (!text) {
      PrintError(who + ": " + text.error().message);
      if (code == kExitOk) code = ExitCodeFor(text.error().kind);
      continue;
    }
    if (to_stdout) {
      // jq's results are lines of their own, not one document each.
      if (written++ > 0 && flags.shaping.jq.empty()) joined += Separator(runs[i].format);
      joined += *text;
      continue;
    }
    const std::string path = (fs::path(flags.output) / ReportFileName(parsed[i], runs[i].format)).string();
    if (auto saved = store::WriteWholeFile(path, *text, "the report",
                                          "choose another directory with -o or check permissions");
        !saved) {
      PrintError(saved.error().message);
      if (code == kExitOk) code = kExitIo;
    }
  }
  if (to_stdout) {
    if (runs.front().format == app::Format::kJson && flags.shaping.jq.empty()) joined = "[\n" + joined + "]\n";
    std::cout << joined;
    std::cout.flush();
    if (!std::cout) {
      PrintError("cannot write the reports to standard output; check the pipe or the disk, or write them "
                 "with -o DIR");
      return kExitIo;
    }
  }
  return code;
}

}  // namespace issuegraph::cli
