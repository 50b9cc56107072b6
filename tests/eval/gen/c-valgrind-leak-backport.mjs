#!/usr/bin/env node
// World: a C library leaks memory when a section header repeats; the reporter
// gives a repro program, the build and valgrind commands and the valgrind
// "definitely lost" summary; a maintainer confirms the cause; fixed by a
// merged pull "Resolves #156" into main, and a merged backport pull into
// release-1.8 that only refers to the issue ("Refs #156").
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'gannet-labs/kvparse';

const body = `kvp_parse_file() leaks memory every time a \`[section]\` header appears a second time in the same file. Our daemon reloads its config on SIGHUP and its RSS grows by a few hundred bytes per reload.

Minimal config, dup.conf:

\`\`\`
[net]
port = 8080
[log]
level = info
[net]
timeout = 30
\`\`\`

repro.c:

\`\`\`c
#include <kvparse.h>

int main(int argc, char **argv) {
    for (int i = 0; i < 19; i++) {
        kvp_doc *doc = kvp_parse_file(argv[1], NULL);
        kvp_doc_free(doc);
    }
    return 0;
}
\`\`\`

Built and run with \`gcc -g repro.c -lkvparse -o repro\` and \`valgrind --leak-check=full ./repro dup.conf\`:

\`\`\`
==48213== HEAP SUMMARY:
==48213==     in use at exit: 1,216 bytes in 38 blocks
==48213==   total heap usage: 412 allocs, 374 frees, 73,540 bytes allocated
==48213==
==48213== 1,216 (608 direct, 608 indirect) bytes in 19 blocks are definitely lost in loss record 2 of 2
==48213==    at 0x4848899: malloc (vg_replace_malloc.c:381)
==48213==    by 0x109F3B: kvp_section_new (section.c:44)
==48213==    by 0x10A512: kvp_parse_line (parser.c:203)
==48213==    by 0x10A8C0: kvp_parse_file (parser.c:311)
==48213==    by 0x1093A1: main (repro.c:6)
==48213==
==48213== LEAK SUMMARY:
==48213==    definitely lost: 608 bytes in 19 blocks
==48213==    indirectly lost: 608 bytes in 19 blocks
==48213==      possibly lost: 0 bytes in 0 blocks
==48213==    still reachable: 0 bytes in 0 blocks
\`\`\`

Without the second [net] header valgrind reports no leaks. kvparse 1.8.2 from the release tarball, gcc 13.2.0, valgrind-3.19.0, Debian 12.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 156,
          title: 'Memory leak in kvp_parse_file when a section header is repeated',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'ines-harjunpaa',
          labels: ['bug', 'memory'],
          created_at: '2026-03-12T07:55:00Z',
          closed_at: '2026-03-19T12:02:00Z',
          comments: [
            comment('bartholomew-quaye', 'MEMBER', '2026-03-12T11:30:00Z',
              `Confirmed, thanks for the tiny repro. When a header repeats, kvp_parse_line() allocates a fresh section, copies its keys into the section that already exists and then just drops the pointer: the temporary section and its key table are never freed. That is the 608 + 608 bytes per parse you see.`),
            comment('bartholomew-quaye', 'MEMBER', '2026-03-19T12:34:00Z',
              `Merged #158 into main. The backport to the 1.8 branch is #160 and will ship in 1.8.3.`),
            comment('ines-harjunpaa', 'NONE', '2026-03-22T09:41:00Z',
              `Built release-1.8 with the backport, valgrind is clean now and the daemon stays flat across reloads. Thank you!`),
          ],
          events: [
            { type: 'closed', actor: 'bartholomew-quaye', created_at: '2026-03-19T12:02:00Z', closer: `${REPO}#158` },
          ],
        }),
        pull({
          number: 158,
          title: 'parser: free the temporary section after merging a repeated header',
          body: `Resolves #156

When a \`[section]\` header repeats, kvp_parse_line() merges the new keys into the existing section and now frees the temporary section and its key table afterwards. The test suite gains a duplicate-header case that runs under valgrind with --error-exitcode=1.`,
          state: 'closed',
          author: 'bartholomew-quaye',
          author_association: 'MEMBER',
          created_at: '2026-03-13T16:20:00Z',
          closed_at: '2026-03-19T12:02:00Z',
          merged: true,
          head: 'fix/dup-section-leak',
        }),
        pull({
          number: 160,
          title: '[1.8] parser: free the temporary section after merging (backport)',
          body: `Backport of #158 to release-1.8. Refs #156.

Cherry-picked cleanly; the valgrind test needed the 1.8 test runner's include path.`,
          state: 'closed',
          author: 'bartholomew-quaye',
          author_association: 'MEMBER',
          created_at: '2026-03-19T12:25:00Z',
          closed_at: '2026-03-21T10:05:00Z',
          merged: true,
          base: 'release-1.8',
          head: 'backport/158-release-1.8',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
