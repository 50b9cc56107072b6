#!/usr/bin/env node
// World: a 34-comment thread about CI jobs hanging on service-container
// health checks. Deterministic (fixed seed, fixed dates).
//
// Planted comments (1-based, in creation order):
//   6    a user rolled back to 4.1.3 (a real, if blunt, way out)
//   11   WRONG suggestion: switch the service image to an alpine tag
//   13   a maintainer says the image switch does not work
//   15   a maintainer asks for a debug log
//   17   a user posts the debug log: inspect timed out after 2s
//   21   a user mentions #1869, an older stale issue
//   27   the workaround, in prose without a heading: raise inspect_timeout
//        under [docker] in config.toml, then restart (a reload is not enough)
//   29, 32  users confirm the workaround
//   30   a maintainer explains the root cause
//   34   a maintainer keeps the issue open and recommends the workaround
// Every other comment is noise: +1, "same here", version chatter, pings.
// The docs repository holds pipewright/docs#88, whose body mentions the root.
import { comment, emit, iso, issue, seeded } from '../../lib/worldgen.mjs';

const REPO = 'pipewright/runner';
const COUNT = 34;

const { rand, pick, int } = seeded(1877);

const MAINTAINER = ['gideon-farrow', 'MEMBER'];
const USERS = ['halvard-strom', 'yusra-benali', 'cormac-dwyer', 'tilde-moreau', 'ravi-subramani', 'effie-castell',
  'jonas-wehrli', 'ama-owusu', 'pieter-claes', 'lin-zhaohui', 'marta-wojcik', 'obi-nnamdi', 'sigrun-eide',
  'florin-popa', 'keiko-arai', 'daniel-ortega'];
const NOISE = [
  '+1',
  '+1, same here.',
  'Same here.',
  'Same here since the upgrade.',
  'Seeing this as well on two of our runners.',
  ':+1:',
  'Also affected.',
  'Subscribing.',
  'Any update on this? Half of our pipelines are stuck.',
  'Same problem, our nightly builds all timed out.',
  'This is blocking our rollout of 4.2 as well.',
  'Following.',
  'Happens with the redis service too, not only postgres.',
  'Same on Debian 12 with Docker Engine 27.0.3.',
  'Same on Rocky Linux 9, runner 4.2.0.',
  'Also seeing it, jobs sit in setup for the whole hour.',
];

const planted = {
  6: ['yusra-benali', 'NONE', 'We rolled back to 4.1.3 for now, jobs with services run normally again on that version.'],
  9: ['cormac-dwyer', 'NONE', 'Interesting detail: on our side it only happens on the two big build hosts. The small host with a handful of containers has never hung.'],
  11: ['tilde-moreau', 'NONE', 'Switching the service image to postgres:16-alpine fixed it for me, maybe give that a go.'],
  12: ['ravi-subramani', 'NONE', 'Tried the alpine image, no change here, still stuck waiting.'],
  13: ['gideon-farrow', 'MEMBER', 'The image tag plays no part in this, so switching to the alpine image does not work; it only looked better because that host happened to be idle at the time. Please do not rely on it.'],
  15: ['gideon-farrow', 'MEMBER', 'Could someone who sees the hang run the runner with PIPEWRIGHT_LOG=debug and paste the lines around the health wait?'],
  17: ['cormac-dwyer', 'NONE', `Here you go, from one of the busy hosts:

\`\`\`
DEBUG [docker] inspect container 3f2a9c81d0e4 timed out after 2s
DEBUG [health] service postgres state=starting (inspect failed)
DEBUG [docker] inspect container 3f2a9c81d0e4 timed out after 2s
DEBUG [health] service postgres state=starting (inspect failed)
\`\`\`

At the same moment \`docker inspect 3f2a9c81d0e4\` from a shell takes about 4 seconds to answer.`],
  21: ['effie-castell', 'NONE', 'Possibly the same thing as #1869, which was closed as stale last year.'],
  27: ['kwame-asante', 'NONE', `Got ours working again. The health check itself is fine, the runner just gives up on the inspect call too early when the Docker daemon is busy, and since 4.2.0 it reads that timeout from config.toml. Raising inspect_timeout in the [docker] section of config.toml cleared every stuck job on our hosts:

\`\`\`toml
[docker]
inspect_timeout = "30s"
\`\`\`

Restart the runner service afterwards (systemctl restart pipewright-runner); a reload does not pick up the [docker] section.`],
  29: ['jonas-wehrli', 'NONE', 'Can confirm, inspect_timeout = "30s" plus a restart and all three of our runners are healthy again. Thanks @kwame-asante!'],
  30: ['gideon-farrow', 'MEMBER', 'Thanks everyone, the debug log and the timeout setting narrow it down. In 4.2.0 the health poller started calling container inspect with a hard 2 second deadline, and a timed-out inspect is counted as \'still starting\' instead of an error, so on a loaded daemon the poller never sees the healthy state. We will raise the default and make a timeout show up as an error.'],
  32: ['ama-owusu', 'NONE', 'The inspect_timeout change helped here too, although our biggest host needed 45s.'],
  34: ['gideon-farrow', 'MEMBER', 'Keeping this open until the new default is released. Until then, raising inspect_timeout as described above is the recommended way to keep jobs running.'],
};

