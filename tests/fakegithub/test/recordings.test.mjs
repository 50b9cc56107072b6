// Conformance with real GitHub responses: the fake's issue, pull and timeline
// objects must carry every key GitHub sent in responses recorded by other API
// clients (../shared/github-recordings, PyGithub's ReplayData), with values of
// the same JSON type. The recordings are read in place, never copied here.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, worldPath, get, SHARED } from './helpers.mjs';

const REPLAY = join(SHARED, 'github-recordings', 'PyGithub__PyGithub', 'tests', 'ReplayData');
const available = existsSync(REPLAY);
const skip = available ? false : `${REPLAY} is absent (CI checks ../shared out next to the repository)`;

// PyGithub ReplayData: 11-line records (scheme, method, host, port, path,
// request headers, request body, status, response headers, body, blank).
function recordings(file) {
  const lines = readFileSync(join(REPLAY, file), 'utf8').split('\n');
  const records = [];
  for (let i = 0; i + 9 < lines.length; i += 11) {
    records.push({
      method: lines[i + 1], path: lines[i + 4], status: Number(lines[i + 7]),
      headerNames: [...lines[i + 8].matchAll(/\('([^']+)', /g)].map((m) => m[1].toLowerCase()),
      body: lines[i + 9] ? JSON.parse(lines[i + 9]) : null,
    });
  }
  return records;
}

function recorded(file, path) {
  const record = recordings(file).find((r) => r.path === path);
  assert.ok(record, `${file} has no ${path}`);
  return record;
}

function recordedEvent(file, path, type) {
  const event = recorded(file, path).body.find((e) => e.event === type);
  assert.ok(event, `${file} has no ${type} event`);
  return event;
}

const jsonType = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// Every key of `real` is in `ours`, recursively through objects, and where
// both sides have a non-null value the JSON types agree. `ignore` lists
// dotted paths GitHub sends that the fake deliberately leaves out.
function assertConforms(ours, real, where, ignore = []) {
  for (const [key, value] of Object.entries(real)) {
    const path = `${where}.${key}`;
    if (ignore.includes(path)) continue;
    assert.ok(key in ours, `${path}: GitHub sends it, the fake does not`);
    const mine = ours[key];
    if (value === null || mine === null) continue;
    assert.equal(jsonType(mine), jsonType(value), `${path}: type differs`);
    if (jsonType(value) === 'object') assertConforms(mine, value, path, ignore);
  }
}

describe('shapes match recorded GitHub responses', { skip }, () => {
  let server;
  let timeline1;
  let timeline4;
  let timeline7;
  before(async () => {
    server = await startServer({ world: worldPath('basic.json'), args: ['--rate-limit', '1000'] });
    const fetchJson = async (path) => (await get(server.base, path, { token: 't' })).json;
    timeline1 = await fetchJson('/repos/acme/app/issues/1/timeline');
    timeline4 = await fetchJson('/repos/acme/app/issues/4/timeline');
    timeline7 = await fetchJson('/repos/acme/app/issues/7/timeline');
  });
  after(() => server?.stop());

  const ISSUE_TIMELINE = ['Issue.testGetTimeline.txt', '/repos/PyGithub/PyGithub/issues/28/timeline'];
  const PULL_TIMELINE = ['PullRequest.testGetIssueTimeline.txt', '/repos/PyGithub/PyGithub/issues/31/timeline'];
  // Authenticated-only repository permissions are not modelled.
  const NO_PERMISSIONS = ['cross-referenced.source.issue.repository.permissions'];

  it('cross-referenced events (the issue timeline and the newer pull timeline)', () => {
    const ours = timeline1.find((e) => e.event === 'cross-referenced' && e.source.issue.pull_request);
    for (const [file, path] of [ISSUE_TIMELINE, PULL_TIMELINE]) {
      const real = recordedEvent(file, path, 'cross-referenced');
      assert.deepEqual(Object.keys(ours).sort(), Object.keys(real).sort(), `${file}: top-level keys`);
      assert.equal(real.id, undefined, 'GitHub sends no id on cross-referenced events');
      assertConforms(ours, real, 'cross-referenced', NO_PERMISSIONS);
    }
  });

  it('closed events, with and without a commit', () => {
    for (const [file, path] of [ISSUE_TIMELINE, PULL_TIMELINE]) {
      const real = recordedEvent(file, path, 'closed');
      for (const ours of [timeline1.find((e) => e.event === 'closed'), timeline7.find((e) => e.event === 'closed')]) {
        assertConforms(ours, real, 'closed');
      }
    }
    const newest = recordedEvent(...PULL_TIMELINE, 'closed');
    assert.deepEqual(Object.keys(timeline1.find((e) => e.event === 'closed')).sort(), Object.keys(newest).sort());
  });

  it('commented, labeled, referenced and merged events', () => {
    const pairs = [
      ['commented', timeline1], ['labeled', timeline1], ['referenced', timeline7], ['merged', timeline4],
    ];
    for (const [type, ours] of pairs) {
      const mine = ours.find((e) => e.event === type);
      const real = recordedEvent(...PULL_TIMELINE, type);
      assert.deepEqual(Object.keys(mine).sort(), Object.keys(real).sort(), `${type}: keys`);
      assertConforms(mine, real, type);
    }
  });

  it('issue and pull objects', async () => {
    const issue = await get(server.base, '/repos/acme/app/issues/1', { token: 't' });
    const realIssue = recorded('Issue.setUp.txt', '/repos/PyGithub/PyGithub/issues/28');
    assert.deepEqual(Object.keys(issue.json).sort(), Object.keys(realIssue.body).sort());
    assertConforms(issue.json, realIssue.body, 'issue');

    const pull = await get(server.base, '/repos/acme/app/pulls/4', { token: 't' });
    const realPull = recorded('PullRequest.setUp.txt', '/repos/PyGithub/PyGithub/pulls/31');
    assert.deepEqual(Object.keys(pull.json).sort(), Object.keys(realPull.body).sort());
    // The recorded head has a deleted fork (null repo); compare base fully.
    assertConforms(pull.json, realPull.body, 'pull');
  });

  it('the headers clients rely on', async () => {
    const ours = await get(server.base, '/repos/acme/app/issues/1', { token: 't' });
    const real = recorded('Issue.setUp.txt', '/repos/PyGithub/PyGithub/issues/28');
    for (const name of ['content-type', 'etag', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset',
      'x-ratelimit-used', 'x-ratelimit-resource', 'x-github-request-id', 'x-github-media-type']) {
      assert.ok(real.headerNames.includes(name), `recording lacks ${name}`);
      assert.ok(ours.headers.get(name), `fake lacks ${name}`);
    }
  });
});
