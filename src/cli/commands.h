// The command line: one table of subcommands drives dispatch and --help, and
// errors become documented exit codes in one place (README, "Exit codes").
// Only this layer prints or chooses the process's exit code.
#pragma once

#include "model/error.h"

namespace issuegraph::cli {

// Exit codes, documented in README.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,   // a bug: please report it
  kExitUsage = 2,      // bad arguments: URL, flag, token format
  kExitNotFound = 3,   // the issue does not exist, was deleted, is private, or is not cached (--offline)
  kExitAuth = 4,       // token rejected, or no access
  kExitRateLimit = 5,  // rate limit longer than --max-wait
  kExitNetwork = 6,    // GitHub unreachable or answering errors
  kExitIo = 7,         // a local file (output, cache, archive) cannot be read or written
};

int ExitCodeFor(ErrorKind kind);

int Main(int argc, char** argv);

}  // namespace issuegraph::cli
