// The store makes the second look free: warm reruns ask nothing, stale but
// unchanged nodes cost a probe, changes are picked up, offline and archived
// reports equal the online one, and the store survives two writers, a
// kill -9 and a corrupt file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { binary, freshCacheDir, run, startFake, world } from './harness.mjs';

const root = 'https://github.com/lumen-dev/lumen/issues/120';
const token = { GITHUB_TOKEN: 't' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-store-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function report(fake, args, env) {
  const result = await run(['report', root, '--api-url', fake.url, ...args], { env });
  assert.equal(result.code, 0, result.stderr);
  return result;
}

for (const api of ['rest', 'graphql']) {
  describe(`store over ${api}`, () => {
    test('a fresh warm rerun sends no request and prints the same report', async () => {
      const fake = await startFake(world('seedlike'));
      try {
        const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
        const cold = await report(fake, ['--api', api, '--depth', '2'], env);
        assert.ok((await fake.stats()).total > 0);
        await fake.resetStats();
        const warm = await report(fake, ['--api', api, '--depth', '2'], env);
        assert.equal((await fake.stats()).total, 0);
        assert.equal(warm.stdout, cold.stdout);
        const offline = await report(fake, ['--api', api, '--depth', '2', '--offline'], env);
        assert.equal(offline.stdout, cold.stdout);
      } finally { await fake.stop(); }
    });

    test('export, then report --from, gives the same bytes offline', async () => {
      const fake = await startFake(world('seedlike'));
      try {
        const archive = path.join(dir, `archive-${api}.json`);
        const online = await report(fake, ['--api', api], token);
        const exported = await run(['export', root, '-o', archive, '--api', api, '--api-url', fake.url], { env: token });
        assert.equal(exported.code, 0, exported.stderr);
        await fake.stop();
        const fromArchive = await run(['report', '--from', archive]);
        assert.equal(fromArchive.code, 0, fromArchive.stderr);
        assert.equal(fromArchive.stdout, online.stdout);
        const stored = JSON.parse(fs.readFileSync(archive, 'utf8'));
        assert.equal(stored.report.text, online.stdout);
        assert.ok(!fs.readFileSync(archive, 'utf8').includes('"t"'), 'no token in the archive');
      } finally { await fake.stop(); }
    });
  });
}

test('GraphQL: a stale but unchanged stored report costs one probe, then is served', async () => {
  const fake = await startFake(world('seedlike'));
  try {
    const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
    const args = ['--api', 'graphql', '--depth', '2', '--format', 'json'];
    const cold = JSON.parse((await report(fake, args, env)).stdout);
    await fake.resetStats();
    const stale = JSON.parse((await report(fake, [...args, '--max-age', '0'], env)).stdout);
    assert.deepEqual(stale.stats.requests_by_kind, { graphql_probe: 1 });
    assert.equal((await fake.stats()).total, 1);
    assert.equal(stale.stats.served_from_store, true);
    assert.deepEqual({ ...stale, stats: null }, { ...cold, stats: null });
  } finally { await fake.stop(); }
});

test('GraphQL: a stale but unchanged graph with no stored report costs one probe per level', async () => {
  const fake = await startFake(world('seedlike'));
  try {
    const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
    await report(fake, ['--api', 'graphql', '--depth', '2'], env);
    await fake.resetStats();
    const result = await report(fake, ['--api', 'graphql', '--depth', '2', '--max-age', '0', '--format', 'json'], env);
    const json = JSON.parse(result.stdout);
    // Depth 2 over this world is two levels with nodes (the neighbours link
    // only to each other and the root): two probes, nothing refetched.
    assert.deepEqual(json.stats.requests_by_kind, { graphql_probe: 2 });
    assert.equal((await fake.stats()).total, 2);
  } finally { await fake.stop(); }
});

test('a changed node is picked up on revalidation; the unchanged are not refetched', async () => {
  const first = await startFake(world('seedlike'));
  const port = new URL(first.url).port;
  const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
  const before = await report(first, ['--api', 'graphql', '--format', 'json'], env);
  await first.stop();
  // The same GitHub an hour later: a new pull that closes #120, and a new
  // comment on #120 that links the docs issue again.
  const changed = JSON.parse(fs.readFileSync(world('seedlike'), 'utf8'));
  const items = changed.repos['lumen-dev/lumen'].items;
  items.push({ number: 140, type: 'pull', title: 'runtime: keep the legacy fallback quiet', body: 'Fixes #120 for agents started by systemd.',
    state: 'open', author: 'mirela-d', author_association: 'CONTRIBUTOR', created_at: '2026-05-30T09:00:00Z', updated_at: '2026-05-30T09:00:00Z',
    pull: { merged: false, merged_at: null, draft: false, base: 'main', head: 'fix/quiet' } });
  const file = path.join(dir, 'seedlike-later.json');
  fs.writeFileSync(file, JSON.stringify(changed));
  const second = await startFake(file, ['--port', port]);
  try {
    const after2 = await report(second, ['--api', 'graphql', '--format', 'json', '--max-age', '0'], env);
    const json = JSON.parse(after2.stdout);
    const edges = new Set(json.edges.map((e) => `${e.from} ${e.to} ${e.kind}`));
    assert.ok(edges.has('lumen-dev/lumen#140 lumen-dev/lumen#120 cross_referenced'));
    assert.ok(edges.has('lumen-dev/lumen#140 lumen-dev/lumen#120 closes'));
    assert.ok(JSON.parse(before.stdout).nodes.length < json.nodes.length);
    // One probe for every item the stored report stands on; then the root
    // again (its timeline grew, so it is fetched unprobed) and the new pull.
    assert.equal(json.stats.requests_by_kind.graphql_probe, 1);
    assert.equal(json.stats.requests_by_kind.graphql_level, 2);
    assert.ok(json.stats.cache_hits >= 5, `cache hits ${json.stats.cache_hits}`);
  } finally { await second.stop(); }
});

for (const api of ['rest', 'graphql']) {
  test(`${api}: a fresh rerun is the stored report, served without a crawl, in every format`, async () => {
    const fake = await startFake(world('seedlike'));
    try {
      const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
      for (const format of ['markdown', 'json', 'html', 'mermaid', 'dot']) {
        const args = ['--api', api, '--depth', '2', '--format', format, '--stats'];
        const cold = await report(fake, args, env);
        assert.doesNotMatch(cold.stderr, /served_from_store/);
        await fake.resetStats();
        const warm = await report(fake, args, env);
        assert.equal((await fake.stats()).total, 0);
        assert.match(warm.stderr, / requests=0 .* served_from_store=true/);
        if (format !== 'json') {
          assert.equal(warm.stdout, cold.stdout, format);
          continue;
        }
        // The JSON stats tell of the run that served it; the rest is the same.
        const [before, now] = [JSON.parse(cold.stdout), JSON.parse(warm.stdout)];
        assert.equal(now.stats.served_from_store, true);
        assert.equal(now.stats.requests, 0);
        assert.equal(now.stats.cache_hits, before.stats.cache_misses + before.stats.cache_hits);
        assert.equal(now.stats.nodes, before.stats.nodes);
        assert.equal(now.stats.edges, before.stats.edges);
        assert.deepEqual({ ...now, stats: null }, { ...before, stats: null });
      }
      // Another depth is another report: crawled from the store, not
      // served, and the report a crawl from GitHub gives (the leaves the
      // depth-2 crawl stored with their threads answer as summaries).
      const other = await report(fake, ['--api', api, '--depth', '1', '--stats'], env);
      assert.doesNotMatch(other.stderr, /served_from_store/);
      assert.match(other.stderr, / requests=0 /);
      assert.equal(other.stdout, (await report(fake, ['--api', api, '--depth', '1', '--no-store'], env)).stdout);
    } finally { await fake.stop(); }
  });
}

test('a stored report is not served once a node it read was rewritten by another crawl', async () => {
  const first = await startFake(world('seedlike'));
  const port = new URL(first.url).port;
  const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
  const args = ['--api', 'graphql', '--format', 'json'];
  let before;
  try {
    before = JSON.parse((await report(first, args, env)).stdout);
    assert.equal(JSON.parse((await report(first, args, env)).stdout).stats.served_from_store, true);
  } finally { await first.stop(); }
  // #131, a neighbour of #120, is renamed; a report on #131 itself, made
  // with --max-age 0, stores the new #131 within #120's --max-age.
  const changed = JSON.parse(fs.readFileSync(world('seedlike'), 'utf8'));
  const item = changed.repos['lumen-dev/lumen'].items.find((i) => i.number === 131);
  item.title = 'Agent on Windows: authentication required after login (renamed)';
  item.updated_at = '2026-05-29T08:00:00Z';
  const file = path.join(dir, 'seedlike-renamed.json');
  fs.writeFileSync(file, JSON.stringify(changed));
  const second = await startFake(file, ['--port', port]);
  try {
    const neighbour = await run(['report', 'lumen-dev/lumen#131', '--api-url', second.url, '--api', 'graphql', '--max-age', '0'], { env });
    assert.equal(neighbour.code, 0, neighbour.stderr);
    await second.resetStats();
    const after2 = JSON.parse((await report(second, args, env)).stdout);
    assert.equal(after2.stats.served_from_store, false);
    assert.equal((await second.stats()).total, 0, 'every node is fresh in the store');
    const title = (json) => json.nodes.find((n) => n.ref === 'lumen-dev/lumen#131').title;
    assert.equal(title(after2), item.title);
    assert.notEqual(title(before), item.title);
    // That report is the one served next.
    const again = JSON.parse((await report(second, args, env)).stdout);
    assert.equal(again.stats.served_from_store, true);
    assert.equal(title(again), item.title);
  } finally { await second.stop(); }
});

test('REST: stale nodes are revalidated with ETags and answered 304', async () => {
  const fake = await startFake(world('seedlike'));
  try {
    const env = { ...token, XDG_CACHE_HOME: freshCacheDir() };
    const cold = await report(fake, ['--api', 'rest'], env);
    await fake.resetStats();
    const stale = await report(fake, ['--api', 'rest', '--max-age', '0'], env);
    const stats = await fake.stats();
    assert.ok(stats.total > 0);
    assert.equal(stats.not_modified, stats.total, 'every revalidation answered 304');
    assert.equal(stale.stdout, cold.stdout);
  } finally { await fake.stop(); }
});

test('every report is archived in the store, and no token is ever written there', async () => {
  const fake = await startFake(world('seedlike'));
  try {
    const store = path.join(dir, 'archived.db');
    const secret = 'ghp_secretvalue_that_must_not_be_stored_123';
    for (const format of ['markdown', 'json']) {
      const result = await run(['report', root, '--api-url', fake.url, '--store', store, '--format', format],
        { env: { GITHUB_TOKEN: secret } });
      assert.equal(result.code, 0, result.stderr);
    }
    const stats = await run(['cache', 'stats', '--store', store]);
    assert.match(stats.stdout, /archived reports: 2 \(2 servable again without a crawl\)\n/);
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('archived.db'))) {
      assert.ok(!fs.readFileSync(path.join(dir, file)).includes(secret), `${file} holds the token`);
    }
  } finally { await fake.stop(); }
});

