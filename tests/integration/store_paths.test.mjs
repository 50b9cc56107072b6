// Stores that cannot be used as they are: one missing a table (every
// command names it, `cache clear` resets it) and a path that is no regular
// file (refused before SQLite puts a journal beside it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { run, startFake, world } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-store-paths-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function oneLine(result) {
  const lines = result.stderr.trim().split('\n').filter((line) => !line.includes('no GitHub token set'));
  assert.equal(lines.length, 1, result.stderr);
  return lines[0];
}

test('a store missing a table: stats, --offline and report name it; cache clear resets it', async () => {
  const fake = await startFake(world('seedlike'));
  const file = path.join(dir, 'damaged.db');
  try {
    const made = await run(['report', 'lumen-dev/lumen#120', '--api', 'rest', '--api-url', fake.url, '--store', file]);
    assert.equal(made.code, 0, made.stderr);
    execFileSync('sqlite3', [file, 'DROP TABLE aliases']);

    const damaged = /^issuegraph: the store .*damaged\.db is damaged: its table aliases is missing; .*issuegraph cache clear --store /;
    for (const args of [['cache', 'stats', '--store', file],
      ['report', 'lumen-dev/lumen#120', '--offline', '--store', file],
      ['report', 'lumen-dev/lumen#120', '--api', 'rest', '--api-url', fake.url, '--store', file]]) {
      const result = await run(args);
      assert.equal(result.code, 7, `${args.join(' ')}: ${result.stderr}`);
      assert.match(oneLine(result), damaged);
    }

    const cleared = await run(['cache', 'clear', '--store', file]);
    assert.equal(cleared.code, 0, cleared.stderr);
    const stats = await run(['cache', 'stats', '--store', file]);
    assert.equal(stats.code, 0, stats.stderr);
    assert.match(stats.stdout, /^nodes: 0 /m);
  } finally { await fake.stop(); }
});

test('--store /dev/null is refused, and no journal appears in /dev', async () => {
  for (const args of [['report', 'lumen-dev/lumen#120', '--offline', '--store', '/dev/null'],
    ['cache', 'stats', '--store', '/dev/null'], ['cache', 'clear', '--store', '/dev/null']]) {
    const result = await run(args);
    assert.equal(result.code, 7, `${args.join(' ')}: ${result.stderr}`);
    assert.match(oneLine(result), /^issuegraph: the store \/dev\/null is not a regular file .*--store PATH/);
  }
  for (const suffix of ['-journal', '-wal', '-shm']) assert.equal(fs.existsSync(`/dev/null${suffix}`), false);
});

test('a FIFO as the store is refused without blocking', async () => {
  const fifo = path.join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const result = await run(['cache', 'stats', '--store', fifo], { timeoutMs: 20_000 });
  assert.equal(result.code, 7, result.stderr);
  assert.match(oneLine(result), /is not a regular file/);
});
