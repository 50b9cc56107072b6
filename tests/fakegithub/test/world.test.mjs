// World loading: validation against world.schema.json, the command line's
// exit codes, and that our schema copy stays equal to the shared contract.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runToExit, tempJson, worldPath, SHARED } from './helpers.mjs';
import { World, WorldError } from '../world.mjs';

const OWN_SCHEMA = fileURLToPath(new URL('../world.schema.json', import.meta.url));

test('world.schema.json equals the shared contract', (t) => {
  const shared = join(SHARED, 'world.schema.json');
  if (!existsSync(shared)) {
    t.skip(`${shared} is absent (it exists where ../shared is checked out next to the repository)`);
    return;
  }
  assert.deepEqual(JSON.parse(readFileSync(OWN_SCHEMA, 'utf8')), JSON.parse(readFileSync(shared, 'utf8')));
});

test('the test worlds are valid', () => {
  assert.doesNotThrow(() => new World(JSON.parse(readFileSync(worldPath('basic.json'), 'utf8'))));
});

test('an invalid world: exit 2 and a message naming the file and the problem', async () => {
  const file = tempJson({ repos: { 'acme/app': { items: [{ number: 1, type: 'bug', title: 'x', body: '', state: 'open', author: 'a' }] } } });
  const { code, stdout, stderr } = await runToExit(['--world', file, '--port', '0']);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, new RegExp(`world ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not match world.schema.json`));
  assert.match(stderr, /repos › acme\/app › items › 0: must have required property 'created_at'/);
  assert.match(stderr, /items › 0 › type: must be equal to one of the allowed values \(issue, pull\)/);
});

test('a world that is not JSON, or missing: exit 2', async () => {
  const file = tempJson({});
  assert.equal((await runToExit(['--world', `${file}.missing`])).code, 2);
  const { code, stderr } = await runToExit(['--world', file]);
  assert.equal(code, 2);
  assert.match(stderr, /must have required property 'repos'/);
});

test('bad flags and bad faults files: exit 2', async () => {
  assert.equal((await runToExit([])).code, 2);
  assert.equal((await runToExit(['--world', worldPath('basic.json'), '--port', 'x'])).code, 2);
  const faults = tempJson({ rules: [{ path: '^/x$', status: 500, tiems: 2 }] }, 'faults.json');
  const { code, stderr } = await runToExit(['--world', worldPath('basic.json'), '--faults', faults]);
  assert.equal(code, 2);
  assert.match(stderr, /unknown key "tiems"/);
});

test('the same number twice in a repository is an error, not a guess', () => {
  const item = { number: 1, type: 'issue', title: 'x', body: '', state: 'open', author: 'a', created_at: '2026-01-01T00:00:00Z' };
  assert.throws(() => new World({ repos: { 'a/b': { items: [item, item] } } }), WorldError);
});

test('references to items outside the world are warnings', () => {
  const world = new World({ repos: { 'a/b': { items: [{
    number: 1, type: 'issue', title: 'x', body: '', state: 'open', author: 'a', created_at: '2026-01-01T00:00:00Z',
    parent: 'a/b#9',
  }] } } });
  assert.deepEqual(world.warnings, ['a/b#1: parent a/b#9 is not in the world']);
});
