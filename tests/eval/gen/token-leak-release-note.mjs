#!/usr/bin/env node
// World: a security-adjacent bug: --verbose prints the bearer token in CI
// logs (a debug log excerpt, no error); a maintainer explains the cause,
// asks for private reporting next time and gives a workaround through an
// environment variable; a user confirms it; the maintainer closes it with a
// release-note comment ("Fixed in 1.14.2"), no pull anywhere. The body
// mentions the old issue that added masking elsewhere.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'tallowmere/depotctl';

const body = `When \`depotctl push\` runs with \`--verbose\`, the HTTP debug lines include the Authorization header with the complete token. Our CI logs are readable by everyone in the organisation, so anyone could have copied a publish token from a failed job. (I have rotated ours already.)

Excerpt from a job log, token shortened by me:

\`\`\`
DEBUG http: --> PUT https://depot.internal.example/v2/acme/widgets/uploads/8f1c2e
DEBUG http: Authorization: Bearer dpt_live_7Hq2…(cut)…Zk9
DEBUG http: Content-Type: application/vnd.depot.artifact+tar
DEBUG http: <-- 201 Created (412 ms)
\`\`\`

To see it: \`DEPOTCTL_TOKEN=... depotctl push ./dist/widgets-2.3.0.tgz --verbose\`, then look at the output.

I expected the header to be masked the way \`depotctl config show\` masks the token since #1320.

depotctl 1.14.1 (linux-amd64 release binary), CI runner on Ubuntu 22.04.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1320,
          title: 'Mask secrets in depotctl config show',
          body: `\`depotctl config show\` prints the resolved configuration including the token. It should print only the first four characters and mask the rest.`,
          state: 'closed',
          state_reason: 'completed',
          author: 'farida-qureshi',
          author_association: 'MEMBER',
          labels: ['enhancement'],
          created_at: '2025-09-02T10:00:00Z',
          closed_at: '2025-09-10T15:00:00Z',
        }),
        issue({
          number: 1561,
          title: '--verbose prints the full bearer token in CI logs',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'wen-zhao',
          labels: ['bug', 'security'],
          created_at: '2026-06-03T06:48:00Z',
          updated_at: '2026-06-09T10:15:00Z',
          closed_at: '2026-06-09T10:15:00Z',
          comments: [
            comment('farida-qureshi', 'MEMBER', '2026-06-03T09:20:00Z',
              `Thanks for reporting, and for rotating. For anything like this in future, please use the private vulnerability reporting described in SECURITY.md first; no harm done here since the token in the excerpt is cut.

The masking from #1320 lives in the config printer only. The HTTP debug logger writes every request header verbatim, and nobody thought about that when \`--verbose\` got the header dump in 1.13.

Until a fixed release is out, set \`DEPOTCTL_LOG_HEADERS=none\` in the CI environment. It has been honoured since 1.12 and drops all header lines from the debug output while keeping the rest of \`--verbose\`:

\`\`\`sh
export DEPOTCTL_LOG_HEADERS=none
depotctl push ./dist/widgets-2.3.0.tgz --verbose
\`\`\`

And please treat any token that has appeared in a log as leaked and rotate it.`),
            comment('matteo-ricci', 'NONE', '2026-06-04T14:02:00Z',
              `We had --verbose on in all release jobs since March, so we rotated three tokens. The environment variable works, the header lines are gone.`),
            comment('farida-qureshi', 'MEMBER', '2026-06-09T10:14:00Z',
              `Fixed in 1.14.2: Authorization, Proxy-Authorization and X-Depot-Token headers are now always masked in debug output, whatever DEPOTCTL_LOG_HEADERS says. From the release notes: "Security: debug logging no longer prints credentials." Closing.`),
          ],
          events: [
            { type: 'labeled', actor: 'farida-qureshi', created_at: '2026-06-03T09:21:00Z', label: 'security' },
            { type: 'closed', actor: 'farida-qureshi', created_at: '2026-06-09T10:15:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
