#!/usr/bin/env node
// World: a Helm chart "bug" that is a values mistake: the reporter puts the
// ingress block at the top level, the chart reads it under server.ingress and
// Helm ignores unknown keys silently. A maintainer explains and posts the
// correct values snippet (pointing at an open feature request for a values
// schema); the reporter confirms; closed as completed. No error text, no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'lanternfish-io/charts';

const body = `I enabled the ingress in my values file, but the beacon chart never renders an Ingress object. There is no error or warning anywhere: \`helm template\` and \`helm upgrade --install\` both succeed, the Service and Deployment are there, the Ingress is simply missing.

My values-prod.yaml:

\`\`\`yaml
replicaCount: 2
ingress:
  enabled: true
  className: nginx
  host: beacon.corp.example
  tls: true
\`\`\`

What I run:

\`\`\`
helm repo add lanternfish https://charts.lanternfish.example
helm template beacon lanternfish/beacon --version 4.1.0 -f values-prod.yaml | grep -c "kind: Ingress"
0
\`\`\`

Helm v3.15.2, chart version 4.1.0, cluster is Kubernetes 1.29 (k3s) with ingress-nginx 1.10.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 198,
          title: 'beacon: ship a values.schema.json',
          body: `Typos and misplaced keys in values files are silently ignored today. A values.schema.json with additionalProperties: false at the top level would make helm lint and helm install fail on them.`,
          state: 'open',
          author: 'nadia-brightwater',
          author_association: 'MEMBER',
          labels: ['enhancement', 'chart/beacon'],
          created_at: '2026-02-11T09:00:00Z',
        }),
        issue({
          number: 233,
          title: '[beacon] Ingress not created even though ingress.enabled is true',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'emeric-dlamini',
          labels: ['chart/beacon', 'question'],
          created_at: '2026-04-22T13:05:00Z',
          closed_at: '2026-04-23T08:40:00Z',
          comments: [
            comment('nadia-brightwater', 'MEMBER', '2026-04-22T15:31:00Z',
              `The beacon chart reads its ingress settings from \`server.ingress\`, not from a top-level \`ingress\` key, and \`hosts\` and \`tls\` are lists. Helm passes unknown keys through without complaint, so your block is simply never looked at and the template skips the Ingress.

This is what you want:

\`\`\`yaml
server:
  ingress:
    enabled: true
    className: nginx
    hosts:
      - host: beacon.corp.example
        paths:
          - path: /
            pathType: Prefix
    tls:
      - secretName: beacon-tls
        hosts:
          - beacon.corp.example
\`\`\`

We want a values schema so that mistakes like this fail loudly, see #198.`),
            comment('emeric-dlamini', 'NONE', '2026-04-23T08:12:00Z',
              `That was it, the Ingress renders now and the certificate got issued. Sorry for the noise, I had copied the block from an older chart.`),
            comment('nadia-brightwater', 'MEMBER', '2026-04-23T08:40:00Z',
              `No worries, glad it works. Closing.`),
          ],
          events: [
            { type: 'labeled', actor: 'nadia-brightwater', created_at: '2026-04-22T15:32:00Z', label: 'question' },
            { type: 'closed', actor: 'nadia-brightwater', created_at: '2026-04-23T08:40:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
