#!/usr/bin/env node
// World: a configuration question (can a retry policy be set per sink?)
// with the reporter's current YAML; the owner answers with a YAML snippet
// and promises a docs addition; the reporter confirms it works; closed as
// completed by the owner. No bug, no error, no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'harrowgate/relaymq';

const body = `Hi! We run relaymq 2.3.0 with three sinks, two HTTP webhooks and one S3 archive. The global \`retry\` block works, but the S3 sink should retry far longer than the webhooks, because the bucket is sometimes throttled for several minutes. I couldn't find in the docs whether retry can be set per sink or only globally.

Current config (trimmed):

\`\`\`yaml
retry:
  max_attempts: 5
  backoff: 2s
sinks:
  - name: orders-webhook
    type: http
    url: https://hooks.example.internal/orders
  - name: archive
    type: s3
    bucket: relay-archive
\`\`\`

Is there a way to give only \`archive\` its own retry settings?
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 57,
          title: 'Different retry policy for one sink?',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'liesel-granger',
          labels: ['question'],
          created_at: '2026-06-02T13:20:00Z',
          closed_at: '2026-06-03T08:10:00Z',
          comments: [
            comment('pavel-okonjo', 'OWNER', '2026-06-02T16:05:00Z',
              `Yes: every sink accepts its own \`retry\` block, and it replaces the global one for that sink only. Keys you leave out fall back to the global values. For your case:

\`\`\`yaml
sinks:
  - name: archive
    type: s3
    bucket: relay-archive
    retry:
      max_attempts: 40
      backoff: 15s
      max_backoff: 5m
\`\`\`

The per-sink block has existed since 2.1, but you're right that the configuration reference only documents the global one. I'll add it there.`),
            comment('liesel-granger', 'NONE', '2026-06-03T07:52:00Z',
              `That did it, the archive sink now rides out the throttling and the webhooks still give up quickly. Thanks!`),
          ],
          events: [
            { type: 'labeled', actor: 'pavel-okonjo', created_at: '2026-06-02T16:06:00Z', label: 'question' },
            { type: 'closed', actor: 'pavel-okonjo', created_at: '2026-06-03T08:10:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
