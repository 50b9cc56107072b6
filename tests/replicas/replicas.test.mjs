// Three `serve` replicas on one PostgreSQL database behind nginx: a burst
// of visitors asking for the same uncrawled issues gets each crawled once;
// a replica killed in the middle of a crawl has its job taken over by
// another, and the visitor watching it sees the report; nothing in the
// store is lost or doubled.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startFake } from '../integration/harness.mjs';
import {
  clusterUrl, fleetWorld, freshDatabase, psql, readEvents, startNginx, startReplica, writeWorld,
} from './harness.mjs';

const cluster = clusterUrl();
const skip = cluster ? false : 'needs the suite\'s PostgreSQL cluster (CTest runs it with one)';

async function json(url, init) {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() };
}

function post(base, ref) {
  return json(`${base}/api/v1/jobs`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: ref }),
  });
}

async function waitDone(base, id, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await json(`${base}/api/v1/jobs/${id}`);
    if (status === 200 && (body.state === 'done' || body.state === 'failed')) return body;
    if (Date.now() > deadline) throw new Error(`job ${id} did not end: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('serve replicas on PostgreSQL behind nginx', { skip }, () => {
  const stops = [];
  after(async () => { for (const stop of stops.reverse()) await stop(); });

  test('100 visitors asking for 20 uncrawled issues get each crawled exactly once', async () => {
    const store = freshDatabase(cluster, `replicas_burst_${process.pid}`);
    const fake = await startFake(writeWorld(fleetWorld(21)), ['--latency-ms', '50']);
    stops.push(() => fake.stop());
    const replicas = [];
    for (const name of ['r1', 'r2', 'r3']) replicas.push(await startReplica(fake, store, name, ['--workers', '2', '--queue', '200']));
    for (const r of replicas) stops.push(() => r.stop());
    const nginx = await startNginx(replicas);
    stops.push(() => nginx.stop());

    // What one crawl of one issue costs, alone: the yardstick.
    const alone = await post(nginx.url, 'acme/fleet#21');
    assert.equal(alone.status, 202, JSON.stringify(alone.body));
    assert.equal((await waitDone(nginx.url, alone.body.id)).state, 'done');
    const yardstick = (await (await fetch(`${fake.url}/__stats`)).json()).items['acme/fleet#21'];
    assert.ok(yardstick >= 1, 'the crawl looked the item up');

    const asked = await Promise.all(Array.from({ length: 100 }, (_, i) => post(nginx.url, `acme/fleet#${(i % 20) + 1}`)));
    for (const answer of asked) assert.equal(answer.status, 202, JSON.stringify(answer.body));
    // Every visitor of one issue got the same job, whichever replica answered.
    const jobOf = new Map();
    for (const [i, answer] of asked.entries()) {
      const n = (i % 20) + 1;
      if (!jobOf.has(n)) jobOf.set(n, answer.body.id);
      assert.equal(answer.body.id, jobOf.get(n), `one job for acme/fleet#${n}`);
    }
    for (const id of jobOf.values()) assert.equal((await waitDone(nginx.url, id)).state, 'done');

    const items = (await (await fetch(`${fake.url}/__stats`)).json()).items;
    for (let n = 1; n <= 20; n++) {
      assert.equal(items[`acme/fleet#${n}`], yardstick, `acme/fleet#${n} was crawled once`);
    }
    assert.equal(psql(store, "SELECT count(*) FROM jobs WHERE key LIKE 'github.com/acme/fleet#%'"), '21');
    assert.equal(psql(store, 'SELECT count(DISTINCT key) FROM jobs'), '21');
    assert.equal(psql(store, 'SELECT max(attempts) FROM jobs'), '1');
    assert.equal(psql(store, "SELECT count(DISTINCT owner) > 1 FROM jobs"), 't', 'more than one replica crawled');
    assert.equal(psql(store, 'SELECT count(*) FROM published'), '21');
    assert.equal(psql(store, 'SELECT count(*) FROM nodes'), '21');
    // One GitHub budget for all three: what they spent is one row, never
    // above what the fake says is left.
    const limits = await (await fetch(`${fake.url}/rate_limit`, { headers: { Authorization: 'Bearer test-token' } })).json();
    const shared = psql(store, "SELECT count(*) || ' ' || min(remaining) FROM rate_budget WHERE resource = 'graphql'").split(' ');
    assert.equal(shared[0], '1', 'one shared row');
    assert.ok(Number(shared[1]) <= limits.resources.graphql.remaining, `${shared[1]} <= ${limits.resources.graphql.remaining}`);
    assert.ok(Number(shared[1]) < limits.resources.graphql.limit, 'the replicas recorded what they spent');
    // Any replica serves any report.
    for (const r of replicas) {
      const page = await fetch(`${r.url}/acme/fleet/issues/7`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /fleet item 7/);
    }
  });

  test('a replica killed in the middle of a crawl: another takes the job over', async () => {
    const store = freshDatabase(cluster, `replicas_kill_${process.pid}`);
    // Slow answers keep the crawl running long enough to be cut.
    const fake = await startFake(writeWorld(fleetWorld(3, { comments: 2 })), ['--latency-ms', '1500']);
    stops.push(() => fake.stop());
    const replicas = [];
    for (const name of ['k1', 'k2', 'k3']) replicas.push(await startReplica(fake, store, name, ['--job-lease', '2']));
    for (const r of replicas) stops.push(() => r.stop());
    const nginx = await startNginx(replicas);
    stops.push(() => nginx.stop());

    const started = await post(nginx.url, 'acme/fleet#2');
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const id = started.body.id;
    // Wait until a replica runs it, then kill that one.
    let owner = '';
    for (let i = 0; i < 100 && !owner; i++) {
      owner = psql(store, `SELECT owner FROM jobs WHERE id = '${id}' AND state = 'running'`);
      if (!owner) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(owner, 'a replica took the job');
    const victim = replicas.find((r) => r.name === owner);
    const watcher = replicas.find((r) => r.name !== owner);
    // The visitor watches through a replica that will live.
    const seen = [];
    const watching = readEvents(`${watcher.url}/api/v1/jobs/${id}/events`, { onEvent: (e) => seen.push(e) });
    await new Promise((r) => setTimeout(r, 300));
    const killedAt = Date.now();
    await victim.kill();
    const events = await watching;
    const last = events.at(-1);
    assert.equal(last.event, 'done', JSON.stringify(events));
    const resumed = events.find((e) => e.event === 'state' && e.data.attempt === 2);
    assert.ok(resumed, `a second attempt ran: ${JSON.stringify(events)}`);
    assert.notEqual(resumed.data.replica, owner);
    console.log(`takeover: ${Date.now() - killedAt} ms from the kill to the report (lease 2 s)`);
    // Event ids are one sequence across both replicas.
    assert.deepEqual(events.map((e) => Number(e.id)), events.map((_, i) => i + 1));
    // A reader reconnecting with Last-Event-ID gets only what it missed.
    const rest = await readEvents(`${nginx.url}/api/v1/jobs/${id}/events`, { lastEventId: events.length - 1 });
    assert.deepEqual(rest.map((e) => e.event), ['done']);

    const page = await fetch(`${nginx.url}/acme/fleet/issues/2`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /fleet item 2/);
    assert.equal(psql(store, `SELECT state || ' ' || attempts FROM jobs WHERE id = '${id}'`), 'done 2');
    assert.equal(psql(store, "SELECT count(*) FROM published WHERE key = 'github.com/acme/fleet#2'"), '1');
    assert.equal(psql(store, "SELECT count(*) FROM nodes WHERE key = 'acme/fleet#2'"), '1');
    assert.equal(psql(store, "SELECT count(*) FROM comments c JOIN nodes n ON n.id = c.node_id WHERE n.key = 'acme/fleet#2'"), '2');
    assert.equal(psql(store, `SELECT count(*) = count(DISTINCT seq) FROM job_events WHERE job_id = '${id}'`), 't');
  });
});
