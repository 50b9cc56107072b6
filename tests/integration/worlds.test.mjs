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
      // A graph is partial exactly when something could not be read or was cut.
      const cut = json.stats.failed.length + json.stats.truncated.length + json.stats.left_out.length;
      assert.equal(json.stats.partial, cut > 0, JSON.stringify(json.stats.failed));
      if (expect.comment_count !== undefined) {
        const root = nodes.get(expect.root);
        assert.equal(root.comments, expect.comment_count, 'comment count GitHub reports');
        assert.equal(root.comments_fetched, expect.comment_count, 'every comment of the thread read');
      }
      const forbidden = (expect.forbidden_edges ?? []).map(key).filter((k) => edges.has(k));
      assert.deepEqual(forbidden, [], `edges that must not exist in ${name}`);
      for (const special of expect.special ?? []) {
        if (special.expect === 'deleted') {
          assert.equal(nodes.get(special.ref)?.deleted, true, `${special.ref} marked deleted`);
        } else if (special.expect === 'moved') {
          assert.ok(!nodes.has(special.ref), `${special.ref} keyed by its old name`);
          assert.ok(nodes.has(special.moved_to), `${special.moved_to} missing`);
          assert.deepEqual(nodes.get(special.moved_to).aliases, [special.ref]);
        } else if (special.expect === 'failed_not_found') {
          assert.ok(json.stats.failed.some((f) => f.startsWith(`${special.ref}: `) && /not found/.test(f)),
            `${special.ref} listed as failed`);
        }
      }
    });

    if (expect.depth2) {
      test('depth 2: the links of the expanded neighbours too', async () => {
        const { json } = await reportJson(fake, rootUrl(expect.root),
          ['--depth', String(expect.depth2.depth), '--api', api]);
        const edges = edgeSet(json);
        const missing = [...wanted(expect.edges), ...wanted(expect.depth2.edges)].filter((k) => !edges.has(k));
        assert.deepEqual(missing, [], `missing edges in ${name} at depth 2`);
        const forbidden = [...(expect.forbidden_edges ?? []), ...(expect.depth2.forbidden_edges ?? [])]
          .map(key).filter((k) => edges.has(k));
        assert.deepEqual(forbidden, [], `edges that must not exist in ${name} at depth 2`);
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
