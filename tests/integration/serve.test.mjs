// `issuegraph serve` against the fake GitHub: a report made through the
// job API with its progress seen over SSE, then served from the store
// without a request; fifty clients asking at once cause one crawl; pasted
// URLs that lead anywhere but github.com are refused before any request;
// every answer carries the security headers; hostile issue text never
// reaches a page unescaped.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { startFake, world } from './harness.mjs';
import { crawl, postJob, readEvents, startServe } from './serve_harness.mjs';

function assertSecurityHeaders(res, what) {
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/, what);
  assert.match(csp, /frame-ancestors 'none'/, what);
  assert.doesNotMatch(csp, /unsafe-inline/, what);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', what);
}

describe('serve', () => {
  test('a new report is crawled through the job API with progress events, then served from the store', async () => {
    const fake = await startFake(world('seedlike'));
    let server = await startServe(fake);
    try {
      const { job, events } = await crawl(server, 'https://github.com/lumen-dev/lumen/issues/120');
      assert.equal(job.permalink, '/lumen-dev/lumen/issues/120');
      const levels = events.filter((e) => e.type === 'level');
      assert.ok(levels.length >= 2, 'one event per BFS level');
      assert.equal(levels[0].data.depth, 0);
      assert.ok(levels.at(-1).data.nodes > 1 && levels.at(-1).data.requests > 0);
      assert.deepEqual(events.filter((e) => e.type === 'state').map((e) => e.data.state), ['queued', 'running']);

      const api = await (await fetch(`${server.url}/api/v1/reports/lumen-dev/lumen/issues/120`)).json();
      assert.equal(api.report.root, 'lumen-dev/lumen#120');
      assert.match(api.title, /lumen login --profile/);
      const md = await fetch(`${server.url}/lumen-dev/lumen/issues/120.md`);
      assert.equal(md.status, 200);
      assert.match(await md.text(), /^# /);
      const archive = await (await fetch(`${server.url}/lumen-dev/lumen/issues/120.archive.json`)).json();
      assert.equal(archive.format, 'issuegraph-archive');

      // A restarted server serves the stored report without asking GitHub.
      assert.equal(await server.stop(), 0, 'SIGTERM ends the server cleanly');
      server = await startServe(fake, { store: server.store });
      await fake.resetStats();
      const page = await fetch(`${server.url}/lumen-dev/lumen/issues/120`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /id="report"/);
      assert.match(html, /id="linked_pulls"/);
      assert.match(html, /id="feedback"/);
      assert.match(html, /<script src="\/static\/site\.js" defer><\/script>/);
      assertSecurityHeaders(page, 'report page');
      assert.equal((await fake.stats()).total, 0, 'a stored report costs no request');
      const home = await (await fetch(`${server.url}/`)).text();
      assert.match(home, /Paste a GitHub issue or pull request URL/);
      assert.match(home, /href="\/lumen-dev\/lumen\/issues\/120"/);
    } finally {
      await server.stop();
      await fake.stop();
    }
  });

  test('fifty clients asking for one uncrawled issue cause exactly one crawl', async () => {
    const fake = await startFake(world('seedlike'), ['--latency-ms', '30']);
    try {
      // What one crawl costs, on a store of its own.
      const alone = await startServe(fake);
      await crawl(alone, 'lumen-dev/lumen#120');
      await alone.stop();
      const once = (await fake.stats()).total;
      assert.ok(once > 0);
      await fake.resetStats();

      const server = await startServe(fake);
      try {
        const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
          postJob(server, { url: i % 2 ? 'lumen-dev/lumen#120' : 'https://github.com/lumen-dev/lumen/issues/120' })));
        const ids = new Set(answers.filter((a) => a.status === 202).map((a) => a.json.id));
        assert.ok(answers.every((a) => a.status === 202 || (a.status === 200 && a.json.stored)),
          JSON.stringify(answers.find((a) => a.status !== 202)));
        assert.equal(ids.size, 1, 'every client joined one job');
        await readEvents(server, [...ids][0]);
        assert.equal((await fake.stats()).total, once, 'the fake saw one crawl');
      } finally { await server.stop(); }
    } finally { await fake.stop(); }
  });

  test('URLs that lead off github.com are refused before any request', async () => {
    const fake = await startFake(world('seedlike'));
    const other = await startFake(world('seedlike'));
    const server = await startServe(fake);
    try {
      const port = new URL(other.url).port;
      const hostile = [
        `http://127.0.0.1:${port}/lumen-dev/lumen/issues/120`,
        'https://127.0.0.1/lumen-dev/lumen/issues/120',
        'https://2130706433/lumen-dev/lumen/issues/120',
        'https://[::1]/lumen-dev/lumen/issues/120',
        `https://github.com@127.0.0.1:${port}/lumen-dev/lumen/issues/120`,
        'https://user:secret@github.com/lumen-dev/lumen/issues/120',
        `https://github.com:${port}/lumen-dev/lumen/issues/120`,
        `http://localhost:${port}/lumen-dev/lumen/issues/120`,
        'https://evil.example/lumen-dev/lumen/issues/120',
        'https://github.com.evil.example/lumen-dev/lumen/issues/120',
        'javascript:alert(1)',
        'file:///etc/passwd',
        // Other spellings of an address, and of a user name before the host.
        'https://0x7f.1/lumen-dev/lumen/issues/120',
        'https://017700000001/lumen-dev/lumen/issues/120',
        'http://127.1/lumen-dev/lumen/issues/120',
        'https://[::ffff:127.0.0.1]/lumen-dev/lumen/issues/120',
        'github.com@evil.example/lumen-dev/lumen/issues/120',
        'https://github.com\\@evil.example/lumen-dev/lumen/issues/120',
        'https://github.com%40evil.example/lumen-dev/lumen/issues/120',
        'https://evil.example#@github.com/lumen-dev/lumen/issues/120',
        'https://evil.example?@github.com/lumen-dev/lumen/issues/120',
        'https://github.com:443/lumen-dev/lumen/issues/120',
        'https://github.com./lumen-dev/lumen/issues/120',
        'https://\uFF47ithub.com/lumen-dev/lumen/issues/120',
        'https://api.github.com/repos/lumen-dev/lumen/issues/120',
      ];
      for (const url of hostile) {
        const answer = await postJob(server, { url });
        assert.equal(answer.status, 400, url);
        assert.equal(answer.json.code, 'invalid_input', url);
        assert.match(answer.json.message, /github\.com|issue/, url);
        const page = await fetch(`${server.url}/go?url=${encodeURIComponent(url)}`, { redirect: 'manual' });
        assert.equal(page.status, 400, url);
        assert.match(await page.text(), /id="paste-error"/, url);
      }
      const ghe = await fetch(`${server.url}/ghe/127.0.0.1/lumen-dev/lumen/issues/120`);
      assert.equal(ghe.status, 400);
      const crossSite = await postJob(server, { url: 'lumen-dev/lumen#120' }, { Origin: 'https://evil.example' });
      assert.equal(crossSite.status, 403);
      assert.equal(crossSite.json.code, 'cross_site');
      assert.equal((await other.stats()).total, 0, 'the other server saw nothing');
      assert.equal((await fake.stats()).total, 0, 'nor did GitHub');
    } finally {
      await server.stop();
      await other.stop();
      await fake.stop();
    }
  });

  test('hostile issue text never reaches a page unescaped, and every answer has the security headers', async () => {
    const fake = await startFake(world('hostile'));
    const server = await startServe(fake);
    try {
      await crawl(server, 'hostile-org/sink#1');
      const res = await fetch(`${server.url}/hostile-org/sink/issues/1`);
      assert.equal(res.status, 200);
      assertSecurityHeaders(res, 'hostile report');
      const html = await res.text();
      assert.match(html, /&lt;script&gt;/, 'the text is shown, escaped');
      assert.doesNotMatch(html, /<script>/i);
      assert.doesNotMatch(html, /<script[^>]*>[^<]*alert/i);
      assert.doesNotMatch(html, /<img[^>]*onerror/i);
      assert.doesNotMatch(html, /<svg[^>]*onload/i);
      assert.doesNotMatch(html, /<iframe/i);
      assert.doesNotMatch(html, /href="\s*(javascript|data):/i);
      assert.doesNotMatch(html, /\son\w+="alert/i);
      // Every script the page loads is the server's own file.
      for (const [, src] of html.matchAll(/<script([^>]*)>/g)) assert.match(src, /src="\/static\/site\.js"/);
      for (const p of ['/', '/static/site.js', '/api/v1/trending', '/no/such/page', '/hostile-org/sink/issues/1.md']) {
        assertSecurityHeaders(await fetch(`${server.url}${p}`), p);
      }
      const related = await (await fetch(`${server.url}/api/v1/related/hostile-org/sink/issues/1`)).json();
      assert.ok(Array.isArray(related.related));
    } finally {
      await server.stop();
      await fake.stop();
    }
  });
});
