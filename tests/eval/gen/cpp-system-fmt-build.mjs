#!/usr/bin/env node
// World: a C++ build breaks against a newer system library (clang diagnostics
// in a console paste); a maintainer gives a CMake option as a workaround, the
// reporter patches locally; a merged pull explains the root cause in its
// description and closes the issue.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'saltmarsh-dev/voxelyard';

const body = `Trying to package voxelyard 0.9.1 for our distro repo and the build breaks as soon as it picks up the system fmt (11.0.2). With fmt 10.2 from the same repo it was fine.

Configure and build:

\`\`\`console
$ cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVOXELYARD_USE_SYSTEM_FMT=ON
$ cmake --build build
[37/112] Building CXX object src/CMakeFiles/voxelyard.dir/mesh/greedy_mesher.cpp.o
FAILED: src/CMakeFiles/voxelyard.dir/mesh/greedy_mesher.cpp.o
/usr/bin/clang++ -DVOXELYARD_USE_SYSTEM_FMT -I../include -O2 -std=c++20 -c ../src/mesh/greedy_mesher.cpp
../src/mesh/greedy_mesher.cpp:214:38: error: no member named 'join' in namespace 'fmt'
  214 |     VY_LOG_DEBUG("face runs: {}", fmt::join(runs, ", "));
      |                                   ~~~~~^
../src/io/vox_reader.cpp:97:51: error: no member named 'join' in namespace 'fmt'
   97 |         throw format_error("unknown chunk ids: {}", fmt::join(ids, "/"));
      |                                                     ~~~~~^
2 errors generated.
ninja: build stopped: subcommand failed.
\`\`\`

Environment:
- Arch Linux (rolling, updated 2026-03-08)
- clang 18.1.8 with libstdc++ 14.1
- CMake 3.30.2, Ninja 1.12.1
- fmt 11.0.2 (system package)
- voxelyard 0.9.1 release tarball

GCC 14.1 stops at the same two lines, it just words it as \`'join' is not a member of 'fmt'\`.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 318,
          title: "Build fails against system fmt 11: no member named 'join' in namespace 'fmt'",
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'teodor-blum',
          labels: ['build', 'packaging'],
          created_at: '2026-03-09T11:27:00Z',
          closed_at: '2026-03-12T09:40:00Z',
          comments: [
            comment('ilse-varga', 'MEMBER', '2026-03-09T14:02:00Z',
              `Confirmed here with fmt 11.0.2 on a Fedora rawhide container. Until this is sorted out, the bundled copy still builds fine: configure with \`-DVOXELYARD_USE_SYSTEM_FMT=OFF\` and the vendored fmt 10.2.1 under third_party/ is used instead.

\`\`\`sh
cmake -S . -B build -G Ninja -DVOXELYARD_USE_SYSTEM_FMT=OFF
\`\`\`

For a distro package that is probably not acceptable, I know.`),
            comment('teodor-blum', 'NONE', '2026-03-09T16:45:00Z',
              `Right, our policy does not allow bundled copies. For now I patched the two files locally with an extra \`#include <fmt/ranges.h>\` and the package builds. Happy to send that as a PR if that is the right fix.`),
            comment('ilse-varga', 'MEMBER', '2026-03-10T08:12:00Z',
              `Thanks, but I would rather put it in the logging header so the next use of join can't break the same way. I've opened #321 for that.`),
            comment('teodor-blum', 'NONE', '2026-03-12T10:05:00Z',
              `Built the package from main against the system fmt, all green. Thanks for the quick turnaround!`),
          ],
          events: [
            { type: 'labeled', actor: 'ilse-varga', created_at: '2026-03-09T14:03:00Z', label: 'build' },
            { type: 'closed', actor: 'ilse-varga', created_at: '2026-03-12T09:40:00Z', closer: `${REPO}#321` },
          ],
        }),
        pull({
          number: 321,
          title: 'Include fmt/ranges.h wherever fmt::join is used',
          body: `Fixes #318.

fmt 11 moved \`fmt::join\` out of \`fmt/format.h\` into \`fmt/ranges.h\`. Our sources never included \`fmt/ranges.h\` themselves; they only compiled because fmt 10 pulled the declaration in transitively through \`format.h\`, so every build against a system fmt 11 failed.

This adds the include to \`vy/log.hpp\`, which every translation unit that logs already includes, and to \`vox_reader.cpp\`. CI gains a job that builds with \`VOXELYARD_USE_SYSTEM_FMT=ON\` against fmt 11.0.2.`,
          state: 'closed',
          author: 'ilse-varga',
          author_association: 'MEMBER',
          created_at: '2026-03-10T08:05:00Z',
          closed_at: '2026-03-12T09:40:00Z',
          merged: true,
          head: 'fmt11-ranges-include',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
