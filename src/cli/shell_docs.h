// Shell completions (bash, zsh, fish) and the man page, generated from the
// same CLI11 command table that drives dispatch and --help, so none of them
// can name a command or flag the binary does not have. Pure: reads the
// built CLI::App, returns text.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace issuegraph::cli {

// "bash", "zsh" or "fish"; the script to source (or install) for it.
std::string Completion(const CLI::App& app, std::string_view shell);

// The man page, section 1, in roff (man(7) macros).
std::string ManPage(const CLI::App& app, std::string_view version);

}  // namespace issuegraph::cli
