#!/usr/bin/env node
// World: an Android/Kotlin app crashes (logcat "FATAL EXCEPTION: main" and
// stack); a maintainer explains the cause and splits the work in two; a
// merged pull whose body says "Part of #906" (no closing keyword) fixes the
// first half; a user on the beta then hits the same exception in the other
// fragment; the issue stays open, with a maintainer's interim advice.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'fieldmouse/trailnote-android';

const body = `The app crashes reliably for me when a GPS fix arrives while the map sheet is being torn down. It happened three times on a hike yesterday; the recording resumed each time after the restart, but the track has gaps.

How I trigger it:

1. Start a recording.
2. Pull up the map sheet from the bottom.
3. Switch to another app (or rotate the phone) and wait a few seconds.
4. Come back: the app has restarted and the recording shows a gap.

From \`adb logcat\`:

\`\`\`
E AndroidRuntime: FATAL EXCEPTION: main
E AndroidRuntime: Process: app.trailnote, PID: 21877
E AndroidRuntime: java.lang.IllegalStateException: Fragment MapSheetFragment{4c1e2a0} (5d0f7c1a-93b2-4e55-a1d8-0b6f3e2c9a41) not attached to a context.
E AndroidRuntime: 	at androidx.fragment.app.Fragment.requireContext(Fragment.java:972)
E AndroidRuntime: 	at app.trailnote.map.MapSheetFragment.onLocationUpdate(MapSheetFragment.kt:214)
E AndroidRuntime: 	at app.trailnote.location.LocationRelay$dispatch$1.invokeSuspend(LocationRelay.kt:61)
E AndroidRuntime: 	at kotlin.coroutines.jvm.internal.BaseContinuationImpl.resumeWith(ContinuationImpl.kt:33)
E AndroidRuntime: 	at kotlinx.coroutines.DispatchedTask.run(DispatchedTask.kt:108)
E AndroidRuntime: 	at android.os.Handler.handleCallback(Handler.java:958)
E AndroidRuntime: 	at android.os.Handler.dispatchMessage(Handler.java:99)
E AndroidRuntime: 	at android.os.Looper.loopOnce(Looper.java:205)
E AndroidRuntime: 	at android.os.Looper.loop(Looper.java:294)
E AndroidRuntime: 	at android.app.ActivityThread.main(ActivityThread.java:8177)
\`\`\`

Pixel 7, Android 14 (UP1A.231105.003), Trailnote 3.4.0 (build 3400) from the Play Store.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 906,
          title: 'Crash when switching apps during a recording with the map sheet open',
          body,
          state: 'open',
          author: 'oskar-lindqvist',
          labels: ['bug', 'crash'],
          created_at: '2026-03-14T18:22:00Z',
          updated_at: '2026-03-24T09:10:00Z',
          comments: [
            comment('mirela-dobos', 'MEMBER', '2026-03-15T09:41:00Z',
              `Thanks for the logcat, that made it easy. Location updates are collected in a coroutine started from the activity's lifecycleScope, and the fragments subscribe to that flow directly. The activity outlives the map sheet, so after the sheet is detached the coroutine keeps delivering fixes, and onLocationUpdate calls requireContext() on a fragment that no longer has one. ElevationChartFragment subscribes the same way and can crash the same way; it just happens less often because the chart is rarely open during a recording.

I'll split this: the map sheet first, since it's a small change, and the elevation chart later, because its caching has to be reworked first.`),
            comment('mirela-dobos', 'MEMBER', '2026-03-16T15:05:00Z',
              `First part is up in #911.`),
            comment('yusuf-demir', 'NONE', '2026-03-22T20:37:00Z',
              `I'm on the 3.4.1 beta, which has #911. The map sheet is fine now, but I just got this with the elevation chart open:

\`\`\`
FATAL EXCEPTION: main
Process: app.trailnote, PID: 30412
java.lang.IllegalStateException: Fragment ElevationChartFragment{a81f3c7} (2b9e4410-7d3c-4f0a-8c65-91e2d7b0f5c3) not attached to a context.
	at androidx.fragment.app.Fragment.requireContext(Fragment.java:972)
	at app.trailnote.chart.ElevationChartFragment.onLocationUpdate(ElevationChartFragment.kt:133)
	at app.trailnote.location.LocationRelay$dispatch$1.invokeSuspend(LocationRelay.kt:61)
\`\`\``),
            comment('mirela-dobos', 'MEMBER', '2026-03-24T09:10:00Z',
              `Yes, that's the second half. #911 is merged and ships in 3.4.1 for the map sheet; this issue stays open until the elevation chart is moved over as well. Until then, closing the elevation chart before leaving the app avoids the crash.`),
          ],
          events: [
            { type: 'labeled', actor: 'mirela-dobos', created_at: '2026-03-15T09:42:00Z', label: 'crash' },
          ],
        }),
        pull({
          number: 911,
          title: "Collect location updates in the map sheet's view lifecycle",
          body: `Part of #906.

MapSheetFragment now collects location updates from viewLifecycleOwner.lifecycleScope inside repeatOnLifecycle(Lifecycle.State.STARTED), so collection stops when the sheet's view goes away instead of when the activity does. onLocationUpdate uses the view's context and no longer calls requireContext().

ElevationChartFragment has the same pattern and will be handled in a follow-up.`,
          state: 'closed',
          author: 'mirela-dobos',
          author_association: 'MEMBER',
          created_at: '2026-03-16T14:50:00Z',
          closed_at: '2026-03-19T11:27:00Z',
          merged: true,
          head: 'map-sheet-view-lifecycle',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
