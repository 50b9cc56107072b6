// RestSource reads issues and pulls through GitHub's REST API: the issue,
// every timeline page (which carries the comments too), pull details, sub-
// issues, and the pulls behind closing commits. Requests of one BFS level go
// out together through http::Client, which bounds concurrency. Not
// thread-safe; one per crawl.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crawl/source.h"
#include "github/api_location.h"
#include "http/client.h"

namespace issuegraph::github {

struct RestOptions {
  ApiLocation api;
  std::string web_host{kPublicHost};
  bool have_token = false;  // only to word "not found" helpfully
  std::string token_source;  // where the token came from, to word a 401
  int per_page = 100;       // GitHub's maximum
};

class RestSource : public crawl::Source {
 public:
  RestSource(http::Client& client, RestOptions options);

  std::vector<Result<Node>> Fetch(const std::vector<crawl::FetchRequest>& batch) override;
  void AddStats(CrawlStats& stats) const override;

 private:
  struct Page {
    Result<nlohmann::json> json;
    std::string next;  // Link rel="next", same origin only
  };
  // GETs the URLs together, following same-origin redirects (moved
  // repositories, transferred issues) a few hops.
  std::vector<Result<http::Response>> GetFollowing(const std::vector<std::string>& urls);
  std::vector<Page> GetPages(const std::vector<std::string>& urls);
  Error StatusError(const http::Response& response, const IssueRef& ref) const;
  std::string RepoUrl(const IssueRef& ref) const;
  // Reads every page of each list, in parallel across lists.
  // Every page of each list; `cut`, when given, says which lists had more
  // pages than the limit allows.
  std::vector<Result<std::vector<nlohmann::json>>> GetLists(const std::vector<std::string>& first_urls,
                                                            std::vector<bool>* cut = nullptr);
  void ResolveCommits(std::vector<Node*>& nodes, std::map<std::string, IssueRef>& commit_pulls);

  http::Client& client_;
  RestOptions options_;
  // Issue payloads carried inside cross-reference events: a leaf node that
  // arrived this way costs no request of its own.
  std::map<std::string, nlohmann::json> carried_;
  std::set<std::string> forbidden_repos_;  // repo keys that answered 403
  std::map<std::string, int64_t> requests_by_kind_;
  std::vector<std::string> truncated_;  // "key: list (how much was read)"
};

}  // namespace issuegraph::github
