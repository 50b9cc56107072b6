#!/usr/bin/env node
// Writes every evaluation report (tuning and held-out sets, REST and
// GraphQL, Markdown and JSON) into one folder, so that two builds can be
// compared byte for byte with `diff -r`: a change that should not alter any
// report is checked by snapshotting before and after it.
//
//   node tests/eval/snapshot.mjs OUT_DIR [--set tuning|heldout]... [--api rest|graphql]...
//
// The JSON's `stats.wall_ms` and `stats.bytes` describe the run, not the
// report, and are zeroed; everything else is written as the binary printed it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { run, startFake } from '../integration/harness.mjs';
import { listWorlds, loadGold, SETS } from './evaluate.mjs';

const FORMATS = { markdown: 'md', json: 'json' };

function rootUrl(root) {
  const [repo, number] = root.split('#');
  return `https://github.com/${repo}/issues/${number}`;
}

function steady(format, text) {
  if (format !== 'json') return text;
  return text.replace(/("(?:wall_ms|bytes)": )\d+/g, '$10');
}

async function snapshotWorld(out, set, name, apis) {
  const gold = loadGold(name, set);
  const fake = await startFake(path.join(SETS[set].worlds, `${name}.json`));
  try {
    for (const api of apis) {
      for (const [format, extension] of Object.entries(FORMATS)) {
        const args = ['report', rootUrl(gold.root), '--format', format, '--api', api, '--no-store',
          '--depth', String(gold.depth ?? 1), '--api-url', fake.url];
        const result = await run(args, { env: { GITHUB_TOKEN: 'eval-token' }, timeoutMs: 60_000 });
        if (result.code !== 0) throw new Error(`issuegraph exited ${result.code} on ${set}/${name}: ${result.stderr.trim()}`);
        const file = path.join(out, set, api, `${name}.${extension}`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, steady(format, result.stdout));
      }
    }
  } finally {
    await fake.stop();
  }
}

async function main(argv) {
  const out = argv[0];
  const sets = [];
  const apis = [];
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--set' && SETS[argv[i + 1]]) sets.push(argv[++i]);
    else if (argv[i] === '--api' && ['rest', 'graphql'].includes(argv[i + 1])) apis.push(argv[++i]);
    else return usage();
  }
  if (!out || out.startsWith('--')) return usage();
  for (const set of sets.length ? sets : Object.keys(SETS)) {
    const names = listWorlds(set);
    let next = 0;
    const worker = async () => {
      while (next < names.length) await snapshotWorld(out, set, names[next++], apis.length ? apis : ['rest', 'graphql']);
    };
    await Promise.all([worker(), worker()]);
    console.log(`${set}: ${names.length} worlds`);
  }
  return 0;
}

function usage() {
  console.error('usage: snapshot.mjs OUT_DIR [--set tuning|heldout]... [--api rest|graphql]...');
  return 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
    console.error(error.stack ?? String(error));
    process.exitCode = 2;
  });
}
