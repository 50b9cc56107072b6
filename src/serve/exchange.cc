#include "serve/exchange.h"

#include <algorithm>
#include <cctype>

#include "app/random_id.h"
#include "model/ascii.h"
#include "serve/jobs.h"
#include "serve/pages.h"

namespace issuegraph::serve {

using nlohmann::json;

namespace {

// Scripts only from this server, no inline script or style, no framing,
// forms and fetches to this server only.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

}  // namespace

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidInput: return 400;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kGone: return 410;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kRateLimited: return 503;
    case ErrorKind::kUnauthorized:  // the server's token, not the visitor's fault
    case ErrorKind::kNetwork:
    case ErrorKind::kServer:
    case ErrorKind::kProtocol: return 502;
    case ErrorKind::kIo:
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n",
                  "application/json; charset=utf-8");
}

void SendJsonError(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  SendJson(res, status, {{"code", code}, {"message", message}});
}

void SendHtml(httplib::Response& res, int status, const std::string& page) {
  res.status = status;
  res.set_content(page, "text/html; charset=utf-8");
}

bool IsBot(const httplib::Request& req) {
  std::string agent = LowerAscii(req.get_header_value("User-Agent"));
  if (agent.empty()) return true;
  for (std::string_view word : {"bot", "crawler", "spider", "slurp", "headless", "curl/", "wget",
                                "python-requests", "httpclient", "preview", "monitor"}) {
    if (agent.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string VisitorOf(const httplib::Request& req, httplib::Response& res) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string prefix = "ig_visitor=";
  for (size_t at = 0; at < cookies.size();) {
    size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    std::string_view cookie(cookies.data() + at, end - at);
    while (!cookie.empty() && cookie.front() == ' ') cookie.remove_prefix(1);
    if (cookie.starts_with(prefix)) {
      std::string_view id = cookie.substr(prefix.size());
      if (id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
          })) {
        return std::string(id);
      }
    }
    at = end + 1;
  }
  std::string id = app::RandomId();
  res.set_header("Set-Cookie", prefix + id + "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax");
  return id;
}

bool FromThisSite(const httplib::Request& req) {
  const std::string site = req.get_header_value("Sec-Fetch-Site");
  if (!site.empty() && site != "same-origin" && site != "none") return false;
  // A browser's own word: with Referrer-Policy no-referrer, a form posted
  // from our page carries "Origin: null", but Sec-Fetch-Site still says it
  // came from this origin, and no other site can set it.
  if (site == "same-origin") return true;
  const std::string origin = req.get_header_value("Origin");
  if (origin.empty()) return true;
  const size_t scheme = origin.find("://");
  if (scheme == std::string::npos) return false;  // "null" and the like
  return LowerAscii(origin.substr(scheme + 3)) == LowerAscii(req.get_header_value("Host"));
}

std::string FormOrJsonField(const httplib::Request& req, const json& body, const std::string& name) {
  if (body.is_object() && body.contains(name)) {
    const json& value = body[name];
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "1" : "0";
    if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
    return "";
  }
  return req.has_param(name) ? req.get_param_value(name) : "";
}

void SetRetryAfter(httplib::Response& res, int seconds) {
  if (seconds > 0) res.set_header("Retry-After", std::to_string(seconds));
}

void SendDownload(httplib::Response& res, const store::PublishedReport& report, Download download) {
  const std::string name = report.ref.owner + "-" + report.ref.repo + "-" + std::to_string(report.ref.number);
  switch (download) {
    case Download::kMarkdown:
      res.set_content(report.markdown, "text/markdown; charset=utf-8");
      break;
    case Download::kJson:
      res.set_content(report.json, "application/json; charset=utf-8");
      break;
    case Download::kArchive:
      res.set_content(report.archive, "application/json; charset=utf-8");
      break;
    case Download::kNone:
      return;
  }
  res.set_header("Content-Disposition",
                 "attachment; filename=\"" + name + std::string(DownloadSuffix(download)) + "\"");
}

void GuardAnswers(httplib::Server& http, const std::atomic<bool>& stopping) {
  http.set_pre_routing_handler([&stopping](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    if (req.method == "POST" && !FromThisSite(req)) {
      SendJsonError(res, 403, "cross_site", "this request came from another site; post from this site's own pages");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (stopping && req.path != "/") {
      res.set_header("Retry-After", "5");
      SendJsonError(res, 503, "stopping", "the server is shutting down; try again soon");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendJsonError(res, 500, "internal", "the server failed on this request (a bug; please report it)");
  });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) {
      if (req.path.starts_with("/api/")) {
        SendJsonError(res, 404, "not_found", "no such API path; see the README's serve section");
      } else {
        SendHtml(res, 404, ErrorPage("not_found", "there is no page here"));
      }
    } else if (res.status == 413) {
      SendJsonError(res, 413, "payload_too_large", "the request body is too large");
    }
  });
}

}  // namespace issuegraph::serve
