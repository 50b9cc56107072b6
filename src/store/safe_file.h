// Writing an output file the user named (-o, export) whole or not at all,
// without trusting what the path is: a regular file (or a new one) is
// replaced through a temporary file with a random name, created exclusively
// beside it, keeping the old file's mode; a symbolic link has its target
// replaced, not the link; a device, FIFO or socket is written through as it
// is. A full disk, a missing directory or a refused write is kIo with one
// sentence. Thread-compatible (it reads the umask).
#pragma once

#include <string>
#include <string_view>

#include "model/error.h"

namespace issuegraph::store {

// `what` names the file in a message ("the report", "the archive");
// `advice` is the way out appended to it.
Result<void> WriteWholeFile(const std::string& path, std::string_view text, std::string_view what,
                            std::string_view advice);

}  // namespace issuegraph::store
