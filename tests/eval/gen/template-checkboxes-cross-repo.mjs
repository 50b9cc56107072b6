#!/usr/bin/env node
// World: a bug filed through a template with checkboxes and "####" sections
// (What happened? / What did you expect to happen? / How can we reproduce
// it ...? / Anything else we need to know? / Environment, with a fenced
// block of `uname -a` and version commands); a maintainer explains the
// cause and gives a stop-gap the reporter confirms; closed as completed by a
// maintainer comment "fixed by ottervale/tidepool-sdk#388", a merged pull in
// another repository of the same owner that mentions the issue without a
// closing keyword. The closed event has no closer.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const APP = 'ottervale/tidepool';
const SDK = 'ottervale/tidepool-sdk';

const body = `- [x] I searched existing issues and this has not been reported yet
- [x] I am using the latest released version
- [ ] I am willing to submit a pull request

#### What happened?

\`tidepool watch\` stops printing events after the broker restarts. The process keeps running, but nothing new shows up. With \`--log-level debug\` the last line it prints is:

\`\`\`
DEBU[0412] stream closed by server: code=UNAVAILABLE desc="broker shutting down"; giving up after 0 retries
\`\`\`

#### What did you expect to happen?

The watch should reconnect once the broker is back, like \`tidepool tail\` already does, or at least exit with a non-zero code so our supervisor restarts it.

#### How can we reproduce it (as minimally and precisely as possible)?

\`\`\`sh
tidepool-broker --data /tmp/tp &
tidepool watch 'orders.*' --log-level debug &
kill %1 && sleep 2 && tidepool-broker --data /tmp/tp &
tidepool publish orders.created '{"id": 1}'   # never appears in the watch output
\`\`\`

#### Anything else we need to know?

\`tidepool tail\` on the same subject survives the restart. Setting \`TIDEPOOL_RETRY_MAX=10\` makes no difference for \`watch\`.

#### Environment

\`\`\`console
$ uname -a
Linux build-07 6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024 x86_64 GNU/Linux
$ tidepool version
tidepool 5.4.0 (sdk 1.19.2, go1.22.7)
$ tidepool-broker --version
tidepool-broker 5.4.0
\`\`\`
`;

const world = {
  repos: {
    [APP]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 2041,
          title: 'watch does not reconnect after the broker restarts',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'carmen-vidal-ortiz',
          labels: ['kind/bug', 'area/watch'],
          created_at: '2026-06-01T12:40:00Z',
          closed_at: '2026-06-10T08:05:00Z',
          comments: [
            comment('hedda-lindqvist', 'MEMBER', '2026-06-02T09:18:00Z',
              `Thanks for the precise repro. \`watch\` uses the SDK's subscription client directly, and the SDK's retry policy treats UNAVAILABLE as final when the server sends a shutdown reason. \`tail\` has its own reconnect loop, which is why it survives. TIDEPOOL_RETRY_MAX is only read by the CLI's own loops, so it can't help here.

Until this is fixed, run watch under a supervisor with --exit-on-disconnect, so that at least the process exits and gets restarted.`),
            comment('carmen-vidal-ortiz', 'NONE', '2026-06-02T15:51:00Z',
              `--exit-on-disconnect plus systemd Restart=always works as a stopgap, thanks.`),
            comment('hedda-lindqvist', 'MEMBER', '2026-06-10T08:05:00Z',
              `This is fixed by ottervale/tidepool-sdk#388, which is in sdk 1.19.3; tidepool 5.4.1 picks it up. Closing as completed.`),
          ],
          events: [
            { type: 'labeled', actor: 'hedda-lindqvist', created_at: '2026-06-02T09:19:00Z', label: 'area/watch' },
            { type: 'closed', actor: 'hedda-lindqvist', created_at: '2026-06-10T08:05:00Z', closer: null },
          ],
        }),
      ],
    },
    [SDK]: {
      private: false,
      moved_to: null,
      items: [
        pull({
          number: 388,
          title: 'Retry subscriptions after a graceful broker shutdown',
          body: `The subscription client gave up as soon as a stream ended with UNAVAILABLE and a shutdown reason, because the retry policy classified that as a permanent close. A broker that shuts down is going to come back, or another node takes over, so this case is now retried with the normal backoff like any other UNAVAILABLE.

Reported in ottervale/tidepool#2041 (watch never reconnects).`,
          state: 'closed',
          author: 'hedda-lindqvist',
          author_association: 'MEMBER',
          created_at: '2026-06-05T11:00:00Z',
          closed_at: '2026-06-09T13:25:00Z',
          merged: true,
          head: 'retry-graceful-shutdown',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
