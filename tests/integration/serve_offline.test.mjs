// `issuegraph serve --offline --from ARCHIVE`: the bundled example served
// with no network. The server's API URL points at a tripwire that counts
// connections: it must see none, while the report page (with its graph
// picture), the downloads and the JSON API answer, and an issue that is
// not stored gets one clear sentence instead of a crawl.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';

import { repoRoot } from './harness.mjs';
import { startServe, tripwire } from './serve_harness.mjs';

const example = path.join(repoRoot, 'examples', 'lumen-dev-lumen-120.json');

describe('serve offline on the bundled example', () => {
  test('the report page answers from the archive and nothing is fetched', async () => {
    const wire = await tripwire();
    // No token at all: offline needs none.
    const server = await startServe(wire, { args: ['--offline', '--from', example], env: {} });
    try {
      // The archive was made at depth 2; the plain permalink shows it.
      for (const link of ['/lumen-dev/lumen/issues/120', '/lumen-dev/lumen/issues/120?depth=2']) {
        const res = await fetch(server.url + link);
        assert.equal(res.status, 200, link);
        const page = await res.text();
        assert.match(page, /<div id="report">/);
        assert.match(page, /lumen login --profile/);
        // The graph as a picture, its nodes linking to reports on this site.
        assert.match(page, /<figure class="graph-figure" id="graph-picture"><svg /);
        assert.match(page, /<a href="\/lumen-dev\/lumen\/issues\/131">/);
        assert.match(page, /<a href="\/lumen-dev\/lumen\/pull\/134">/);
      }
      const markdown = await fetch(server.url + '/lumen-dev/lumen/issues/120.md?depth=2');
      assert.equal(markdown.status, 200);
      assert.match(await markdown.text(), /^# /);
      const api = await (await fetch(server.url + '/api/v1/reports/lumen-dev/lumen/issues/120?depth=2')).json();
      assert.equal(api.ref, 'lumen-dev/lumen#120');
      assert.equal(api.depth, 2);
      assert.equal(api.fresh, true);
      const home = await (await fetch(server.url + '/')).text();
      assert.match(home, /href="\/lumen-dev\/lumen\/issues\/120"/);

      // Not stored: said plainly, no crawl.
      const missing = await fetch(server.url + '/lumen-dev/lumen/issues/999');
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /runs offline \(--offline\): it makes no new reports/);
      const job = await fetch(`${server.url}/api/v1/jobs`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: 'lumen-dev/lumen#999' }),
      });
      assert.equal(job.status, 404);
      assert.equal((await job.json()).code, 'not_stored');
      const refresh = await fetch(server.url + '/lumen-dev/lumen/issues/120?refresh=1');
      assert.equal(refresh.status, 200, 'a refresh offline shows what is stored');
      assert.equal(wire.connections(), 0, 'the server reached for the network');
    } finally {
      await server.stop();
      await wire.stop();
    }
  });

  test('an archive that is not one stops the server with one clear sentence', async () => {
    const wire = await tripwire();
    try {
      await assert.rejects(
        startServe(wire, { args: ['--offline', '--from', path.join(repoRoot, 'package.json')], env: {} }),
        /package\.json/);
    } finally {
      await wire.stop();
    }
  });
});
