#!/usr/bin/env node
// World: a documentation issue: a guide's example uses an option name that
// was renamed in 3.0, so copying it silently does nothing (no error); the
// report quotes the wrong example and gives the corrected snippet; the
// reporter opens a docs pull ("Closes #377"), merged.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'ferrowick/gantry';

const body = `The example in the Retries guide (docs/guide/retries.md, section "Retrying on specific status codes") does not do what it says:

\`\`\`js
const client = gantry.create({
  retry: {
    limit: 3,
    retryOn: [502, 503, 504],
  },
});
\`\`\`

Nothing fails, but requests that get a 503 are never retried. After some digging in the changelog: 3.0 renamed the option to statusCodes. The guide still uses the 2.x name, and unknown keys in the retry options are silently ignored, so whoever copies the guide gets a client that never retries on those codes.

The example should be:

\`\`\`js
const client = gantry.create({
  retry: {
    limit: 3,
    statusCodes: [502, 503, 504],
  },
});
\`\`\`

I checked with gantry 3.4.1 on Node 20.14: with statusCodes the 503 is retried three times, as expected. The API reference page already has the right name, only the guide is wrong.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 377,
          title: 'Retries guide: example uses `retryOn`, which is ignored since 3.0',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'ahmad-rostami',
          labels: ['documentation'],
          created_at: '2026-02-10T16:22:00Z',
          closed_at: '2026-02-12T09:47:00Z',
          updated_at: '2026-02-12T10:02:00Z',
          comments: [
            comment('tove-halvorsen', 'MEMBER', '2026-02-10T18:05:00Z',
              `Good catch. The guide was written before the 3.0 rename and nobody updated it. A docs PR would be very welcome if you have time.`),
            comment('ahmad-rostami', 'NONE', '2026-02-11T07:30:00Z',
              `Sure, opened #379. The Backoff section further down had the same old name, I fixed it there too.`),
            comment('tove-halvorsen', 'MEMBER', '2026-02-12T10:02:00Z',
              `Merged. The docs site redeploys on every push to main, so the corrected guide is live now.`),
          ],
          events: [
            { type: 'closed', actor: 'tove-halvorsen', created_at: '2026-02-12T09:47:00Z', closer: `${REPO}#379` },
          ],
        }),
        pull({
          number: 379,
          title: 'docs: use statusCodes instead of retryOn in the retries guide',
          body: `Closes #377

The retries guide still used the 2.x option name \`retryOn\` in two examples. Since 3.0 the option is \`retry.statusCodes\`, and unknown keys are ignored, so both examples silently did nothing. Both examples now use statusCodes. Documentation only, no code changes.`,
          state: 'closed',
          author: 'ahmad-rostami',
          author_association: 'CONTRIBUTOR',
          created_at: '2026-02-11T07:20:00Z',
          closed_at: '2026-02-12T09:47:00Z',
          merged: true,
          head: 'docs-retry-status-codes',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
