// Twenty concurrent MCP tool calls over HTTP for one issue nobody crawled
// yet cause one crawl: the fake GitHub's request count after them equals
// that of one call on a fresh server and store, and every call but one
// says it shared another's crawl or read what it stored.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { startFake, world } from '../integration/harness.mjs';
import { startServe } from '../integration/serve_harness.mjs';
import { httpClient } from './mcp_harness.mjs';

const REF = 'https://github.com/lumen-dev/lumen/issues/120';

async function requestsFor(calls) {
  // Latency keeps the crawl running while the other calls arrive.
  const fake = await startFake(world('seedlike'), ['--latency-ms', '300']);
  const server = await startServe(fake);
  const mcp = await httpClient(server);
  try {
    await fake.resetStats();
    const results = await Promise.all(Array.from({ length: calls }, () =>
      mcp.client.callTool({ name: 'issue_report', arguments: { ref: REF, depth: 2 } })));
    for (const result of results) assert.ok(!result.isError, result.content[0].text);
    const stats = await fake.stats();
    return { total: stats.total, results, errors: mcp.errors };
  } finally {
    await mcp.close();
    await server.stop();
    await fake.stop();
  }
}

test('20 concurrent tool calls over HTTP for one uncrawled issue crawl it once', async () => {
  const one = await requestsFor(1);
  assert.ok(one.total > 0, 'one call crawls');
  const twenty = await requestsFor(20);
  assert.equal(twenty.total, one.total, `20 calls made ${twenty.total} requests, one call ${one.total}`);
  // A call that came after the crawl ended was answered from the store.
  const crawled = twenty.results.filter((r) => !r.structuredContent.shared_crawl && r.structuredContent.requests > 0);
  assert.equal(crawled.length, 1, 'one call crawled; the others shared it or read what it stored');
  const shared = twenty.results.filter((r) => r.structuredContent.shared_crawl).length;
  assert.ok(shared >= 10, `${shared} calls joined the running crawl`);
  const texts = new Set(twenty.results.map((r) => r.content[0].text));
  assert.equal(texts.size, 1, 'every call got the same report');
  assert.deepEqual(twenty.errors.map(String), []);
});
