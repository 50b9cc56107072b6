// The server's URLs for a report mirror GitHub's paths: /OWNER/REPO/issues/N
// and /OWNER/REPO/pull/N for github.com, /ghe/HOST/OWNER/REPO/issues/N for
// an Enterprise host; a download adds .md, .json or .archive.json. Pure;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/issue_ref.h"

namespace issuegraph::serve {

enum class Download { kNone, kMarkdown, kJson, kArchive };

struct PermalinkPath {
  IssueRef ref;
  bool pull = false;
  Download download = Download::kNone;
};

// "/OWNER/REPO/issues/N" (or "/pull/N"), under "/ghe/HOST" off github.com.
std::string Permalink(const IssueRef& ref, bool pull);
std::string_view DownloadSuffix(Download download);  // "", ".md", ".json", ".archive.json"

// Reads a permalink path (after `prefix`, "" for pages, "/api/v1/reports"
// for the API); nullopt when it is not one.
std::optional<PermalinkPath> ParsePermalink(std::string_view path, std::string_view prefix = "");

}  // namespace issuegraph::serve
