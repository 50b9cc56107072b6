#!/usr/bin/env node
// World: a TypeScript date library throws RangeError on ISO "24:00"; a
// first merged pull ("Fixes #640") closes the issue; a user shows that the
// form with fractional seconds and an offset still throws (same error,
// other function); a maintainer reopens, explains why the first fix missed
// it and gives a workaround; a second merged pull ("Fixes #640", "Follow-up
// to #645") closes it for good.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'wrenfield/chronoparse';

const body = `ISO 8601 allows \`24:00\` to mean the end of a day, and the booking exports we receive use it (\`2026-02-28T24:00:00\`). chronoparse throws on it:

\`\`\`
RangeError: hour out of range: 24 (expected 0-23)
    at assertRange (node_modules/chronoparse/dist/fields.js:41:11)
    at parseTime (node_modules/chronoparse/dist/iso.js:118:5)
    at parseISO (node_modules/chronoparse/dist/iso.js:77:18)
    at file:///home/kofi/booking-export/check.mjs:3:13
\`\`\`

Minimal example:

\`\`\`js
import { parseISO } from 'chronoparse';
console.log(parseISO('2026-02-28T24:00:00'));
\`\`\`

Expected: 2026-03-01T00:00:00, the start of the next day, which is what the standard says it means.

chronoparse 6.2.0, Node 22.3.0, Ubuntu 24.04.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 640,
          title: 'parseISO throws RangeError for 24:00 end-of-day times',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'kofi-mensah',
          labels: ['bug', 'iso8601'],
          created_at: '2026-02-16T10:05:00Z',
          closed_at: '2026-03-04T16:40:00Z',
          comments: [
            comment('lior-ben-david', 'MEMBER', '2026-02-16T14:30:00Z',
              `Agreed, the standard allows it. assertRange is shared by all fields and we never special-cased hour 24. I'll take this one.`),
            comment('lior-ben-david', 'MEMBER', '2026-02-20T09:12:00Z',
              `Fixed by #645, released in 6.2.1.`),
            comment('svea-nordin', 'NONE', '2026-02-24T18:47:00Z',
              `6.2.1 still throws for me when the time has fractional seconds or an offset:

\`\`\`
> parseISO('2026-02-28T24:00:00.000+01:00')
Uncaught RangeError: hour out of range: 24 (expected 0-23)
    at assertRange (node_modules/chronoparse/dist/fields.js:41:11)
    at parseTimeWithOffset (node_modules/chronoparse/dist/iso.js:142:7)
    at parseISO (node_modules/chronoparse/dist/iso.js:79:18)
\`\`\``),
            comment('lior-ben-david', 'MEMBER', '2026-02-25T08:03:00Z',
              `You're right, reopening. #645 only changed parseTime. Strings with a fraction or an offset go through parseTimeWithOffset, which still calls assertRange with the 0-23 range.

Until the next release, rewriting T24:00 to T00:00 of the following day before parsing works for both forms.`),
            comment('lior-ben-david', 'MEMBER', '2026-03-04T17:00:00Z',
              `#652 sends both paths through the same time-of-day check. Released in 6.2.2.`),
          ],
          events: [
            { type: 'closed', actor: 'lior-ben-david', created_at: '2026-02-20T08:50:00Z', closer: `${REPO}#645` },
            { type: 'reopened', actor: 'lior-ben-david', created_at: '2026-02-25T08:03:00Z' },
            { type: 'closed', actor: 'lior-ben-david', created_at: '2026-03-04T16:40:00Z', closer: `${REPO}#652` },
          ],
        }),
        pull({
          number: 645,
          title: 'Accept 24:00:00 as end of day in parseISO',
          body: `Fixes #640

parseTime now accepts hour 24 when minutes and seconds are zero and rolls the date over to 00:00 of the following day, as ISO 8601 allows. Any other time with hour 24 still throws.`,
          state: 'closed',
          author: 'lior-ben-david',
          author_association: 'MEMBER',
          created_at: '2026-02-18T11:00:00Z',
          closed_at: '2026-02-20T08:50:00Z',
          merged: true,
          head: 'hour-24',
        }),
        pull({
          number: 652,
          title: 'Handle 24:00 with fractional seconds and UTC offsets',
          body: `Fixes #640

Follow-up to #645, which only covered parseTime. The hour-24 rule moves into validateTimeOfDay, which both parseTime and parseTimeWithOffset call, so 24:00:00.000, 24:00Z and 24:00:00+01:00 now roll over to the next day as well. A non-zero fraction such as 24:00:00.5 is still rejected.`,
          state: 'closed',
          author: 'lior-ben-david',
          author_association: 'MEMBER',
          created_at: '2026-03-02T13:15:00Z',
          closed_at: '2026-03-04T16:40:00Z',
          merged: true,
          head: 'hour-24-offsets',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
