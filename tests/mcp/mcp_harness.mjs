// MCP clients for the tests: the official TypeScript SDK's Client over
// `issuegraph mcp` (stdio) or over `issuegraph serve`'s /mcp (Streamable
// HTTP), each against a fake GitHub, plus a raw stdio line reader for
// what the SDK never sends (old protocol versions, broken JSON).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { binary, freshCacheDir } from '../integration/harness.mjs';

export const token = { GITHUB_TOKEN: 'test-token' };

function cleanEnv(extra) {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: freshCacheDir(), XDG_CACHE_HOME: freshCacheDir(), ...extra };
}

// Every error the client reports on its own (a response it did not ask
// for, a message it could not read) is collected, for tests to assert none.
function watch(client) {
  const errors = [];
  client.onerror = (error) => errors.push(error);
  return errors;
}

// Resolves to { client, errors, stderr(), close() } with the handshake done.
export async function stdioClient(fake, { store = path.join(freshCacheDir(), 'store.db'), env = token, args = [] } = {}) {
  const transport = new StdioClientTransport({
    command: binary,
    args: ['mcp', '--store', store, '--api-url', fake.url, ...args],
    env: cleanEnv(env),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => { stderr += d; });
  const client = new Client({ name: 'issuegraph-tests', version: '1.0.0' });
  const errors = watch(client);
  await client.connect(transport);
  return { client, errors, stderr: () => stderr, close: () => client.close() };
}

export async function httpClient(server) {
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`));
  const client = new Client({ name: 'issuegraph-tests', version: '1.0.0' });
  const errors = watch(client);
  await client.connect(transport);
  return {
    client, errors, transport,
    async close() {
      await transport.terminateSession();
      await client.close();
    },
  };
}

// A raw stdio server: send(message) writes one line; next() resolves to
// the next message it writes.
export function rawStdio(fake, { store = path.join(freshCacheDir(), 'store.db'), env = token } = {}) {
  const child = spawn(binary, ['mcp', '--store', store, '--api-url', fake.url],
    { env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = [];
  const waiting = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line);  // stdout carries JSON-RPC only
    if (waiting.length) waiting.shift()(message); else lines.push(message);
  });
  return {
    send(message) { child.stdin.write(typeof message === 'string' ? `${message}\n` : `${JSON.stringify(message)}\n`); },
    next() {
      if (lines.length) return Promise.resolve(lines.shift());
      return new Promise((resolve) => waiting.push(resolve));
    },
    stderr: () => stderr,
    async close() {
      child.stdin.end();
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 0, stderr);
    },
  };
}

export function textOf(result) {
  assert.equal(result.content[0].type, 'text');
  return result.content[0].text;
}
