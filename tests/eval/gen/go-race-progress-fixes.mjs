#!/usr/bin/env node
// World: a Go CLI reports WARNING: DATA RACE under `go build -race`; the
// reporter gives the build and run commands and the Go version inline; a
// maintainer explains the cause (an unguarded counter shared by the workers
// and the render loop) and suggests `--jobs 1` for now, which the reporter
// confirms; fixed by a merged pull whose body starts "Fixes #214".
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'quillmere/tallyctl';

const body = `Running \`tallyctl push\` with more than one job under the race detector reports a data race in the progress counter. Without \`-race\` the command seems to work, but the final "uploaded N files" line is sometimes off by one or two, which is probably the same bug.

I built it with \`go build -race -o tallyctl-race ./cmd/tallyctl\` and then ran \`./tallyctl-race push --jobs 8 ./testdata/many-small\` (a folder with ~3000 small files):

\`\`\`
==================
WARNING: DATA RACE
Read at 0x00c0001b40a8 by goroutine 9:
  github.com/quillmere/tallyctl/internal/progress.(*Bar).render()
      /src/tallyctl/internal/progress/bar.go:74 +0x64
  github.com/quillmere/tallyctl/internal/progress.(*Bar).Run.func1()
      /src/tallyctl/internal/progress/bar.go:51 +0x9c

Previous write at 0x00c0001b40a8 by goroutine 23:
  github.com/quillmere/tallyctl/internal/progress.(*Bar).Add()
      /src/tallyctl/internal/progress/bar.go:39 +0x48
  github.com/quillmere/tallyctl/internal/push.(*worker).upload()
      /src/tallyctl/internal/push/worker.go:112 +0x2d0

Goroutine 9 (running) created at:
  github.com/quillmere/tallyctl/internal/progress.(*Bar).Run()
      /src/tallyctl/internal/progress/bar.go:48 +0x118
  github.com/quillmere/tallyctl/internal/push.Run()
      /src/tallyctl/internal/push/push.go:66 +0x3a4
==================
Found 1 data race(s)
exit status 66
\`\`\`

This is with go version go1.22.3 linux/amd64, tallyctl built from the v0.9.2 tag. It happens with \`--jobs 2\` too, never with \`--jobs 1\`.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 214,
          title: 'Data race in progress bar when pushing with --jobs > 1',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'kasimir-lund',
          labels: ['bug'],
          created_at: '2026-04-06T09:12:00Z',
          closed_at: '2026-04-10T16:05:00Z',
          comments: [
            comment('odalys-ferreira', 'MEMBER', '2026-04-06T14:40:00Z',
              `Thanks, that trace is clear. \`Bar.Add\` does \`b.done += n\` from every worker goroutine, and the render loop reads \`b.done\` on its ticker without taking \`b.mu\`. The mutex only ever guarded the label text; the counter was never covered. That also explains your wrong totals: two workers can read the same value and both write back value+1.

Until a fix is out, \`--jobs 1\` avoids the race, at the cost of speed.`),
            comment('kasimir-lund', 'NONE', '2026-04-06T18:02:00Z',
              `Makes sense. Our nightly sync runs with --jobs 1 now and the totals are right again. It takes about four times as long, but that's fine for a nightly job.`),
            comment('odalys-ferreira', 'MEMBER', '2026-04-08T11:25:00Z',
              `Opened #219 with a fix, and the push tests now run under the race detector.`),
          ],
          events: [
            { type: 'closed', actor: 'odalys-ferreira', created_at: '2026-04-10T16:05:00Z', closer: `${REPO}#219` },
          ],
        }),
        pull({
          number: 219,
          title: 'progress: make the bar counter atomic',
          body: `Fixes #214

\`Bar.done\` is now an \`atomic.Int64\`: \`Add\` increments it atomically and \`render\` loads it, so the workers no longer share a plain int with the render goroutine. The label keeps its mutex.

The push test suite now runs with \`-race\` in CI so that a race like this one fails the build.`,
          state: 'closed',
          author: 'odalys-ferreira',
          author_association: 'MEMBER',
          created_at: '2026-04-08T11:10:00Z',
          closed_at: '2026-04-10T16:05:00Z',
          merged: true,
          head: 'fix/atomic-progress',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
