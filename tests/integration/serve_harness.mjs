// Starts `issuegraph serve` against a fake GitHub for the integration and
// browser tests, on a free port, with a store of its own and a clean
// environment (the test token only).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';

import { binary, freshCacheDir } from './harness.mjs';

export const token = { GITHUB_TOKEN: 'test-token' };

// Starts the server on a free port; resolves to { url, stop() } once it
// accepts connections (its first stdout line says where). `fake` is the
// GitHub it may crawl: a fake's { url }, or any { url } to send requests to.
export async function startServe(fake, { store = path.join(freshCacheDir(), 'store.db'), args = [], env = token } = {}) {
  const clean = { ...process.env };
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'ISSUEGRAPH_API_URL']) delete clean[name];
  const child = spawn(binary, ['serve', '--port', '0', '--store', store, '--api-url', fake.url, ...args],
    { env: { ...clean, XDG_CACHE_HOME: freshCacheDir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line),
    once(child, 'exit').then(([code]) => { throw new Error(`serve exited ${code}: ${stderr}`); }),
  ]);
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
  assert.ok(match, `unexpected first line: ${first}`);
  return {
    url: match[1],
    store,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code;
    },
  };
}