const body = `After upgrading our self-hosted runners from 4.1.3 to 4.2.0, every job that uses a service container hangs in the setup phase until the 60 minute job timeout kills it. The service container itself is healthy according to \`docker ps\`.

\`\`\`
[setup] Starting service container postgres (postgres:16)
[setup] Waiting for service container 'postgres' to become healthy...
[setup] Waiting for service container 'postgres' to become healthy...
##[error] Job exceeded the maximum execution time of 60m0s
\`\`\`

To reproduce: any pipeline with a \`services:\` block and a health check, for example

\`\`\`yaml
services:
  postgres:
    image: postgres:16
    healthcheck: pg_isready -U app
\`\`\`

Runner 4.2.0 on Ubuntu 22.04, Docker Engine 26.1.4, about 40 concurrent containers per host. Jobs without services run normally.`;

// Noise lines are dealt from a shuffled deck so that repeats stay rare.
let deck = [];
function nextNoise() {
  if (deck.length === 0) {
    deck = NOISE.slice();
    for (let i = deck.length - 1; i > 0; i--) {
      const j = int(0, i);
      [deck[i], deck[j]] = [deck[j], deck[i]];
    }
  }
  return deck.pop();
}

const start = Date.parse('2026-06-02T07:45:00Z');
let t = start;
const comments = [];
for (let n = 1; n <= COUNT; n++) {
  t += Math.floor((4 + rand() * 14) * 3600 * 1000 / 2.2);
  t -= t % 60000;
  const when = iso(t);
  if (planted[n]) {
    const [author, association, text] = planted[n];
    comments.push(comment(author, association, when, text));
  } else {
    comments.push(comment(pick(USERS), 'NONE', when, nextNoise()));
  }
}
const last = comments[comments.length - 1].created_at;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1869,
          title: 'Service container health wait sometimes never finishes',
          body: 'Now and then a job waits forever for a service container to become healthy. Cannot reproduce reliably.',
          state: 'closed',
          state_reason: 'not_planned',
          author: 'pieter-claes',
          labels: ['stale'],
          created_at: '2025-08-11T12:00:00Z',
          closed_at: '2025-10-10T00:00:00Z',
        }),
        issue({
          number: 1877,
          title: "Jobs hang at 'Waiting for service container to become healthy' after upgrading to 4.2.0",
          body,
          author: 'lotte-brandt',
          labels: ['bug', 'confirmed'],
          created_at: iso(start),
          updated_at: last,
          comments,
          events: [
            { type: 'labeled', actor: MAINTAINER[0], created_at: comments[12].created_at, label: 'confirmed' },
          ],
        }),
      ],
    },
    'pipewright/docs': {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 88,
          title: 'Document the [docker] inspect_timeout setting',
          body: 'The runner setting inspect_timeout is not documented anywhere; people only find it in pipewright/runner#1877.',
          author: 'jonas-wehrli',
          created_at: '2026-06-20T09:00:00Z',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
