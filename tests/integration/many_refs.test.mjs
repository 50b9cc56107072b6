// Several references in one `report`: as arguments or one per line on
// stdin (`report -`), each gets its report, in the order given, on stdout
// or as DIR/OWNER-REPO-N.EXT with -o DIR; --jobs caps the runs at once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { run, startFake, world } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-many-'));
let fake;
before(async () => { fake = await startFake(world('seedlike')); });
after(async () => {
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const refs = ['lumen-dev/lumen#120', 'lumen-dev/lumen#98', 'lumen-dev/lumen-docs#14'];
const common = () => ['--api', 'rest', '--api-url', fake.url, '--depth', '0', '--no-store'];

test('report - reads references from stdin; JSON is one array in the order given', async () => {
  const input = `# a comment, then a blank line\n\n${refs[0]}\n  ${refs[1]}  \n${refs[2]}\n${refs[0]}\n`;
  const result = await run(['report', '-', '--format', 'json', ...common()], { input });
  assert.equal(result.code, 0, result.stderr);
  const reports = JSON.parse(result.stdout);
  assert.equal(reports.length, 3);  // the repeat is made once
  assert.deepEqual(reports.map((r) => r.root.toLowerCase()), refs.map((r) => r.toLowerCase()));
});

test('several arguments: Markdown reports separated by a thematic break', async () => {
  const result = await run(['report', refs[0], refs[1], ...common()]);
  assert.equal(result.code, 0, result.stderr);
  const parts = result.stdout.split('\n---\n\n');
  assert.ok(parts.length >= 2, result.stdout.slice(0, 200));
  assert.ok(result.stdout.indexOf('#120') < result.stdout.indexOf('#98'));
});

test('-o DIR: one file per reference, named OWNER-REPO-N.EXT; --jobs 1 and 3 make the same', async () => {
  for (const jobs of ['1', '3']) {
    const out = fs.mkdtempSync(path.join(dir, `out-${jobs}-`));
    const result = await run(['report', ...refs, '--format', 'json', '-o', out, '--jobs', jobs, ...common()]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(fs.readdirSync(out).sort(),
      ['lumen-dev-lumen-120.json', 'lumen-dev-lumen-98.json', 'lumen-dev-lumen-docs-14.json']);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'lumen-dev-lumen-98.json'), 'utf8')).root.toLowerCase(),
      'lumen-dev/lumen#98');
  }
});

test('one reference that fails: the others are written, its sentence is named, the exit code is its', async () => {
  const out = fs.mkdtempSync(path.join(dir, 'partial-'));
  const result = await run(['report', refs[0], 'lumen-dev/lumen#999', '-o', out, ...common()]);
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /^issuegraph: lumen-dev\/lumen#999: issue lumen-dev\/lumen#999 not found/m);
  assert.deepEqual(fs.readdirSync(out), ['lumen-dev-lumen-120.md']);
});

test('a bad reference among several: nothing runs, exit 2', async () => {
  const out = fs.mkdtempSync(path.join(dir, 'bad-'));
  const result = await run(['report', refs[0], 'not-a-ref', '-o', out, ...common()]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /'not-a-ref' is not a reference/);
  assert.deepEqual(fs.readdirSync(out), []);
});

test('bounded stdin: an endless line is refused', async () => {
  const result = await run(['report', '-', ...common()], { input: 'x'.repeat(100_000) });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /a line of standard input is longer than 4096 bytes/);
});
