// The web page in Debian's Chromium, driven by playwright-core, against the
// real `issuegraph serve` and the fake GitHub: paste a URL, see progress,
// then the report; vote and take it back; read a stored report with
// scripts off; open a hostile report without any script running, any dialog
// opening or any request leaving for another host. Screenshots go to
// build/test-artifacts/.
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

  test('a stored report reads with scripts off', async () => {
    const { page, context } = await watchedPage(browser, server, { javaScriptEnabled: false });
    await page.goto(server.url + '/lumen-dev/lumen/issues/120');
    assert.ok(await page.$('#report'), 'the report is in the page itself');
    await context.close();
  });
});

describe('a hostile thread in a browser', { timeout: 180_000 }, () => {
  test('no script runs, no dialog opens, no request leaves', async () => {
    const fake = await startFake(world('hostile'));
    const server = await startServe(fake);
    const browser = await launch();
    try {
      const { page, seen } = await watchedPage(browser, server);
      for (const number of [1, 2]) {
        await page.goto(`${server.url}/hostile-org/sink/issues/${number}`);
        await page.waitForSelector('#report', { timeout: 60_000 });
        await page.waitForTimeout(300);  // room for an onload or a timer to fire
        const pwned = await page.evaluate(() => window.__pwned ?? null);
        assert.equal(pwned, null, `a payload ran on #${number}`);
        await page.screenshot({ path: path.join(artifacts, `hostile-${number}.png`), fullPage: true });
      }
      assert.equal(seen.dialogs, 0, 'a dialog opened');
      assert.deepEqual(seen.outside, [], 'requests left for other hosts');
    } finally {
      await browser.close();
      await server.stop();
      await fake.stop();
    }
  });
});
