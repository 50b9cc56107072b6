#include "model/issue_ref.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <vector>

#include "model/ascii.h"

namespace issuegraph {
namespace {

constexpr std::string_view kExpected =
    "expected https://github.com/OWNER/REPO/issues/N, .../pull/N or OWNER/REPO#N";

// What the user typed, as a message quotes it: at most 80 bytes (a pasted
// 100 KB line is not echoed back whole), control characters shown as '?'.
std::string Quoted(std::string_view input) {
  constexpr size_t kLongest = 80;
  std::string out = "'";
  for (size_t i = 0; i < input.size() && i < kLongest; ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    out += c < 0x20 || c == 0x7f ? '?' : input[i];
  }
  if (input.size() > kLongest) {
    // Never end inside a UTF-8 sequence.
    while (out.size() > 1 && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (out.size() > 1 && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    out += "…";
  }
  return out + "'";
}

Result<int64_t> ParseNumber(std::string_view digits, std::string_view input) {
  int64_t value = 0;
  const auto* end = digits.data() + digits.size();
  auto [ptr, ec] = std::from_chars(digits.data(), end, value);
  // Issue numbers are positive; GitHub's are far below 10^10.
  if (digits.empty() || ec != std::errc() || ptr != end || value <= 0 || value > 9'999'999'999) {
    return MakeError(ErrorKind::kInvalidInput,
                     Quoted(input) + " has no valid issue number; " + std::string(kExpected));
  }
  return value;
}

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool IsValidHost(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
  });
}

Result<IssueRef> Invalid(std::string_view input, std::string_view why) {
  return MakeError(ErrorKind::kInvalidInput,
                   Quoted(input) + " " + std::string(why) + "; " + std::string(kExpected));
}

Result<IssueRef> ParseUrl(std::string_view input, std::string_view rest) {
  // rest is "HOST/OWNER/REPO/(issues|pull)/N[/tab]" without scheme.
  if (size_t cut = rest.find_first_of("?#"); cut != std::string_view::npos) rest = rest.substr(0, cut);
  auto parts = SplitPath(rest);
  if (parts.size() < 5) return Invalid(input, "is not an issue or pull request URL");
  IssueRef ref;
  ref.host = LowerAscii(parts[0]);
  if (ref.host.starts_with("www.")) ref.host.erase(0, 4);
  if (!IsValidHost(ref.host)) return Invalid(input, "has an invalid host");
  if (size_t colon = ref.host.find(':'); colon != std::string::npos) {
    // github.com serves its pages on the standard port only; an Enterprise
    // host may name one, within range.
    const std::string_view port = std::string_view(ref.host).substr(colon + 1);
    int64_t value = 0;
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ref.host.substr(0, colon) == kPublicHost) return Invalid(input, "names a port, which github.com never uses");
    if (port.empty() || error != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535) {
      return Invalid(input, "has a port outside 1-65535");
    }
  }
  if (ref.host == "api.github.com") {
    return Invalid(input, "is an API URL, not the issue's page");
  }
  if (parts[3] != "issues" && parts[3] != "pull" && parts[3] != "pulls") {
    return Invalid(input, "is not an issue or pull request URL");
  }
  // Pull request tabs (files, commits, checks) still name the pull; issue
  // pages have no sub-pages.
  if (parts.size() > 6 || (parts.size() == 6 && parts[3] == "issues")) {
    return Invalid(input, "is not an issue or pull request URL");
  }
  ref.owner = std::string(parts[1]);
  ref.repo = std::string(parts[2]);
  if (ref.repo.ends_with(".git")) ref.repo.resize(ref.repo.size() - 4);
  if (!IsValidOwner(ref.owner) || !IsValidRepoName(ref.repo)) {
    return Invalid(input, "has an invalid owner or repository name");
  }
  auto number = ParseNumber(parts[4], input);
  if (!number) return std::unexpected(number.error());
  ref.number = *number;
  return ref;
}

}  // namespace

bool IsValidOwner(std::string_view owner) {
  if (owner.empty() || owner.size() > 39 || owner.front() == '-') return false;
  return std::all_of(owner.begin(), owner.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

bool IsValidRepoName(std::string_view repo) {
  if (repo.empty() || repo.size() > 100 || repo == "." || repo == "..") return false;
  return std::all_of(repo.begin(), repo.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

std::string IssueRef::Text() const { return owner + "/" + repo + "#" + std::to_string(number); }

std::string IssueRef::Key() const { return RepoKey() + "#" + std::to_string(number); }

std::string IssueRef::RepoKey() const { return LowerAscii(owner) + "/" + LowerAscii(repo); }

std::string IssueRef::HtmlUrl() const {
  return "https://" + host + "/" + owner + "/" + repo + "/issues/" + std::to_string(number);
}

Result<IssueRef> ParseShortRef(std::string_view text, std::string_view host) {
  size_t slash = text.find('/');
  size_t hash = text.find('#');
  if (slash == std::string_view::npos || hash == std::string_view::npos || hash < slash) {
    return Invalid(text, "is not a reference");
  }
  IssueRef ref;
  ref.host = std::string(host);
  ref.owner = std::string(text.substr(0, slash));
  ref.repo = std::string(text.substr(slash + 1, hash - slash - 1));
  if (!IsValidOwner(ref.owner) || !IsValidRepoName(ref.repo)) {
    return Invalid(text, "has an invalid owner or repository name");
  }
  auto number = ParseNumber(text.substr(hash + 1), text);
  if (!number) return std::unexpected(number.error());
  ref.number = *number;
  return ref;
}

Result<IssueRef> RefFromKey(std::string_view key, std::string_view host) { return ParseShortRef(key, host); }

Result<IssueRef> MakeIssueRef(std::string_view host, std::string_view owner_repo, int64_t number) {
  const size_t slash = owner_repo.find('/');
  IssueRef ref;
  ref.host = std::string(host);
  ref.owner = std::string(owner_repo.substr(0, slash));
  ref.repo = slash == std::string_view::npos ? "" : std::string(owner_repo.substr(slash + 1));
  ref.number = number;
  if (!IsValidOwner(ref.owner) || !IsValidRepoName(ref.repo) || number <= 0) {
    return Invalid(owner_repo, "is not a repository and issue number");
  }
  return ref;
}

Result<IssueRef> ParseIssueRef(std::string_view input, std::string_view short_host) {
  std::string_view text = input;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) {
    return MakeError(ErrorKind::kInvalidInput,
                     "no issue given; " + std::string(kExpected));
  }
  if (text.find_first_of(" \t\r\n") != std::string_view::npos) {
    return Invalid(input, "contains spaces");
  }
  for (std::string_view scheme : {"https://", "http://"}) {
    if (text.size() > scheme.size() && LowerAscii(text.substr(0, scheme.size())) == scheme) {
      return ParseUrl(input, text.substr(scheme.size()));
    }
  }
  if (text.find("://") != std::string_view::npos) return Invalid(input, "uses an unsupported scheme");
  // "github.com/o/r/issues/1" pasted without a scheme: owners never hold a dot.
  size_t first_slash = text.find('/');
  if (first_slash != std::string_view::npos && text.substr(0, first_slash).find('.') != std::string_view::npos) {
    return ParseUrl(input, text);
  }
  return ParseShortRef(text, short_host);
}

}  // namespace issuegraph
