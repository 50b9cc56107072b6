// `issuegraph serve` never lets GitHub's answers or issue text steer a
// request (and the token with it) to another server. The fake GitHub
// answers the crawl with a redirect to a tripwire — another port of this
// machine, reached by IP, by name, by decimal or IPv6 literal, behind a
// user name or scheme-relative — and the tripwire must see no connection
// at all, while the job fails with a stable code and one sentence. Links
// in an issue body that point at the tripwire are not followed either.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { freshCacheDir, startFake, world } from './harness.mjs';
import { crawl, postJob, readEvents, startServe, tripwire } from './serve_harness.mjs';

const ISSUE = 'lumen-dev/lumen#120';

// Every way a Location can name the tripwire at `port` (PATH appended).
function offHostLocations(port, pathPart) {
  return {
    'another port of the same address': `http://127.0.0.1:${port}${pathPart}`,
    'a host name for the same machine': `http://localhost:${port}${pathPart}`,
    'a decimal IP literal': `http://2130706433:${port}${pathPart}`,
    'an IPv6 literal': `http://[::1]:${port}${pathPart}`,
    'the API host as a user name': `http://127.0.0.1@127.0.0.1:${port}${pathPart}`,
    'github.com as user and password': `http://github.com:x@localhost:${port}${pathPart}`,
    'a scheme-relative URL': `//127.0.0.1:${port}${pathPart}`,
  };
}

// A fake GitHub whose answers to `pathRegex` are `status` redirects to `location`.
async function redirectingFake(pathRegex, status, location) {
  const faults = path.join(freshCacheDir(), 'faults.json');
  fs.writeFileSync(faults, JSON.stringify({
    rules: [{ path: pathRegex, status, headers: { Location: location }, body: { message: 'Moved' } }],
  }));
  return startFake(world('seedlike'), ['--faults', faults]);
}

// Starts a crawl of ISSUE on a server whose GitHub redirects it; the
// failed event, the job as the API shows it, and the fake's counts.
async function crawlRedirected(fake, env) {
  const server = await startServe(fake, env ? { env } : {});
  try {
    const job = await postJob(server, { url: ISSUE });
    assert.equal(job.status, 202, JSON.stringify(job.json));
    const events = await readEvents(server, job.json.id);
    const state = await (await fetch(`${server.url}/api/v1/jobs/${job.json.id}`)).json();
    const page = await fetch(`${server.url}/lumen-dev/lumen/issues/120`);
    return { last: events.at(-1), state, page: { status: page.status, html: await page.text() }, stats: await fake.stats() };
  } finally {
    assert.equal(await server.stop(), 0);
  }
}

describe('serve and redirects off the API host', { timeout: 300_000 }, () => {
  test('a GraphQL query redirected anywhere is not followed: the job fails with a sentence, the tripwire sees nothing', async () => {
    const wire = await tripwire();
    try {
      for (const [form, location] of Object.entries(offHostLocations(wire.port, '/graphql'))) {
        const fake = await redirectingFake('^/graphql$', 307, location);
        try {
          const { last, state, page, stats } = await crawlRedirected(fake);
          assert.equal(stats.faults, 1, `${form}: the fake sent its redirect once`);
          assert.equal(last.type, 'failed', `${form}: ${JSON.stringify(last)}`);
          assert.equal(last.data.code, 'protocol', form);
          assert.match(last.data.message, /^GitHub's GraphQL API redirected the query \(HTTP 307\) to /, form);
          assert.match(last.data.message, /redirects of queries are not followed, so neither the query nor the token went there$/, form);
          if (!location.startsWith('//')) assert.match(last.data.message, /another host \(http:\/\//, form);
          assert.equal(state.state, 'failed', form);
          assert.deepEqual(state.error, { code: last.data.code, message: last.data.message }, form);
          // The report page says so too, in a page, not a half-made report.
          assert.doesNotMatch(page.html, /id="report"/, form);
          assert.equal(wire.connections(), 0, `${form}: a request reached the other server`);
        } finally { await fake.stop(); }
      }
    } finally { await wire.stop(); }
  });

  test('a REST request redirected to another host is not followed either', async () => {
    const wire = await tripwire();
    try {
      const locations = offHostLocations(wire.port, '/repos/lumen-dev/lumen/issues/120');
      for (const form of ['another port of the same address', 'the API host as a user name', 'a scheme-relative URL',
        'a decimal IP literal']) {
        const fake = await redirectingFake('^/repos/', 302, locations[form]);
        try {
          // No token: the crawl goes over REST.
          const { last, stats } = await crawlRedirected(fake, {});
          assert.ok(stats.faults >= 1, `${form}: the fake sent its redirect`);
          assert.equal(last.type, 'failed', `${form}: ${JSON.stringify(last)}`);
          assert.equal(last.data.code, 'protocol', form);
          assert.match(last.data.message, /^GitHub redirected http:\/\/127\.0\.0\.1:\d+\/repos\/lumen-dev\/lumen\/issues\/120 to another host \(http:\/\/[^)]+\); not followed$/, form);
          assert.equal(wire.connections(), 0, `${form}: a request reached the other server`);
        } finally { await fake.stop(); }
      }
    } finally { await wire.stop(); }
  });

  test('links in an issue body that point at another server are never fetched', async () => {
    const wire = await tripwire();
    const worldFile = path.join(freshCacheDir(), 'links.json');
    const seed = JSON.parse(fs.readFileSync(world('hostile'), 'utf8'));
    const root = seed.repos['hostile-org/sink'].items[1];  // #2: it mentions #1
    root.body += '\n\nAlso seen at ' + Object.values(offHostLocations(wire.port, '/hostile-org/sink/issues/3'))
      .concat([`https://github.com@127.0.0.1:${wire.port}/hostile-org/sink/issues/3`,
        `https://127.0.0.1:${wire.port}/hostile-org/sink/issues/3`])
      .join(' and ');
    fs.writeFileSync(worldFile, JSON.stringify(seed));
    const fake = await startFake(worldFile);
    const server = await startServe(fake);
    try {
      await crawl(server, 'hostile-org/sink#2');
      const api = await (await fetch(`${server.url}/api/v1/reports/hostile-org/sink/issues/2`)).json();
      const refs = api.report.nodes.map((n) => n.ref);
      assert.ok(refs.includes('hostile-org/sink#1'), `the github.com mention is followed: ${refs}`);
      assert.ok(api.report.nodes.every((n) => n.url.startsWith('https://github.com/')), JSON.stringify(api.report.nodes));
      assert.equal(wire.connections(), 0, 'a link in the body reached the other server');
    } finally {
      await server.stop();
      await fake.stop();
      await wire.stop();
    }
  });
});
