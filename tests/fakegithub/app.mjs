// The HTTP side of the fake GitHub: one node:http server that wraps the REST
// routes (rest.mjs) and GraphQL (graphql.mjs) in what every GitHub answer has:
// authentication, primary rate limits and their headers, ETags and 304s, gzip,
// latency, injected faults, and request counters for benchmarks.
//
// Requests are handled concurrently; latency is added per request.

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha1Hex } from './ids.mjs';
import { handleRest, requestKind } from './rest.mjs';
import { GraphQLService } from './graphql.mjs';
import { RateLimits } from './ratelimit.mjs';
import { Faults } from './faults.mjs';

const KINDS = ['issue', 'comments', 'timeline', 'events', 'pull', 'commit_pulls', 'sub_issues', 'parent',
  'repo', 'rate_limit', 'graphql', 'other'];

class Stats {
  constructor() {
    this.reset();
  }

  reset() {
    this.total = 0;
    this.byKind = Object.fromEntries(KINDS.map((k) => [k, 0]));
    this.graphqlPoints = 0;
    this.notModified = 0;
    this.faults = 0;
    this.items = {};  // "owner/repo#N" -> GraphQL look-ups of that item by number
  }

  fetched(fullName, number) {
    const key = `${fullName.toLowerCase()}#${number}`;
    this.items[key] = (this.items[key] ?? 0) + 1;
  }

  toJSON() {
    return {
      total: this.total, by_kind: this.byKind, graphql_points: this.graphqlPoints,
      not_modified: this.notModified, faults: this.faults, items: this.items,
    };
  }
}

// options: {world, faults, latencyMs, token, rateLimit, htmlHost}
export function createFakeGitHub(options) {
  const world = options.world;
  const htmlHost = options.htmlHost ?? 'github.com';
  const faults = options.faults ?? new Faults();
  const limits = new RateLimits({ limit: options.rateLimit ?? null });
  const graphql = new GraphQLService(world, { htmlHost });
  const stats = new Stats();
  let sequence = 0;

  async function handle(req, res) {
    const url = new URL(req.url, 'http://fake');
    const path = url.pathname;
    const body = await readBody(req);
    const base = `http://${req.headers.host ?? `127.0.0.1:${req.socket.localPort}`}`;

    if (path === '/__stats' || path === '/__stats/reset') {
      if (path === '/__stats/reset' && req.method === 'POST') stats.reset();
      return send(req, res, 200, stats.toJSON(), {});
    }
    stats.total++;
    stats.byKind[requestKind(req.method, path)]++;
    if (options.latencyMs) await sleep(options.latencyMs);

    const headers = {
      'X-GitHub-Request-Id': requestId(++sequence),
      'X-GitHub-Media-Type': 'github.v3; format=json',
      'X-GitHub-Api-Version-Selected': '2022-11-28',
    };

    const auth = parseAuthorization(req.headers.authorization);
    const fault = faults.take(req.method, path, url.searchParams.toString());
    if (fault) {
      stats.faults++;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.resetConnection) {
        req.socket.destroy();
        return undefined;
      }
      if (fault.status !== null) {
        const bucket = limits.bucket(auth.token, path === '/graphql' ? 'graphql' : 'core');
        return send(req, res, fault.status, fault.body ?? '', { ...headers, ...RateLimits.headers(bucket), ...fault.headers });
      }
    }

    if (auth.invalid || (auth.token && options.token && auth.token !== options.token)) {
      return send(req, res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
        { ...headers, ...RateLimits.headers(limits.bucket(null, 'core')) });
    }
    const token = auth.token;

    if (path === '/graphql') {
      if (req.method !== 'POST') return send(req, res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/graphql' }, headers);
      if (!token) {
        return send(req, res, 401, {
          message: 'This endpoint requires you to be authenticated.',
          documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
        }, { ...headers, ...RateLimits.headers(limits.bucket(null, 'graphql')) });
      }
      const bucket = limits.bucket(token, 'graphql');
      const result = graphql.run(body, bucket, (name, number) => stats.fetched(name, number));
      stats.graphqlPoints += result.points;
      return send(req, res, result.status, result.body, { ...headers, ...RateLimits.headers(bucket), 'X-GitHub-Media-Type': 'github.v4; format=json' });
    }

    const core = limits.bucket(token, 'core');
    if (path === '/rate_limit') {
      // Free: reading the limits does not spend them.
      const graphqlBucket = limits.bucket(token, 'graphql');
      const search = { limit: token ? 30 : 10, used: 0, remaining: token ? 30 : 10, reset: core.reset };
      return send(req, res, 200, {
        resources: { core: RateLimits.summary(core), search, graphql: RateLimits.summary(graphqlBucket) },
        rate: RateLimits.summary(core),
      }, { ...headers, ...RateLimits.headers(core), 'Cache-Control': 'no-cache' });
    }

    if (RateLimits.remaining(core) === 0) {
      const who = token ? 'user ID 1' : (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
      return send(req, res, 403, {
        message: `API rate limit exceeded for ${who}.${token ? '' : " (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)"}`,
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      }, { ...headers, ...RateLimits.headers(core) });
    }

    const result = handleRest({ world, method: req.method, path, query: url.searchParams, base, htmlHost, authed: Boolean(token) });
    const json = JSON.stringify(result.body);
    const extra = { ...headers, ...(result.headers ?? {}) };
    if (result.status === 200) {
      const etag = `W/"${sha1Hex(json)}"`;
      extra.ETag = etag;
      extra['Cache-Control'] = 'private, max-age=60, s-maxage=60';
      if (etagMatches(req.headers['if-none-match'], etag)) {
        // A 304 does not count against the primary rate limit.
        stats.notModified++;
        return send(req, res, 304, null, { ...extra, ...RateLimits.headers(core) });
      }
    }
    RateLimits.charge(core, 1);
    return send(req, res, result.status, json, { ...extra, ...RateLimits.headers(core) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      process.stderr.write(`fake GitHub: ${req.method} ${req.url}: ${error.stack}\n`);
      if (!res.headersSent) send(req, res, 500, { message: `fake GitHub internal error: ${error.message}` }, {});
      else res.destroy();
    });
  });
  server.stats = stats;
  return server;
}

