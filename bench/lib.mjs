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
