// Several `issuegraph serve` replicas on one PostgreSQL database behind
// nginx, for the replica tests and bench/scale. The database lives in the
// suite's throwaway cluster (tests/postgres/cluster; its URL is in the file
// ISSUEGRAPH_TEST_POSTGRES names, or pass one); nginx is Debian's, started
// here with a generated config on a free port and stopped at the end.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

import { binary, freshCacheDir } from '../integration/harness.mjs';

export function clusterUrl() {
  const file = process.env.ISSUEGRAPH_TEST_POSTGRES;
  if (!file || !fs.existsSync(file)) return null;
  return fs.readFileSync(file, 'utf8').trim();
}

export function psql(url, sql) {
  return execFileSync('psql', [url, '-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { encoding: 'utf8', env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } }).trim();
}

// A new, empty database in the cluster; its URL.
export function freshDatabase(url, name) {
  psql(url, `DROP DATABASE IF EXISTS ${name}`);
  psql(url, `CREATE DATABASE ${name}`);
  return url.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

export async function freePort() {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

// One replica: { url, name, pid, stop(), kill() }.
export async function startReplica(fake, store, name, args = []) {
  const clean = { ...process.env };
  for (const v of ['GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'ISSUEGRAPH_API_URL', 'ISSUEGRAPH_STORE_URL']) delete clean[v];
  const child = spawn(binary, ['serve', '--port', '0', '--store', store, '--api-url', fake.url, '--replica', name,
    '--crawls-per-minute', '100000', '--crawl-burst', '100000', ...args],
  { env: { ...clean, XDG_CACHE_HOME: freshCacheDir(), GITHUB_TOKEN: 'test-token' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line),
    once(child, 'exit').then(([code]) => { throw new Error(`replica ${name} exited ${code}: ${stderr}`); }),
  ]);
  const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
  assert.ok(match, `unexpected first line: ${first}`);
  return {
    url: match[1], port: Number(match[2]), name, pid: child.pid,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

// nginx in front of `replicas` (round robin; progress streams unbuffered;
// a replica that refuses connections is skipped). { url, stop() }.
export async function startNginx(replicas) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-nginx-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, `
worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  upstream issuegraph {
${replicas.map((r) => `    server 127.0.0.1:${r.port} max_fails=1 fail_timeout=30s;`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://issuegraph;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_buffering off;
      proxy_read_timeout 300s;
      proxy_next_upstream error timeout;
    }
  }
}
`);
  const child = spawn('/usr/sbin/nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT');
      await once(child, 'exit');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${stderr}`);
    try {
      await fetch(`http://127.0.0.1:${port}/healthz-none`);
      return { url: `http://127.0.0.1:${port}`, stop };
    } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  await stop();
  throw new Error(`nginx did not start: ${stderr}`);
}

// A world of `count` unlinked issues in acme/fleet, numbered from 1.
export function fleetWorld(count, { comments = 3 } = {}) {
  const items = [];
  for (let n = 1; n <= count; n++) {
    items.push({
      number: n, type: 'issue', title: `fleet item ${n}: the worker stalls after reload`,
      body: `Item ${n}. After \`fleet reload\` the worker stops.\n\n\`\`\`\nerror: worker ${n} stalled (timeout 30s)\n\`\`\`\n`,
      state: 'open', state_reason: null, author: `user${n}`, author_association: 'NONE', labels: ['bug'],
      created_at: '2026-03-01T10:00:00Z', updated_at: '2026-03-02T10:00:00Z', closed_at: null,
      comments: Array.from({ length: comments }, (_, i) => ({
        author: `helper${i}`, author_association: 'NONE', created_at: `2026-03-0${2 + (i % 7)}T11:00:00Z`,
        body: `Comment ${i + 1} on item ${n}: same here with 2.${i}.0.`,
      })),
      events: [], parent: null, deleted: false,
    });
  }
  return { repos: { 'acme/fleet': { private: false, moved_to: null, items } } };
}

export function writeWorld(world) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-world-')), 'world.json');
  fs.writeFileSync(file, JSON.stringify(world, null, 2));
  return file;
}

// Reads a job's event stream until it ends: [{ id, event, data }].
export async function readEvents(url, { lastEventId, onEvent, signal } = {}) {
  const res = await fetch(url, { headers: lastEventId ? { 'Last-Event-ID': String(lastEventId) } : {}, signal });
  assert.equal(res.status, 200, `events at ${url}`);
  const events = [];
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = {};
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        event[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
      }
      if (!event.event) continue;
      event.data = JSON.parse(event.data ?? 'null');
      events.push(event);
      onEvent?.(event);
      if (event.event === 'done' || event.event === 'failed') return events;
    }
  }
  return events;
}
