// IssueRef names one issue or pull request on one GitHub host. Parsing
// accepts the forms a user pastes (URLs, OWNER/REPO#N) and rejects anything
// else with a message; Key() is the canonical identity used everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/error.h"

namespace issuegraph {

inline constexpr std::string_view kPublicHost = "github.com";

struct IssueRef {
  std::string host{kPublicHost};  // web host: github.com or an Enterprise host
  std::string owner;
  std::string repo;
  int64_t number = 0;

  // "owner/repo#N" as written (case kept).
  std::string Text() const;
  // lower(owner)/lower(repo)#N: the identity of a node in a graph.
  std::string Key() const;
  // lower(owner)/lower(repo): the identity of a repository.
  std::string RepoKey() const;
  // https://HOST/OWNER/REPO/issues/N (GitHub redirects /issues/N to /pull/N).
  std::string HtmlUrl() const;

  bool SameRepo(const IssueRef& other) const { return RepoKey() == other.RepoKey(); }
  friend bool operator==(const IssueRef& a, const IssueRef& b) {
    return a.host == b.host && a.Key() == b.Key();
  }
};

// Accepts https://HOST/OWNER/REPO/issues/N and /pull/N (http too, trailing
// slash, #issuecomment-… anchors, ?query, /files and similar pull tabs),
// and OWNER/REPO#N (on `short_host`: github.com unless GH_HOST names
// another). Anything else is kInvalidInput.
Result<IssueRef> ParseIssueRef(std::string_view input, std::string_view short_host = kPublicHost);

// A reference from its parts as an API names them ("OWNER/REPO" and a
// number), checked by GitHub's rules for names; kInvalidInput otherwise.
Result<IssueRef> MakeIssueRef(std::string_view host, std::string_view owner_repo, int64_t number);

// Reads a key back as a reference on `host`, for formats that kept only
// keys (archives); the names come back lower-cased, as the key has them.
Result<IssueRef> RefFromKey(std::string_view key, std::string_view host);

// Parses "OWNER/REPO#N" only (the form used in world files and JSON output).
Result<IssueRef> ParseShortRef(std::string_view text, std::string_view host = kPublicHost);

// GitHub's rules for owner and repository names.
bool IsValidOwner(std::string_view owner);
bool IsValidRepoName(std::string_view repo);

}  // namespace issuegraph
