#!/usr/bin/env node
// Writes tests/eval/worlds/long-thread-workaround.json: issue mossgate/ferrite#2210
// with 120 comments, where the workaround people end up using is posted in
// comment 80 and confirmed by later replies, the cause is found in comment
// 100 and the fix is released in comment 118. Deterministic: a fixed-seed
// generator and fixed dates (tests/lib/worldgen.mjs), so re-running it
// reproduces the committed file byte for byte.
//
// Planted content (comment numbers are 1-based, in creation order):
//   comment 12   mentions #2198, an older report with the same message
//   comment 22   a stop-gap: restart from cron every night
//   comment 40   asks for a workaround (a question, not one)
//   comment 55   raising the descriptor limit only delays the crash (not a workaround)
//   comment 80   the workaround: turn the keep-alive pool off
//   comments 83, 88, 95   confirm the workaround
//   comment 100  a maintainer explains the root cause
//   comment 104  a maintainer points to the fix, #2288
//   comment 118  a maintainer says it is released; the issue is closed by #2288
// Every other comment is filler (+1s, "same here", logs, status dumps,
// questions) free of references and of workaround or cause phrasing.

import { emit, iso, makeUsers, seeded } from '../../lib/worldgen.mjs';

const COMMENT_COUNT = 120;
const REPO = 'mossgate/ferrite';

const { rand, pick, int } = seeded(2210);
const pad = (n, w = 2) => String(n).padStart(w, '0');

// ---------------------------------------------------------------- people
const MAINTAINER = { author: 'ottilie-marsh', author_association: 'MEMBER' };
const OWNER = { author: 'bram-koenig', author_association: 'OWNER' };
const FIRST = ['aiko', 'bruno', 'carla', 'dev', 'edda', 'farid', 'gwen', 'hamza', 'isolde', 'joaquin', 'kaia',
  'lucas', 'mei', 'nuno', 'olga', 'pavel', 'rhea', 'stellan', 'tariq', 'ulla', 'vesna', 'wim', 'xiadani', 'yara'];
const LAST = ['ambrose', 'bergstrom', 'cruz', 'dunmore', 'engel', 'falk', 'grieve', 'hale', 'iyer', 'jovanovic',
  'kask', 'lindgren', 'mwangi', 'nakata', 'oyelaran', 'pryor', 'quist', 'rahimi', 'szabo', 'tremblay'];
const users = makeUsers({
  count: 60, first: FIRST, last: LAST, contributorEvery: 11,
  logins: [(first, last) => `${first}-${last}`, (first, last, i) => `${first}${last[0]}${i}`,
    (first, last) => `${last}-${first[0]}`],
});
const someone = () => pick(users);

// ---------------------------------------------------------------- phrases
const OS = ['Ubuntu 22.04', 'Ubuntu 24.04', 'Debian 12', 'Rocky Linux 9', 'Alpine 3.20 in a container',
  'Amazon Linux 2023', 'FreeBSD 14.1', 'Fedora 40'];
const VERSIONS = ['5.0.0', '5.0.0', '5.0.1', '5.0.1', '5.0.2'];
const PLUS_ONE = ['+1', '+1, same here.', 'Same here.', 'Seeing this as well.', 'Also affected.', ':+1:',
  'Same problem since the upgrade.', 'Subscribing.', 'Following.', 'Any news on this one?',
  'This blocks our move to 5.x as well.', 'Same, three nodes so far.'];
const QUESTIONS = [
  'Does this affect 4.9.x at all, or only 5.x?',
  'Is the stream module affected too, or only HTTP proxying?',
  'Does a reload reset the descriptor count, or only a full restart?',
  'Any idea which release this will land in?',
  'Is there a debug setting that logs when descriptors are opened and closed?',
  'Could this be related to HTTP/2 towards the backend? We only use HTTP/1.1.',
];
const MISC = [
  'For what it is worth, our nodes without backend keep-alive traffic look fine so far.',
  'We graphed the descriptor count: it grows in steps, not smoothly.',
  'Our staging box on 4.9.6 has been flat for two weeks with the same config.',
  'The growth rate seems to follow request volume during the day.',
  'Happens with TLS and plain HTTP backends alike here.',
  'Interesting, on our side the busiest node is not the one that dies first.',
];

