#!/usr/bin/env node
// World: silent data corruption in a Python storage library; traceback on
// read; a runnable reproduction script in the body; the root cause is
// explained in a maintainer comment (prose, no heading); the pull that
// introduced the regression is mentioned; a merged pull fixes and closes it.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'marlpit/tidetable';

const body = `We append hourly batches to a \`.tdb\` store from a long-running worker. Since 1.6.0 the store is sometimes unreadable the next morning. It happens every time the worker appended two batches within the same process without reopening the store: the first of the two batches is silently overwritten, and reading raises

\`\`\`
Traceback (most recent call last):
  File "/srv/ingest/report.py", line 22, in <module>
    df = tt.read("/data/meter.tdb", start="2026-04-01")
  File "/opt/venv/lib/python3.12/site-packages/tidetable/api.py", line 141, in read
    return _Reader(path).read_range(start, end)
  File "/opt/venv/lib/python3.12/site-packages/tidetable/reader.py", line 87, in read_range
    block = self._load_block(idx)
  File "/opt/venv/lib/python3.12/site-packages/tidetable/reader.py", line 203, in _load_block
    raise ChecksumError(idx, expected, actual)
tidetable.errors.ChecksumError: block 17 checksum mismatch (expected 0x9f3a11c2, got 0x5be07d14)
\`\`\`

Minimal reproduction:

\`\`\`python
import numpy as np
import tidetable as tt

store = tt.open("repro.tdb", mode="a")
for day in range(2):
    ts = np.arange(1000, dtype="int64") + day * 1000
    store.append({"ts": ts, "value": np.random.rand(1000)})
store.close()

print(tt.read("repro.tdb")["ts"][:5])  # ChecksumError on 1.6.0, fine on 1.5.4
\`\`\`

With a \`store.close()\` and a fresh \`tt.open(...)\` between the two appends it works.

tidetable 1.6.0, numpy 2.0.1, Python 3.12.3 on Ubuntu 24.04 (ext4).
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        pull({
          number: 401,
          title: 'Buffer appended blocks to cut down on small writes',
          body: `append() now keeps blocks in a write buffer and writes them out on flush() or close(), which makes many small appends roughly four times faster on network filesystems.`,
          state: 'closed',
          author: 'casimir-okafor',
          author_association: 'MEMBER',
          created_at: '2026-02-20T09:00:00Z',
          closed_at: '2026-02-24T15:10:00Z',
          merged: true,
          head: 'append-write-buffer',
        }),
        issue({
          number: 433,
          title: 'Appending twice without closing corrupts the store (ChecksumError on read)',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'ingrid-solberg',
          labels: ['bug', 'data-loss'],
          created_at: '2026-04-02T07:55:00Z',
          updated_at: '2026-04-05T11:30:00Z',
          closed_at: '2026-04-05T11:30:00Z',
          comments: [
            comment('casimir-okafor', 'MEMBER', '2026-04-02T10:14:00Z',
              `Thanks, your script reproduces it on the first try. The culprit is the write buffer that came with #401. append() now keeps the block in memory until a flush or close, but the offset for the next block is still taken from the file's current end-of-data. Since the first block is still sitting in the buffer, the second append computes the same offset, and when both are flushed the second block lands on top of the first. The footer then lists two blocks at one offset, which is why the checksum of block 17 no longer matches. The rows in the overwritten block are gone; they can't be recovered from the store.`),
            comment('ingrid-solberg', 'NONE', '2026-04-02T11:02:00Z',
              `Ouch. Is calling store.flush() after each append enough as a stop-gap?`),
            comment('casimir-okafor', 'MEMBER', '2026-04-02T11:30:00Z',
              `Yes, an explicit store.flush() after every append() makes the offsets correct again. Pinning tidetable<1.6 is the other safe option.`),
            comment('noor-haddad', 'NONE', '2026-04-03T16:47:00Z',
              `We lost a week of sensor data to this before anyone noticed. A command that scans a store for overlapping blocks would be really welcome.`),
            comment('casimir-okafor', 'MEMBER', '2026-04-04T09:20:00Z',
              `#436 fixes the offset calculation and adds tt.verify() for checking existing stores; it will go out in 1.6.1.`),
          ],
          events: [
            { type: 'labeled', actor: 'casimir-okafor', created_at: '2026-04-02T10:15:00Z', label: 'data-loss' },
            { type: 'closed', actor: 'casimir-okafor', created_at: '2026-04-05T11:30:00Z', closer: `${REPO}#436` },
          ],
        }),
        pull({
          number: 436,
          title: 'append: account for buffered blocks when computing the next offset',
          body: `Fixes #433

append() took the next block offset from the on-disk end of data and ignored blocks still waiting in the write buffer, so two appends before a flush were given the same offset and the second overwrote the first. The offset is now tracked in memory and advanced as soon as a block is buffered.

Also adds \`tt.verify(path)\`, which reports blocks whose byte ranges overlap, and a regression test with two unflushed appends.`,
          state: 'closed',
          author: 'casimir-okafor',
          author_association: 'MEMBER',
          created_at: '2026-04-04T09:05:00Z',
          closed_at: '2026-04-05T11:30:00Z',
          merged: true,
          head: 'fix-buffered-offset',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
