#!/usr/bin/env node
// Builds the real-thread corpus: every tests/eval/real/threads/NAME.mjs is
// one public GitHub thread, paraphrased (the prose in our own words, the
// technical tokens — error lines, commands, versions, code, URLs, numbers —
// kept as they were), with its public address and the gold a careful reader
// writes for it. This script turns each into the two files the evaluation
// reads, in the thread's split (tuning/ or heldout/):
//   SPLIT/worlds/NAME.json  the world the fake GitHub serves
//   SPLIT/gold/NAME.json    the gold (evaluate.mjs format, plus must_not)
// and writes manifest.json (name, split, address, ecosystem, styles).
//
//   node tests/eval/real/build.mjs          rewrite every file
//   node tests/eval/real/build.mjs --check  exit 1 naming any file that differs
//
// A thread spec:
//   { url, split: 'tuning'|'heldout', ecosystem, styles: [...],
//     repo, issue: {number, title, body, state, state_reason, author,
//       author_association, labels, created_at, closed_at, events, type,
//       merged}, comments: [[author, association, body], ...],
//     items: [more issues or pulls, same fields, comments as above],
//     gold: {status, links, linked_pulls, sections, must_not, notes} }
// Comment times follow the item's created_at, one hour apart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { issue as makeIssue, pull as makePull, iso, worldText } from '../../lib/worldgen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPLITS = ['tuning', 'heldout'];

function item(spec, repo) {
  const start = Date.parse(spec.created_at);
  const comments = (spec.comments ?? []).map(([author, association, body], i) => ({
    author, author_association: association, created_at: iso(start + (i + 1) * 3_600_000), body,
  }));
  const last = comments.length ? comments[comments.length - 1].created_at : spec.created_at;
  const closed_at = spec.state === 'closed' ? (spec.closed_at ?? last) : null;
  const fields = { ...spec, comments, closed_at, updated_at: closed_at ?? last };
  const built = spec.type === 'pull'
    ? makePull({ ...fields, head: spec.head ?? `fix-${spec.number}` })
    : makeIssue(fields);
  if (built.state === 'closed' && !(spec.events ?? []).some((e) => e.type === 'closed')) {
    built.events = [...built.events, { type: 'closed', actor: spec.closer ?? spec.author, created_at: closed_at,
      closer: spec.closed_by ?? null }];
  }
  void repo;
  return built;
}

export function buildThread(spec) {
  const repos = {};
  const add = (repo, it) => {
    repos[repo] ??= { private: false, moved_to: null, items: [] };
    repos[repo].items.push(item(it, repo));
  };
  add(spec.repo, { ...spec.issue, comments: spec.comments ?? [] });
  for (const it of spec.items ?? []) add(it.repo ?? spec.repo, it);
  for (const r of Object.values(repos)) r.items.sort((a, b) => a.number - b.number);
  const world = { repos };
  const gold = {
    root: `${spec.repo}#${spec.issue.number}`,
    depth: spec.gold.depth ?? 1,
    links: spec.gold.links ?? [],
    status: spec.gold.status,
    linked_pulls: spec.gold.linked_pulls ?? [],
    sections: spec.gold.sections,
    ...(spec.gold.must_not ? { must_not: spec.gold.must_not } : {}),
    notes: [`Paraphrased from ${spec.url}.`, ...(spec.gold.notes ?? [])],
  };
  return { world, gold };
}

export async function loadThreads() {
  const dir = path.join(here, 'threads');
  const names = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const out = [];
  for (const f of names) {
    const spec = (await import(pathToFileURL(path.join(dir, f)).href)).default;
    out.push({ name: f.replace(/\.mjs$/, ''), spec });
  }
  return out;
}

export async function outputs() {
  const files = new Map();
  const manifest = [];
  for (const { name, spec } of await loadThreads()) {
    if (!SPLITS.includes(spec.split)) throw new Error(`${name}: split must be one of ${SPLITS.join(', ')}`);
    const { world, gold } = buildThread(spec);
    files.set(path.join(here, spec.split, 'worlds', `${name}.json`), worldText(world));
    files.set(path.join(here, spec.split, 'gold', `${name}.json`), `${JSON.stringify(gold, null, 2)}\n`);
    manifest.push({ name, split: spec.split, url: spec.url, ecosystem: spec.ecosystem, styles: spec.styles ?? [],
      ...(spec.reconstructed ? { reconstructed: spec.reconstructed } : {}) });
  }
  files.set(path.join(here, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

async function main(argv) {
  const check = argv.includes('--check');
  const files = await outputs();
  const wanted = new Set(files.keys());
  let bad = 0;
  for (const split of SPLITS) {
    for (const sub of ['worlds', 'gold']) {
      const dir = path.join(here, split, sub);
      fs.mkdirSync(dir, { recursive: true });
      for (const f of fs.readdirSync(dir)) {
        const p = path.join(dir, f);
        if (wanted.has(p)) continue;
        if (check) { console.error(`stale file ${path.relative(here, p)}: run node tests/eval/real/build.mjs`); bad++; }
        else fs.unlinkSync(p);
      }
    }
  }
  for (const [p, text] of files) {
    const old = fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null;
    if (old === text) continue;
    if (check) { console.error(`${path.relative(here, p)} differs from its thread: run node tests/eval/real/build.mjs`); bad++; }
    else fs.writeFileSync(p, text);
  }
  return bad ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((c) => { process.exitCode = c; }, (e) => { console.error(e.stack); process.exitCode = 2; });
}
