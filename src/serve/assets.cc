#include "serve/assets.h"

#include "render/html.h"

namespace issuegraph::serve {
namespace {

constexpr std::string_view kSiteCss = R"(
body { margin: 0; }
header.site { display: flex; align-items: center; gap: 1em; padding: .6em 24px;
  background: #f6f8fa; border-bottom: 1px solid #d1d9e0;
  font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
header.site a.home { font-weight: 600; color: #1f2328; text-decoration: none; }
header.site form { display: flex; flex: 1; gap: .4em; max-width: 640px; }
input[type=text], input[type=url] { flex: 1; padding: .35em .6em; border: 1px solid #d1d9e0;
  border-radius: 6px; font: inherit; min-width: 0; }
button, .button { padding: .35em .9em; border: 1px solid #d1d9e0; border-radius: 6px;
  background: #f6f8fa; color: #1f2328; font: inherit; cursor: pointer; text-decoration: none; }
button[aria-pressed=true] { background: #ddf4ff; border-color: #0969da; }
.site-main { max-width: 980px; margin: 0 auto; padding: 24px;
  font: 15px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.hero h1 { font-size: 1.7em; margin: .2em 0; }
.hero form { display: flex; gap: .5em; margin: 1em 0; }
.error { padding: .6em .8em; border-left: 4px solid #cf222e; background: #ffebe9; }
.tools { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; padding: .8em 0;
  border-bottom: 1px solid #d1d9e0; }
.tools .permalink { flex: 1; min-width: 12em; }
.panel { margin: 1.5em 0; }
.panel h2 { font-size: 1.2em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
.votes { display: flex; flex-wrap: wrap; gap: .5em; }
.votes form { margin: 0; }
.vote-count { margin-left: .4em; color: #59636e; }
.shared { color: #59636e; font-size: .9em; }
.shared code { background: #f6f8fa; padding: 0 .3em; border-radius: 4px; }
#progress dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
#progress dd { margin: 0; }
ol.reports li { margin: .3em 0; }
.graph-figure { margin: 1em 0; overflow-x: auto; }
.graph-figure svg { max-width: 100%; height: auto; }
.graph-figure a:hover rect, .graph-figure a:focus rect { stroke-width: 2.5; }
.muted { color: #59636e; }
)";

// No inline handlers, no eval: the Content-Security-Policy allows scripts
// from this server only. Element ids are documented in serve/pages.h.
constexpr std::string_view kSiteJs = R"(
'use strict';
(function () {
  function $(id) { return document.getElementById(id); }
  function text(id, value) { var el = $(id); if (el) el.textContent = value; }

  var copy = $('copy-link');
  if (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var url = new URL(copy.dataset.url, location.href).href;
      var done = function () { copy.textContent = 'Link copied'; };
      if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () {});
      else { var input = $('permalink'); if (input) { input.select(); document.execCommand('copy'); done(); } }
    });
  }

  var progress = $('progress');
  if (progress && progress.dataset.events && window.EventSource) {
    var source = new EventSource(progress.dataset.events);
    source.addEventListener('state', function (e) { text('progress-state', JSON.parse(e.data).state); });
    source.addEventListener('level', function (e) {
      var d = JSON.parse(e.data);
      text('progress-level', String(d.depth) + (d.next ? ' (next: ' + d.next + ' items)' : ''));
      text('progress-nodes', String(d.nodes));
      text('progress-requests', String(d.requests));
    });
    source.addEventListener('wait', function (e) {
      var d = JSON.parse(e.data);
      text('progress-wait', 'waiting ' + d.seconds + ' s for GitHub\'s ' + d.reason +
           ', until ' + new Date(d.until * 1000).toLocaleTimeString());
    });
    source.addEventListener('done', function () { source.close(); location.reload(); });
    source.addEventListener('failed', function (e) {
      source.close();
      var d = JSON.parse(e.data);
      text('progress-state', 'failed');
      text('progress-error', d.message);
      var box = $('progress-error'); if (box) box.hidden = false;
    });
  }

  var votes = document.querySelectorAll('form.vote');
  Array.prototype.forEach.call(votes, function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('button');
      var on = button.getAttribute('aria-pressed') !== 'true';
      fetch('/api/v1/votes', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ref: form.dataset.ref, signal: form.dataset.signal, vote: on })
      }).then(function (r) { return r.json(); }).then(function (d) {
        if (!d.counts) return;
        Array.prototype.forEach.call(votes, function (other) {
          var signal = other.dataset.signal;
          other.querySelector('.vote-count').textContent = String(d.counts[signal] || 0);
          other.querySelector('button').setAttribute('aria-pressed', d.mine.indexOf(signal) >= 0 ? 'true' : 'false');
        });
      });
    });
  });
})();
)";

}  // namespace

std::optional<Asset> FindAsset(std::string_view path) {
  if (path == "/static/site.css") return Asset{"text/css; charset=utf-8", kSiteCss};
  if (path == "/static/report.css") return Asset{"text/css; charset=utf-8", render::HtmlStyle()};
  if (path == "/static/site.js") return Asset{"text/javascript; charset=utf-8", kSiteJs};
  return std::nullopt;
}

}  // namespace issuegraph::serve
