#!/usr/bin/env node
// Writes tests/worlds/long-thread.json: issue quarry-io/quarry#5000 with 305
// comments (three REST pages at per_page=100) and the items it links to.
// Deterministic: a fixed-seed generator and fixed dates (tests/lib/worldgen.mjs),
// so re-running it reproduces the committed file byte for byte.
//
//   node tests/worlds/gen/long-thread.mjs
//
// Planted references (comment numbers are 1-based, in creation order):
//   comment 3   mentions #4990 (an older report of the same crash)
//   comment 80  holds the workaround (a "Workaround" heading and a fenced
//               shell block) and mentions #5010, the pull that later fixes it
//   comment 150 mentions quarry-io/quarry-plugins#77
//   comment 259 mentions #5020, a follow-up opened after the fix
// Every other comment is free of references outside code; native backtraces
// in fenced blocks contain "#0", "#1", ... frame numbers that must not link.

import { emit, iso, makeUsers, seeded } from '../../lib/worldgen.mjs';

const COMMENT_COUNT = 305;

const { rand, pick, int } = seeded(5000);
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');

const MINUTE = 60 * 1000;

// ---------------------------------------------------------------- people
const MAINTAINERS = {
  dmitri: { author: 'dmitri-vance', author_association: 'MEMBER' },
  sol: { author: 'sol-amaro', author_association: 'MEMBER' },
  halvard: { author: 'halvard-berg', author_association: 'OWNER' },
};
const FIRST = ['ana', 'bo', 'chen', 'dario', 'eli', 'femi', 'greta', 'hugo', 'ivana', 'jae', 'kofi', 'lena',
  'marek', 'noor', 'oskar', 'priya', 'quentin', 'rosa', 'sami', 'tove', 'uma', 'viktor', 'wren', 'yusuf', 'zoe'];
const LAST = ['adler', 'bianchi', 'castro', 'dahl', 'eze', 'fischer', 'gallo', 'horvat', 'ito', 'jensen', 'kaur',
  'lopes', 'moreau', 'novak', 'okoro', 'petrov', 'reyes', 'sato', 'tanaka', 'varga'];
const users = makeUsers({
  count: 90, first: FIRST, last: LAST, contributorEvery: 9,
  logins: [(first, last) => `${first}-${last}`, (first, last) => `${first}${last[0]}`,
    (first, last) => `${last}${first}`, (first, last, i) => `${first}_${last}${i}`],
});
const someone = () => pick(users);

// ---------------------------------------------------------------- phrases
const OS = ['Ubuntu 22.04', 'Ubuntu 24.04', 'Debian 12', 'RHEL 9.3', 'Rocky Linux 9', 'Amazon Linux 2023',
  'Alpine 3.19 (container)', 'Fedora 40', 'SLES 15 SP5', 'the official container image on Kubernetes 1.29'];
const FS = ['ext4', 'XFS', 'XFS on LVM', 'ZFS', 'btrfs', 'an EBS gp3 volume (ext4)', 'a Ceph RBD volume', 'NVMe local disks (XFS)'];
const VERSIONS = ['3.8.0', '3.8.0', '3.8.1', '3.8.1', '3.8.0 built from source'];
const INGEST = ['about 2k docs/s', 'roughly 15k docs/s', 'bursty nightly batch loads', 'a steady 400 docs/s',
  'log shipping, around 30k events/s', 'small updates all day long'];

const PLUS_ONE = ['+1', '+1, same here.', 'Same here.', 'Seeing this too.', 'Also affected.', 'Same problem after the upgrade.',
  'Subscribing.', 'Any news on this?', 'We hit this as well, rolling back for now.', ':+1:',
  'Same. Following.', 'This is blocking our upgrade too.'];

