// Markdown on a terminal goes through $PAGER when it is longer than the
// screen (as gh does); a short report, another format, PAGER='' and piped
// output are written as they are. The terminal is a pty made by script(1).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { binary, repoRoot, run } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-pager-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const archive = path.join(repoRoot, 'examples', 'lumen-dev-lumen-120.json');
const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

// Runs the binary with stdout on a pty of `rows` rows; returns what the
// terminal showed and what the stub pager read (null: it never ran).
function onTerminal(args, rows, pagerEnv = 'stub') {
  const paged = path.join(dir, `paged-${Math.random()}`);
  const env = { ...process.env, TERM: 'dumb' };
  delete env.PAGER;
  if (pagerEnv === 'stub') env.PAGER = `cat > ${quote(paged)}`;
  else if (pagerEnv !== undefined) env.PAGER = pagerEnv;
  const command = `stty rows ${rows} cols 100; ${quote(path.resolve(binary))} ${args.map(quote).join(' ')}`;
  const shown = execFileSync('script', ['-qec', command, '/dev/null'], { env, encoding: 'utf8' });
  return { shown: shown.replaceAll('\r\n', '\n'), paged: fs.existsSync(paged) ? fs.readFileSync(paged, 'utf8') : null };
}

const piped = async (args) => (await run(args)).stdout;

test('a report longer than the screen goes through $PAGER, whole; the terminal shows none of it', async () => {
  const expected = await piped(['report', '--from', archive]);
  assert.ok(expected.split('\n').length > 20);
  const { shown, paged } = onTerminal(['report', '--from', archive], 20);
  assert.equal(paged, expected);
  assert.doesNotMatch(shown, /^# /m);
});

test('a report shorter than the screen, JSON, and PAGER=\'\' are written to the terminal as they are', async () => {
  const tall = onTerminal(['report', '--from', archive], 5000);
  assert.equal(tall.paged, null);
  assert.equal(tall.shown, await piped(['report', '--from', archive]));
  const json = onTerminal(['report', '--from', archive, '--format', 'json'], 20);
  assert.equal(json.paged, null);
  assert.equal(JSON.parse(json.shown).root, 'lumen-dev/lumen#120');
  const off = onTerminal(['report', '--from', archive], 20, '');
  assert.equal(off.paged, null);
  assert.match(off.shown, /^# /m);
});

test('piped output is never paged', async () => {
  const marker = path.join(dir, 'piped-pager-ran');
  const result = await run(['report', '--from', archive], { env: { PAGER: `touch ${quote(marker)}; cat` } });
  assert.equal(result.code, 0);
  assert.match(result.stdout, /^# /m);
  assert.equal(fs.existsSync(marker), false);
});
