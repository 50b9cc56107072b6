// What a run reads is bounded and checked: an answer larger than GitHub
// ever sends, an endless archive, and a 200 of another shape each end with
// one sentence and their exit code.
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import test from 'node:test';

import { run } from './harness.mjs';

// A server whose every answer is a 200 that never ends.
async function endlessServer() {
  let requests = 0;
  const chunk = Buffer.alloc(1 << 20, 'x');
  const server = http.createServer((req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (res.write(chunk)) { /* until the socket pushes back */ }
    };
    res.on('drain', pump);
    res.on('error', () => {});
    req.socket.on('close', () => res.destroy());
    pump();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests: () => requests,
    async stop() {
      server.closeAllConnections();
      server.close();
    },
  };
}

test('an endless answer is cut at the cap: exit 6, one sentence, asked once', async () => {
  const server = await endlessServer();
  try {
    const result = await run(['report', 'acme/app#1', '--api', 'rest', '--no-store', '--api-url', server.url],
      { timeoutMs: 60_000 });
    assert.equal(result.code, 6, result.stderr);
    const lines = result.stderr.trim().split('\n').filter((l) => !l.includes('no GitHub token set'));
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /is larger than 64 MiB/);
    assert.equal(server.requests(), 1);  // not asked again
  } finally {
    await server.stop();
  }
});

test('an endless archive is refused: exit 7, one sentence', async () => {
  const result = await run(['report', '--from', '/dev/zero']);
  assert.equal(result.code, 7, result.stderr);
  assert.equal(result.stderr.trim().split('\n').length, 1);
  assert.match(result.stderr, /cannot read the archive \/dev\/zero \(larger than 256 MiB\)/);
});

test('a GraphQL 200 of another shape is a protocol error (exit 6), not "not found"', async () => {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ hello: 'not GitHub' }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const url = `http://127.0.0.1:${server.address().port}`;
    const result = await run(['report', 'acme/app#1', '--api', 'graphql', '--no-store', '--api-url', url],
      { env: { GITHUB_TOKEN: 'test-token' } });
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /the GraphQL answer holds no data/);
  } finally {
    server.close();
  }
});
