// --timeout bounds the whole run: a stalled GitHub costs at most that long.
// What it leaves unread makes the report partial, and every format and
// stderr name the limit; a stalled root is one sentence and exit 6.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { run, startFake, world } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-timeout-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
async function fakeWithFaults(rules) {
  const file = path.join(dir, `faults-${count++}.json`);
  fs.writeFileSync(file, JSON.stringify({ rules }));
  return startFake(world('seedlike'), ['--faults', file]);
}

const root = 'lumen-dev/lumen#120';
const stall = 60_000;  // far past every limit below: only --timeout can end the wait
// The harness kills a run after this long, failing the test: without
// --timeout, four tries of a stalled request take minutes.
const bound = { timeoutMs: 30_000 };

// The linked items' requests, never the root's.
const linked = {
  rest: '^/repos/lumen-dev/(lumen/(issues|pulls)/(98|131|133|134)|lumen-docs/issues/14)',
  graphql: '^/graphql$',
};

for (const api of ['rest', 'graphql']) {
  describe(`--timeout over ${api}`, () => {
    const env = { GITHUB_TOKEN: 'test-token' };
    // Over GraphQL the first query reads the root; the second, its links.
    const rule = { path: linked[api], delay_ms: stall, ...(api === 'graphql' ? { skip: 1 } : {}) };

    test('a stalled linked item leaves a report labelled partial, in each format and on stderr', async () => {
      // A fake each: over GraphQL the rule's skip counts the root's query.
      for (const format of ['json', 'markdown', 'html']) {
        const fake = await fakeWithFaults([rule]);
        try {
          const result = await run(['report', root, '--api', api, '--api-url', fake.url, '--timeout', '3',
            '--no-store', '--format', format], { env, ...bound });
          assert.equal(result.code, 0, `${format}: ${result.stderr}`);
          assert.match(result.stderr, /issuegraph: partial report: --timeout 3 s ran out/);
          if (format === 'json') {
            const report = JSON.parse(result.stdout);
            assert.equal(report.stats.partial, true);
            assert.ok(report.stats.partial_reasons.some((r) => /--timeout 3 s ran out/.test(r)),
              JSON.stringify(report.stats.partial_reasons));
          } else {
            assert.match(result.stdout, /--timeout 3 s ran out/);
          }
        } finally { await fake.stop(); }
      }
    });

    test('a stalled root is one sentence naming --timeout, exit 6, nothing on stdout', async () => {
      const fake = await fakeWithFaults([{ path: api === 'rest' ? '^/repos/lumen-dev/lumen/issues/120' : '^/graphql$',
        delay_ms: stall }]);
      try {
        const result = await run(['report', root, '--api', api, '--api-url', fake.url, '--timeout', '2',
          '--no-store'], { env, ...bound });
        assert.equal(result.code, 6, result.stderr);
        assert.equal(result.stdout, '');
        const lines = result.stderr.trim().split('\n');
        assert.equal(lines.length, 1, result.stderr);
        assert.match(lines[0], /^issuegraph: --timeout 2 s ran out while reading http:\/\/127\.0\.0\.1:\d+\/.*; raise --timeout/);
      } finally { await fake.stop(); }
    });
  });
}

test('--timeout 0 is no limit, and a bad value is refused', async () => {
  const result = await run(['report', root, '--timeout', '-1']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--timeout: Value -1 not in range 0 to 86400/);
});