function sameHere() {
  return `Same on ${pick(OS)} with ${pick(VERSIONS)}. ${pick([
    'It takes about two days here.', 'Ours falls over roughly once a day.', 'Only the edge nodes so far.',
    'We only noticed because the health checks started failing.', 'The internal nodes are fine, the public ones are not.'])}`;
}

function userLog() {
  const day = int(18, 30);
  const pid = int(1200, 9800);
  const lines = [];
  for (let i = 0, n = int(1, 3); i < n; i++) {
    lines.push(`2026/05/${pad(day)} ${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))} [crit] ${pid}#${pid}: accept4() failed (24: Too many open files)`);
  }
  return `${pick(['Ours looks the same:', 'Same log lines here:', 'From our error log:', 'Our log:'])}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\``;
}

function statusDump() {
  const open = int(20000, 65000);
  return `${pick(['Here is ours:', 'From the busiest node:', 'Output after about a day:', 'Ours, as requested:'])}\n\n\`\`\`\n$ ferrite status --fds\nopen descriptors: ${open} / 65536\n  client sockets:   ${int(800, 4000)}\n  upstream sockets: ${open - int(900, 5000)}\n  files:            ${int(40, 300)}\nupstream keep-alive: on\n\`\`\``;
}

function filler(n) {
  const roll = rand();
  if (n > 30 && n < 80 && roll < 0.25) return statusDump();
  if (roll < 0.45) return pick(PLUS_ONE);
  if (roll < 0.65) return sameHere();
  if (roll < 0.78) return userLog();
  if (roll < 0.9) return pick(QUESTIONS);
  return pick(MISC);
}

// ---------------------------------------------------------------- planted
const planted = {
  1: [someone(), 'Same here after moving to 5.0.0. It took a little over a day on our side.'],
  12: [someone(), '#2198 from last year had the same message, but that was about the old worker model, so probably unrelated.'],
  22: [someone(), 'For now we restart it from cron every night, which keeps the count below the limit:\n\n```\n0 4 * * * systemctl restart ferrite\n```'],
  30: [MAINTAINER, 'Thanks, everyone. To narrow this down, could the people affected post the output of `ferrite status --fds` after the count has grown for a while, and say whether upstream keep-alive is enabled?'],
  40: [someone(), 'Is there any workaround yet, short of restarting? This hurts us in production.'],
  55: [someone(), 'Raising `LimitNOFILE` only buys time: with 1048576 it still stops accepting after about four days.'],
  80: [{ author: 'wren-okafor', author_association: 'NONE' },
    '## Workaround\n\nWe have been running for a week without a single "Too many open files" after turning off the new upstream keep-alive pool, so ferrite goes back to one backend connection per request:\n\n```conf\n# ferrite.conf\nupstream backend {\n    keepalive_pool off;\n}\n```\n\nThe price is one extra TCP handshake per request towards the backend, which we do not notice. Restart (not reload) after changing it.'],
  83: [someone(), 'This worked for me, thanks @wren-okafor. Descriptor count has been flat since yesterday.'],
  88: [someone(), 'Can confirm the keepalive_pool change, no growth in three days.'],
  95: [someone(), 'Worked for me too on 5.0.1.'],
  100: [MAINTAINER, 'Found it, thanks to the status dumps. When the backend closes an idle connection that sits in the keep-alive pool, the pool never notices, because it does not watch pooled sockets for hang-ups. The dead socket stays in the pool, and the next checkout opens a new connection without closing the old one, so every backend idle timeout leaks one descriptor per pooled connection. That is also why turning the pool off helps.'],
  104: [MAINTAINER, 'The fix is up for review in #2288.'],
  118: [OWNER, 'Released in 5.0.3, which includes #2288. After upgrading you can turn `keepalive_pool` back on.'],
  119: [someone(), 'Upgraded, pool back on, descriptor count flat for twelve hours now. Thanks a lot!'],
  120: [MAINTAINER, 'Closing, thanks to everyone who sent data.'],
};

