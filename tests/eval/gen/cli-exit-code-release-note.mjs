#!/usr/bin/env node
// World: a backup CLI's verify command exits 0 although it finds damaged
// chunks; no error text, only the command's output and `echo $?`; a
// maintainer explains why and gives a --json + jq check as a stop-gap; later
// the maintainer quotes the 2.5.0 release note that fixes it and closes the
// issue as completed. No pull anywhere.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'brackenridge/snapvault';

const body = `snapvault verify exits with status 0 even when it finds chunks whose checksum does not match, so our nightly cron job never alerts on a damaged vault.

I damaged one chunk on purpose and ran verify:

\`\`\`
$ printf 'x' | dd of=/mnt/backup/vault/data/3f/3f9a1c7e conv=notrunc bs=1 seek=100
$ snapvault verify --repo /mnt/backup/vault
1284 chunks checked, 1 mismatched
$ echo $?
0
\`\`\`

I expected a non-zero exit status whenever the mismatched count is above zero, like \`check\` does for missing snapshots.

snapvault 2.4.0 (static linux-amd64 binary from the releases page), running in an Alpine 3.19 container.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 502,
          title: 'verify returns exit code 0 when chunks are damaged',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'ferdinand-oyelaran',
          labels: ['bug', 'cli'],
          created_at: '2026-06-02T06:10:00Z',
          closed_at: '2026-06-18T14:00:00Z',
          comments: [
            comment('amaranta-lindqvist', 'OWNER', '2026-06-02T09:45:00Z',
              `Confirmed. The verify command collects mismatches into its report and then returns a nil error, so the process only exits non-zero when reading the vault itself fails. That was never the intent; \`check\` got a proper exit code in 2.1 and verify was forgotten.

Until it is fixed, the JSON output has the count, so a cron job can test it:

\`\`\`
snapvault verify --repo /mnt/backup/vault --json | jq -e '.mismatched == 0'
\`\`\`

jq -e exits 1 when the expression is false.`),
            comment('ferdinand-oyelaran', 'NONE', '2026-06-02T12:03:00Z',
              `The jq check works, our alert fired on the test vault. Thanks.`),
            comment('amaranta-lindqvist', 'OWNER', '2026-06-18T14:00:00Z',
              `Fixed in 2.5.0, released today. From the release notes:

> verify now exits with status 3 when any chunk fails verification (it used to exit 0). Scripts that relied on the old behaviour can pass --exit-zero.`),
          ],
          events: [
            { type: 'closed', actor: 'amaranta-lindqvist', created_at: '2026-06-18T14:00:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
