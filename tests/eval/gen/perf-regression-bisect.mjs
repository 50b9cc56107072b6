#!/usr/bin/env node
// World: a performance regression with no error: build timings of two
// versions in a markdown table, a generated page as the reproduction; a
// commenter guesses an unrelated older issue; a maintainer's comment holds a
// git bisect run naming the offending commit and explains the cause; fixed
// by a merged pull ("Fixes #1187"); a maintainer's release note "out in 2.9.4".
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'larchmont/quillmark';

const body = `After upgrading from 2.9.1 to 2.9.2 our documentation site takes much longer to build. Nothing else changed: same content, same machine, same config. There are no errors and the output is byte-for-byte identical, it is just slow.

Timings from \`quillmark build --timings\` (best of three runs, clean output directory):

| phase | 2.9.1 | 2.9.2 |
| --- | --- | --- |
| load content | 2.1 s | 2.2 s |
| render markdown | 9.8 s | 96.4 s |
| write output | 1.7 s | 1.8 s |
| total | 13.6 s | 100.4 s |

Only the render phase got slower. The site has about 3,800 pages; the API reference pages are the worst, some of them have more than 400 headings each.

It shows up on any site with a page full of headings:

\`\`\`sh
for i in $(seq 1 2000); do printf '## Section %d\\n\\ntext\\n\\n' "$i"; done > content/big.md
quillmark build --timings
\`\`\`

With 2.9.1 the render phase for that one page takes under a second, with 2.9.2 about 40 seconds.

Environment: macOS 14.5 on an M2 Pro, quillmark standalone binary, 2.9.2 (2.9.1 for the comparison).
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1150,
          title: 'Builds slow down with thousands of images',
          body: `Image fingerprinting reads every image twice, so sites with many images build slowly.`,
          state: 'closed',
          state_reason: 'completed',
          author: 'yusuf-adebayo',
          author_association: 'MEMBER',
          created_at: '2026-01-20T10:00:00Z',
          closed_at: '2026-02-02T10:00:00Z',
        }),
        issue({
          number: 1187,
          title: 'Site builds 8x slower since 2.9.2 (pages with many headings)',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'ines-marchetti',
          labels: ['performance', 'regression'],
          created_at: '2026-05-04T08:25:00Z',
          closed_at: '2026-05-08T12:10:00Z',
          updated_at: '2026-05-12T17:30:00Z',
          comments: [
            comment('bartosz-kell', 'NONE', '2026-05-04T10:02:00Z',
              `Could this be the same thing as #1150? That one was slow builds too.`),
            comment('yusuf-adebayo', 'MEMBER', '2026-05-05T21:14:00Z',
              `Not #1150, that was image hashing and it hasn't changed since. I bisected between the two tags with Ines's generated page:

\`\`\`
$ git bisect start v2.9.2 v2.9.1
$ git bisect run ./scripts/time-render.sh content/big.md 5
...
3f9c2e71d0 is the first bad commit
commit 3f9c2e71d0a4b8c6e2f15d93a7c0b4e8f21d6a59
    render: deduplicate heading anchors across included partials
\`\`\`

So it's 3f9c2e7. To keep anchors unique across partials, that commit checks every new heading against all anchors already emitted on the page, and it does so by building a regex from the slug and running it over the whole HTML rendered so far. That is quadratic in the number of headings per page, and the regex is compiled again for every heading. Pages with a handful of headings never notice; a page with 2,000 headings means millions of scans.`),
            comment('ines-marchetti', 'NONE', '2026-05-06T06:40:00Z',
              `Great find, thank you! Happy to try a build from a branch if that helps.`),
            comment('yusuf-adebayo', 'MEMBER', '2026-05-07T14:55:00Z',
              `#1192 keeps a set of the anchors already used on the page instead of searching the HTML. Your big.md renders in 0.6 s again here.`),
            comment('yusuf-adebayo', 'MEMBER', '2026-05-12T17:30:00Z',
              `This is out in 2.9.4. (2.9.3 was a security release cut before the fix landed.)`),
          ],
          events: [
            { type: 'labeled', actor: 'yusuf-adebayo', created_at: '2026-05-05T21:15:00Z', label: 'regression' },
            { type: 'closed', actor: 'yusuf-adebayo', created_at: '2026-05-08T12:10:00Z', closer: `${REPO}#1192` },
          ],
        }),
        pull({
          number: 1192,
          title: 'Track used heading anchors in a set instead of scanning rendered HTML',
          body: `Fixes #1187

Regression from 3f9c2e7. AnchorRegistry now keeps a hash set of the slugs already emitted on the page, including those from partials, so checking a new heading for a collision is a constant-time lookup instead of a regex scan over the page rendered so far.

Also adds a 2,000-heading page to the CI benchmark job so that a regression like this one shows up before a release.`,
          state: 'closed',
          author: 'yusuf-adebayo',
          author_association: 'MEMBER',
          created_at: '2026-05-07T14:30:00Z',
          closed_at: '2026-05-08T12:10:00Z',
          merged: true,
          head: 'anchor-set',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
