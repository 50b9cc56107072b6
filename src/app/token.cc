#include "app/token.h"

#include <spawn.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <utility>
#include <vector>

extern char** environ;

namespace issuegraph::app {
namespace {

Result<Token> Checked(Token token) {
  for (unsigned char c : token.value) {
    if (c <= ' ' || c == 0x7f) {
      return MakeError(ErrorKind::kInvalidInput,
                       "the token from " + token.source +
                           " contains spaces or control characters; copy it again without them");
    }
  }
  return token;
}

// "host[:port]" of an http(s) URL.
std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  return std::string(url);
}

}  // namespace

std::string ProcessEnv(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

std::string GhAuthToken(const std::string& host) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return "";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::string gh = "gh", auth = "auth", token = "token", flag = "--hostname", name = host;
  std::array<char*, 6> argv = {gh.data(), auth.data(), token.data(), flag.data(), name.data(), nullptr};
  pid_t child = 0;
  // posix_spawnp searches PATH; an absent gh is an error here, not a crash.
  const int spawned = ::posix_spawnp(&child, "gh", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  std::string text;
  if (spawned == 0) {
    std::array<char, 512> buffer{};
    for (;;) {
      const ssize_t got = ::read(out[0], buffer.data(), buffer.size());
      if (got <= 0) break;
      if (text.size() < 4096) text.append(buffer.data(), static_cast<size_t>(got));
    }
  }
  ::close(out[0]);
  if (spawned != 0) return "";
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || text.size() >= 4096) return "";
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

Result<Token> FindToken(const IssueRef& ref, std::string_view api_url, std::string_view explicit_token,
                        const EnvReader& env, const GhTokenReader& gh) {
  const bool public_host = ref.host == kPublicHost;
  const bool custom_api_url = !api_url.empty();
  std::vector<Token> candidates = {{std::string(explicit_token), "--token"}};
  if (public_host || custom_api_url) {
    // gh's order: GH_TOKEN first.
    candidates.push_back({env("GH_TOKEN"), "GH_TOKEN"});
    candidates.push_back({env("GITHUB_TOKEN"), "GITHUB_TOKEN"});
  }
  if (!public_host) candidates.push_back({env("GH_ENTERPRISE_TOKEN"), "GH_ENTERPRISE_TOKEN"});
  for (auto& candidate : candidates) {
    if (!candidate.value.empty()) return Checked(std::move(candidate));
  }
  // gh keeps one token per host: the one for the host the requests go to.
  Token from_gh{gh(custom_api_url ? HostOf(api_url) : ref.host), "gh auth token"};
  if (!from_gh.value.empty()) return Checked(std::move(from_gh));
  return Token{};
}

Result<std::string> ChooseToken(const IssueRef& ref, bool custom_api_url, std::string_view explicit_token,
                                const EnvReader& env) {
  // Any non-empty text stands for "an API of its own"; gh is not asked.
  auto token = FindToken(ref, custom_api_url ? "api" : "", explicit_token, env, NoGh);
  if (!token) return std::unexpected(token.error());
  return std::move(token->value);
}

std::string WithDefaultHost(const std::string& input, const EnvReader& env) {
  const std::string host = env("GH_HOST");
  if (host.empty() || host == kPublicHost) return input;
  // A URL names its own host; only OWNER/REPO#N takes GH_HOST's.
  auto ref = ParseIssueRef(input, host);
  if (!ref || std::count(input.begin(), input.end(), '/') != 1) return input;
  return ref->HtmlUrl();
}

}  // namespace issuegraph::app
