// The site's HTML pages, built on the server: readable with no script (the
// one script, /static/site.js, adds live progress, copy-link and votes
// without a reload). Every issue text is escaped (render/html_escape) and
// only http(s) links are made. Pure; thread-safe.
//
// Stable hooks for browser tests and benchmarks:
//   every page   header.site, a.home, #search-form (#search-url), main.site-main
//   home         #paste-form, #paste-url, #paste-submit, #paste-error,
//                ol#recent and ol#trending of li > a.report-link
//   report       #report-tools, #permalink (input), #copy-link (button,
//                data-url; hidden until the script runs), #download-md,
//                #download-json, #download-archive, a.depth-link,
//                #refresh-link, #report (the report: render/html's
//                sections keep their ids: #linked_pulls, #error_messages,
//                #graph, #original, ...), #feedback with form.vote
//                (data-signal, data-ref) > button.vote-button[aria-pressed]
//                > span.vote-count, #related with li.related >
//                a.report-link and .shared
//   progress     #progress (data-job, data-events), #progress-state,
//                #progress-level, #progress-nodes, #progress-requests,
//                #progress-wait, #progress-error
//   error        #error (data-code)
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/published.h"

namespace issuegraph::serve {

struct ListedReport {
  std::string title;
  std::string ref_text;   // OWNER/REPO#N
  std::string permalink;
  std::string note;       // "closed · 3 votes", shared words, ...
};

std::string HomePage(const std::vector<ListedReport>& recent, const std::vector<ListedReport>& trending,
                     std::string_view input = "", std::string_view error = "");

struct ReportPageView {
  const store::PublishedReport* report = nullptr;
  std::string permalink;
  std::map<std::string, int64_t> counts;  // per signal
  std::set<std::string> mine;             // signals this visitor voted for
  std::vector<ListedReport> related;
  std::vector<int> depths;                // offered as ?depth= links
  int64_t now = 0;                        // for "made N minutes ago"
};
std::string ReportPage(const ReportPageView& view);

struct ProgressPageView {
  std::string ref_text;
  std::string job_id;
  std::string state;
  int depth = 1;
};
std::string ProgressPage(const ProgressPageView& view);

std::string ErrorPage(std::string_view code, std::string_view message);

// How a published report's issue is named in a vote form and the API:
// OWNER/REPO#N, or the URL off github.com.
std::string PublishedRefText(const store::PublishedReport& report);

}  // namespace issuegraph::serve
