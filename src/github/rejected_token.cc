#include "github/rejected_token.h"

namespace issuegraph::github {

std::string RejectedToken(std::string_view source, std::string_view detail) {
  std::string text = "GitHub rejected the token";
  if (!source.empty()) text += " from " + std::string(source);
  text += " (401";
  if (!detail.empty()) text += " " + std::string(detail);
  text += "); ";
  if (source == "--token") {
    text += "check the value given to --token";
  } else if (source == "gh auth token") {
    text += "run `gh auth login` again, or set GH_TOKEN";
  } else if (!source.empty()) {
    text += "renew " + std::string(source) + ", or unset it for public repositories";
  } else {
    text += "check --token, GH_TOKEN or GITHUB_TOKEN, or unset them for public repositories";
  }
  return text;
}

}  // namespace issuegraph::github
