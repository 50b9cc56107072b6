#!/usr/bin/env node
// World: a macOS-only packaging bug written in terse bullet points, with the
// dyld error from Console.app and an "Env:" one-liner; the reporter gives the
// workaround (Open using Rosetta) in a bullet, a second user confirms it, and
// a maintainer explains the cause and confirms it ("yes, that's the right
// workaround until 4.2"), pointing at a tracking issue. Open, no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'kelpworks/inkwell';

const body = `- 4.1.0 dmg from the website
- repro: fresh install from dmg, open from /Applications → bounces in dock, quits after ~1 s
- no window, no crash dialog
- Console.app:

\`\`\`
Termination Reason: Namespace DYLD, Code 1 Library missing
dyld[4471]: Library not loaded: @rpath/libvips-cpp.42.dylib
  Referenced from: <6F2C0B1E-4A7D-3C59-9E10-B2D84F61A7C3> /Applications/Inkwell.app/Contents/Frameworks/Inkwell Helper (Renderer).app/Contents/MacOS/Inkwell Helper (Renderer)
  Reason: tried: '/Applications/Inkwell.app/Contents/Frameworks/libvips-cpp.42.dylib' (mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64'))
\`\`\`

- 4.0.3 on the same machine: fine
- workaround: Get Info on Inkwell.app → tick "Open using Rosetta" → launches, works, a bit slow
- Env: macOS 14.4.1, M2 Air, Inkwell 4.1.0 (dmg), not the Homebrew cask
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 2190,
          title: 'Build each macOS architecture on its own runner',
          body: `The universal macOS build is produced on one Intel runner and merged with lipo afterwards. That step has to know about every native library we bundle, and it breaks quietly when one is added. Plan for 4.2: build arm64 and x86_64 natively on separate runners and ship one dmg per architecture plus the universal one.`,
          state: 'open',
          author: 'annika-brandt',
          author_association: 'MEMBER',
          labels: ['packaging', 'macos'],
          created_at: '2026-01-20T10:00:00Z',
        }),
        issue({
          number: 2217,
          title: '4.1.0 dmg does not launch on Apple Silicon',
          body,
          state: 'open',
          author: 'june-okonkwo',
          labels: ['packaging', 'macos'],
          created_at: '2026-04-07T21:03:00Z',
          updated_at: '2026-04-08T12:26:00Z',
          comments: [
            comment('haruto-sato', 'NONE', '2026-04-08T00:44:00Z',
              `- same, M1 Pro, 14.5
- Homebrew cask too
- Rosetta trick works`),
            comment('annika-brandt', 'MEMBER', '2026-04-08T11:58:00Z',
              `Confirmed. The universal build merges the arm64 and x86_64 app trees with lipo, and the merge step only copies libvips from the x86_64 tree, so the arm64 helper links against an x86_64-only dylib. Intel Macs never notice.

Yes, that's the right workaround until 4.2: under Rosetta the whole app runs as x86_64, so the library matches. 4.2 moves to per-architecture builds, tracked in #2190.`),
            comment('june-okonkwo', 'NONE', '2026-04-08T12:26:00Z', `👍 thx`),
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
