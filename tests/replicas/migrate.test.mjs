// `issuegraph store migrate`: an SQLite store copied into PostgreSQL gives
// the same reports byte for byte, every table's rows counted; a target
// that is not empty is refused and keeps what it had; no password shows.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';

import { freshCacheDir, run, startFake, world } from '../integration/harness.mjs';
import { stdioClient } from '../mcp/mcp_harness.mjs';
import { clusterUrl, freshDatabase, psql } from './harness.mjs';

const cluster = clusterUrl();
const skip = cluster ? false : 'needs the suite\'s PostgreSQL cluster (CTest runs it with one)';
const env = { GITHUB_TOKEN: 'test-token' };

describe('store migrate', { skip }, () => {
  test('SQLite to PostgreSQL: the same reports, every row counted', async () => {
    const fake = await startFake(world('seedlike'));
    try {
      const sqlite = path.join(freshCacheDir(), 'store.db');
      const formats = ['markdown', 'json'];
      for (const format of formats) {
        const made = await run(['report', 'lumen-dev/lumen#120', '--depth', '2', '--format', format,
          '--api-url', fake.url, '--store', sqlite], { env });
        assert.equal(made.code, 0, made.stderr);
      }
      const target = freshDatabase(cluster, `migrate_${process.pid}`);
      // A password in the URL (the cluster trusts loopback, so any works) never shows.
      const secret = target.replace('postgres://issuegraph@', 'postgres://issuegraph:s3cret-pw@');
      const moved = await run(['store', 'migrate', '--from', `sqlite:${sqlite}`, '--to', secret]);
      assert.equal(moved.code, 0, moved.stderr);
      assert.doesNotMatch(moved.stdout + moved.stderr, /s3cret-pw/);
      assert.match(moved.stdout, /issuegraph:\*\*\*@/);
      const nodes = Number(/^ {2}nodes: (\d+)$/m.exec(moved.stdout)?.[1]);
      assert.ok(nodes > 5, moved.stdout);
      assert.equal(Number(psql(target, 'SELECT count(*) FROM nodes')), nodes);
      const counted = () => [
        run(['cache', 'stats', '--store', sqlite]),
        run(['cache', 'stats', '--store', target]),
      ];
      const [before, after] = await Promise.all(counted());
      const rows = (text) => text.split('\n').filter((l) => /^(nodes|comments|events|links|remembered failures|archived reports):/.test(l));
      assert.deepEqual(rows(after.stdout), rows(before.stdout));

      // Offline, from either store: the same bytes, with no request.
      await fetch(`${fake.url}/__stats/reset`, { method: 'POST' });
      for (const format of formats) {
        // --stable: JSON without this run's own times, which differ run to run.
        const args = ['report', 'lumen-dev/lumen#120', '--depth', '2', '--format', format, '--offline', '--api-url', fake.url,
          ...(format === 'json' ? ['--stable'] : [])];
        const fromSqlite = await run([...args, '--store', sqlite], { env });
        const fromPostgres = await run([...args, '--store', target], { env });
        assert.equal(fromSqlite.code, 0, fromSqlite.stderr);
        assert.equal(fromPostgres.code, 0, fromPostgres.stderr);
        assert.equal(fromPostgres.stdout, fromSqlite.stdout, `${format} from PostgreSQL equals ${format} from SQLite`);
      }
      assert.equal((await (await fetch(`${fake.url}/__stats`)).json()).total, 0);
      // A PostgreSQL store goes on working: a new node gets a fresh id.
      const online = await run(['report', 'lumen-dev/lumen#98', '--refresh', '--format', 'json', '--api-url', fake.url, '--store', target], { env });
      assert.equal(online.code, 0, online.stderr);

      // The MCP server works on the PostgreSQL store unchanged.
      const mcp = await stdioClient(fake, { store: target });
      try {
        const result = await mcp.client.callTool({ name: 'issue_report', arguments: { ref: 'lumen-dev/lumen#120', max_chars: 100000 } });
        assert.match(result.content[0].text, /^# .*lumen-dev\/lumen#120/);
        assert.deepEqual(mcp.errors, []);
      } finally {
        await mcp.close();
      }

      // Into a store that is not empty: refused, and it keeps its rows.
      const again = await run(['store', 'migrate', '--from', sqlite, '--to', target]);
      assert.equal(again.code, 2, again.stderr);
      assert.match(again.stderr, /is not empty .* migrate into an empty store/);
      assert.equal(Number(psql(target, 'SELECT count(*) FROM nodes')) >= nodes, true);
    } finally {
      await fake.stop();
    }
  });
});
