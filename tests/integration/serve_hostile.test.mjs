// Hostile text that needs size or invisible characters, through `serve`
// and the CLI, on tests/worlds/hostile-long-line.json (hostile.json plus
// #4; see tests/worlds/gen/hostile-long-line.mjs):
//   - a body whose one line is 1 MiB is crawled, published and served
//     whole and escaped, while the server keeps answering other pages;
//   - bidirectional controls in titles (#3: an override; #4: every kind)
//     reach no page, picture, Markdown or <title>: each is shown as U+FFFD.
// Time and memory for the long line are measured in bench/long_line, not here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

import { run, startFake, world } from './harness.mjs';
import { crawl, postJob, readEvents, startServe } from './serve_harness.mjs';

const hostile = JSON.parse(fs.readFileSync(world('hostile-long-line'), 'utf8'));
const item4 = hostile.repos['hostile-org/sink'].items.find((i) => i.number === 4);
const longLine = item4.body.split('\n').reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a));

// Every bidirectional control (ALM, LRM, RLM, embeddings, overrides, isolates).
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const marked = (text) => text.replace(new RegExp(BIDI.source, 'gu'), '\uFFFD');
const count = (text, needle) => text.split(needle).length - 1;

// How EscapeHtml writes `text` (the page's escaping, done again here).
function escaped(text) {
  return marked(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;').replace(/=/g, '&#61;');
}

describe('hostile size and direction through serve', { timeout: 300_000 }, () => {
  test('a 1 MiB line is served whole and escaped, and the server keeps answering meanwhile', async () => {
    assert.equal(Buffer.byteLength(longLine), 1 << 20, 'the world holds a 1 MiB line');
    const fake = await startFake(world('hostile-long-line'));
    const server = await startServe(fake);
    try {
      // Other pages answer while the long one is crawled and rendered.
      const job = await postJob(server, { url: 'hostile-org/sink#4' });
      assert.equal(job.status, 202, JSON.stringify(job.json));
      const [home, trending] = await Promise.all([fetch(`${server.url}/`), fetch(`${server.url}/api/v1/trending`)]);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /Paste a GitHub issue or pull request URL/);
      assert.equal(trending.status, 200);
      const events = await readEvents(server, job.json.id);
      assert.equal(events.at(-1).type, 'done', JSON.stringify(events.at(-1)));

      const [res, again] = await Promise.all([
        fetch(`${server.url}/hostile-org/sink/issues/4`), fetch(`${server.url}/hostile-org/sink/issues/4`)]);
      assert.equal(res.status, 200);
      assert.equal(again.status, 200);
      const html = await res.text();
      assert.equal(await again.text(), html, 'two visitors get the same page');
      // The whole line, escaped: its head, its middle and its very end, and
      // every one of its 28,000-odd filler pieces (nothing cut or dropped).
      const shown = escaped(longLine);
      assert.ok(html.includes(shown), 'the 1 MiB line is in the page, escaped, in one piece');
      assert.equal(count(html, 'opt_996&#61;on;'), count(longLine, 'opt_996=on;'));
      assert.ok(html.includes('&lt;img src&#61;x onerror&#61;alert(&#39;long-tail&#39;)&gt;'));
      assert.doesNotMatch(html, /<img|<svg onload|href="\s*javascript:/i);
      for (const [, attrs] of html.matchAll(/<script([^>]*)>/g)) assert.match(attrs, /src="\/static\/site\.js"/);
      assert.doesNotMatch(html, BIDI, 'no direction control in the page');
      assert.ok(!html.includes('\uFFFD\uFFFD\uFFFD\uFFFD'), 'no run of broken characters (a cut sequence)');

      // The downloads carry it too: the Markdown fences it, the JSON keeps the text as GitHub gave it.
      const md = await (await fetch(`${server.url}/hostile-org/sink/issues/4.md`)).text();
      assert.ok(md.includes(marked(longLine)), 'the Markdown holds the line in its code fence');
      assert.doesNotMatch(md, BIDI);
      const api = await (await fetch(`${server.url}/api/v1/reports/hostile-org/sink/issues/4`)).json();
      assert.equal(api.report.root, 'hostile-org/sink#4');

      // Still answering, and the stored page is served again without a crawl.
      await fake.resetStats();
      assert.equal((await fetch(`${server.url}/hostile-org/sink/issues/4`)).status, 200);
      assert.equal((await fetch(`${server.url}/`)).status, 200);
      assert.equal((await fake.stats()).total, 0);
    } finally {
      await server.stop();
      await fake.stop();
    }
  });

  test('the CLI writes the same line whole and escaped', async () => {
    const fake = await startFake(world('hostile-long-line'));
    try {
      const result = await run(['report', 'hostile-org/sink#4', '--format', 'html', '--no-store', '--api-url', fake.url],
        { env: { GITHUB_TOKEN: 'test-token' } });
      assert.equal(result.code, 0, result.stderr);
      assert.ok(result.stdout.includes(escaped(longLine)));
      assert.doesNotMatch(result.stdout, /<script|<img|<svg onload/i);
      assert.doesNotMatch(result.stdout, BIDI);
    } finally {
      await fake.stop();
    }
  });

  test('direction controls in titles are shown as U+FFFD in the page, the picture, the Markdown and the title', async () => {
    const fake = await startFake(world('hostile-long-line'));
    const server = await startServe(fake);
    try {
      for (const number of [3, 4]) {
        const item = hostile.repos['hostile-org/sink'].items.find((i) => i.number === number);
        assert.match(item.title, BIDI, `#${number}'s title has a direction control`);
        await crawl(server, `hostile-org/sink#${number}`);
        const html = await (await fetch(`${server.url}/hostile-org/sink/issues/${number}`)).text();
        assert.doesNotMatch(html, BIDI, `#${number}: a direction control reached the page`);
        const title = /<title>([^<]*)<\/title>/.exec(html)[1];
        const heading = /<h1>(.*?)<\/h1>/s.exec(html)[1];
        assert.ok(title.includes(escaped(item.title)), `#${number} <title>: ${title}`);
        assert.ok(heading.includes(escaped(item.title)), `#${number} <h1>: ${heading}`);
        // The picture's node labels: the title's words, the marker in place of each control.
        const picture = /<svg[^>]*aria-label="The linked issues and pull requests"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
        assert.ok(picture.includes('\uFFFD'), `#${number}: the picture shows the marker`);
        const md = await (await fetch(`${server.url}/hostile-org/sink/issues/${number}.md`)).text();
        assert.doesNotMatch(md, BIDI, `#${number}: a direction control reached the Markdown`);
        assert.match(md.split('\n')[0], /\uFFFD/, `#${number}: the Markdown heading shows the marker`);
      }
    } finally {
      await server.stop();
      await fake.stop();
    }
  });
});
