// What a crawl costs, request by request: the counts --stats and the JSON
// report, checked against what the fake GitHub itself counted.
import assert from 'node:assert/strict';
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

  test('GraphQL: one level query and three more timeline pages', async () => {
    await fake.resetStats();
    const { json } = await reportJson(fake, 'quarry-io/quarry#5000', ['--api', 'graphql', '--depth', '0']);
    assert.deepEqual(json.stats.requests_by_kind, { graphql_level: 1, graphql_pages: 3 });
    const server = await fake.stats();
    assert.equal(server.total, 4);
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
