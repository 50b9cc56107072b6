#!/usr/bin/env node
// Checks that every gold text item of an evaluation set occurs literally in
// its world (bodies, comments, titles, commit and event messages), after the
// evaluator's normalisation and with inline-code backticks removed, and that
// every gold reference names an item of the world.
//
//   node tests/eval/check-gold.mjs [SET_DIR]    (default: tests/eval, the tuning set)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const set = process.argv[2] ? resolve(process.argv[2]) : here;
const norm = (t) => String(t).replace(/`/g, '').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
  .replace(/\s+/g, ' ').trim().toLowerCase();
let bad = 0;
for (const file of readdirSync(join(set, 'gold'))) {
  const gold = JSON.parse(readFileSync(join(set, 'gold', file), 'utf8'));
  const world = JSON.parse(readFileSync(join(set, 'worlds', file), 'utf8'));
  const texts = [];
  for (const repo of Object.values(world.repos)) {
    for (const it of repo.items) {
      texts.push(it.title, it.body, ...(it.comments ?? []).map((c) => c.body), ...(it.events ?? []).map((e) => e.message ?? ''));
    }
    for (const c of repo.commits ?? []) texts.push(c.message, c.sha);
  }
  const all = texts.map(norm);
  for (const [section, items] of Object.entries(gold.sections)) {
    for (const item of items) {
      if (!all.some((t) => t.includes(norm(item)))) { bad++; console.log(`${file} ${section}: not in world: ${item}`); }
    }
  }
  const refs = new Set();
  for (const [name, repo] of Object.entries(world.repos)) for (const it of repo.items) refs.add(`${name}#${it.number}`);
  for (const l of gold.links) for (const r of [l.from, l.to]) if (!refs.has(r)) { bad++; console.log(`${file}: unknown ref ${r}`); }
  for (const r of gold.linked_pulls) if (!refs.has(r)) { bad++; console.log(`${file}: unknown pull ${r}`); }
  if (!refs.has(gold.root)) { bad++; console.log(`${file}: unknown root ${gold.root}`); }
}
for (const file of readdirSync(join(set, 'worlds'))) {
  if (!readdirSync(join(set, 'gold')).includes(file)) { bad++; console.log(`${file}: world without a gold file`); }
}
console.log(bad ? `${bad} problems` : 'all gold items occur in their worlds');
process.exitCode = bad ? 1 : 0;
