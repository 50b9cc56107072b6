// Open progress streams never take the threads pages need: with 64 event
// streams open on a crawl that the fake GitHub holds back, a page still
// answers; past the per-client bound a stream is refused with 503 and
// Retry-After, and a page still answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { startFake, world } from './harness.mjs';
import { startServe } from './serve_harness.mjs';

describe('serve with many event streams', () => {
  test('64 open streams leave pages answering; one more is refused clearly', async () => {
    // Every answer of this fake takes 60 s: the crawl stays running while
    // the test holds its streams open.
    const fake = await startFake(world('seedlike'), ['--latency-ms', '60000']);
    // The server's base of handler threads is 64 (its default): each
    // stream below would take one for good without the growing pool.
    const server = await startServe(fake);
    const abort = new AbortController();
    try {
      const job = await fetch(`${server.url}/api/v1/jobs`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: 'lumen-dev/lumen#120' }),
      });
      assert.equal(job.status, 202);
      const { events_url: events } = await job.json();
      const readers = [];
      for (let i = 0; i < 64; i++) {
        const res = await fetch(`${server.url}${events}`, { signal: abort.signal });
        assert.equal(res.status, 200, `stream ${i + 1}`);
        const reader = res.body.getReader();
        const first = await reader.read();  // the job's first event: the stream is open
        assert.match(Buffer.from(first.value).toString(), /event: state/);
        readers.push(reader);
      }

      const page = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(10_000) });
      assert.equal(page.status, 200, 'the home page answers while 64 streams are open');
      assert.match(await page.text(), /id="paste-form"/);

      const refused = await fetch(`${server.url}${events}`, { signal: AbortSignal.timeout(10_000) });
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get('retry-after')) > 0, 'a Retry-After');
      const body = await refused.json();
      assert.equal(body.code, 'too_many_streams');
      assert.match(body.message, /too many open progress streams/);

      const status = await fetch(`${server.url}/api/v1/jobs/${events.split('/')[4]}`, { signal: AbortSignal.timeout(10_000) });
      assert.equal(status.status, 200, 'the job can still be polled');
      assert.equal((await status.json()).state, 'running');
    } finally {
      abort.abort();
      await server.stop();
      await fake.stop();
    }
  });
});
