import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { startServer, worldPath, get, stats } from './helpers.mjs';

const TOKEN = 'test-token';

describe('REST over the basic world', () => {
  let server;
  let base;
  before(async () => {
    // A high limit: rate limiting has its own tests; here anonymous calls must not run out.
    server = await startServer({ world: worldPath('basic.json'), args: ['--rate-limit', '100000'] });
    base = server.base;
  });
  after(() => server.stop());

  it('serves an issue in GitHub\'s shape with GitHub\'s headers', async () => {
    const r = await get(base, '/repos/acme/app/issues/1', { token: TOKEN });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-used', 'x-ratelimit-reset', 'x-github-request-id']) {
      assert.ok(r.headers.get(h), `missing ${h}`);
    }
    assert.equal(r.headers.get('x-ratelimit-resource'), 'core');
    assert.match(r.headers.get('etag'), /^W\/"[0-9a-f]{40}"$/);
    const issue = r.json;
    assert.equal(issue.number, 1);
    assert.equal(issue.state, 'closed');
    assert.equal(issue.state_reason, 'completed');
    assert.equal(issue.user.login, 'nadia');
    assert.equal(issue.user.type, 'User');
    assert.deepEqual(issue.labels.map((l) => l.name), ['bug', 'crash']);
    assert.equal(issue.comments, 2);
    assert.equal(issue.html_url, 'https://github.com/acme/app/issues/1');
    assert.equal(issue.url, `${base}/repos/acme/app/issues/1`);
    assert.equal(issue.repository_url, `${base}/repos/acme/app`);
    assert.equal(issue.pull_request, undefined);
    assert.equal(issue.parent_issue_url, undefined);
    assert.deepEqual(issue.sub_issues_summary, { total: 0, completed: 0, percent_completed: 0 });
    assert.equal(typeof issue.id, 'number');
    assert.match(issue.node_id, /^I_/);
  });

  it('owner and name match in any case; answers keep the world\'s spelling', async () => {
    const r = await get(base, '/repos/ACME/App/issues/1');
    assert.equal(r.status, 200);
    assert.equal(r.json.html_url, 'https://github.com/acme/app/issues/1');
  });

  it('an issue that is a pull has pull_request and a /pull/ html_url', async () => {
    const issue = (await get(base, '/repos/acme/app/issues/4')).json;
    assert.equal(issue.html_url, 'https://github.com/acme/app/pull/4');
    assert.deepEqual(Object.keys(issue.pull_request), ['url', 'html_url', 'diff_url', 'patch_url', 'merged_at']);
    assert.equal(issue.pull_request.merged_at, '2026-05-04T12:00:00Z');
    assert.equal(issue.pull_request.url, `${base}/repos/acme/app/pulls/4`);
  });

  it('serves pulls, and 404 for a pull number that is an issue', async () => {
    const pull = (await get(base, '/repos/acme/app/pulls/4')).json;
    assert.equal(pull.merged, true);
    assert.equal(pull.state, 'closed');
    assert.equal(pull.base.ref, 'main');
    assert.equal(pull.head.ref, 'fix/empty-config');
    assert.equal(pull.draft, false);
    assert.equal(pull.comments, 0);
    const draft = (await get(base, '/repos/acme/app/pulls/8')).json;
    assert.equal(draft.draft, true);
    assert.equal(draft.merged, false);
    assert.equal(draft.merged_at, null);
    assert.equal((await get(base, '/repos/acme/app/pulls/1')).status, 404);
  });

  it('comments have stable ids and anchored html URLs', async () => {
    const first = (await get(base, '/repos/acme/app/issues/1/comments')).json;
    const again = (await get(base, '/repos/acme/app/issues/1/comments')).json;
    assert.equal(first.length, 2);
    assert.deepEqual(first.map((c) => c.id), again.map((c) => c.id));
    assert.equal(first[0].html_url, `https://github.com/acme/app/issues/1#issuecomment-${first[0].id}`);
    assert.equal(first[0].author_association, 'MEMBER');
    assert.equal(first[1].author_association, 'NONE');
  });

  it('derives cross-referenced events from mentions elsewhere, one per mentioning text', async () => {
    const timeline = (await get(base, '/repos/acme/app/issues/1/timeline')).json;
    const xrefs = timeline.filter((e) => e.event === 'cross-referenced');
    // #2's body and its "Duplicate of #1" comment, and #4's body. Not the
    // deleted #6, not code, and not the private acme/secret#1 (no token).
    assert.deepEqual(xrefs.map((e) => [e.source.issue.repository.full_name, e.source.issue.number, e.created_at]), [
      ['acme/app', 2, '2026-05-02T11:00:00Z'],
      ['acme/app', 2, '2026-05-03T11:00:00Z'],
      ['acme/app', 4, '2026-05-03T15:00:00Z'],
    ]);
    for (const e of xrefs) {
      assert.equal(e.id, undefined, 'cross-referenced events have no id');
      assert.equal(e.source.type, 'issue');
      assert.deepEqual(Object.keys(e), ['actor', 'created_at', 'updated_at', 'source', 'event']);
    }
    assert.ok(xrefs[2].source.issue.pull_request, 'a pull source carries pull_request');
    assert.equal(xrefs[0].source.issue.pull_request, undefined);
  });

  it('shows private sources only to authenticated callers', async () => {
    const timeline = (await get(base, '/repos/acme/app/issues/1/timeline', { token: TOKEN })).json;
    const sources = timeline.filter((e) => e.event === 'cross-referenced').map((e) => e.source.issue.repository.full_name);
    assert.ok(sources.includes('acme/secret'));
  });

  it('timeline is chronological and REST events stay stingy', async () => {
    const timeline = (await get(base, '/repos/acme/app/issues/1/timeline')).json;
    const times = timeline.map((e) => e.created_at);
    assert.deepEqual(times, [...times].sort());
    const connected = timeline.find((e) => e.event === 'connected');
    assert.deepEqual(Object.keys(connected).sort(),
      ['actor', 'commit_id', 'commit_url', 'created_at', 'event', 'id', 'node_id', 'performed_via_github_app', 'url']);
    const labeled = timeline.find((e) => e.event === 'labeled');
    assert.equal(labeled.label.name, 'bug');
    const commented = timeline.find((e) => e.event === 'commented');
    assert.equal(commented.user.login, 'omar');
    assert.equal(commented.actor.login, 'omar');
    const dup = (await get(base, '/repos/acme/app/issues/2/timeline')).json.find((e) => e.event === 'marked_as_duplicate');
    assert.equal(dup.canonical, undefined);
    assert.equal(dup.commit_id, null);
  });

  it('a closed event closed by a pull carries a merge SHA that maps back to the pull', async () => {
    const closed = (await get(base, '/repos/acme/app/issues/1/timeline')).json.find((e) => e.event === 'closed');
    assert.match(closed.commit_id, /^[0-9a-f]{40}$/);
    assert.equal(closed.commit_url, `${base}/repos/acme/app/commits/${closed.commit_id}`);
    assert.equal(closed.state_reason, 'completed');
    const pulls = (await get(base, `/repos/acme/app/commits/${closed.commit_id}/pulls`)).json;
    assert.deepEqual(pulls.map((p) => p.number), [4]);
    assert.equal(pulls[0].merged, undefined, 'the list shape has no merged flag, as on GitHub');
    assert.equal(pulls[0].merged_at, '2026-05-04T12:00:00Z');
    const merged = (await get(base, '/repos/acme/app/issues/4/timeline')).json.filter((e) => ['merged', 'closed'].includes(e.event));
    assert.deepEqual(merged.map((e) => e.event), ['merged', 'closed']);
    assert.equal(merged[0].commit_id, closed.commit_id);
  });

  it('commit closers and world commits resolve through commits/{sha}/pulls', async () => {
    const events = (await get(base, '/repos/acme/app/issues/7/timeline')).json;
    const closed = events.find((e) => e.event === 'closed');
    const referenced = events.find((e) => e.event === 'referenced');
    assert.equal(closed.commit_id, 'a'.repeat(40));
    assert.equal(referenced.commit_id, 'a'.repeat(40));
    const pulls = (await get(base, `/repos/acme/app/commits/${'a'.repeat(40)}/pulls`)).json;
    assert.deepEqual(pulls.map((p) => p.number), [8]);
    assert.deepEqual((await get(base, '/repos/acme/app/commits/aaaaaaa/pulls')).json.map((p) => p.number), [8]);
    assert.equal((await get(base, `/repos/acme/app/commits/${'b'.repeat(40)}/pulls`)).status, 422);
  });

  it('the issue-events list leaves out comments and cross-references', async () => {
    const events = (await get(base, '/repos/acme/app/issues/1/events')).json;
    assert.deepEqual(events.map((e) => e.event), ['labeled', 'connected', 'closed']);
  });

  it('HEAD answers headers only', async () => {
    const r = await fetch(`${base}/repos/acme/app/issues/1`, { method: 'HEAD' });
    assert.equal(r.status, 200);
    assert.ok(r.headers.get('etag'));
    assert.equal(await r.text(), '');
  });

  it('sub-issues and parent', async () => {
    const child = (await get(base, '/repos/acme/app/issues/5')).json;
    assert.equal(child.parent_issue_url, `${base}/repos/acme/app/issues/3`);
    const parent = (await get(base, '/repos/acme/app/issues/3')).json;
    assert.deepEqual(parent.sub_issues_summary, { total: 1, completed: 0, percent_completed: 0 });
    const subs = (await get(base, '/repos/acme/app/issues/3/sub_issues')).json;
    assert.deepEqual(subs.map((i) => i.number), [5]);
    assert.equal((await get(base, '/repos/acme/app/issues/5/parent')).json.number, 3);
    assert.equal((await get(base, '/repos/acme/app/issues/3/parent')).status, 404);
  });

  it('404, 410 and private repositories', async () => {
    const missing = await get(base, '/repos/acme/app/issues/999');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    assert.equal((await get(base, '/repos/nobody/nothing/issues/1')).status, 404);
    for (const path of ['', '/comments', '/timeline', '/sub_issues']) {
      const deleted = await get(base, `/repos/acme/app/issues/6${path}`);
      assert.equal(deleted.status, 410, path);
      assert.equal(deleted.json.message, 'This issue was deleted');
    }
    assert.equal((await get(base, '/repos/acme/secret/issues/1')).status, 404);
    assert.equal((await get(base, '/repos/acme/secret/issues/1', { token: TOKEN })).status, 200);
  });

  it('a moved repository answers 301 to the same path under the new name', async () => {
    const r = await get(base, '/repos/acme/old-name/issues/7/comments?per_page=5');
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), `${base}/repos/acme/lib/issues/7/comments?per_page=5`);
    assert.equal(r.json.message, 'Moved Permanently');
    assert.equal(r.json.url, r.headers.get('location'));
    const followed = await get(base, '/repos/acme/old-name/issues/7', { redirect: 'follow' });
    assert.equal(followed.json.html_url, 'https://github.com/acme/lib/issues/7');
  });

  it('mentions of another repository land on its timeline, also through its old name', async () => {
    const timeline = (await get(base, '/repos/acme/lib/issues/7/timeline')).json;
    // #3 says acme/old-name#7 (renamed to acme/lib); #1's comment says acme/lib#7.
    assert.deepEqual(timeline.map((e) => [e.event, e.source?.issue?.number]), [['cross-referenced', 3], ['cross-referenced', 1]]);
  });

  it('If-None-Match with the current ETag gives 304 and spends nothing', async () => {
    const first = await get(base, '/repos/acme/app/issues/2', { token: 'etag-token' });
    const etag = first.headers.get('etag');
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const before304 = (await stats(base)).not_modified;
    const second = await get(base, '/repos/acme/app/issues/2', { token: 'etag-token', headers: { 'If-None-Match': etag } });
    assert.equal(second.status, 304);
    assert.equal(second.text, '');
    assert.equal(Number(second.headers.get('x-ratelimit-remaining')), remaining);
    assert.equal((await stats(base)).not_modified, before304 + 1);
    const stale = await get(base, '/repos/acme/app/issues/2', { token: 'etag-token', headers: { 'If-None-Match': 'W/"nope"' } });
    assert.equal(stale.status, 200);
    assert.equal(Number(stale.headers.get('x-ratelimit-remaining')), remaining - 1);
  });

  it('gzips when asked', async () => {
    const raw = await new Promise((resolve, reject) => {
      const url = new URL(`${base}/repos/acme/app/issues/1`);
      request(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
    assert.equal(raw.headers['content-encoding'], 'gzip');
    assert.equal(JSON.parse(gunzipSync(raw.body).toString()).number, 1);
  });
});

describe('pagination', () => {
  let server;
  const comments = Array.from({ length: 7 }, (_, i) => ({
    author: 'u', created_at: `2026-01-01T00:00:0${i}Z`, body: `comment ${i}`,
  }));
  before(async () => {
    server = await startServer({
      world: { repos: { 'o/r': { items: [{ number: 1, type: 'issue', title: 't', body: '', state: 'open', author: 'u', created_at: '2026-01-01T00:00:00Z', comments }] } } },
    });
  });
  after(() => server.stop());

  it('per_page and page with a Link header of absolute URLs', async () => {
    const { base } = server;
    const page1 = await get(base, '/repos/o/r/issues/1/comments?per_page=3');
    assert.deepEqual(page1.json.map((c) => c.body), ['comment 0', 'comment 1', 'comment 2']);
    assert.equal(page1.headers.get('link'),
      `<${base}/repos/o/r/issues/1/comments?per_page=3&page=2>; rel="next", <${base}/repos/o/r/issues/1/comments?per_page=3&page=3>; rel="last"`);
    const page2 = await get(base, '/repos/o/r/issues/1/comments?per_page=3&page=2');
    assert.equal(page2.headers.get('link'), [
      `<${base}/repos/o/r/issues/1/comments?per_page=3&page=1>; rel="prev"`,
      `<${base}/repos/o/r/issues/1/comments?per_page=3&page=3>; rel="next"`,
      `<${base}/repos/o/r/issues/1/comments?per_page=3&page=3>; rel="last"`,
      `<${base}/repos/o/r/issues/1/comments?per_page=3&page=1>; rel="first"`,
    ].join(', '));
    const page3 = await get(base, '/repos/o/r/issues/1/comments?per_page=3&page=3');
    assert.deepEqual(page3.json.map((c) => c.body), ['comment 6']);
    assert.doesNotMatch(page3.headers.get('link'), /rel="next"/);
  });

  it('defaults to 30 per page, caps at 100, and sends no Link for one page', async () => {
    const all = await get(server.base, '/repos/o/r/issues/1/comments?per_page=500');
    assert.equal(all.json.length, 7);
    assert.equal(all.headers.get('link'), null);
  });
});
