// Every generated world (tests/worlds/gen/, tests/eval/gen/,
// tests/eval/heldout/gen/) is built again in memory and must equal its
// committed file byte for byte: a generator edited without regenerating, or
// a world file edited by hand, fails here with the world and the command
// that rewrites it. Needs no binary.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { WORLD_SETS, drift, generators } from '../lib/worldgen.mjs';

describe('generated worlds match their committed files', () => {
  const all = generators();

  test('every generator folder holds generators', () => {
    for (const { gen } of WORLD_SETS) {
      assert.ok(all.some((g) => g.script.startsWith(`${gen}/`)), `no generator in ${gen}`);
    }
  });

  for (const generator of all) {
    test(generator.file, async () => {
      const difference = await drift(generator);
      if (!difference) return;
      const { line, committed, generated } = difference;
      assert.fail(committed === undefined
        ? `${generator.file} does not exist; write it with: node ${generator.script}`
        : `${generator.file} has drifted from ${generator.script} (first difference on line ${line}):\n` +
          `  committed: ${committed}\n  generated: ${generated}\n` +
          `regenerate it with: node ${generator.script}  (all of them: node tests/lib/regenerate-worlds.mjs)`);
    });
  }
});