const QUESTIONS = [
  'Is it safe to downgrade to 3.7.x with segments that 3.8 already wrote? The release notes mention a format bump.',
  'Does this also affect read replicas, or only the node that runs compaction?',
  'Is there a way to list which segments are corrupted without restarting the node?',
  'Does the crash lose data, or does the segment get rebuilt from the write-ahead log on restart?',
  'Would lowering `compaction.threads` make this less likely, or is it unrelated?',
  'Is 3.8.1 affected too? The changelog mentions a compaction fix but I still see the error.',
  'Can anyone confirm whether single-node setups are affected? All the reports here seem to be clusters.',
  'Does `quarry verify` catch the broken segments before the node crashes?',
];
const ANSWERS = [
  'In our case the segment was rebuilt from the write-ahead log after restart, so no data was lost, but the node was down for about ten minutes each time.',
  'Single-node here and it happens too, so it is not about replication.',
  '`quarry verify --all` lists them. It takes a while on a big index but it is read-only.',
  'We downgraded to 3.7.4 and had to restore from a snapshot, because 3.7 refuses to open the new segment format. I would not try that without a backup.',
  'Read replicas look fine for us; only the node that runs compaction crashes.',
  'Lowering the thread count made it rarer for us but did not make it go away.',
];
const WORKAROUND_OK = [
  'The workaround above works for us, no crashes in two days.',
  'Confirming the workaround: background compaction off, nightly offline compaction, stable since.',
  'Workaround applied on 12 nodes, no mismatch since. Thanks!',
  'Thanks, the workaround did it. Disk usage grows during the day but the nightly run brings it back down.',
  'Applied the workaround, cluster has been quiet for a week.',
];
const WAITING = [
  'Any ETA for a release with the fix?',
  'Is the fix going to be backported to 3.8.x or only land in 3.9?',
  'Still running with the workaround, looking forward to the patch release.',
  'Will the fix repair segments that are already broken, or only stop new ones?',
];
const AFTER_FIX = [
  'Upgraded to 3.8.2, no more crashes so far. Thanks for fixing this!',
  'Thanks for the fix. Re-enabled background compaction on staging, looks good.',
  '3.8.2 is running on all our nodes now, and the errors stopped.',
  'Great, thanks everyone. Removing the workaround from our runbooks.',
];
const POST_CLOSE = [
  'Thanks a lot! Waiting for the release.',
  'Great news, thank you.',
  'Is 3.8.2 expected this week or next?',
  'Will there be a note in the release about re-enabling background compaction?',
];
const STILL_BROKEN = [
  'After upgrading to 3.8.2 I still get the mismatch, but only for segments that were written before the upgrade.',
  'Same for us: 3.8.2 is fine for new segments, but older ones still fail verification when the node opens them.',
];

function envReport() {
  const bg = pick(['on', 'on (the default)', 'on, with 4 compaction threads', 'on, with 1 compaction thread']);
  return `Same on ${pick(OS)}, quarry ${pick(VERSIONS)}, ${pick(FS)}, ${int(2, 24)} workers, background compaction ${bg}. Ingest is ${pick(INGEST)}.`;
}

function logBlock(atMs) {
  const start = atMs - int(20, 600) * MINUTE - int(0, 59) * 1000;
  const t0 = iso(start);
  const t1 = iso(start + int(2, 40) * 1000);
  const seg = `seg_${hex(8)}`;
  const expected = hex(8);
  const actual = hex(8);
  const lines = [
    `${t0} INFO  compaction: merging ${int(3, 8)} segments into ${seg} (level ${int(1, 3)})`,
    `${t1} ERROR store: segment checksum mismatch in ${seg}: expected crc32c ${expected}, got ${actual}`,
    `${t1} FATAL worker-${int(1, 16)}: aborting: corrupt segment ${seg}`,
  ];
  if (rand() < 0.5) {
    const base = 0x5600_0000_0000 + int(0, 0xffffff) * 0x1000;
    const frame = (n, fn) => `#${n}  0x${(base + int(0, 0xfff)).toString(16).padStart(16, '0')} in ${fn}`;
    lines.push('', 'Thread 7 "compactor" received signal SIGABRT, Aborted.',
      frame(0, '__pthread_kill_implementation () from /lib/x86_64-linux-gnu/libc.so.6'),
      frame(1, 'abort () from /lib/x86_64-linux-gnu/libc.so.6'),
      frame(2, 'quarry::store::Segment::VerifyChecksum (this=0x7f3a2c0011e0) at store/segment.cc:412'),
      frame(3, 'quarry::store::SegmentReader::Open (path=...) at store/segment_reader.cc:88'),
      frame(4, 'quarry::compaction::Merger::Run (this=0x7f3a2c004a10) at compaction/merger.cc:231'));
  }
  const intro = pick(['Here is what our logs show:', 'Logs from the last crash:', 'Another one from tonight:',
    'Same trace here:', 'From a node that crashed an hour ago:']);
  return `${intro}\n\n\`\`\`text\n${lines.join('\n')}\n\`\`\``;
}

