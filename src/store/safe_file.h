// Writing an output file the user named (-o, export) whole or not at all,
// without trusting what the path is: a regular file (or a new one) is
// replaced through a temporary file with a random name, created exclusively
// beside it, keeping the old file's mode; a symbolic link has its target
// replaced, not the link; a device, FIFO or socket is written through as it
// is. A full disk, a missing directory or a refused write is kIo with one
// sentence. Reading one is bounded in size. Thread-compatible (writing
// reads the umask).
#pragma once

#include <string>
#include <string_view>

#include "model/error.h"

namespace issuegraph::store {

// `what` names the file in a message ("the report", "the archive");
// `advice` is the way out appended to it.
Result<void> WriteWholeFile(const std::string& path, std::string_view text, std::string_view what,
                            std::string_view advice);

// Reads a whole file the user named, up to `max_bytes`: a larger one (or an
// endless one, such as /dev/zero) is kIo, named with `what` and `advice`.
Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes, std::string_view what,
                                  std::string_view advice);

}  // namespace issuegraph::store
