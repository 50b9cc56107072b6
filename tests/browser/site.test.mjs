// The web page in Debian's Chromium, driven by playwright-core, against the
// real `issuegraph serve` and the fake GitHub: paste a URL, see progress,
// then the report; vote and take it back; read a stored report with
// scripts off; open a hostile report without any script running, any dialog
// opening or any request leaving for another host, nor any title shown
// reordered by a direction control, also with a 1 MiB line on the page.
// Screenshots go to build/test-artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { chromium } from 'playwright-core';

import { repoRoot, startFake, world } from '../integration/harness.mjs';
import { startServe } from '../integration/serve_harness.mjs';

const artifacts = path.join(repoRoot, 'build', 'test-artifacts');
fs.mkdirSync(artifacts, { recursive: true });

// Debian's Chromium, headless, with a fresh profile (playwright makes one)
// and none of its background traffic: nothing but the server is reached.
async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page that records what would betray an attack: dialogs, a probe the
// payloads set, and every request that is not for the server.
async function watchedPage(browser, server, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const seen = { dialogs: 0, outside: [], errors: [] };
  page.on('dialog', async (dialog) => { seen.dialogs++; await dialog.dismiss(); });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    seen.outside.push(url);
    return route.abort();
  });
  return { page, seen, context };
}

describe('the site in a browser', { timeout: 180_000 }, () => {
  let fake;
  let server;
  let browser;
  before(async () => {
    fake = await startFake(world('seedlike'));
    server = await startServe(fake);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.stop();
  });

  test('paste a URL, see progress, then the report at its permalink', async () => {
    const { page, seen } = await watchedPage(browser, server);
    await page.goto(server.url + '/');
    await page.fill('#paste-url', 'https://github.com/lumen-dev/lumen/issues/120');
    await page.click('#paste-submit');
    await page.waitForURL(/\/lumen-dev\/lumen\/issues\/120/);
    await page.waitForSelector('#report', { timeout: 60_000 });
    assert.match(await page.textContent('#report'), /lumen/i);
    assert.ok(await page.$('#download-md'));
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: path.join(artifacts, 'report-first-screen.png') });
    await page.screenshot({ path: path.join(artifacts, 'report-page.png'), fullPage: true });
    assert.deepEqual(seen.outside, []);
    assert.equal(seen.dialogs, 0);
  });

  test('a vote counts once and can be taken back', async () => {
    const { page } = await watchedPage(browser, server);
    await page.goto(server.url + '/lumen-dev/lumen/issues/120');
    const button = page.locator('form.vote button.vote-button').first();
    const before = Number(await button.locator('.vote-count').textContent());
    await button.click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('form.vote button.vote-button .vote-count').textContent) === n + 1, before);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await button.click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('form.vote button.vote-button .vote-count').textContent) === n, before);
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
  });

  test('a related report opens from the list under the report', async () => {
    // A second stored report that shares words with #120.
    const job = await fetch(`${server.url}/api/v1/jobs`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'lumen-dev/lumen#133' }),
    });
    const { events_url: events } = await job.json();
    if (events) await (await fetch(server.url + events)).text();
    const { page, seen } = await watchedPage(browser, server);
    await page.goto(server.url + '/lumen-dev/lumen/issues/120');
    const link = page.locator('#related li.related a.report-link').first();
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.match(href, /^\/lumen-dev\/lumen\/(issues|pull)\/\d+$/);
    assert.notEqual(href, '/lumen-dev/lumen/issues/120');
    await link.click();
    await page.waitForURL(server.url + href);
    await page.waitForSelector('#report');
    assert.deepEqual(seen.outside, []);
  });

  test('a stored report reads with scripts off', async () => {
    const { page, context } = await watchedPage(browser, server, { javaScriptEnabled: false });
    await page.goto(server.url + '/lumen-dev/lumen/issues/120');
    assert.ok(await page.$('#report'), 'the report is in the page itself');
    await context.close();
  });
});

// The attacks the hostile world carries, each counted where it occurs in a
// title, body, comment or label: every one is tried in the pages below.
const payloadPatterns = {
  'script element': /<script/gi,
  'event handler': /\bon(error|load|click|mouseover)\s*=/gi,
  'javascript: URL': /javascript:/gi,
  'data: URL': /data:[a-z]/gi,
  'SVG or MathML markup': /<(svg|math)\b/gi,
  'iframe': /<iframe/gi,
  'off-site link': /https:\/\/evil\.example/gi,
  'Mermaid/DOT label break-out': /"\]\s*;/g,
  'Graphviz escape': /\\[NG]/g,
  'direction override': /\u202e/g,
  'other direction control': /[\u061C\u200E\u200F\u202A-\u202D\u2066-\u2069]/g,
};

