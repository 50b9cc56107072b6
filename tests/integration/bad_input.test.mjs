// README's "Bad input" table, row by row: each command is run against the
// fake GitHub and must end with the exit code and the sentence the table
// promises. The table is the documentation and the test at once, so the
// two cannot drift apart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';

import { repoRoot, run, startFake, world } from './harness.mjs';

function readTable() {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split('## Bad input, and what it answers')[1].split('\n## ')[0];
  return section.split('\n').filter((line) => line.startsWith('| `')).map((line) => {
    const [, command, code, says] = /^\| `issuegraph ?(.*)` \| (\d) \| (.*) \|$/.exec(line);
    return { command, code: Number(code), says: says.replaceAll('&#124;', '|') };
  });
}

// Splits a command line the way a shell would for these rows: words, and
// single-quoted strings (which may be empty).
function words(command) {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

test('README lists at least forty kinds of bad input', () => {
  assert.ok(readTable().length >= 40, `${readTable().length} rows`);
});

test('every row of the bad-input table holds', async () => {
  const fake = await startFake(world('seedlike'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-bad-'));
  try {
    for (const row of readTable()) {
      const fill = (text) => text.replaceAll('{api}', fake.url).replaceAll('{dir}', dir);
      const result = await run(words(fill(row.command)));
      const said = result.stderr.split('\n').filter((line) => line && !line.includes('no GitHub token set'));
      assert.equal(result.code, row.code, `${row.command}: ${result.stderr}`);
      assert.equal(said.length, 1, `${row.command}: one sentence, got ${result.stderr}`);
      assert.ok(said[0].startsWith(`issuegraph: ${fill(row.says)}`), `${row.command}: ${said[0]}`);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f !== 'empty.db' && !f.startsWith('empty.db')), [],
        `${row.command} left files behind`);
    }
  } finally {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
