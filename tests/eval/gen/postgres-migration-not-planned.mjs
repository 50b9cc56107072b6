#!/usr/bin/env node
// World: a self-hosted app's upgrade stops in a database migration
// (PostgreSQL ERROR:/DETAIL:/CONTEXT: lines); a maintainer explains why the
// index can't be built, decides not to make the migration merge records and
// closes the issue as not planned; the last maintainer comment, posted after
// the close, documents the cleanup as a numbered procedure with SQL and CLI
// blocks. A merged docs pull adds the procedure to the upgrade guide and
// mentions the issue without a closing keyword.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'oakridge-labs/tallybook';

const body = `Upgrading our instance from 3.8.2 to 4.0.0 stops in the middle of the migrations and the app container keeps restarting.

I pulled the 4.0.0 image and ran \`docker compose up -d\`; the entrypoint runs \`tallybook migrate\`, which fails on billing.0042:

\`\`\`
Applying billing.0041_invoice_due_index... OK
Applying billing.0042_unique_customer_email...
ERROR:  could not create unique index "billing_customer_email_lower_uniq"
DETAIL:  Key (lower(email::text))=(accounts@northfield-dental.example) is duplicated.
CONTEXT:  SQL statement "CREATE UNIQUE INDEX billing_customer_email_lower_uniq ON billing_customer (lower(email))"
tallybook: migration billing.0042_unique_customer_email failed, database left at billing.0041
\`\`\`

We do have two customers with that address; one of them was typed as Accounts@Northfield-Dental.example years ago. 3.8 never complained about it. Is there a supported way past this that doesn't involve deleting invoices?

- tallybook 4.0.0 (official Docker image), upgraded from 3.8.2
- PostgreSQL 15.6
- about 2,400 customers and 31,000 invoices
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1190,
          title: 'Upgrade to 4.0 fails in migration billing.0042: could not create unique index',
          body,
          state: 'closed',
          state_reason: 'not_planned',
          author: 'dmitri-valk',
          labels: ['upgrade', 'database'],
          created_at: '2026-02-09T07:21:00Z',
          updated_at: '2026-02-12T16:40:00Z',
          closed_at: '2026-02-11T13:05:00Z',
          comments: [
            comment('signe-larsen', 'MEMBER', '2026-02-09T10:48:00Z',
              `4.0 makes customer e-mail addresses unique regardless of case, because the new customer portal signs people in by e-mail. Migration 0042 only creates the index and expects the data to be clean already. On instances where the same address was entered twice with different capitalisation, PostgreSQL can't build the index and the migration stops. The release notes should have called this out, sorry about that.`),
            comment('pablo-arrieta', 'NONE', '2026-02-10T08:15:00Z',
              `Hit the same wall, 14 duplicates in our case. Could the migration merge them automatically?`),
            comment('signe-larsen', 'MEMBER', '2026-02-11T13:02:00Z',
              `We talked about this in the team. We are not going to make 0042 merge customers on its own: merging moves invoices, payments and portal logins from one record to another, and a migration is the wrong place to guess which record should win. So I'm closing this as not planned as far as the migration goes. I'll write the cleanup steps up properly.`),
            comment('dmitri-valk', 'NONE', '2026-02-12T09:30:00Z',
              `So we're stuck on 3.8 until we clean this up by hand?`),
            comment('signe-larsen', 'MEMBER', '2026-02-12T16:40:00Z',
              `Not stuck; the cleanup takes a few minutes. This is the documented way through, and it is in the upgrade guide now (#1203):

1. Stop the app container with \`docker compose stop app\`. The database stays at billing.0041, nothing is lost.
2. List the duplicate addresses:

\`\`\`sql
SELECT lower(email) AS email, array_agg(id ORDER BY id) AS ids
FROM billing_customer
GROUP BY lower(email)
HAVING count(*) > 1;
\`\`\`

3. For each row, keep the oldest id and merge the others into it. The merge command has shipped since 3.5 and moves invoices, payments and contacts over:

\`\`\`sh
docker compose run --rm --entrypoint tallybook app customers merge --keep 118 --drop 342
\`\`\`

4. Start the app again; billing.0042 then applies cleanly.

Take a database backup before merging, a merge can't be undone.`),
          ],
          events: [
            { type: 'labeled', actor: 'signe-larsen', created_at: '2026-02-09T10:49:00Z', label: 'upgrade' },
            { type: 'closed', actor: 'signe-larsen', created_at: '2026-02-11T13:05:00Z', closer: null },
          ],
        }),
        pull({
          number: 1203,
          title: 'Upgrade guide: clean up duplicate customer e-mails before 4.0',
          body: `Adds a section to docs/upgrading/4.0.md with the query that lists addresses differing only in case and the \`customers merge\` steps, as discussed in #1190. Also adds a warning box to the 4.0 release notes.`,
          state: 'closed',
          author: 'signe-larsen',
          author_association: 'MEMBER',
          created_at: '2026-02-12T11:20:00Z',
          closed_at: '2026-02-12T15:55:00Z',
          merged: true,
          head: 'docs-dedupe-emails',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
