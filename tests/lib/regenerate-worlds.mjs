#!/usr/bin/env node
// Rewrites every generated world from its generator, or with --check lists
// the worlds whose committed file differs from what its generator builds
// now (exit 1 if any). NAMEs restrict it to those worlds. See worldgen.mjs.
//
//   node tests/lib/regenerate-worlds.mjs [--check] [NAME...]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { drift, generate, generators, repoRoot } from './worldgen.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((a) => a !== '--check');
const all = generators();
const unknown = names.filter((n) => !all.some((g) => g.name === n));
if (unknown.length) {
  console.error(`no generator for ${unknown.join(', ')}`);
  process.exit(2);
}
let drifted = 0;
for (const generator of all.filter((g) => !names.length || names.includes(g.name))) {
  if (!check) {
    writeFileSync(join(repoRoot, generator.file), await generate(generator));
    console.log(`wrote ${generator.file}`);
  } else if (await drift(generator)) {
    drifted++;
    console.log(`${generator.file} differs from what ${generator.script} generates`);
  }
}
if (check) {
  console.log(drifted ? `${drifted} drifted; regenerate with node tests/lib/regenerate-worlds.mjs`
    : 'every generated world is up to date');
}
process.exitCode = drifted ? 1 : 0;
