#include "github/rest_json.h"

namespace issuegraph::github {

using nlohmann::json;

std::string JsonString(const json& object, std::string_view key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

namespace {

std::string Login(const json& object, std::string_view key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it == object.end() ? "" : JsonString(*it, "login");
}

std::string IdText(const json& object) {
  if (!object.is_object()) return "";
  auto it = object.find("id");
  if (it == object.end()) return "";
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_string()) return it->get<std::string>();
  return "";
}

}  // namespace

std::optional<std::pair<std::string, std::string>> RepoFromApiUrl(std::string_view url) {
  size_t at = url.find("/repos/");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(at + 7);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view owner = rest.substr(0, slash);
  rest = rest.substr(slash + 1);
  std::string_view repo = rest.substr(0, rest.find_first_of("/?#"));
  if (!IsValidOwner(owner) || !IsValidRepoName(repo)) return std::nullopt;
  return std::make_pair(std::string(owner), std::string(repo));
}

std::optional<IssueRef> RefFromIssueJson(const json& issue, std::string_view web_host) {
  if (!issue.is_object() || !issue.contains("number") || !issue["number"].is_number_integer()) {
    return std::nullopt;
  }
  IssueRef ref;
  ref.host = std::string(web_host);
  ref.number = issue["number"].get<int64_t>();
  // Prefer the repository object, then repository_url; never the html_url's
  // host, which may differ from the API's (Enterprise, tests).
  if (auto it = issue.find("repository"); it != issue.end() && it->is_object()) {
    std::string full = JsonString(*it, "full_name");
    if (size_t slash = full.find('/'); slash != std::string::npos) {
      ref.owner = full.substr(0, slash);
      ref.repo = full.substr(slash + 1);
    }
  }
  if (ref.owner.empty()) {
    auto repo = RepoFromApiUrl(JsonString(issue, "repository_url") + "/");
    if (!repo) repo = RepoFromApiUrl(JsonString(issue, "url"));
    if (!repo) return std::nullopt;
    ref.owner = repo->first;
    ref.repo = repo->second;
  }
  if (!IsValidOwner(ref.owner) || !IsValidRepoName(ref.repo)) return std::nullopt;
  return ref;
}

Result<Node> NodeFromIssueJson(const json& issue, std::string_view web_host, const IssueRef& fallback) {
  if (!issue.is_object() || !issue.contains("number")) {
    return MakeError(ErrorKind::kProtocol,
                     "GitHub's answer for " + fallback.Text() + " is not an issue object");
  }
  Node node;
  node.ref = RefFromIssueJson(issue, web_host).value_or(fallback);
  node.title = JsonString(issue, "title");
  node.body = JsonString(issue, "body");
  node.state = JsonString(issue, "state") == "closed" ? NodeState::kClosed : NodeState::kOpen;
  node.state_reason = JsonString(issue, "state_reason");
  node.author = Login(issue, "user");
  node.author_association = JsonString(issue, "author_association");
  if (auto it = issue.find("labels"); it != issue.end() && it->is_array()) {
    for (const auto& label : *it) {
      std::string name = label.is_string() ? label.get<std::string>() : JsonString(label, "name");
      if (!name.empty()) node.labels.push_back(name);
    }
  }
  node.created_at = JsonString(issue, "created_at");
  node.updated_at = JsonString(issue, "updated_at");
  node.closed_at = JsonString(issue, "closed_at");
  if (auto it = issue.find("comments"); it != issue.end() && it->is_number_integer()) {
    node.comment_count = it->get<int64_t>();
  }
  if (auto it = issue.find("pull_request"); it != issue.end() && it->is_object()) {
    node.type = NodeType::kPull;
    node.merged_at = JsonString(*it, "merged_at");
    node.merged = !node.merged_at.empty();
    if (node.merged) node.state = NodeState::kMerged;
  }
  if (auto it = issue.find("draft"); it != issue.end() && it->is_boolean()) node.draft = it->get<bool>();
  // The public page, on the web host, whatever host the API answered from.
  node.url = "https://" + node.ref.host + "/" + node.ref.owner + "/" + node.ref.repo +
             (node.type == NodeType::kPull ? "/pull/" : "/issues/") + std::to_string(node.ref.number);
  return node;
}

void AddTimelineEntry(const json& entry, std::string_view web_host, Node& node) {
  if (!entry.is_object()) return;
  const std::string type = JsonString(entry, "event");
  if (type == "commented") {
    Comment comment;
    comment.id = IdText(entry);
    comment.author = Login(entry, "user");
    if (comment.author.empty()) comment.author = Login(entry, "actor");
    comment.author_association = JsonString(entry, "author_association");
    comment.created_at = JsonString(entry, "created_at");
    comment.body = JsonString(entry, "body");
    comment.url = JsonString(entry, "html_url");
    if (comment.url.empty()) comment.url = node.url + "#issuecomment-" + comment.id;
    node.comments.push_back(std::move(comment));
    return;
  }
  if (type.empty()) return;
  Event event;
  event.type = type;
  event.id = IdText(entry);
  event.actor = Login(entry, "actor");
  event.created_at = JsonString(entry, "created_at");
  event.commit_id = JsonString(entry, "commit_id");
  if (type == "cross-referenced") {
    if (auto source = entry.find("source"); source != entry.end() && source->is_object()) {
      if (auto issue = source->find("issue"); issue != source->end()) {
        event.other = RefFromIssueJson(*issue, web_host);
      }
    }
  }
  node.events.push_back(std::move(event));
}

void AddPullJson(const json& pull, Node& node) {
  if (!pull.is_object()) return;
  node.type = NodeType::kPull;
  if (auto it = pull.find("merged"); it != pull.end() && it->is_boolean()) node.merged = it->get<bool>();
  std::string merged_at = JsonString(pull, "merged_at");
  if (!merged_at.empty()) {
    node.merged_at = merged_at;
    node.merged = true;
  }
  if (node.merged) node.state = NodeState::kMerged;
  if (auto it = pull.find("draft"); it != pull.end() && it->is_boolean()) node.draft = it->get<bool>();
  if (auto it = pull.find("base"); it != pull.end()) node.base = JsonString(*it, "ref");
  if (auto it = pull.find("head"); it != pull.end()) node.head = JsonString(*it, "ref");
}

}  // namespace issuegraph::github
