// Starts the fake GitHub on loopback and runs the real issuegraph binary
// against it. Every test gets its own server (port 0) and a clean
// environment: no token unless the test gives one.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const worldsDir = path.join(repoRoot, 'tests', 'worlds');

export const binary = process.env.ISSUEGRAPH_BIN ?? path.join(repoRoot, 'build', 'debug', 'src', 'issuegraph');

export function world(name) {
  return path.join(worldsDir, name.endsWith('.json') ? name : `${name}.json`);
}

// Resolves to { url, stop(), stats(), resetStats() } once the server listens.
export async function startFake(worldFile, args = []) {
  const child = spawn(process.execPath,
    [path.join(repoRoot, 'tests', 'fakegithub', 'server.mjs'), '--world', worldFile, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line),
    once(child, 'exit').then(([code]) => { throw new Error(`fake GitHub exited ${code}: ${stderr}`); }),
  ]);
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
  if (!match) throw new Error(`unexpected first line from fake GitHub: ${first}`);
  const url = match[1];
  return {
    url,
    async stats() { return (await fetch(`${url}/__stats`)).json(); },
    async resetStats() { await fetch(`${url}/__stats/reset`, { method: 'POST' }); },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}

const tokenVars = ['GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GH_HOST', 'ISSUEGRAPH_API_URL'];

// A cache directory of its own, removed when the test process exits.
const cacheDirs = [];
process.on('exit', () => {
  for (const dir of cacheDirs) fs.rmSync(dir, { recursive: true, force: true });
});
export function freshCacheDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-cache-'));
  cacheDirs.push(dir);
  return dir;
}

// Runs the binary; resolves to { code, stdout, stderr }. Unless the caller
// names one (XDG_CACHE_HOME or --store), every run gets an empty cache, so
// each test sees the network it scripted.
// `stdoutPath` sends standard output to that file instead (e.g. /dev/full);
// `input` is written to standard input (else it is closed).
export function run(args, { env = {}, timeoutMs = 120_000, stdoutPath, input } = {}) {
  const clean = { ...process.env };
  for (const name of tokenVars) delete clean[name];
  if (!env.XDG_CACHE_HOME) clean.XDG_CACHE_HOME = freshCacheDir();
  return new Promise((resolve, reject) => {
    const out = stdoutPath ? fs.openSync(stdoutPath, 'w') : 'pipe';
    const child = spawn(binary, args,
      { env: { ...clean, ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', out, 'pipe'] });
    if (stdoutPath) fs.closeSync(out);
    if (input !== undefined) child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out: ${args.join(' ')}`)); }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? `signal ${signal}` : code, stdout, stderr });
    });
  });
}

// report --format json against a fake; returns the parsed JSON and the run.
export async function reportJson(fake, ref, extra = [], env = { GITHUB_TOKEN: 'test-token' }) {
  const result = await run(['report', ref, '--format', 'json', '--api-url', fake.url, ...extra], { env });
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  return { json: JSON.parse(result.stdout), ...result };
}

export function edgeSet(json) {
  return new Set(json.edges.map((e) => `${e.from.toLowerCase()} -> ${e.to.toLowerCase()} ${e.kind}`));
}

export function nodeMap(json) {
  return new Map(json.nodes.map((n) => [n.ref.toLowerCase(), n]));
}