// ---------------------------------------------------------------- planted comments
const planted = {
  3: () => ({ ...users[4], body:
`This looks like #4990, which was closed last month because nobody could reproduce it. Same error text, and we also only saw it while a large merge was running. Maybe worth reopening that one or linking the two.` }),

  6: () => ({ ...MAINTAINERS.dmitri, body:
`Thanks for the reports. To narrow this down, could everyone who hits it post:

- the exact quarry version (\`quarry version --long\`),
- the filesystem under the data directory,
- whether background compaction is enabled (\`quarry config get compaction.background\`),
- roughly how much ingest was going on when it happened.

If you still have a broken segment, please keep a copy of it; we may ask for one.` }),

  41: () => ({ ...MAINTAINERS.sol, body:
`## Update

We can now reproduce this in our soak test: three nodes, sustained ingest, background compaction at the default settings. It takes between two and six hours to trigger. It never happens with compaction disabled, and it never happens on 3.7.4 with the same load, so this is a regression in 3.8.0. We're bisecting now.` }),

  80: () => ({ ...MAINTAINERS.dmitri, body:
`We have found the cause and a fix is in review in #5010. Until a release with it is out, here is what we recommend.

## Workaround

Turn off background compaction and run compaction offline during a quiet period instead. Offline compaction holds the write lock for the whole merge, so the race cannot happen.

\`\`\`sh
# 1. stop background merges on every node (takes effect without a restart)
quarry config set compaction.background false

# 2. once a night, or whenever segment count gets high, compact offline
quarry compact --offline --max-segments 64

# 3. check for segments that were already damaged before the change
quarry verify --all --repair-from-wal
\`\`\`

Expect more segments and somewhat slower queries during the day while background merges are off. \`--repair-from-wal\` rebuilds damaged segments from the write-ahead log; it only works while the log still covers them, so run it soon.` }),

  121: () => ({ ...MAINTAINERS.sol, body:
`## Root cause, for those following along

In 3.8.0 the merge step started reusing one output buffer per compaction thread to cut allocations. The checksum is computed while the buffer is filled, but the buffer is flushed to disk only after the thread takes the segment lock. When ingest seals a new segment at the same moment, the thread can be handed a fresh merge job before the previous flush finishes, and the first few kilobytes of the buffer are overwritten:

\`\`\`cpp
// compaction/merger.cc, 3.8.0
Status Merger::Run(const Job& job) {
  buffer_.Reset();                           // shared per thread
  for (const auto& seg : job.inputs) CopyInto(seg, &buffer_, &crc_);
  auto lock = store_->LockSegments(job.level);
  return store_->Publish(job.output, buffer_, crc_.Value());  // flush happens here
}
\`\`\`

The fix gives each job its own buffer again and computes the checksum from the bytes that were actually written. Segments damaged before the fix still need \`quarry verify --repair-from-wal\` or a restore.` }),

  150: () => ({ ...users[31], body:
`For anyone running the S3 tiering plugin: it shows a variant of this where the upload step rejects the merged segment. It is being tracked over in quarry-io/quarry-plugins#77, since the plugin needs its own change to re-verify after upload.` }),

  200: () => ({ ...MAINTAINERS.dmitri, body:
`Quick status: the fix pull linked above is approved and is waiting on the upgrade test matrix (3.7 to 3.8 with existing segments). Once that is green it will go into 3.8.2. Please keep the workaround in place until then.` }),

  246: () => ({ ...MAINTAINERS.halvard, body:
`The fix is merged and will ship in 3.8.2 later this week. Closing this issue; if you still see checksum mismatches on **new** segments after upgrading, please open a new issue with logs rather than adding to this thread, which has become hard to follow.` }),

  259: () => ({ ...MAINTAINERS.sol, body:
`Thanks for the reports about old segments. I opened #5020 to track segments written by 3.8.0 and 3.8.1 that still fail verification after the upgrade; the fix here stops new damage but does not repair what is already on disk. Please follow up there.` }),
};

