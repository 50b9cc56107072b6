// Starts the fake GitHub as its own process, the way other tests and the
// benchmarks do, and talks to it over HTTP.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER = fileURLToPath(new URL('../server.mjs', import.meta.url));
export const REPO_ROOT = resolve(dirname(SERVER), '..', '..');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const WORLDS = fileURLToPath(new URL('./worlds/', import.meta.url));

export function sharedAvailable() {
  return existsSync(SHARED);
}

export function worldPath(name) {
  return join(WORLDS, name);
}

// Writes a world (or faults) object to a temporary file and returns its path.
export function tempJson(object, name = 'world.json') {
  const dir = mkdtempSync(join(tmpdir(), 'fakegithub-'));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(object));
  return file;
}

// Servers still running when this test process exits (an assertion threw
// before `after` ran) are stopped rather than left behind.
const running = new Set();
process.on('exit', () => {
  for (const proc of running) proc.kill('SIGTERM');
});

// world: a path or an object. Resolves once the server printed its first line.
export async function startServer({ world, args = [] }) {
  const file = typeof world === 'string' ? world : tempJson(world);
  const proc = spawn(process.execPath, [SERVER, '--world', file, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const base = await new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20000);
    proc.stdout.on('data', (d) => {
      stdout += d;
      const newline = stdout.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        const first = stdout.slice(0, newline);
        const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
        if (m) resolvePromise(m[1]);
        else reject(new Error(`unexpected first line: ${first}`));
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    base,
    stderr: () => stderr,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await once(proc, 'exit');
      }
    },
  };
}

// Runs the server expecting it to exit (bad world, bad flags).
export async function runToExit(args) {
  const proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => {
    stdout += d;
  });
  proc.stderr.on('data', (d) => {
    stderr += d;
  });
  const [code] = await once(proc, 'exit');
  return { code, stdout, stderr };
}

export async function get(base, path, { token, headers = {}, redirect = 'manual' } = {}) {
  const response = await fetch(`${base}${path}`, {
    redirect,
    headers: { ...(token ? { Authorization: `token ${token}` } : {}), ...headers },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseOrNull(text) };
}

function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function graphql(base, query, { token = 'test-token', variables } = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

export async function stats(base) {
  return (await get(base, '/__stats')).json;
}
