// The shipped example archive renders offline in every format, and a bad
// archive is one sentence and a documented exit code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { repoRoot, run } from './harness.mjs';

const example = path.join(repoRoot, 'examples', 'lumen-dev-lumen-120.json');

test('the example archive renders the full report with no network', async () => {
  // An API URL nothing listens on: any request would fail the run.
  const result = await run(['report', '--from', example], { env: { ISSUEGRAPH_API_URL: 'http://127.0.0.1:9' } });
  assert.equal(result.code, 0, result.stderr);
  for (const heading of ['## Linked pull requests', '## Error messages', '## Root cause', '## Fix',
    '## Workarounds', '## Code examples', '## Graph', '## Original text']) {
    assert.ok(result.stdout.includes(heading), `missing ${heading}`);
  }
  assert.match(result.stdout, /\*\*Status:\*\* Fixed by #134/);
});

test('the example archive renders as JSON, HTML and DOT too', async () => {
  const json = await run(['report', '--from', example, '--format', 'json']);
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.root, 'lumen-dev/lumen#120');
  // Linked items read as in the Markdown table.
  const issues = parsed.report.sections.find((s) => s.kind === 'linked_issues').items;
  assert.match(issues.find((i) => i.ref === '#133').text, /\(closed \(duplicate\)\)/);
  const html = await run(['report', '--from', example, '--format', 'html']);
  assert.match(html.stdout, /^<!DOCTYPE html>/i);
  assert.ok(!/<script/i.test(html.stdout));
  const dot = await run(['report', '--from', example, '--format', 'dot']);
  assert.match(dot.stdout, /^digraph issuegraph \{/);
});

test('a bad archive: one sentence and its exit code', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-archive-'));
  try {
    const garbage = path.join(dir, 'garbage.json');
    fs.writeFileSync(garbage, '{"format": "something-else"}');
    let result = await run(['report', '--from', garbage]);
    assert.equal(result.code, 7, result.stderr);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    result = await run(['report', '--from', path.join(dir, 'missing.json')]);
    assert.equal(result.code, 7, result.stderr);
    result = await run(['report', '--from', garbage, 'lumen-dev/lumen#120']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /not both/);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