function requestId(n) {
  const hex = (v, w) => v.toString(16).toUpperCase().padStart(w, '0');
  return `FA4E:${hex(process.pid & 0xffff, 4)}:${hex(n, 6)}:${hex(n * 7, 7)}:${hex(Math.floor(Date.now() / 1000), 8)}`;
}

function parseAuthorization(header) {
  if (!header) return { token: null };
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
  return m ? { token: m[1] } : { token: null, invalid: true };
}

function etagMatches(header, etag) {
  if (!header) return false;
  const strip = (t) => t.trim().replace(/^W\//, '');
  return header === '*' || header.split(',').some((t) => strip(t) === strip(etag));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// Writes one answer with GitHub's standard headers. `body`: an object (sent
// as JSON), a string (sent as is: already JSON, or a fault's text), or null.
function send(req, res, status, body, headers) {
  let payload = Buffer.alloc(0);
  let contentType = 'application/json; charset=utf-8';
  if (body !== null && body !== undefined) {
    if (typeof body === 'string') {
      payload = Buffer.from(body);
      if (!looksLikeJson(body)) contentType = 'text/plain; charset=utf-8';
    } else {
      payload = Buffer.from(JSON.stringify(body));
    }
  }
  // Keyed by lower-case name so a fault's "content-type" replaces ours.
  const out = new Map();
  const set = (name, value) => out.set(name.toLowerCase(), [name, String(value)]);
  set('Content-Type', contentType);
  set('Server', 'github.com');
  set('Vary', 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding');
  set('Access-Control-Expose-Headers', 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, '
    + 'X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-GitHub-Request-Id');
  for (const [name, value] of Object.entries(headers)) set(name, value);
  if (status === 304) {
    out.delete('content-type');
    payload = Buffer.alloc(0);
  } else {
    if (payload.length && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      payload = gzipSync(payload);
      set('Content-Encoding', 'gzip');
    }
    set('Content-Length', payload.length);
  }
  res.writeHead(status, Object.fromEntries(out.values()));
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function looksLikeJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
