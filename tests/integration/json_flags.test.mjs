// gh's JSON flags on report: --json FIELDS keeps top-level fields, --jq
// filters through libjq, --stable drops this run's stats so two runs (the
// second served from the store) print the same bytes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { run, startFake, world } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-json-'));
let fake;
before(async () => { fake = await startFake(world('seedlike')); });
after(async () => {
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = { GITHUB_TOKEN: 'test-token' };
const report = (args, store = path.join(dir, `s-${Math.random()}.db`)) =>
  run(['report', 'lumen-dev/lumen#120', '--api-url', fake.url, '--store', store, ...args], { env });

test('--json FIELDS keeps those top-level fields, in the report\'s order, and implies JSON', async () => {
  const result = await report(['--json', 'stats,root']);
  assert.equal(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(json), ['root', 'stats']);
  assert.equal(json.root, 'lumen-dev/lumen#120');
});

test('--jq filters through jq: strings raw, other values compact, one a line', async () => {
  const refs = await report(['--jq', '.nodes[] | select(.type == "pull") | .ref']);
  assert.equal(refs.code, 0, refs.stderr);
  const lines = refs.stdout.trim().split('\n');
  assert.ok(lines.length >= 1);
  for (const line of lines) assert.match(line, /^lumen-dev\/lumen(-docs)?#\d+$/);
  const counts = await report(['--jq', '{nodes: (.nodes | length), partial: .stats.partial}']);
  assert.equal(counts.code, 0, counts.stderr);
  assert.match(counts.stdout, /^\{"nodes":\d+,"partial":false\}\n$/);
});

test('--stable: a crawl and the stored report served again print the same bytes', async () => {
  const store = path.join(dir, 'stable.db');
  const first = await report(['--format', 'json', '--stable'], store);
  const second = await report(['--format', 'json', '--stable', '--stats'], store);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /served_from_store=true/);  // the runs did differ
  assert.equal(second.stdout, first.stdout);
  assert.equal(JSON.parse(first.stdout).stats.wall_ms, undefined);
  // Without --stable the same two runs differ in their stats.
  const plain = path.join(dir, 'plain.db');
  const a = await report(['--format', 'json'], plain);
  const b = await report(['--format', 'json'], plain);
  assert.notEqual(a.stdout, b.stdout);
});

test('bad --json, --jq and a clash with --format: exit 2, one sentence', async () => {
  for (const [args, says] of [
    [['--json', 'root,frob'], /--json: 'frob' is not a field of the report; the fields are root, nodes/],
    [['--jq', '.nodes['], /--jq '\.nodes\[' is not a jq program \(jq: error: syntax error/],
    [['--jq', 'error("stop")'], /--jq failed on the report: stop/],
    [['--format', 'html', '--json', 'root'], /--json and --jq shape JSON, not --format html/],
  ]) {
    const result = await report(args);
    assert.equal(result.code, 2, `${args}: ${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.match(result.stderr.trim(), says);
  }
});
