// How the binary meets GitHub's bad days, with faults scripted into the fake:
// rate limits with and without Retry-After, 5xx then success, a repository
// it may not read, an exhausted primary limit. Each ends in a complete
// report, a report labelled partial, or one sentence and its exit code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { reportJson, run, startFake, world } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-faults-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
async function fakeWithFaults(rules, extra = []) {
  const file = path.join(dir, `faults-${count++}.json`);
  fs.writeFileSync(file, JSON.stringify({ rules }));
  return startFake(world('seedlike'), ['--faults', file, ...extra]);
}

const root = 'https://github.com/lumen-dev/lumen/issues/120';
const secondary = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' };

for (const api of ['rest', 'graphql']) {
  describe(`faults over ${api}`, () => {
    const path0 = api === 'rest' ? '^/repos/lumen-dev/lumen/issues/120$' : '^/graphql$';

    test('a secondary limit with Retry-After is waited out', async () => {
      const fake = await fakeWithFaults([{ path: path0, status: 403, times: 1, headers: { 'Retry-After': '1' }, body: secondary }]);
      try {
        const { json } = await reportJson(fake, root, ['--api', api]);
        assert.equal(json.stats.partial, false);
        assert.equal(json.stats.retries, 1);
        assert.ok(json.nodes.length >= 6);
      } finally { await fake.stop(); }
    });

    test('5xx twice, then success', async () => {
      const fake = await fakeWithFaults([{ path: path0, status: 502, times: 2, body: { message: 'Server Error' } }]);
      try {
        const { json } = await reportJson(fake, root, ['--api', api]);
        assert.equal(json.stats.retries, 2);
        assert.equal(json.stats.partial, false);
      } finally { await fake.stop(); }
    });

    test('a secondary limit without Retry-After on the root: exit 5, one sentence', async () => {
      const fake = await fakeWithFaults([{ path: path0, status: 403, times: 10, body: secondary }]);
      try {
        const result = await run(['report', root, '--api', api, '--api-url', fake.url, '--max-wait', '5'],
          { env: { GITHUB_TOKEN: 't' } });
        assert.equal(result.code, 5, result.stderr);
        const lines = result.stderr.trim().split('\n');
        assert.equal(lines.length, 1);
        assert.match(lines[0], /rate limit.*--max-wait/);
        assert.equal(result.stdout, '');
        // GitHub asks for at least a minute: no retry within --max-wait 5.
        assert.equal((await fake.stats()).total, 1);
      } finally { await fake.stop(); }
    });
  });
}

test('REST: 5xx that never ends is reported, not retried forever', async () => {
  const fake = await fakeWithFaults([{ path: '^/repos/lumen-dev/lumen/issues/120$', status: 503, times: 100 }]);
  try {
    const result = await run(['report', root, '--api', 'rest', '--api-url', fake.url]);
    assert.equal(result.code, 6);
    assert.match(result.stderr, /503/);
    assert.equal((await fake.stats()).total, 4);  // the first try and three retries
  } finally { await fake.stop(); }
});

test('REST: a limit hit mid-crawl leaves a report labelled partial', async () => {
  // Depth 2 expands the neighbours (leaves that came inside a cross-reference
  // cost no request); two of them answer with a secondary limit that outlasts
  // --max-wait.
  const fake = await fakeWithFaults([{ path: '^/repos/lumen-dev/lumen/issues/13[13]$', status: 403, times: 10, body: secondary }]);
  try {
    const result = await run(['report', root, '--api', 'rest', '--api-url', fake.url, '--format', 'json', '--max-wait', '5', '--depth', '2'],
      { env: { GITHUB_TOKEN: 't' } });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.stats.partial, true);
    assert.match(json.stats.partial_reasons.join(' '), /--max-wait/);
    assert.ok(json.stats.left_out.length >= 1);
    assert.match(result.stderr, /partial report/);
    const markdown = await run(['report', root, '--api', 'rest', '--api-url', fake.url, '--max-wait', '5', '--depth', '2'],
      { env: { GITHUB_TOKEN: 't' } });
    assert.match(markdown.stdout, /partial/i);
  } finally { await fake.stop(); }
});

test('REST: an exhausted primary limit stops the crawl with what is known', async () => {
  const fake = await startFake(world('seedlike'), ['--rate-limit', '3']);
  try {
    const result = await run(['report', root, '--api', 'rest', '--api-url', fake.url, '--format', 'json', '--max-wait', '0'],
      { env: { GITHUB_TOKEN: 't' } });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.equal(json.stats.partial, true);
    assert.equal(json.nodes[0].ref, 'lumen-dev/lumen#120');
  } finally { await fake.stop(); }
});

test('a repository that answers 403 is skipped, and the crawl goes on', async () => {
  const fake = await fakeWithFaults([{ path: '^/repos/lumen-dev/lumen-docs/', status: 403, times: 100,
    body: { message: 'Resource not accessible by integration' } }]);
  try {
    const { json } = await reportJson(fake, root, ['--api', 'rest', '--depth', '2']);
    // The crawl goes on, and the report says it is partial and why.
    assert.equal(json.stats.partial, true);
    assert.ok(json.stats.partial_reasons.some((r) => /linked items? could not be read/.test(r)), json.stats.partial_reasons);
    assert.ok(json.stats.failed.some((f) => f.startsWith('lumen-dev/lumen-docs#14: no access')));
    assert.ok(json.nodes.length >= 5);
  } finally { await fake.stop(); }
});

test('private repositories without a token are listed as failed, with the way out', async () => {
  const fake = await startFake(world('traps'));
  try {
    const result = await run(['report', 'trapdoor/trap#1', '--api-url', fake.url, '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.ok(json.stats.failed.some((f) => f.startsWith('trapdoor/secret#1: ') && /GITHUB_TOKEN/.test(f)));
  } finally { await fake.stop(); }
});

test('--api graphql without a token: exit 2', async () => {
  const result = await run(['report', root, '--api', 'graphql']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /needs a token/);
});
