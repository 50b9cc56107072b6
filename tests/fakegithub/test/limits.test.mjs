// Authentication, primary rate limits, request counters, latency and faults.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, worldPath, get, graphql, stats, tempJson } from './helpers.mjs';

const WORLD = worldPath('basic.json');

describe('tokens', () => {
  let server;
  before(async () => {
    server = await startServer({ world: WORLD, args: ['--token', 'right'] });
  });
  after(() => server.stop());

  it('--token makes every other token a bad credential', async () => {
    const bad = await get(server.base, '/repos/acme/app/issues/1', { token: 'wrong' });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    assert.equal((await graphql(server.base, '{ viewer { login } }', { token: 'wrong' })).status, 401);
    assert.equal((await get(server.base, '/repos/acme/app/issues/1', { token: 'right' })).status, 200);
  });

  it('anonymous REST calls still work, with the anonymous limit', async () => {
    const r = await get(server.base, '/repos/acme/app/issues/1');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-ratelimit-limit'), '60');
  });
});

describe('primary rate limit (REST)', () => {
  let server;
  before(async () => {
    server = await startServer({ world: WORLD, args: ['--rate-limit', '3'] });
  });
  after(() => server.stop());

  it('counts down, then answers 403 with remaining 0; /rate_limit is free', async () => {
    const { base } = server;
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const r = await get(base, `/repos/acme/app/issues/${i + 1}`, { token: 'a' });
      assert.equal(r.status, 200);
      remaining.push(r.headers.get('x-ratelimit-remaining'));
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    const limited = await get(base, '/repos/acme/app/issues/1', { token: 'a' });
    assert.equal(limited.status, 403);
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.match(limited.json.message, /^API rate limit exceeded for /);
    const limits = await get(base, '/rate_limit', { token: 'a' });
    assert.equal(limits.status, 200);
    assert.deepEqual(limits.json.resources.core, limits.json.rate);
    assert.equal(limits.json.resources.core.remaining, 0);
    assert.equal(limits.json.resources.core.used, 3);
    assert.equal(limits.json.resources.graphql.remaining, 3);
    assert.equal(typeof limits.json.resources.core.reset, 'number');
    // Another token has its own bucket.
    assert.equal((await get(base, '/repos/acme/app/issues/1', { token: 'b' })).status, 200);
  });
});

describe('/__stats', () => {
  let server;
  before(async () => {
    server = await startServer({ world: WORLD });
  });
  after(() => server.stop());

  it('counts requests by kind, not itself, and resets', async () => {
    const { base } = server;
    for (const path of ['/repos/acme/app/issues/1', '/repos/acme/app/issues/1/comments',
      '/repos/acme/app/issues/1/timeline', '/repos/acme/app/pulls/4', '/repos/acme/app/issues/999']) {
      await get(base, path, { token: 't' });
    }
    await graphql(base, '{ rateLimit { cost } }');
    const s = await stats(base);
    assert.equal(s.total, 6);
    assert.equal(s.by_kind.issue, 2);
    assert.equal(s.by_kind.comments, 1);
    assert.equal(s.by_kind.timeline, 1);
    assert.equal(s.by_kind.pull, 1);
    assert.equal(s.by_kind.graphql, 1);
    assert.equal(s.graphql_points, 1);
    assert.equal(s.not_modified, 0);
    await fetch(`${base}/__stats/reset`, { method: 'POST' });
    const zero = await stats(base);
    assert.equal(zero.total, 0);
    assert.equal(zero.by_kind.issue, 0);
    assert.equal(zero.graphql_points, 0);
  });
});

describe('latency', () => {
  let server;
  before(async () => {
    server = await startServer({ world: WORLD, args: ['--latency-ms', '400', '--rate-limit', '1000'] });
  });
  after(() => server.stop());

  it('delays every request, concurrently rather than one after another', async () => {
    const start = Date.now();
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => get(server.base, `/repos/acme/app/issues/${n}`)));
    const elapsed = Date.now() - start;
    assert.ok(results.every((r) => r.status === 200));
    assert.ok(elapsed >= 390, `took ${elapsed} ms`);
    // One after another would take 2000 ms.
    assert.ok(elapsed < 1500, `took ${elapsed} ms: latency looks serialised`);
  });
});

describe('faults', () => {
  let server;
  before(async () => {
    const faults = tempJson({
      rules: [
        { method: 'GET', path: '^/repos/acme/app/issues/1$', status: 502, times: 2, body: 'Bad gateway' },
        {
          path: '^/repos/acme/app/issues/2$', status: 403, times: 1,
          headers: { 'Retry-After': '1' },
          body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
        },
        { path: '^/repos/acme/app/issues/3$', reset_connection: true, times: 1 },
        { path: '^/repos/acme/app/issues/5/comments$', query: 'page=2', status: 500, times: 1 },
        { path: '^/graphql$', method: 'POST', skip: 1, times: 1, status: 502, body: { message: 'Server Error' } },
      ],
    }, 'faults.json');
    server = await startServer({ world: WORLD, args: ['--faults', faults, '--rate-limit', '1000'] });
  });
  after(() => server.stop());

  it('answers the next `times` matching requests with the fault, then recovers', async () => {
    const { base } = server;
    const first = await get(base, '/repos/acme/app/issues/1');
    assert.equal(first.status, 502);
    assert.equal(first.text, 'Bad gateway');
    assert.equal(first.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal((await get(base, '/repos/acme/app/issues/1')).status, 502);
    assert.equal((await get(base, '/repos/acme/app/issues/1')).status, 200);
  });

  it('a secondary rate limit is a 403 with Retry-After and GitHub\'s message', async () => {
    const r = await get(server.base, '/repos/acme/app/issues/2');
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('retry-after'), '1');
    assert.match(r.json.message, /secondary rate limit/);
    assert.notEqual(r.headers.get('x-ratelimit-remaining'), '0', 'a secondary limit leaves the primary count alone');
    assert.equal((await get(server.base, '/repos/acme/app/issues/2')).status, 200);
  });

  it('can drop the connection', async () => {
    await assert.rejects(get(server.base, '/repos/acme/app/issues/3'));
    assert.equal((await get(server.base, '/repos/acme/app/issues/3')).status, 200);
  });

  it('can match on the query string and skip the first matches', async () => {
    assert.equal((await get(server.base, '/repos/acme/app/issues/5/comments')).status, 200);
    assert.equal((await get(server.base, '/repos/acme/app/issues/5/comments?page=2')).status, 500);
    assert.equal((await graphql(server.base, '{ rateLimit { cost } }')).status, 200);
    assert.equal((await graphql(server.base, '{ rateLimit { cost } }')).status, 502);
    assert.equal((await graphql(server.base, '{ rateLimit { cost } }')).status, 200);
    assert.ok((await stats(server.base)).faults >= 1);
  });
});
