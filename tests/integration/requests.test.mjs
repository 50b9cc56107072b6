// What a crawl costs, request by request: the counts --stats and the JSON
// report, checked against what the fake GitHub itself counted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { reportJson, startFake, world } from './harness.mjs';

describe('request accounting on a 305-comment thread', () => {
  let fake;
  before(async () => { fake = await startFake(world('long-thread')); });
  after(async () => { await fake?.stop(); });

  test('REST: the issue, four timeline pages, no comments endpoint', async () => {
    await fake.resetStats();
    const { json } = await reportJson(fake, 'quarry-io/quarry#5000', ['--api', 'rest', '--depth', '0']);
    // REST's closed event names only a commit: one lookup finds its pull.
    assert.deepEqual(json.stats.requests_by_kind, { issue: 1, timeline: 4, commit_pulls: 1 });
    assert.equal(json.stats.requests, 6);
    assert.equal((await fake.stats()).total, 6);
  });

  test('GraphQL: one level query with both ends of the thread, two pages between', async () => {
    await fake.resetStats();
    const { json } = await reportJson(fake, 'quarry-io/quarry#5000', ['--api', 'graphql', '--depth', '0']);
    assert.deepEqual(json.stats.requests_by_kind, { graphql_level: 1, graphql_pages: 2 });
    const server = await fake.stats();
    assert.equal(server.total, 3);
    assert.equal(json.stats.graphql_points, server.graphql_points);
  });

  test('REST leaves that arrived inside a cross-reference cost nothing', async () => {
    await fake.resetStats();
    const { json } = await reportJson(fake, 'quarry-io/quarry#5000', ['--api', 'rest', '--depth', '1']);
    const server = await fake.stats();
    assert.equal(json.stats.requests, server.total);
    // Every neighbour cross-references the root, so none needs its own request.
    assert.equal(json.stats.requests_by_kind.issue, 1);
  });
});

test('GraphQL: threads of up to 200 entries are read whole in one query, from both ends', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-ends-'));
  const items = [150, 200, 201].map((count, i) => ({
    number: i + 1, type: 'issue', title: `Thread of ${count}`, body: 'Body.', state: 'open', author: 'ana',
    created_at: '2026-01-01T00:00:00Z',
    comments: Array.from({ length: count }, (_, k) => ({ author: 'bo', created_at: '2026-01-02T00:00:00Z', body: `Comment ${k + 1}.` })),
  }));
  const file = path.join(dir, 'ends.json');
  fs.writeFileSync(file, JSON.stringify({ repos: { 'ends/app': { items } } }));
  const fake = await startFake(file);
  try {
    for (const [number, pages] of [[1, 0], [2, 0], [3, 1]]) {
      await fake.resetStats();
      const { json } = await reportJson(fake, `ends/app#${number}`, ['--api', 'graphql', '--depth', '0']);
      const expected = { graphql_level: 1, ...(pages ? { graphql_pages: pages } : {}) };
      assert.deepEqual(json.stats.requests_by_kind, expected, `thread #${number}`);
      assert.equal(json.nodes[0].comments_fetched, json.nodes[0].comments);
    }
  } finally {
    await fake.stop();
    fs.rmSync(dir, { recursive: true });
  }
});