// ---------------------------------------------------------------- build
const start = Date.UTC(2026, 4, 18, 9, 0, 0);
let clock = start + 3 * 3600e3;
const comments = [];
for (let n = 1; n <= COMMENT_COUNT; n++) {
  clock += int(40, 420) * 60e3;
  const [who, body] = planted[n] ?? [someone(), filler(n)];
  comments.push({ author: who.author, author_association: who.author_association, created_at: iso(clock), body });
}
const closedAt = iso(Date.parse(comments[117].created_at) + 60e3);
const fixOpened = iso(Date.parse(comments[103].created_at) - 30 * 60e3);

const rootBody = `## Summary

Since upgrading from 4.9.6 to 5.0.0, ferrite slowly leaks file descriptors until it hits the limit and stops accepting connections. On our busiest node that takes about 36 hours; quieter nodes last a few days. A restart resets the count.

## Error log

The error log fills up with:

\`\`\`
2026/05/18 03:12:44 [crit] 2211#2211: accept4() failed (24: Too many open files)
2026/05/18 03:12:44 [crit] 2211#2211: accept4() failed (24: Too many open files)
2026/05/18 03:12:45 [crit] 2211#2211: accept4() failed (24: Too many open files)
\`\`\`

## Steps to reproduce

1. Run 5.0.0 as a reverse proxy in front of a backend that closes idle keep-alive connections after 15 s.
2. Send steady traffic with idle gaps longer than the backend timeout.
3. Watch \`ls /proc/$(pidof ferrite)/fd | wc -l\` grow.

## Environment

- ferrite 5.0.0 from the official packages
- Ubuntu 22.04, kernel 5.15
- backend: a Java service behind an internal load balancer with a 15 s idle timeout
`;

const item = (fields) => ({
  state_reason: null, labels: [], comments: [], events: [], parent: null, deleted: false,
  author_association: 'NONE', closed_at: null, ...fields,
});

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        item({ number: 2198, type: 'issue', title: 'accept4() failed with the old worker model under load',
          body: 'Workers run out of descriptors during load tests with 4.6.', state: 'closed', state_reason: 'completed',
          author: 'falk-e', created_at: '2025-06-02T10:00:00Z', updated_at: '2025-06-20T10:00:00Z', closed_at: '2025-06-20T10:00:00Z' }),
        item({ number: 2210, type: 'issue', title: '5.0: file descriptor leak, "Too many open files" after a day or two',
          body: rootBody, state: 'closed', state_reason: 'completed', author: 'selma-haugen', labels: ['bug', 'regression'],
          created_at: iso(start), updated_at: comments[COMMENT_COUNT - 1].created_at, closed_at: closedAt, comments,
          events: [{ type: 'closed', actor: OWNER.author, created_at: closedAt, closer: `${REPO}#2288` }] }),
        item({ number: 2230, type: 'issue', title: 'ferrite 5.0.1 runs out of file descriptors after a day',
          body: 'After a day the proxy stops accepting connections; the log says accept4() failed with error 24.',
          state: 'closed', state_reason: 'duplicate', author: 'quist-l', created_at: '2026-05-24T08:00:00Z',
          updated_at: '2026-05-24T09:30:00Z', closed_at: '2026-05-24T09:30:00Z',
          comments: [{ author: MAINTAINER.author, author_association: 'MEMBER', created_at: '2026-05-24T09:30:00Z', body: 'Duplicate of #2210' }] }),
        item({ number: 2288, type: 'pull', title: 'upstream: drop pooled connections the backend has closed',
          body: 'Fixes #2210\n\nPooled connections are now registered for hang-up notifications, so a connection the backend closes while idle is removed from the pool and its descriptor is closed. Adds a test that counts descriptors across 10,000 backend idle timeouts.',
          state: 'closed', author: MAINTAINER.author, author_association: 'MEMBER', created_at: fixOpened,
          updated_at: closedAt, closed_at: closedAt,
          pull: { merged: true, merged_at: closedAt, draft: false, base: 'main', head: 'fix/pool-hangup' } }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
