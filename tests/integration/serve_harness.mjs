// Starts `issuegraph serve` against a fake GitHub for the integration and
// browser tests, on a free port, with a store of its own and a clean
// environment (the test token only); the job API's client side; a
// tripwire that counts the connections it is offered.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
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
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      return code;
    },
  };
}


export async function postJob(server, body, headers = {}) {
  const res = await fetch(`${server.url}/api/v1/jobs`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

// Reads a job's event stream to its end; the events in order.
export async function readEvents(server, id) {
  const res = await fetch(`${server.url}/api/v1/jobs/${id}/events`);
  assert.equal(res.headers.get('content-type'), 'text/event-stream');
  const text = await res.text();
  return text.split('\n\n').filter((block) => block.includes('event: ')).map((block) => {
    const type = /event: (\S+)/.exec(block)[1];
    const data = JSON.parse(/data: (.*)/.exec(block)[1]);
    return { type, data };
  });
}

// Starts a crawl job and reads it to its end, which must be `done`.
export async function crawl(server, url) {
  const job = await postJob(server, { url });
  assert.equal(job.status, 202, JSON.stringify(job.json));
  const events = await readEvents(server, job.json.id);
  assert.equal(events.at(-1).type, 'done', JSON.stringify(events.at(-1)));
  return { job: job.json, events };
}

// A listener that counts connections and drops them unanswered: where no
// request may go. On every loopback address (IPv4 and, when the machine
// has it, IPv6 ::1) at one port, so 127.0.0.1, [::1] and localhost all
// reach it.
export async function tripwire() {
  let connections = 0;
  const server = net.createServer((socket) => { connections++; socket.destroy(); });
  await new Promise((resolve, reject) => {
    server.once('error', () => {
      server.removeAllListeners('error');
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    server.listen(0, '::', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    stop: () => new Promise((resolve) => { server.close(resolve); }),
  };
}
