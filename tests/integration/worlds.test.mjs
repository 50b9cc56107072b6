// Every world under tests/worlds/ with an expectations file: the real binary,
// over REST and over GraphQL, must find every link planted there (at each
// depth the file names; typed links only GraphQL can name are required of
// GraphQL alone), nothing planted inside code or on other hosts, and the
// states of the items it reaches. Both APIs must draw the same graph but for
// those typed links.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { edgeSet, nodeMap, reportJson, startFake, worldsDir } from './harness.mjs';

const expectations = fs.readdirSync(worldsDir).filter((f) => f.endsWith('.expect.json')).sort();

function rootUrl(root) {
  const [repo, number] = root.split('#');
  return `https://github.com/${repo}/issues/${number}`;
}

for (const file of expectations) {
  const name = file.replace(/\.expect\.json$/, '');
  const expect = JSON.parse(fs.readFileSync(path.join(worldsDir, file), 'utf8'));
  const key = (e) => `${e.from} -> ${e.to} ${e.kind}`;
  const graphqlOnly = new Set([...(expect.edges ?? []), ...(expect.depth2?.edges ?? [])]
    .filter((e) => e.api === 'graphql').map(key));

  for (const api of ['rest', 'graphql']) describe(`world ${name} over ${api}`, () => {
    const wanted = (list) => (list ?? []).filter((e) => api === 'graphql' || e.api !== 'graphql').map(key);
    let fake;
    before(async () => { fake = await startFake(path.join(worldsDir, `${name}.json`)); });
    after(async () => { await fake?.stop(); });

    test(`depth ${expect.depth}: every planted link, nothing from code`, async () => {
      const { json } = await reportJson(fake, rootUrl(expect.root),
        ['--depth', String(expect.depth), '--api', api]);
      const edges = edgeSet(json);
      const missing = wanted(expect.edges).filter((k) => !edges.has(k));
      assert.deepEqual(missing, [], `missing edges in ${name}`);
      const nodes = nodeMap(json);
      for (const ref of expect.not_linked ?? []) {
        assert.ok(!nodes.has(ref), `${ref} must not be a node`);
        assert.ok(![...edges].some((e) => e.includes(`${ref} `)), `${ref} must not be in an edge`);
      }
      for (const want of expect.nodes ?? []) {
        const node = nodes.get(want.ref);
        assert.ok(node, `node ${want.ref} missing`);
        if (want.state) assert.equal(node.state, want.state, `state of ${want.ref}`);
        if (want.type) assert.equal(node.type, want.type, `type of ${want.ref}`);
      }
      assert.equal(json.root.toLowerCase(), expect.root);
      assert.equal(json.stats.api, api);
      assert.equal(json.stats.partial, false);
    });

    if (expect.depth2) {
      test('depth 2: the links of the expanded neighbours too', async () => {
        const { json } = await reportJson(fake, rootUrl(expect.root),
          ['--depth', String(expect.depth2.depth), '--api', api]);
        const edges = edgeSet(json);
        const missing = [...wanted(expect.edges), ...wanted(expect.depth2.edges)].filter((k) => !edges.has(k));
        assert.deepEqual(missing, [], `missing edges in ${name} at depth 2`);
        for (const want of expect.depth2.nodes ?? []) {
          assert.ok(nodeMap(json).has(want.ref), `node ${want.ref} missing at depth 2`);
        }
      });
    }
  });

  test(`world ${name}: REST and GraphQL draw the same graph but for typed links`, async () => {
    const fake = await startFake(path.join(worldsDir, `${name}.json`));
    try {
      const depth = String(expect.depth2?.depth ?? expect.depth);
      const graphs = {};
      for (const api of ['rest', 'graphql']) {
        const { json } = await reportJson(fake, rootUrl(expect.root), ['--depth', depth, '--api', api]);
        graphs[api] = json;
      }
      const nodes = (j) => j.nodes.map((n) => n.ref.toLowerCase()).sort();
      assert.deepEqual(nodes(graphs.graphql), nodes(graphs.rest));
      const rest = edgeSet(graphs.rest);
      const graphql = [...edgeSet(graphs.graphql)].filter((e) => !graphqlOnly.has(e));
      assert.deepEqual(graphql.filter((e) => !rest.has(e)), [], 'edges only GraphQL found');
      assert.deepEqual([...rest].filter((e) => !edgeSet(graphs.graphql).has(e)), [], 'edges only REST found');
    } finally {
      await fake.stop();
    }
  });
}
