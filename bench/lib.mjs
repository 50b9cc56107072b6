// Shared by the end-to-end benchmarks: running the release binary against
// a fake GitHub and measuring it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { repoRoot } from '../tests/integration/harness.mjs';

export function parseArgs(argv) {
  return Object.fromEntries(argv.reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []));
}

export const defaultBin = path.join(repoRoot, 'build', 'release', 'src', 'issuegraph');
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// Runs `issuegraph`; resolves to wall time, stdout, stderr, the JSON output
// when there is one, the --stats line's fields, and, where GNU time exists,
// process CPU seconds and peak RSS.
export function runIssuegraph(bin, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const command = gnuTime ? gnuTime : bin;
    const commandArgs = gnuTime ? ['-f', '@@time %U %S %M', bin, ...args] : args;
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`issuegraph ${args.join(' ')} exited ${code}: ${err}`));
      const timing = /@@time ([\d.]+) ([\d.]+) (\d+)/.exec(err);
      const stats = Object.fromEntries([...(/issuegraph: stats: (.*)/.exec(err)?.[1] ?? '').matchAll(/(\w+)=(\S+)/g)]
        .map((m) => [m[1], m[2]]));
      resolve({
        ms,
        out,
        stats,
        json: out.startsWith('{') ? JSON.parse(out) : null,
        cpuSeconds: timing ? Number(timing[1]) + Number(timing[2]) : NaN,
        peakRssMb: timing ? Number(timing[3]) / 1024 : NaN,
      });
    });
  });
}

// The existing tools' strategy: every node costs its issue, every page of its
// comments and timeline, and its sub-issues; links from text and back-links.
// Crawls `root` (OWNER/REPO#N) to `depth`; resolves to the items seen.
export async function perNodeRest(url, root, depth) {
  const headers = { authorization: 'Bearer bench', accept: 'application/vnd.github+json' };
  const getAll = async (first) => {
    const entries = [];
    for (let next = first; next;) {
      const response = await fetch(next, { headers });
      if (!response.ok) return entries;
      entries.push(...await response.json());
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    }
    return entries;
  };
  const refsIn = (text, repoName) => {
    const found = [];
    for (const m of (text ?? '').matchAll(/(?:([\w.-]+\/[\w.-]+))?#(\d+)/g)) found.push(`${(m[1] ?? repoName).toLowerCase()}#${m[2]}`);
    return found;
  };
  const seen = new Set([root.toLowerCase()]);
  let level = [root.toLowerCase()];
  for (let d = 0; d <= depth && level.length; d++) {
    const next = [];
    const queue = [...level];
    const worker = async () => {
      for (let key = queue.shift(); key; key = queue.shift()) {
        const [repoName, number] = key.split('#');
        const base = `${url}/repos/${repoName}/issues/${number}`;
        const issue = await (await fetch(base, { headers })).json();
        const comments = await getAll(`${base}/comments?per_page=100`);
        const timeline = await getAll(`${base}/timeline?per_page=100`);
        await getAll(`${base}/sub_issues?per_page=100`);
        if (d === depth) continue;
        const links = [...refsIn(issue.body, repoName), ...comments.flatMap((c) => refsIn(c.body, repoName))];
        for (const event of timeline) {
          const source = event.source?.issue;
          if (source?.repository?.full_name) links.push(`${source.repository.full_name.toLowerCase()}#${source.number}`);
        }
        for (const link of links) if (!seen.has(link)) { seen.add(link); next.push(link); }
      }
    };
    await Promise.all(Array.from({ length: 5 }, worker));
    level = next;
  }
  return seen.size;
}
