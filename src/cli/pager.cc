#include "cli/pager.h"

#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>

extern char** environ;

namespace issuegraph::cli {

namespace {

// Whether `program` is an executable file in a directory of PATH.
bool OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path == nullptr ? "/usr/bin:/bin" : path;
  while (!dirs.empty()) {
    const size_t colon = dirs.find(':');
    const std::string dir(dirs.substr(0, colon));
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return false;
}

}  // namespace

std::string PagerFor(std::string_view text) {
  if (::isatty(STDOUT_FILENO) != 1) return "";
  const char* pager = std::getenv("PAGER");
  // The default only where less is installed: a missing pager would
  // swallow the report.
  if (pager == nullptr && !OnPath("less")) return "";
  std::string command = pager == nullptr ? "less -FRX" : pager;
  if (command.empty() || command == "cat") return "";
  winsize size{};
  long rows = 0;
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) rows = size.ws_row;
  if (rows <= 0) {
    const char* lines = std::getenv("LINES");
    rows = lines != nullptr ? std::atol(lines) : 0;
  }
  if (rows <= 0) rows = 24;
  const auto line_count = static_cast<long>(std::count(text.begin(), text.end(), '\n'));
  return line_count >= rows ? command : "";
}

bool Page(const std::string& command, std::string_view text) {
  int input[2];
  if (::pipe(input) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, input[0]);
  posix_spawn_file_actions_addclose(&actions, input[1]);
  std::string sh = "sh", flag = "-c", line = command;
  char* argv[] = {sh.data(), flag.data(), line.data(), nullptr};
  pid_t child = 0;
  const int spawned = ::posix_spawn(&child, "/bin/sh", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(input[0]);
  if (spawned != 0) {
    ::close(input[1]);
    return false;
  }
  // A reader who quits the pager early closes the pipe: that ends the
  // writing, not the process.
  auto* previous = std::signal(SIGPIPE, SIG_IGN);
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t wrote = ::write(input[1], text.data() + done, text.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) break;
    done += static_cast<size_t>(wrote);
  }
  ::close(input[1]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  std::signal(SIGPIPE, previous);
  return true;
}

}  // namespace issuegraph::cli
