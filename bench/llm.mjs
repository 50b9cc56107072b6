// The synthesis (--llm) measured against the fake model answering at once:
//   node bench/llm.mjs [--bin PATH] [--runs 5]
// 1. every scripted answer of tests/fakellm/scenarios.mjs: kept, dropped by
//    reason, or the fallback line;
// 2. the time the synthesis adds to a report (our side alone: prompt,
//    request to a 0 ms model, check), median of the runs, beside the whole
//    report with and without --llm;
// 3. the prompt's size in tokens for the seed-like world and a generated
//    1,000-node graph (depth 2), against the budget.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { generateWorld } from './gen_world.mjs';
import { parseArgs, runIssuegraph } from './lib.mjs';
import { repoRoot, startFake, world } from '../tests/integration/harness.mjs';
import { scenarios } from '../tests/fakellm/scenarios.mjs';

const args = parseArgs(process.argv.slice(2));
const bin = args.bin ?? path.join(repoRoot, 'build', 'release', 'src', 'issuegraph');
const runs = Number(args.runs ?? 5);
if (!fs.existsSync(bin)) {
  console.error(`no binary at ${bin}; build the release preset or pass --bin`);
  process.exit(2);
}
process.env.GITHUB_TOKEN = 'bench-token';

async function startLlm(scenario) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'tests', 'fakellm', 'server.mjs'), '--scenario', scenario],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(readline.createInterface({ input: child.stdout }), 'line');
  return { base: `${/listening on (\S+)/.exec(line)[1]}/v1`, async stop() { child.kill('SIGTERM'); await once(child, 'exit'); } };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function report(fake, ref, extra) {
  return runIssuegraph(bin, ['report', ref, '--format', 'json', '--api-url', fake.url, '--no-store', '-q', ...extra]);
}

// 1. The scripted set.
console.log('## Scripted answers (seed-like world; "injection" on tests/worlds/injection.json)\n');
console.log('| scenario | outcome | sentences | kept | dropped by reason |');
console.log('| --- | --- | --- | --- | --- |');
const totals = { sentences: 0, kept: 0, dropped: {} };
for (const name of Object.keys(scenarios)) {
  const injection = name === 'injection';
  const fake = await startFake(world(injection ? 'injection' : 'seedlike'));
  const llm = await startLlm(name);
  try {
    const { json } = await report(fake, injection ? 'acme/skiff#120' : 'lumen-dev/lumen#120',
      ['--llm', llm.base, '--llm-model', 'fake', '--llm-timeout', '1']);
    const s = json.synthesis;
    const reasons = Object.entries(s.checked.dropped_by_reason).map(([r, n]) => `${r} ${n}`).join(', ') || '—';
    const outcome = s.status === 'ok' ? 'synthesis' : `fallback: ${s.fallback_reason}`;
    console.log(`| ${name} | ${outcome} | ${s.checked.sentences} | ${s.checked.kept} | ${reasons} |`);
    totals.sentences += s.checked.sentences;
    totals.kept += s.status === 'ok' ? s.checked.kept : 0;
    for (const [r, n] of Object.entries(s.checked.dropped_by_reason)) totals.dropped[r] = (totals.dropped[r] ?? 0) + n;
  } finally {
    await llm.stop();
    await fake.stop();
  }
}
console.log(`\nAll answers: ${totals.sentences} sentences, ${totals.kept} shown, dropped: ${JSON.stringify(totals.dropped)}\n`);

// 2. Latency added with the model at 0 ms.
{
  const fake = await startFake(world('seedlike'));
  const llm = await startLlm('good');
  try {
    const plain = [];
    const withLlm = [];
    const synthesis = [];
    for (let i = 0; i < runs; i++) {
      plain.push((await report(fake, 'lumen-dev/lumen#120', [])).ms);
      const r = await report(fake, 'lumen-dev/lumen#120', ['--llm', llm.base, '--llm-model', 'fake']);
      withLlm.push(r.ms);
      synthesis.push(r.json.synthesis.wall_ms);
    }
    console.log(`## Latency, fake model at 0 ms, median of ${runs} (${path.relative(repoRoot, bin)})\n`);
    console.log(`report without --llm: ${median(plain).toFixed(1)} ms; with: ${median(withLlm).toFixed(1)} ms; `
      + `synthesis.wall_ms (prompt + request + check): ${median(synthesis)} ms\n`);
  } finally {
    await llm.stop();
    await fake.stop();
  }
}

// 3. Prompt sizes.
console.log('## Prompt size (estimated tokens; the answer keeps a quarter of the budget, 256–2048)\n');
console.log('| graph | nodes | budget | prompt tokens | prompt + answer room within budget |');
console.log('| --- | --- | --- | --- | --- |');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-bench-llm-'));
const big = path.join(dir, 'world-1000.json');
fs.writeFileSync(big, JSON.stringify(generateWorld(1000)));
for (const [label, file, ref, extra] of [
  ['seed-like', world('seedlike'), 'lumen-dev/lumen#120', []],
  ['generated', big, 'bench/app#1', ['--depth', '2', '--max-nodes', '1000']],
]) {
  const fake = await startFake(file);
  const llm = await startLlm('good');
  try {
    for (const budget of [4096, 8192, 32768]) {
      const { json } = await report(fake, ref, [...extra, '--llm', llm.base, '--llm-context-tokens', String(budget)]);
      const s = json.synthesis;
      const room = Math.min(2048, Math.max(256, Math.floor(budget / 4)));
      console.log(`| ${label} | ${json.stats.nodes} | ${budget} | ${s.prompt_tokens} | ${s.prompt_tokens + room <= budget ? 'yes' : 'NO'} |`);
    }
  } finally {
    await llm.stop();
    await fake.stop();
  }
}
fs.rmSync(dir, { recursive: true, force: true });
