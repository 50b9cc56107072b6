#!/usr/bin/env node
// World: a web frontend regression reported through an issue form
// (### headings, _No response_); browser console error plus HTTP 500 lines;
// the maintainer explains the cause and gives a manual-migration workaround;
// fixed by a commit pushed straight to main whose message says "fixes #1042"
// (closed event with closer commit:SHA, no pull behind the commit).
import { comment, emit, issue, sha1 } from '../../lib/worldgen.mjs';

const REPO = 'lanternfish-hq/parcelboard';
const SHA = sha1('lanternfish-hq/parcelboard: migration 0042 on sqlite');
const SHORT = SHA.slice(0, 7);
const MESSAGE = `db: run migration 0042 on SQLite as well

The shared_with column was only added on Postgres because the whole
migration sat inside a dialect check. Only the partial index is
Postgres-specific, so move the check there, and add an upgrade test
that starts from a 3.4 SQLite fixture.

fixes #1042`;

const body = `### Describe the bug

Since upgrading our self-hosted instance from 3.4.2 to 3.5.0, the Saved filters panel in the sidebar stays empty and shows a spinner forever. Creating a new filter fails silently too.

### Steps to reproduce

1. Run parcelboard 3.4.2 with the default SQLite database and create a couple of saved filters
2. Stop the server, upgrade to 3.5.0 and start it again
3. Log in and open any board
4. Click "Saved filters" in the left sidebar

### Expected behavior

The filters created before the upgrade are listed and can be applied.

### Actual behavior

The panel keeps spinning. The browser console shows:

\`\`\`
GET https://boards.example.internal/api/v2/filters?owner=me 500 (Internal Server Error)
Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'map')
    at FilterList (FilterList.tsx:48:31)
    at renderWithHooks (react-dom.development.js:15486:18)
    at updateFunctionComponent (react-dom.development.js:19617:20)
\`\`\`

and the server log has:

\`\`\`
2026-05-19T08:14:52Z ERROR api.filters request failed: sqlite3.OperationalError: no such column: filters.shared_with
2026-05-19T08:14:52Z INFO  http "GET /api/v2/filters?owner=me HTTP/1.1" 500 87
\`\`\`

### Environment

- parcelboard: 3.5.0 (docker image lanternfish/parcelboard:3.5.0)
- Database: SQLite (default)
- Browser: Firefox 126 and Chrome 125, same result
- OS: Debian 12 host

### Additional context

_No response_`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1042,
          title: '[Bug]: Saved filters panel is blank after upgrading to 3.5.0',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'oona-kask',
          labels: ['bug', 'regression'],
          created_at: '2026-05-19T08:31:00Z',
          updated_at: '2026-05-20T16:10:00Z',
          closed_at: '2026-05-20T16:02:30Z',
          comments: [
            comment('wendell-achebe', 'NONE', '2026-05-19T09:12:00Z',
              `Same on our instance, also SQLite. The two Postgres instances we run are fine. Could this come from the sharing feature in #1037?`),
            comment('ruth-amsel', 'MEMBER', '2026-05-19T13:48:00Z',
              `Thanks for the very clear report. The 0042 migration that adds filters.shared_with was wrapped in a dialect check and only ran on Postgres, so SQLite databases upgraded from 3.4 never got the column. Fresh 3.5 installs are fine because they create the schema from scratch.

If you need the panel back before the patch release, applying the migration by hand works:

\`\`\`sh
docker exec -it parcelboard parcelboard db migrate --only 0042 --force-dialect sqlite
\`\`\`

Take a copy of the database file first.`),
            comment('oona-kask', 'NONE', '2026-05-19T15:20:00Z',
              `The manual migration did it, all our filters are back. Thank you!`),
            comment('ruth-amsel', 'MEMBER', '2026-05-20T16:10:00Z',
              `Fixed on main in ${SHORT}; it will be in 3.5.1, which we plan to tag this week.`),
          ],
          events: [
            { type: 'labeled', actor: 'ruth-amsel', created_at: '2026-05-19T13:49:00Z', label: 'regression' },
            { type: 'referenced', actor: 'ruth-amsel', created_at: '2026-05-20T16:02:00Z', commit: SHA, message: MESSAGE },
            { type: 'closed', actor: 'ruth-amsel', created_at: '2026-05-20T16:02:30Z', closer: `commit:${SHA}` },
          ],
        }),
        issue({
          number: 1037,
          title: 'Share saved filters with teammates',
          body: `It would help a lot if a saved filter could be shared with other members of a board instead of everyone rebuilding the same filter by hand.`,
          state: 'closed',
          state_reason: 'completed',
          author: 'mateo-quiroga',
          labels: ['enhancement'],
          created_at: '2026-03-02T10:00:00Z',
          closed_at: '2026-05-06T12:00:00Z',
        }),
      ],
      commits: [
        { sha: SHA, message: MESSAGE, author: 'ruth-amsel', pull: null },
      ],
    },
  },
};

export default emit(import.meta.url, world);
