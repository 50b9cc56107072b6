#!/usr/bin/env node
// World: a flaky Go test in CI; `--- FAIL: TestNextRunAcrossMidnight` with
// the same assertion line recurs in the body and three comments, each with
// a different timing; a maintainer explains the time-zone dependency (the
// self-hosted runners have TZ=Europe/Berlin) and gives a local repro
// command; fixed by a merged pull that never names the issue: it is linked
// only by a `connected` event, and the issue's closed event names the pull.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'stillwater-io/cronlet';

const failure = (day, next, secs) => `\`\`\`
=== RUN   TestNextRunAcrossMidnight
    schedule_test.go:57: unexpected next run: got 2026-05-${day} 22:30:00 +0000 UTC, want 2026-05-${next} 00:30:00 +0000 UTC
--- FAIL: TestNextRunAcrossMidnight (${secs})
FAIL
FAIL\tgithub.com/stillwater-io/cronlet/schedule\t0.4${day}s
\`\`\``;

const body = `\`TestNextRunAcrossMidnight\` in the schedule package fails every few CI runs, on main and on unrelated pull requests. Re-running the job usually makes it pass, so it is easy to shrug off, but it has blocked three merges this week.

From run 8812 (linux, go 1.22):

${failure('11', '12', '0.12s')}

I couldn't make it fail locally, not even with \`go test -count=50 ./schedule\`, so I suspect something about the runners.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 137,
          title: 'Flaky test: TestNextRunAcrossMidnight fails intermittently in CI',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'wen-achebe',
          author_association: 'CONTRIBUTOR',
          labels: ['flaky-test', 'ci'],
          created_at: '2026-05-12T07:40:00Z',
          closed_at: '2026-05-19T12:30:00Z',
          comments: [
            comment('tobiah-marsh', 'CONTRIBUTOR', '2026-05-13T09:02:00Z',
              `Hit it again in run 8830 on an unrelated docs change, different timing this time:

${failure('12', '13', '0.09s')}`),
            comment('wen-achebe', 'CONTRIBUTOR', '2026-05-14T15:26:00Z',
              `And once more in run 8851, on runner sh-runner-03:

${failure('13', '14', '0.31s')}`),
            comment('tobiah-marsh', 'CONTRIBUTOR', '2026-05-15T10:48:00Z',
              `Run 8867, runner sh-runner-01:

${failure('14', '15', '0.15s')}

Every failure I've looked at ran on one of the self-hosted runners, never on the hosted ones.`),
            comment('ruth-castellanos', 'MEMBER', '2026-05-16T08:14:00Z',
              `Found it, thanks for noting the runners. The self-hosted runners have TZ=Europe/Berlin set in their environment, while the hosted ones run in UTC. The test builds the expected time with \`time.Date(..., time.Local)\`, but \`NextRun\` converts the start to UTC before adding the interval and never converts back, so on a machine outside UTC the two disagree by the zone offset whenever the interval crosses midnight. It only looked random because each job lands on whichever runner is free.

You can reproduce it locally with \`TZ=Europe/Berlin go test -run TestNextRunAcrossMidnight ./schedule\`; it fails every time.`),
          ],
          events: [
            { type: 'labeled', actor: 'ruth-castellanos', created_at: '2026-05-12T08:00:00Z', label: 'flaky-test' },
            { type: 'connected', actor: 'ruth-castellanos', created_at: '2026-05-17T11:20:00Z', subject: `${REPO}#141` },
            { type: 'closed', actor: 'ruth-castellanos', created_at: '2026-05-19T12:30:00Z', closer: `${REPO}#141` },
          ],
        }),
        pull({
          number: 141,
          title: 'schedule: keep the caller\'s location in NextRun and pin test zones',
          body: `NextRun converted the start time to UTC before adding the interval and never converted the result back, so callers outside UTC got a next run shifted by their zone offset whenever it crossed midnight. It now does the arithmetic in the schedule's own location.

The tests build their times with an explicit location instead of time.Local, and the CI workflow runs the schedule package a second time with TZ=Europe/Berlin.`,
          state: 'closed',
          author: 'ruth-castellanos',
          author_association: 'MEMBER',
          created_at: '2026-05-17T11:15:00Z',
          closed_at: '2026-05-19T12:30:00Z',
          merged: true,
          head: 'fix/nextrun-location',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