test('--offline names what is missing', async () => {
  const result = await run(['report', 'lumen-dev/lumen#120', '--offline']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /not in the store.*--offline/);
});

test('a corrupt store file: exit 7, one sentence naming --store, file untouched', async () => {
  const file = path.join(dir, 'corrupt.db');
  fs.writeFileSync(file, 'this is not a database, it is a grocery list\n'.repeat(100));
  const before = fs.readFileSync(file);
  const result = await run(['report', 'lumen-dev/lumen#120', '--store', file, '--offline']);
  assert.equal(result.code, 7);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /--store/);
  assert.deepEqual(fs.readFileSync(file), before);
  const cleared = await run(['cache', 'clear', '--store', file]);
  assert.equal(cleared.code, 0, cleared.stderr);
});

test('two crawls at once share a store without losing anything', async () => {
  const fake = await startFake(world('seedlike'), ['--latency-ms', '20']);
  try {
    const store = path.join(dir, 'shared.db');
    const args = (api) => ['report', root, '--api', api, '--api-url', fake.url, '--depth', '2', '--store', store];
    const [a, b] = await Promise.all([run(args('rest'), { env: token }), run(args('rest'), { env: token })]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(a.stdout, b.stdout);
    const offline = await run([...args('rest'), '--offline']);
    assert.equal(offline.stdout, a.stdout);
    const stats = await run(['cache', 'stats', '--store', store]);
    assert.match(stats.stdout, /nodes: 6 /);
  } finally { await fake.stop(); }
});

test('kill -9 in the middle of a crawl, then a rerun: the complete, correct report', async () => {
  const fake = await startFake(world('seedlike'), ['--latency-ms', '150']);
  try {
    const store = path.join(dir, 'killed.db');
    const args = ['report', root, '--api', 'rest', '--api-url', fake.url, '--depth', '2', '--store', store];
    const child = spawn(binary, args, { env: { ...process.env, ...token }, stdio: 'ignore' });
    // Let the first levels land in the store, then kill it mid-crawl.
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const rerun = await run(args, { env: token });
    assert.equal(rerun.code, 0, rerun.stderr);
    const clean = await run([...args.slice(0, -2), '--no-store'], { env: token });
    assert.equal(rerun.stdout, clean.stdout);
  } finally { await fake.stop(); }
});
