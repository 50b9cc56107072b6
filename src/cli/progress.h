// The crawl's progress on the terminal: one stderr line, rewritten in place
// after each BFS level and each rate-limit wait, shown only when stderr is
// a terminal and cleared before anything else is printed; and with -v one
// line per HTTP request (kind, status, points, time). Used from the
// crawling thread only.
#pragma once

#include <cstdio>
#include <string>

#include "crawl/progress.h"
#include "http/observer.h"

namespace issuegraph::cli {

enum class Verbosity { kQuiet, kNormal, kVerbose };

class TerminalProgress : public http::Observer {
 public:
  // `live`: draw the progress line (stderr is a terminal, not quiet).
  TerminalProgress(std::FILE* out, bool live, Verbosity verbosity)
      : out_(out), live_(live), verbosity_(verbosity) {}
  ~TerminalProgress() override { Clear(); }

  void OnLevel(const crawl::LevelProgress& level);
  void OnRequest(const http::RequestRecord& record) override;
  void OnWait(const http::WaitRecord& record) override;
  // Removes the progress line, if drawn.
  void Clear();

  // "graphql", "timeline", "issue", ... from a request URL.
  static std::string KindOf(const std::string& url);

 private:
  void Draw(const std::string& line);

  std::FILE* out_;
  bool live_;
  Verbosity verbosity_;
  bool drawn_ = false;
};

}  // namespace issuegraph::cli
