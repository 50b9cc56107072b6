// One request and its answer, as every route of the server reads and
// writes them: the status for an error kind, JSON and HTML answers, the
// anonymous visitor cookie, the bot check, the same-site check for POSTs,
// and fields from a form or a JSON body; and the guard every answer passes
// (GuardAnswers). Thread-safe.
#pragma once

#include <httplib.h>

#include <atomic>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/error.h"
#include "serve/permalink.h"
#include "store/published.h"

namespace issuegraph::serve {

// An HTTP status for each error kind (the server's token failing is a 502,
// not the visitor's fault).
int StatusFor(ErrorKind kind);

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
// {"code": code, "message": message}: one sentence, a stable code.
void SendJsonError(httplib::Response& res, int status, std::string_view code, std::string_view message);
void SendHtml(httplib::Response& res, int status, const std::string& page);
// A Retry-After header, when `seconds` is positive.
void SetRetryAfter(httplib::Response& res, int seconds);
// One of a stored report's files as an attachment named for the issue;
// nothing for Download::kNone.
void SendDownload(httplib::Response& res, const store::PublishedReport& report, Download download);

// No User-Agent, or one that names a crawler, a bot or a command-line client.
bool IsBot(const httplib::Request& req);

// The anonymous visitor id of the request's cookie (32 hex digits), or a new
// one, set on the response.
std::string VisitorOf(const httplib::Request& req, httplib::Response& res);

// A POST must come from a page of this site: browsers say where a request
// comes from (Sec-Fetch-Site, Origin); a client that says nothing is not a
// browser carrying someone's cookie.
bool FromThisSite(const httplib::Request& req);

// On every answer of `http`: the Content-Security-Policy and the other
// security headers; POSTs from other sites refused; 503 while `stopping`
// (which must outlive `http`); errors and exceptions as clear answers.
void GuardAnswers(httplib::Server& http, const std::atomic<bool>& stopping);

// `name` from a JSON body when it is an object holding it, else from the
// form or query; "" when absent or not a string, boolean or integer.
std::string FormOrJsonField(const httplib::Request& req, const nlohmann::json& body, const std::string& name);

}  // namespace issuegraph::serve
