#include "cli/progress.h"

#include <ctime>

namespace issuegraph::cli {

std::string TerminalProgress::KindOf(const std::string& url) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string last = path.substr(path.rfind('/') + 1);
  if (last == "graphql") return "graphql";
  const bool numeric = !last.empty() && last.find_first_not_of("0123456789") == std::string::npos;
  if (!numeric) return last;  // timeline, comments, pulls, sub_issues, ...
  std::string before = path.substr(0, path.rfind('/'));
  std::string parent = before.substr(before.rfind('/') + 1);
  return parent == "pulls" ? "pull" : parent == "issues" ? "issue" : parent;
}

void TerminalProgress::Draw(const std::string& line) {
  if (!live_) return;
  std::fprintf(out_, "\r\033[K%s", line.c_str());
  std::fflush(out_);
  drawn_ = true;
}

void TerminalProgress::Clear() {
  if (!drawn_) return;
  std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
  drawn_ = false;
}

void TerminalProgress::OnLevel(const crawl::LevelProgress& level) {
  std::string line = "issuegraph: level " + std::to_string(level.depth) + ": " +
                     std::to_string(level.nodes) + " items, " + std::to_string(level.edges) +
                     " links, " + std::to_string(level.requests) + " requests";
  if (level.next > 0) line += ", " + std::to_string(level.next) + " to fetch next";
  Draw(line);
}

void TerminalProgress::OnRequest(const http::RequestRecord& record) {
  if (verbosity_ != Verbosity::kVerbose) return;
  Clear();
  std::string line = "issuegraph: " + record.method + " " + KindOf(record.url) + " " +
                     (record.status == 0 ? std::string("failed") : std::to_string(record.status));
  if (record.graphql_cost >= 0) line += " points=" + std::to_string(record.graphql_cost);
  if (record.rate_remaining >= 0) line += " remaining=" + std::to_string(record.rate_remaining);
  line += " " + std::to_string(record.elapsed_ms) + " ms";
  std::fprintf(out_, "%s\n", line.c_str());
}

void TerminalProgress::OnWait(const http::WaitRecord& record) {
  if (verbosity_ == Verbosity::kQuiet) return;
  const std::time_t until = std::chrono::system_clock::to_time_t(record.until);
  std::tm local{};
  localtime_r(&until, &local);
  char clock[16];
  std::strftime(clock, sizeof clock, "%H:%M:%S", &local);
  const std::string line = "issuegraph: waiting " + std::to_string((record.wait.count() + 999) / 1000) +
                           " s for GitHub's " + record.reason + " (until " + clock + ")";
  if (live_) {
    Draw(line);
  } else if (verbosity_ == Verbosity::kVerbose) {
    std::fprintf(out_, "%s\n", line.c_str());
  }
}

}  // namespace issuegraph::cli
