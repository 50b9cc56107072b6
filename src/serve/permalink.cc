#include "serve/permalink.h"
#include "model/ascii.h"

#include <array>
#include <charconv>
#include <vector>

namespace issuegraph::serve {

std::string Permalink(const IssueRef& ref, bool pull) {
  std::string path = ref.host == kPublicHost ? "" : "/ghe/" + ref.host;
  return path + "/" + ref.owner + "/" + ref.repo + (pull ? "/pull/" : "/issues/") +
         std::to_string(ref.number);
}

std::string_view DownloadSuffix(Download download) {
  switch (download) {
    case Download::kNone: return "";
    case Download::kMarkdown: return ".md";
    case Download::kJson: return ".json";
    case Download::kArchive: return ".archive.json";
  }
  return "";
}

std::optional<PermalinkPath> ParsePermalink(std::string_view path, std::string_view prefix) {
  if (!path.starts_with(prefix)) return std::nullopt;
  path.remove_prefix(prefix.size());
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() != '/') return std::nullopt;
    path.remove_prefix(1);
    size_t end = path.find('/');
    parts.push_back(path.substr(0, end));
    path = end == std::string_view::npos ? std::string_view() : path.substr(end);
  }
  PermalinkPath out;
  if (parts.size() == 6 && parts[0] == "ghe") {
    out.ref.host = LowerAscii(parts[1]);
    parts.erase(parts.begin(), parts.begin() + 2);
  }
  if (parts.size() != 4 || (parts[2] != "issues" && parts[2] != "pull")) return std::nullopt;
  out.pull = parts[2] == "pull";
  out.ref.owner = std::string(parts[0]);
  out.ref.repo = std::string(parts[1]);
  if (!IsValidOwner(out.ref.owner) || !IsValidRepoName(out.ref.repo)) return std::nullopt;
  std::string_view number = parts[3];
  // Longest suffix first: ".archive.json" also ends in ".json".
  for (Download download : {Download::kArchive, Download::kMarkdown, Download::kJson}) {
    if (number.ends_with(DownloadSuffix(download))) {
      number.remove_suffix(DownloadSuffix(download).size());
      out.download = download;
      break;
    }
  }
  const char* end = number.data() + number.size();
  auto [ptr, ec] = std::from_chars(number.data(), end, out.ref.number);
  if (number.empty() || ec != std::errc() || ptr != end || out.ref.number <= 0) return std::nullopt;
  return out;
}

}  // namespace issuegraph::serve
