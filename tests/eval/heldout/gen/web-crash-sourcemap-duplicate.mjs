#!/usr/bin/env node
// World: a browser editor goes white when an image is pasted into a table row
// created by the same paste. `##` template: numbered steps, Expected behavior
// vs Actual behavior, a minified stack trace and the same error source-mapped,
// and a two-column environment table. A user's two-step paste is confirmed as
// a workaround; a maintainer explains the cause and names a Safari report as
// another case; that report is closed with "Duplicate of #2207" and a
// marked_as_duplicate event. Fixed by a merged pull "Fixes #2207".
import { comment, emit, issue, pull } from '../../../lib/worldgen.mjs';

const REPO = 'marshlight/tallowpad';

const body = `## Describe the bug

The editor crashes (white screen with "Something went wrong") when I paste an image from the clipboard into a table cell that was created by the same paste. Pasting into a cell that already exists works.

## Steps to reproduce

1. Open a new document at app.tallowpad.example
2. Insert a 2x2 table with /table
3. Copy a range of cells from a spreadsheet that includes an embedded image (3 rows, the image is in the last row)
4. Click into the bottom-right cell and paste with Ctrl+V

## Expected behavior

The table grows by the extra rows and the image appears in the new cell.

## Actual behavior

The page turns white with "Something went wrong. Reload to continue." After reloading, the document is there without the paste. The console shows:

\`\`\`
Uncaught TypeError: Cannot read properties of null (reading 'getBoundingClientRect')
    at Qe (index-4f9a2c1b.js:1:88213)
    at HTMLDivElement.<anonymous> (index-4f9a2c1b.js:1:90544)
    at Ht (vendor-b81e0d3a.js:2:31177)
    at HTMLDivElement.dispatch (vendor-b81e0d3a.js:2:30412)
\`\`\`

Same thing from a local dev build of main with source maps:

\`\`\`
TypeError: Cannot read properties of null (reading 'getBoundingClientRect')
    at measureCellAnchor (src/editor/table/anchor.ts:42:31)
    at placeImage (src/editor/clipboard/paste.ts:131:19)
    at onPaste (src/editor/clipboard/paste.ts:88:7)
    at dispatchEditorEvent (src/editor/events.ts:77:5)
\`\`\`

## Environment

| | |
|---|---|
| Browser | Chrome 125.0.6422.142 (64-bit) |
| OS | Windows 11 23H2 |
| Tallowpad | 3.8.0 (web) |
| Extensions | none, also happens in a guest profile |
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 2207,
          title: 'Editor crashes when pasting an image into a newly pasted table row',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'teodor-valdivia',
          labels: ['bug', 'editor', 'crash'],
          created_at: '2026-06-03T09:14:00Z',
          closed_at: '2026-06-09T13:22:00Z',
          comments: [
            comment('yusuf-dahlberg', 'NONE', '2026-06-03T10:30:00Z',
              `Same on Firefox 126. The message there is \`can't access property "getBoundingClientRect", el is null\`.`),
            comment('magnolia-eze', 'NONE', '2026-06-03T12:02:00Z',
              `Does this happen in the desktop app too?`),
            comment('teodor-valdivia', 'NONE', '2026-06-03T12:40:00Z',
              `Haven't tried the desktop app, only the web version.`),
            comment('yusuf-dahlberg', 'NONE', '2026-06-03T15:18:00Z',
              `What works for me: paste the cells first without the image (Ctrl+Shift+V, paste as plain text), then paste the image into the new cell on its own.`),
            comment('teodor-valdivia', 'NONE', '2026-06-04T08:05:00Z',
              `Confirmed, pasting in two steps works, no crash.`),
            comment('anselm-kariuki', 'MEMBER', '2026-06-04T11:45:00Z',
              `Thanks for the source-mapped trace, it saved a lot of time. placeImage() runs in the same tick as the row insertion, before the new rows are mounted, so measureCellAnchor() looks up a cell element that isn't in the DOM yet and gets null. Pasting into an existing cell works because that element is already mounted.

#2219 is another report of this, from Safari.`),
            comment('anselm-kariuki', 'MEMBER', '2026-06-05T16:20:00Z', `Fix in #2214.`),
            comment('anselm-kariuki', 'MEMBER', '2026-06-09T15:00:00Z',
              `Deployed to app.tallowpad.example with 3.8.1 today.`),
            comment('teodor-valdivia', 'NONE', '2026-06-09T16:12:00Z', `Works now, thanks!`),
          ],
          events: [
            { type: 'labeled', actor: 'anselm-kariuki', created_at: '2026-06-04T11:46:00Z', label: 'crash' },
            { type: 'closed', actor: 'anselm-kariuki', created_at: '2026-06-09T13:22:00Z', closer: `${REPO}#2214` },
          ],
        }),
        pull({
          number: 2214,
          title: 'Place pasted images after the new table rows are mounted',
          body: `Fixes #2207

placeImage() now waits for the editor's next commit before measuring, so cells created by the same paste exist in the DOM. measureCellAnchor() also returns null instead of throwing when a cell is missing, and the image placement is retried once. Adds a Playwright test that pastes a 3-row range with an image into a 2x2 table.`,
          state: 'closed',
          author: 'anselm-kariuki',
          author_association: 'MEMBER',
          created_at: '2026-06-05T16:05:00Z',
          closed_at: '2026-06-09T13:22:00Z',
          merged: true,
          head: 'fix/paste-image-new-rows',
        }),
        issue({
          number: 2219,
          title: 'Safari: editor goes blank after pasting rows with a picture',
          body: `Safari 17.5 on macOS 14.5. After pasting rows copied from Numbers (one of them has a picture) into a table, the editor goes white. Console says \`TypeError: null is not an object (evaluating 'e.getBoundingClientRect')\`.`,
          state: 'closed',
          state_reason: 'duplicate',
          author: 'noor-haddad',
          labels: ['bug'],
          created_at: '2026-06-04T07:30:00Z',
          closed_at: '2026-06-04T11:50:00Z',
          comments: [
            comment('anselm-kariuki', 'MEMBER', '2026-06-04T11:49:00Z', `Thanks! Same crash as the Chrome report.

Duplicate of #2207`),
          ],
          events: [
            { type: 'marked_as_duplicate', actor: 'anselm-kariuki', created_at: '2026-06-04T11:50:00Z', canonical: `${REPO}#2207` },
            { type: 'closed', actor: 'anselm-kariuki', created_at: '2026-06-04T11:50:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