// ---------------------------------------------------------------- the thread
const ROOT_CREATED = Date.parse('2026-03-02T09:14:00Z');
const commentTime = [];
for (let i = 1; i <= COMMENT_COUNT; i++) {
  commentTime[i] = ROOT_CREATED + 40 * MINUTE + (i - 1) * 200 * MINUTE + int(0, 59) * MINUTE;
}
const CLOSE_AT = commentTime[245] + 31 * MINUTE;              // pull merged, issue closed
const PULL_OPENED = commentTime[78] + 12 * MINUTE;            // before comment 80
const PLUGIN_ISSUE_OPENED = commentTime[148] + 20 * MINUTE;   // before comment 150
const FOLLOW_UP_OPENED = commentTime[258] + 9 * MINUTE;       // before comment 259

let stillBroken = 0; // the second report refers to the first, so use them in order

function filler(i) {
  const at = commentTime[i];
  const r = rand();
  let body;
  if (i > 246) {
    // 3.8.2 is tagged a day after the close; earlier comments can only wait for it.
    if (at < CLOSE_AT + 24 * 60 * MINUTE) body = pick(POST_CLOSE);
    else if (i <= 257 && r < 0.4 && stillBroken < STILL_BROKEN.length) body = STILL_BROKEN[stillBroken++];
    else body = pick(AFTER_FIX);
  } else if (i > 80) {
    if (r < 0.22) body = pick(WORKAROUND_OK);
    else if (r < 0.34) body = pick(WAITING);
    else if (r < 0.55) body = pick(PLUS_ONE);
    else if (r < 0.75) body = envReport();
    else if (r < 0.87) body = logBlock(at);
    else if (r < 0.94) body = pick(QUESTIONS);
    else body = pick(ANSWERS);
  } else {
    if (r < 0.35) body = pick(PLUS_ONE);
    else if (r < 0.62) body = envReport();
    else if (r < 0.82) body = logBlock(at);
    else if (r < 0.92) body = pick(QUESTIONS);
    else body = pick(ANSWERS);
  }
  return { ...someone(), body };
}

const comments = [];
for (let i = 1; i <= COMMENT_COUNT; i++) {
  let c = planted[i] ? planted[i]() : filler(i);
  // No one posts the same text right after someone else, nor twice in a row.
  while (!planted[i] && comments.length &&
         (c.body === comments.at(-1).body || c.author === comments.at(-1).author)) c = filler(i);
  comments.push({ author: c.author, author_association: c.author_association, created_at: iso(commentTime[i]), body: c.body });
}

const ROOT_BODY = `## Summary

Since upgrading from 3.7.4 to 3.8.0, our indexing nodes crash every few hours with a segment checksum mismatch. It only happens while background compaction is merging segments and ingest is running at the same time. After the crash the node restarts, replays its write-ahead log and works again until the next time.

## Steps to reproduce

1. Run a 3.8.0 cluster (we have three nodes) with the default compaction settings.
2. Ingest continuously; we see it at around 5k documents per second.
3. Wait. It takes anywhere from one to eight hours.

\`\`\`sh
quarry bench ingest --rate 5000 --duration 8h --index events
\`\`\`

## Error output

\`\`\`text
2026-03-01T22:41:09Z INFO  compaction: merging 6 segments into seg_7c01e2aa (level 2)
2026-03-01T22:41:13Z ERROR store: segment checksum mismatch in seg_7c01e2aa: expected crc32c 91d04f2e, got 3b6a0c17
2026-03-01T22:41:13Z FATAL worker-3: aborting: corrupt segment seg_7c01e2aa

Thread 7 "compactor" received signal SIGABRT, Aborted.
#0  0x00007f3a31e969fc in __pthread_kill_implementation () from /lib/x86_64-linux-gnu/libc.so.6
#1  0x00007f3a31e42476 in raise () from /lib/x86_64-linux-gnu/libc.so.6
#2  0x00007f3a31e287f3 in abort () from /lib/x86_64-linux-gnu/libc.so.6
#3  0x000055d1c2a4b1e0 in quarry::store::Segment::VerifyChecksum (this=0x7f3a2c0011e0) at store/segment.cc:412
#4  0x000055d1c2a3f9a2 in quarry::compaction::Merger::Run (this=0x7f3a2c004a10) at compaction/merger.cc:231
\`\`\`

## Environment

- quarry 3.8.0 (release tarball), upgraded in place from 3.7.4
- Ubuntu 22.04, kernel 6.5, ext4 on NVMe
- 3 nodes, 16 workers each, \`compaction.background = true\` (the default)
`;

