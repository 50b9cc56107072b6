#!/usr/bin/env node
// World: a registry mirror fails intermittently; several commenters paste
// different errors (a docker client 502, a containerd digest mismatch, an
// unrelated "too many open files"), and one server log line ("upstream blob
// fetch failed" ... "unexpected EOF") recurs three times (body, comments 2
// and 5). The reproduction is a numbered list in comment 5, by a
// contributor, not in the body. A maintainer explains the cause and gives a
// config workaround, confirmed by a user; an open pull says "Fixes #842".
// The unrelated error is sent to another issue (#790).
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'moorland-dev/quayside';

const body = `Since we upgraded quayside from 2.6.4 to 2.7.0, pulls of larger images through the mirror fail a few times a day. Small images are fine, and retrying the pull usually works.

On the client:

\`\`\`
Error response from daemon: received unexpected HTTP status: 502 Bad Gateway
\`\`\`

In the quayside log at the same moment:

\`\`\`
time=2026-06-02T09:14:51Z level=error msg="upstream blob fetch failed" err="unexpected EOF" repo=library/node digest=sha256:4f1d0c3e9a
time=2026-06-02T09:14:51Z level=warn msg="responding 502" path=/v2/library/node/blobs/sha256:4f1d0c3e9a
\`\`\`

quayside 2.7.0 (container image), cache on a local ext4 volume, upstream is a public registry reached through our HTTP proxy. Clients run Docker Engine 26.1.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 790,
          title: 'accept4: too many open files under heavy load',
          body: `With a few hundred concurrent pulls quayside stops accepting connections and logs "too many open files". The default nofile limit of the container runtime is too low for a busy mirror.`,
          state: 'open',
          author: 'kofi-mensah',
          author_association: 'MEMBER',
          labels: ['docs'],
          created_at: '2026-03-11T08:00:00Z',
        }),
        issue({
          number: 842,
          title: 'Intermittent 502s and corrupted layers when pulling through the mirror since 2.7.0',
          body,
          state: 'open',
          author: 'lucia-ferraro',
          labels: ['bug', 'cache'],
          created_at: '2026-06-02T10:03:00Z',
          updated_at: '2026-06-10T15:22:00Z',
          comments: [
            comment('sven-aberg', 'NONE', '2026-06-02T13:47:00Z',
              `We see something worse: containerd pulls fail with a digest mismatch, and the bad blob stays in the cache, so retries keep failing until we delete it by hand:

\`\`\`
failed to copy: failed commit on ref "layer-sha256:9b2e77a1c4": unexpected commit digest sha256:03de5f88b1, expected sha256:9b2e77a1c4: failed precondition
\`\`\`

quayside 2.7.0 as well, k3s nodes with containerd 1.7.`),
            comment('amara-nwosu', 'NONE', '2026-06-03T08:12:00Z',
              `Same log line here on 2.7.0, different image:

\`\`\`
time=2026-06-03T07:58:02Z level=error msg="upstream blob fetch failed" err="unexpected EOF" repo=ci/builder digest=sha256:c81e02fb6d
\`\`\``),
            comment('dan-whitfield', 'NONE', '2026-06-03T19:30:00Z',
              `Also getting this under load, maybe related?

\`\`\`
accept tcp [::]:5000: accept4: too many open files
\`\`\``),
            comment('kofi-mensah', 'MEMBER', '2026-06-04T09:05:00Z',
              `The open-files error is #790, a separate problem (raise the nofile limit of the container). The other reports look like one bug to me. Can someone find a reliable way to trigger it?`),
            comment('rosa-lindgren', 'CONTRIBUTOR', '2026-06-05T21:16:00Z',
              `I can trigger it every time on a fresh install:

1. Start quayside 2.7.0 with an empty cache volume.
2. Pick an image with a layer over 500 MB that isn't cached yet (we used ci/builder:2026.05).
3. Pull it through the mirror from two machines at the same moment (docker pull in two terminals is enough).
4. One of the two pulls fails with 502 Bad Gateway, and the log shows the upstream blob fetch failing with unexpected EOF.
5. Pull the image again with containerd: you get the digest mismatch from above, because the truncated blob is now in the cache.

With 2.6.4 on the same volume the same steps work every time. Log from step 4:

\`\`\`
time=2026-06-05T21:09:44Z level=error msg="upstream blob fetch failed" err="unexpected EOF" repo=ci/builder digest=sha256:77a90d13be
\`\`\``),
            comment('kofi-mensah', 'MEMBER', '2026-06-06T10:40:00Z',
              `Thanks, that repro is exactly what I needed. 2.7.0 added request coalescing: when a second client asks for a blob that is already being fetched, it is handed a reader on the cache file the first fetch is still writing. That reader takes the current end of the file for the end of the blob, so the second client gets a short body, hence the unexpected EOF and the 502. Worse, when the upstream fetch is cut off, the partial file is renamed into the cache anyway, because its size is never compared with the Content-Length from upstream.

Until there is a fix, set \`coalesce_fetches: false\` under \`cache:\` in quayside.yml and restart; 2.7.0 then fetches every blob separately, as 2.6 did:

\`\`\`yaml
cache:
  coalesce_fetches: false
\`\`\`

Blobs that are already broken can be removed with \`quayside cache verify --delete-bad\`.`),
            comment('sven-aberg', 'NONE', '2026-06-08T07:55:00Z',
              `coalesce_fetches: false plus one verify run fixed it for us, no errors in two days.`),
            comment('kofi-mensah', 'MEMBER', '2026-06-10T15:22:00Z',
              `#851 has the fix, reviews welcome.`),
          ],
        }),
        pull({
          number: 851,
          title: 'Wait for the complete blob before serving coalesced fetches',
          body: `Fixes #842.

Coalesced readers now follow the writer until it reports completion, and get an error instead of a short body when the upstream fetch fails. A fetched blob is only moved into the cache after its size and digest match, so a truncated download can no longer end up in the cache.

Adds a test that starts two concurrent fetches of a 600 MB blob and cuts the upstream connection halfway.`,
          state: 'open',
          author: 'kofi-mensah',
          author_association: 'MEMBER',
          created_at: '2026-06-10T15:10:00Z',
          head: 'coalesce-wait-complete',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
