// Writes a whole file or nothing: the text goes to a temporary file beside
// the target, which is renamed over it only once complete.
#pragma once

#include <string>

#include "model/error.h"

namespace issuegraph::cli {

Result<void> WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace issuegraph::cli
