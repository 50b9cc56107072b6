#!/usr/bin/env node
// World: an iOS image-loading library crashes with EXC_BAD_ACCESS (SIGSEGV)
// on a background thread; the report has "### Description", "### Crash
// log" (thread backtrace), "### Steps" (numbered) and "### Environment"
// (bullets); a maintainer explains the cause and suggests turning
// prefetching off, which the reporter confirms; closed by the maintainer
// with "Fixed in 5.2.0" and no pull at all.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'corvid-mobile/frameloom';

const body = `### Description

Our app crashes inside FrameLoom's memory cache when users scroll quickly through a long grid of thumbnails. It started when we turned on prefetching and shows up in our crash reporter as EXC_BAD_ACCESS on a background thread, roughly 40 crashes a day out of 30k sessions.

### Crash log

\`\`\`
Exception Type:  EXC_BAD_ACCESS (SIGSEGV)
Exception Subtype: KERN_INVALID_ADDRESS at 0x0000000000000018
Termination Reason: Namespace SIGNAL, Code 11 Segmentation fault: 11

Thread 7 Crashed:
0   libswiftCore.dylib            0x00000001a2b4c8f0 swift_retain + 32
1   FrameLoom                     0x0000000102f1a3d4 MemoryCache.insert(_:forKey:cost:) + 148 (MemoryCache.swift:117)
2   FrameLoom                     0x0000000102f19e60 ImagePipeline.decodeFinished(_:for:) + 412 (ImagePipeline.swift:288)
3   FrameLoom                     0x0000000102f18b2c closure #2 in ImagePipeline.startDecode(_:) + 96 (ImagePipeline.swift:241)
4   libdispatch.dylib             0x00000001b0c2e370 _dispatch_call_block_and_release + 32
5   libdispatch.dylib             0x00000001b0c2fe10 _dispatch_client_callout + 20
6   libdispatch.dylib             0x00000001b0c37a6c _dispatch_lane_serial_drain + 768
\`\`\`

### Steps

1. Create a \`LoomGridView\` with 2,000 remote thumbnails.
2. Set \`pipeline.configuration.isPrefetchEnabled = true\`.
3. Fling the grid to the bottom and back to the top a few times.
4. On an iPhone 12 it crashes within a minute; in the simulator it is much rarer.

### Environment

- FrameLoom 5.1.3 via Swift Package Manager
- iOS 17.4.1 on iPhone 12 and iPhone 13 mini
- Xcode 15.3, Swift 5.10
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 402,
          title: 'EXC_BAD_ACCESS in MemoryCache.insert while scrolling with prefetch enabled',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'nadia-oyelaran',
          labels: ['crash'],
          created_at: '2026-02-16T11:03:00Z',
          closed_at: '2026-02-27T17:45:00Z',
          comments: [
            comment('teodora-vance', 'MEMBER', '2026-02-17T08:30:00Z',
              `Thanks for the symbolicated log, that helps a lot. Frame 1 is the memory cache insert coming from the decode queue. With prefetching on, prefetch requests finish their decode on a second queue, and both queues call \`MemoryCache.insert\` on the same dictionary without the cache's lock, because the lock was only taken on the main-queue path. A concurrent insert can free the old entry while the other thread is still retaining it, which is the swift_retain in frame 0.

For now, turning prefetching off avoids the crash.`),
            comment('nadia-oyelaran', 'NONE', '2026-02-19T09:12:00Z',
              `Confirmed: with isPrefetchEnabled = false we haven't had a single crash in two days. Scrolling is a little less smooth, but that's acceptable until there is a proper fix.`),
            comment('teodora-vance', 'MEMBER', '2026-02-27T17:44:00Z',
              `Fixed in 5.2.0, which went out today: the memory cache now serialises every insert and removal on its own queue, whichever queue the request came from. Please reopen if you still see it after updating.`),
          ],
          events: [
            { type: 'closed', actor: 'teodora-vance', created_at: '2026-02-27T17:45:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