// The hostile world with #4's 1 MiB lines (tests/worlds/gen/hostile-long-line.mjs).
const hostileWorld = world('hostile-long-line');
const hostilePages = [1, 2, 3, 4];
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function countPayloads() {
  const hostile = JSON.parse(fs.readFileSync(hostileWorld, 'utf8'));
  const texts = [];
  for (const repo of Object.values(hostile.repos)) {
    for (const item of repo.items) {
      texts.push(item.title, item.body, ...item.labels, ...(item.comments ?? []).map((c) => c.body));
    }
  }
  const counts = {};
  for (const [name, pattern] of Object.entries(payloadPatterns)) {
    counts[name] = texts.reduce((n, text) => n + (String(text).match(pattern)?.length ?? 0), 0);
  }
  counts['1 MiB line'] = texts.flatMap((text) => String(text).split('\n'))
    .filter((line) => Buffer.byteLength(line) >= 1 << 20).length;
  return counts;
}

describe('a hostile thread in a browser', { timeout: 240_000 }, () => {
  test('no script runs, no dialog opens, no request leaves', async () => {
    const fake = await startFake(hostileWorld);
    const server = await startServe(fake);
    const browser = await launch();
    try {
      const { page, seen, context } = await watchedPage(browser, server);
      // A blocked attempt would show here; escaped text makes none.
      await context.addInitScript(() => {
        window.__violations = 0;
        document.addEventListener('securitypolicyviolation', () => { window.__violations++; });
      });
      let pwned = 0;
      let violations = 0;
      const reordered = [];
      for (const number of hostilePages) {
        await page.goto(`${server.url}/hostile-org/sink/issues/${number}`);
        await page.waitForSelector('#report', { timeout: 120_000 });
        // The original text laid out too (on #4, the 1 MiB line).
        await page.evaluate(() => { for (const d of document.querySelectorAll('#original details')) d.open = true; });
        await page.waitForTimeout(300);  // room for an onload or a timer to fire
        // What the reader sees of the title: no direction control obeyed.
        const shown = await page.evaluate(() => ({
          title: document.title,
          heading: document.querySelector('h1').innerText,
          picture: document.querySelector('#graph-picture svg')?.textContent ?? '',
        }));
        for (const [where, text] of Object.entries(shown)) {
          if (BIDI.test(text)) reordered.push(`the ${where} of #${number}`);
        }
        if (number >= 3) assert.match(shown.heading, /\uFFFD/, `#${number}'s heading marks its direction controls`);
        if (await page.evaluate(() => window.__pwned ?? null) !== null) pwned++;
        violations += await page.evaluate(() => window.__violations);
        // The graph's picture is drawn, and nothing in it is live.
        const picture = await page.$('#graph-picture svg');
        assert.ok(picture, `no graph picture on #${number}`);
        const live = await page.evaluate(() => [...document.querySelectorAll('#graph-picture *')].filter((el) =>
          [...el.attributes].some((a) => /^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value)) ||
          (el.getAttribute('href') ?? '/').match(/^(?!\/(?!\/))/)).length);
        assert.equal(live, 0, `a live attribute or a foreign link in the picture of #${number}`);
        await page.screenshot({ path: path.join(artifacts, `hostile-${number}.png`), fullPage: true });
      }
      const payloads = countPayloads();
      const tried = Object.values(payloads).reduce((a, b) => a + b, 0);
      const counts = { pages: hostilePages.length, payloads_tried: tried, titles_reordered: reordered.length, by_kind: payloads, scripts_run: pwned + seen.dialogs,
        dialogs: seen.dialogs, csp_violations: violations, requests_elsewhere: seen.outside.length };
      fs.writeFileSync(path.join(artifacts, 'hostile-counts.json'), JSON.stringify(counts, null, 2) + '\n');
      console.log(`hostile world: ${tried} payloads tried on ${hostilePages.length} pages, ${counts.scripts_run} scripts run, ` +
        `${seen.dialogs} dialogs, ${violations} CSP violations, ${seen.outside.length} requests elsewhere`);
      assert.ok(tried >= 20, `the hostile world carries only ${tried} payloads`);
      assert.equal(pwned, 0, 'a payload ran');
      assert.equal(seen.dialogs, 0, 'a dialog opened');
      assert.deepEqual(seen.outside, [], 'requests left for other hosts');
      assert.deepEqual(reordered, [], 'a direction control reached what the reader sees');
      assert.equal(payloads['1 MiB line'], 2, 'the pages carried the 1 MiB lines');
    } finally {
      await browser.close();
      await server.stop();
      await fake.stop();
    }
  });
});
