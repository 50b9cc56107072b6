#!/usr/bin/env node
// World: a YAML linter's --fix drops the `---` separators of multi-document
// files since 2.6.0 (kubectl then rejects the file); a user bisects it to a
// merged pull; the maintainer gives a pin as a stop-gap and fixes the issue by
// reverting that pull (a "Revert ..." pull whose description explains the
// cause and says "Fixes #1415"); weeks later the change is re-landed in a
// second pull that only mentions the issue. Noise: +1, an off-topic flag
// question.
import { comment, emit, issue, pull } from '../../../lib/worldgen.mjs';

const REPO = 'cobblestone-dev/lintel';

const body = `Since 2.6.0, \`lintel --fix\` on a multi-document YAML file drops every \`---\` separator after the first document, so a file with a Deployment and a Service comes out as one document with duplicate keys. kubectl then refuses the file. 2.5.3 leaves the separators alone.

Input, deploy/app.yaml:

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
\`\`\`

After running \`lintel --fix deploy/app.yaml\` the file is:

\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
apiVersion: v1
kind: Service
metadata:
  name: web
\`\`\`

and applying it fails:

\`\`\`
$ kubectl apply -f deploy/app.yaml
error: error parsing deploy/app.yaml: error converting YAML to JSON: yaml: unmarshal errors:
  line 5: mapping key "apiVersion" already defined at line 1
  line 6: mapping key "kind" already defined at line 2
  line 7: mapping key "metadata" already defined at line 3
\`\`\`

lintel 2.6.0 (cargo install), Linux x86_64. Same with the Homebrew build on macOS.
`;

const revertBody = `This reverts #1402 (merge commit 9c1e7f2a).

Fixes #1415

#1402 replaced the tree re-serialiser in --fix with a streaming emitter that keeps one Emitter for the whole file. The emitter only writes a document start marker when \`document_start()\` is called, and the new code called it once per file instead of once per document, so every document after the first is appended to the previous one without a \`---\`. Our fixtures only had single-document files, so nothing caught it.

Reverting for 2.6.1; the change can come back once the emitter is reset per document and a multi-document fixture is in place.`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        pull({
          number: 1402,
          title: 'Use the streaming emitter for --fix output',
          body: `Replaces the tree re-serialiser in --fix with a streaming emitter. Comments stay attached to the right keys, and --fix on large files takes roughly half the time.`,
          state: 'closed',
          author: 'joaquim-harkness',
          author_association: 'CONTRIBUTOR',
          created_at: '2026-03-30T10:00:00Z',
          closed_at: '2026-04-08T12:30:00Z',
          merged: true,
          head: 'streaming-emitter',
        }),
        issue({
          number: 1415,
          title: '--fix removes document separators in multi-document files (2.6.0)',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'esme-vandermolen',
          labels: ['bug', 'regression'],
          created_at: '2026-04-14T09:05:00Z',
          closed_at: '2026-04-15T17:48:00Z',
          comments: [
            comment('priya-szabo', 'NONE', '2026-04-14T09:40:00Z',
              `Ouch, this rewrote our whole rendered-manifests directory in pre-commit. +1`),
            comment('gunnar-achebe', 'NONE', '2026-04-14T11:22:00Z',
              `git bisect between v2.5.3 and v2.6.0 lands on the merge of #1402 (Use the streaming emitter for --fix output).`),
            comment('odalys-renner', 'MEMBER', '2026-04-14T13:05:00Z',
              `Thanks for bisecting, that matches. Since this corrupts files I would rather revert #1402 now and ship 2.6.1 than patch the emitter in a hurry. In the meantime, pin 2.5.3 or run \`lintel check\` without \`--fix\` on multi-document files.`),
            comment('priya-szabo', 'NONE', '2026-04-14T14:30:00Z',
              `Pinned rev: v2.5.3 in .pre-commit-config.yaml, our files are intact again.`),
            comment('lin-moreau', 'NONE', '2026-04-14T16:02:00Z',
              `Side note: it would be nice if --fix could print what it would change before touching files.`),
            comment('odalys-renner', 'MEMBER', '2026-04-14T16:40:00Z',
              `@lin-moreau there is --diff for that already. The revert is up in #1419.`),
            comment('odalys-renner', 'MEMBER', '2026-04-15T18:10:00Z',
              `2.6.1 is out with the revert.`),
            comment('gunnar-achebe', 'NONE', '2026-04-15T19:25:00Z',
              `2.6.1 confirmed, separators survive --fix again.`),
            comment('odalys-renner', 'MEMBER', '2026-05-06T10:15:00Z',
              `For the record: the streaming emitter is back in #1431, now with a per-document reset and multi-document fixtures. It will be in 2.7.0.`),
          ],
          events: [
            { type: 'labeled', actor: 'odalys-renner', created_at: '2026-04-14T13:06:00Z', label: 'regression' },
            { type: 'closed', actor: 'odalys-renner', created_at: '2026-04-15T17:48:00Z', closer: `${REPO}#1419` },
          ],
        }),
        pull({
          number: 1419,
          title: 'Revert "Use the streaming emitter for --fix output"',
          body: revertBody,
          state: 'closed',
          author: 'odalys-renner',
          author_association: 'MEMBER',
          created_at: '2026-04-14T16:35:00Z',
          closed_at: '2026-04-15T17:48:00Z',
          merged: true,
          head: 'revert-1402',
        }),
        pull({
          number: 1431,
          title: 'Reland the streaming emitter with a per-document reset',
          body: `Relands #1402, which was reverted in #1419 because of #1415.

The emitter is now reset and \`document_start()\` is called before every document. tests/fixtures/multi-doc/ covers files with two and three documents, an empty document, and a trailing \`...\` marker.`,
          state: 'closed',
          author: 'joaquim-harkness',
          author_association: 'CONTRIBUTOR',
          created_at: '2026-04-24T08:50:00Z',
          closed_at: '2026-05-05T14:20:00Z',
          merged: true,
          head: 'streaming-emitter-v2',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