const PULL_BODY = `## Summary

Closes #5000

Gives every compaction job its own output buffer again instead of reusing one buffer per thread, and computes the segment checksum from the bytes that were flushed rather than from the buffer while it is being filled. With the shared buffer, a thread could start the next merge before the previous flush finished, which overwrote the start of the buffer and produced segments whose stored checksum did not match their content. The per-job buffer costs a few extra allocations per merge, which is not measurable in the ingest benchmark.

## Testing

- New stress test that runs ingest and compaction concurrently for ten minutes with verification after every merge; it fails on main within a minute and passes here.
- The soak test from the issue ran for 48 hours without a mismatch.
- Upgrade test: segments written by 3.7.4 and 3.8.0 open and merge correctly.
`;

const FOLLOW_UP_BODY = `## Summary

The fix in #5010 (released in 3.8.2) stops compaction from writing new damaged segments, but segments that 3.8.0 or 3.8.1 already damaged still fail verification when a node opens them, and \`quarry verify --repair-from-wal\` cannot help once the write-ahead log no longer covers them. Several people reported this at the end of #5000.

## Proposal

- Make \`quarry verify\` report which damaged segments can still be repaired from the log and which need a restore.
- Add a \`--quarantine\` option that moves unrepairable segments aside so the node can start, and lists the document ranges that are missing.
`;

const OLD_ISSUE_BODY = `Once, on a staging node running 3.8.0-rc2, the node aborted with a checksum error during compaction:

\`\`\`text
ERROR store: segment checksum mismatch in seg_0a9f3317: expected crc32c 5e21c0d4, got 77ab0f10
FATAL worker-1: aborting: corrupt segment seg_0a9f3317
\`\`\`

It restarted cleanly and we have not seen it again. Filing in case someone else has.
`;

const PLUGIN_BODY = `## Description

With quarry 3.8.0 and the S3 tiering plugin, uploads of freshly merged segments fail every few hours:

\`\`\`text
WARN tiering: upload of seg_5d2e90c1 rejected: checksum in footer does not match content
\`\`\`

The core bug is quarry-io/quarry#5000. The plugin should not retry the upload forever when this happens; it should mark the segment and move on, and it should verify again after the core fix is deployed.

## Environment

- quarry 3.8.0, s3-tiering plugin 1.4.2, MinIO as the object store
`;

