#include "serve/pages.h"

#include "render/html_escape.h"
#include "serve/permalink.h"
#include "store/feedback.h"

namespace issuegraph::serve {
namespace {

using render::EscapeHtml;

std::string Layout(std::string_view title, const std::string& body, std::string_view head_extra = "") {
  std::string out;
  out.reserve(body.size() + 2048);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml(title) + "</title>\n";
  out += "<link rel=\"stylesheet\" href=\"/static/report.css\">\n";
  out += "<link rel=\"stylesheet\" href=\"/static/site.css\">\n";
  out += "<script src=\"/static/site.js\" defer></script>\n";
  out += head_extra;
  out += "</head>\n<body>\n<header class=\"site\"><a class=\"home\" href=\"/\">issuegraph</a>";
  out += "<form id=\"search-form\" method=\"get\" action=\"/go\">"
         "<input id=\"search-url\" type=\"text\" name=\"url\" "
         "placeholder=\"https://github.com/OWNER/REPO/issues/N\" aria-label=\"Issue URL\">"
         "<button type=\"submit\">Report</button></form></header>\n";
  out += "<main class=\"site-main\">\n" + body + "</main>\n</body>\n</html>\n";
  return out;
}

std::string ReportList(std::string_view id, const std::vector<ListedReport>& reports,
                       std::string_view empty) {
  if (reports.empty()) return "<p class=\"muted\" id=\"" + std::string(id) + "\">" + std::string(empty) + "</p>\n";
  std::string out = "<ol class=\"reports\" id=\"" + std::string(id) + "\">\n";
  for (const auto& report : reports) {
    out += "<li class=\"related\"><a class=\"report-link\" href=\"" + EscapeHtml(report.permalink) +
           "\">" + EscapeHtml(report.title.empty() ? report.ref_text : report.title) + "</a> <span class=\"muted\">" +
           EscapeHtml(report.ref_text) + "</span>";
    if (!report.note.empty()) out += " <span class=\"shared\">" + EscapeHtml(report.note) + "</span>";
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string Age(int64_t seconds) {
  if (seconds < 90) return "just now";
  if (seconds < 90 * 60) return std::to_string(seconds / 60) + " minutes ago";
  if (seconds < 36 * 3600) return std::to_string(seconds / 3600) + " hours ago";
  return std::to_string(seconds / 86400) + " days ago";
}

std::string Feedback(const ReportPageView& view) {
  const std::string ref = PublishedRefText(*view.report);
  std::string out =
      "<section class=\"panel\" id=\"feedback\">\n<h2>Quick feedback</h2>\n"
      "<p class=\"muted\">Did this report help? One vote per signal; press again to take it back.</p>\n"
      "<div class=\"votes\">\n";
  for (const store::Signal& signal : store::kSignals) {
    const std::string name(signal.name);
    const bool pressed = view.mine.contains(name);
    auto count = view.counts.find(name);
    out += "<form class=\"vote\" method=\"post\" action=\"/feedback\" data-signal=\"" + name +
           "\" data-ref=\"" + EscapeHtml(ref) + "\">"
           "<input type=\"hidden\" name=\"ref\" value=\"" + EscapeHtml(ref) + "\">"
           "<input type=\"hidden\" name=\"signal\" value=\"" + name + "\">"
           "<input type=\"hidden\" name=\"vote\" value=\"" + (pressed ? "0" : "1") + "\">"
           "<button class=\"vote-button\" type=\"submit\" aria-pressed=\"" + (pressed ? "true" : "false") +
           "\">" + EscapeHtml(signal.label) + "<span class=\"vote-count\">" +
           std::to_string(count == view.counts.end() ? 0 : count->second) + "</span></button></form>\n";
  }
  return out + "</div>\n</section>\n";
}

}  // namespace

std::string PublishedRefText(const store::PublishedReport& report) {
  return (report.ref.host == kPublicHost ? "" : "https://" + report.ref.host + "/") +
         (report.ref.host == kPublicHost
              ? report.ref.Text()
              : report.ref.owner + "/" + report.ref.repo + "/issues/" + std::to_string(report.ref.number));
}

std::string HomePage(const std::vector<ListedReport>& recent, const std::vector<ListedReport>& trending,
                     std::string_view input, std::string_view error) {
  std::string body =
"<section class=\"hero\">\n<h1>The whole story of a GitHub issue</h1>\n"
         "<p>An issue or pull request, everything linked to it (body, comments, timeline), and one "
         "report: status, linked pull requests, error messages, root cause, fixes and workarounds, "
         "each line traced to its source.</p>\n"
         "<label for=\"paste-url\">Paste a GitHub issue or pull request URL</label>\n"
         "<form id=\"paste-form\" method=\"get\" action=\"/go\">"
         "<input id=\"paste-url\" type=\"text\" name=\"url\" required value=\"" +
         EscapeHtml(input) +
         "\" placeholder=\"https://github.com/OWNER/REPO/issues/N or OWNER/REPO#N\">"
         "<button id=\"paste-submit\" type=\"submit\">Make the report</button></form>\n";
  if (!error.empty()) body += "<p class=\"error\" id=\"paste-error\">" + EscapeHtml(error) + "</p>\n";
  body += "</section>\n";
  body += "<section class=\"panel\"><h2>Trending</h2>\n" +
          ReportList("trending", trending, "Nothing trending yet.") + "</section>\n";
  body += "<section class=\"panel\"><h2>Recent reports</h2>\n" +
          ReportList("recent", recent, "No reports yet: paste the first one.") + "</section>\n";
  return Layout("issuegraph: GitHub issue reports", body);
}

std::string ReportPage(const ReportPageView& view) {
  const store::PublishedReport& report = *view.report;
  const std::string& link = view.permalink;
  std::string body = "<nav class=\"tools\" id=\"report-tools\">\n";
  body += "<input class=\"permalink\" id=\"permalink\" type=\"text\" readonly value=\"" +
          EscapeHtml(link) + "\" aria-label=\"Permalink\">";
  body += "<button id=\"copy-link\" type=\"button\" hidden data-url=\"" + EscapeHtml(link) +
          "\">Copy link</button>";
  const std::string depth = report.depth == 1 ? "" : "?depth=" + std::to_string(report.depth);
  body += "<a class=\"button\" id=\"download-md\" href=\"" + EscapeHtml(link) + ".md" + depth +
          "\" download>Markdown</a>";
  body += "<a class=\"button\" id=\"download-json\" href=\"" + EscapeHtml(link) + ".json" + depth +
          "\" download>JSON</a>";
  body += "<a class=\"button\" id=\"download-archive\" href=\"" + EscapeHtml(link) + ".archive.json" +
          depth + "\" download>Archive</a>";
  body += "<span class=\"muted\">depth:";
  for (int d : view.depths) {
    body += d == report.depth ? " <strong>" + std::to_string(d) + "</strong>"
                              : " <a class=\"depth-link\" href=\"" + EscapeHtml(link) + "?depth=" +
                                    std::to_string(d) + "\">" + std::to_string(d) + "</a>";
  }
  body += "</span>";
  body += "<a class=\"muted\" id=\"refresh-link\" href=\"" + EscapeHtml(link) + "?refresh=1" +
          (report.depth == 1 ? "" : "&amp;depth=" + std::to_string(report.depth)) + "\">refresh</a>";
  body += "<span class=\"muted\">made " + Age(view.now - report.created_at) + "</span>\n</nav>\n";
  body += "<div id=\"report\">\n" + report.html + "</div>\n";
  body += Feedback(view);
  body += "<section class=\"panel\" id=\"related\">\n<h2>Related reports</h2>\n" +
          ReportList("related-list", view.related, "No related report yet.") + "</section>\n";
  const std::string title = report.title.empty() ? PublishedRefText(report) : report.title;
  return Layout(title + " (" + report.ref.Text() + ")", body);
}

std::string ProgressPage(const ProgressPageView& view) {
  const std::string events = "/api/v1/jobs/" + view.job_id + "/events";
  std::string body = "<section id=\"progress\" data-job=\"" + EscapeHtml(view.job_id) +
                     "\" data-events=\"" + EscapeHtml(events) + "\">\n";
  body += "<h1>Making the report of " + EscapeHtml(view.ref_text) + "</h1>\n";
  body += "<p class=\"muted\">Following links " + std::to_string(view.depth) +
          (view.depth == 1 ? " hop" : " hops") +
          " from the issue. The report appears here when it is ready; without scripts this page "
          "reloads itself every few seconds.</p>\n<dl>\n";
  body += "<dt>State</dt><dd id=\"progress-state\">" + EscapeHtml(view.state) + "</dd>\n";
  body += "<dt>Level</dt><dd id=\"progress-level\">—</dd>\n";
  body += "<dt>Items found</dt><dd id=\"progress-nodes\">—</dd>\n";
  body += "<dt>Requests</dt><dd id=\"progress-requests\">—</dd>\n";
  body += "<dt>Rate limit</dt><dd id=\"progress-wait\">no wait</dd>\n</dl>\n";
  body += "<p class=\"error\" id=\"progress-error\" hidden></p>\n</section>\n";
  // A refresh in <noscript> is markup, not script: the CSP allows it, and
  // a reader with scripts gets the live view instead.
  return Layout("Making the report of " + view.ref_text, body,
                "<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>\n");
}

std::string ErrorPage(std::string_view code, std::string_view message) {
  std::string body = "<section id=\"error\" data-code=\"" + EscapeHtml(code) + "\">\n<h1>No report</h1>\n";
  body += "<p class=\"error\">" + EscapeHtml(message) + "</p>\n";
  body += "<p><a href=\"/\">Paste another issue</a></p>\n</section>\n";
  return Layout("issuegraph: no report", body);
}

}  // namespace issuegraph::serve
