// GitHub REST payloads (issue, timeline event, pull) read into model values.
// Tolerant of what GitHub leaves out or sets to null; a payload that is not
// the expected shape is a kProtocol error. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "model/graph.h"

namespace issuegraph::github {

// `web_host` is the host issue URLs are written with (github.com or the
// Enterprise host); `fallback` names the item when the payload does not.
Result<Node> NodeFromIssueJson(const nlohmann::json& issue, std::string_view web_host,
                               const IssueRef& fallback);

// The OWNER/REPO#N an issue payload describes (repository fields or URLs).
std::optional<IssueRef> RefFromIssueJson(const nlohmann::json& issue, std::string_view web_host);

// Adds what one timeline entry says to `node`: a comment, or an event.
void AddTimelineEntry(const nlohmann::json& entry, std::string_view web_host, Node& node);

// Reads merged/draft/base/head from a pull payload into `node`.
void AddPullJson(const nlohmann::json& pull, Node& node);

// The OWNER/REPO of an API URL like https://api/repos/OWNER/REPO/commits/SHA.
std::optional<std::pair<std::string, std::string>> RepoFromApiUrl(std::string_view url);

std::string JsonString(const nlohmann::json& object, std::string_view key);

}  // namespace issuegraph::github