const world = {
  repos: {
    'quarry-io/quarry': {
      private: false,
      moved_to: null,
      items: [
        {
          number: 4990, type: 'issue',
          title: 'Checksum error during compaction on 3.8.0-rc2 (seen once)',
          body: OLD_ISSUE_BODY, state: 'closed', state_reason: 'not_planned',
          author: 'tove-ito', author_association: 'NONE',
          labels: ['bug', 'cannot-reproduce'],
          created_at: '2026-02-17T15:20:00Z', updated_at: iso(commentTime[3] + 45 * MINUTE), closed_at: '2026-02-25T10:05:00Z',
          comments: [
            { ...MAINTAINERS.dmitri, created_at: '2026-02-18T09:30:00Z',
              body: 'Thanks. We ran the rc2 soak test for three days and could not trigger it. If it happens again, please attach the segment file and the full log.' },
            { ...MAINTAINERS.dmitri, created_at: '2026-02-25T10:05:00Z',
              body: 'Closing for now since we cannot reproduce it. Happy to reopen with more data.' },
            { ...users[4], created_at: iso(commentTime[3] + 45 * MINUTE),
              body: 'This is probably the same bug as #5000, which has a reliable reproduction and many more reports.' },
          ],
          events: [
            { type: 'labeled', actor: 'dmitri-vance', created_at: '2026-02-25T10:04:00Z', label: 'cannot-reproduce' },
            { type: 'closed', actor: 'dmitri-vance', created_at: '2026-02-25T10:05:00Z', closer: null },
          ],
          parent: null, deleted: false,
        },
        {
          number: 5000, type: 'issue',
          title: 'Segment checksum mismatch crashes nodes after upgrading to 3.8.0 when compaction runs during ingest',
          body: ROOT_BODY, state: 'closed', state_reason: 'completed',
          author: 'nadia-kowal', author_association: 'NONE',
          labels: ['bug', 'regression', 'area/compaction', 'priority/critical'],
          created_at: iso(ROOT_CREATED), updated_at: comments[comments.length - 1].created_at, closed_at: iso(CLOSE_AT),
          comments,
          events: [
            { type: 'labeled', actor: 'dmitri-vance', created_at: iso(commentTime[6] + 2 * MINUTE), label: 'bug' },
            { type: 'labeled', actor: 'dmitri-vance', created_at: iso(commentTime[6] + 2 * MINUTE), label: 'area/compaction' },
            { type: 'labeled', actor: 'sol-amaro', created_at: iso(commentTime[41] + 3 * MINUTE), label: 'regression' },
            { type: 'labeled', actor: 'halvard-berg', created_at: iso(commentTime[41] + 20 * MINUTE), label: 'priority/critical' },
            { type: 'closed', actor: 'dmitri-vance', created_at: iso(CLOSE_AT), closer: 'quarry-io/quarry#5010' },
          ],
          parent: null, deleted: false,
        },
        {
          number: 5010, type: 'pull',
          title: 'compaction: use a buffer per merge job and checksum the flushed bytes',
          body: PULL_BODY, state: 'closed', state_reason: null,
          author: 'dmitri-vance', author_association: 'MEMBER',
          labels: ['bug', 'area/compaction'],
          created_at: iso(PULL_OPENED), updated_at: iso(CLOSE_AT), closed_at: iso(CLOSE_AT),
          comments: [
            { ...MAINTAINERS.sol, created_at: iso(PULL_OPENED + 20 * 60 * MINUTE),
              body: 'The approach looks right. Can we also add an assertion in debug builds that the buffer is not reused while a flush is pending? It would have caught this much earlier.' },
            { ...MAINTAINERS.dmitri, created_at: iso(PULL_OPENED + 26 * 60 * MINUTE),
              body: 'Added, plus a comment explaining why the buffer must not be shared.' },
            { ...MAINTAINERS.halvard, created_at: iso(CLOSE_AT - 3 * 60 * MINUTE),
              body: 'Upgrade matrix is green. Approving for 3.8.2.' },
          ],
          events: [],
          parent: null, deleted: false,
          pull: { merged: true, merged_at: iso(CLOSE_AT), draft: false, base: 'main', head: 'fix/compaction-buffer-per-job' },
        },
        {
          number: 5020, type: 'issue',
          title: 'Segments damaged by 3.8.0/3.8.1 still fail verification after upgrading to 3.8.2',
          body: FOLLOW_UP_BODY, state: 'open', state_reason: null,
          author: 'sol-amaro', author_association: 'MEMBER',
          labels: ['bug', 'area/compaction', 'area/cli'],
          created_at: iso(FOLLOW_UP_OPENED), updated_at: iso(FOLLOW_UP_OPENED), closed_at: null,
          comments: [],
          events: [],
          parent: null, deleted: false,
        },
      ],
    },
    'quarry-io/quarry-plugins': {
      private: false,
      moved_to: null,
      items: [
        {
          number: 77, type: 'issue',
          title: 's3-tiering: endless upload retries for segments with a bad checksum',
          body: PLUGIN_BODY, state: 'open', state_reason: null,
          author: users[31].author, author_association: 'NONE',
          labels: ['plugin/s3-tiering', 'bug'],
          created_at: iso(PLUGIN_ISSUE_OPENED), updated_at: iso(PLUGIN_ISSUE_OPENED), closed_at: null,
          comments: [],
          events: [],
          parent: null, deleted: false,
        },
      ],
    },
  },
};

export default emit(import.meta.url, world);
