#!/usr/bin/env node
// World: a question in informal, non-native English ("is this normal?")
// about data loss; a user wrongly suggests an older issue (#198); a
// maintainer says it is not #198 and marks it "Duplicate of #212" (comment
// paragraph and marked_as_duplicate event, closed as duplicate). The cause
// and the safe procedure live in the body of the open canonical issue #212.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'fernhollow/kestrel';

const body = `hello, i am using kestrel for sync my phone camera folder to my pc since few month and it work good. but yesterday i rename the folder on pc from \`Camera\` to \`Camera_2025\` for make some order, and after next sync all the photo on the phone is gone!! only the renamed folder on pc still have them.

is this normal behaviour? i think rename should not delete anything. how i can make it not happen again, i am scare to rename anything now.

the log say this:

\`\`\`
[sync] WARN  remote folder 'Camera' not found, treating as deleted
[sync] INFO  mirror: removing 1384 files from device:/DCIM/Camera
\`\`\`

phone is Pixel 7 with Android 14, pc is Windows 11, kestrel desktop 2.3.0 and the app 2.3.0 from play store. the pair is in "mirror" mode.`;

const canonical = `In mirror mode a sync pair is identified only by its folder path. When the folder is renamed on one side, the next sync no longer finds the path it knows, concludes that the folder was deleted on that side and mirrors the deletion to the other side. Renames are not detected because pairs have no stable folder ID yet.

Until folder IDs land (planned for 2.5), rename a synced folder like this:

1. Pause the pair in the desktop app (right-click the pair, then Pause sync)
2. Rename the folder
3. Edit the pair, point it at the new path, then resume

Alternatively, switch the pair to two-way mode, which moves deletions to the trash instead of applying them:

\`\`\`
kestrel pair set camera --mode two-way
\`\`\`

Files removed by a mirror sync stay in the trash on the device for 30 days.`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 198,
          title: 'Photos vanish from gallery after Android 14 update',
          body: `After the phone updated to Android 14, the gallery no longer shows pictures that kestrel downloaded, although the files are still on the storage.`,
          state: 'closed',
          state_reason: 'completed',
          author: 'lucia-ferraro',
          labels: ['android'],
          created_at: '2025-11-20T18:30:00Z',
          closed_at: '2025-12-04T09:00:00Z',
        }),
        issue({
          number: 212,
          title: 'Mirror mode treats a renamed folder as a deletion',
          body: canonical,
          author: 'birgit-halvorsen',
          author_association: 'MEMBER',
          labels: ['bug', 'mirror-mode'],
          created_at: '2025-12-15T10:00:00Z',
        }),
        issue({
          number: 247,
          title: 'sync delete all photo from phone when i rename folder on pc??',
          body,
          state: 'closed',
          state_reason: 'duplicate',
          author: 'thanh-le92',
          labels: ['question'],
          created_at: '2026-02-11T21:14:00Z',
          updated_at: '2026-02-12T19:02:00Z',
          closed_at: '2026-02-12T08:41:00Z',
          comments: [
            comment('aurelio-sandoval', 'NONE', '2026-02-11T22:40:00Z',
              `sounds like #198 maybe? there the photos also was gone after the update`),
            comment('birgit-halvorsen', 'MEMBER', '2026-02-12T08:40:00Z',
              `Sorry for the scare! Your photos should still be in the phone's Kestrel trash for 30 days (Settings, then Trash), so you can restore them from there. This is not #198, that one was about the Android media scanner. What you hit is a known mirror-mode behaviour tracked in #212; the explanation and the safe way to rename a synced folder are there.

Duplicate of #212`),
            comment('thanh-le92', 'NONE', '2026-02-12T19:02:00Z',
              `oh thank you so much, i find them in the trash and restore all of them. i will read the other issue before renaming anything again`),
          ],
          events: [
            { type: 'marked_as_duplicate', actor: 'birgit-halvorsen', created_at: '2026-02-12T08:40:30Z', canonical: `${REPO}#212` },
            { type: 'closed', actor: 'birgit-halvorsen', created_at: '2026-02-12T08:41:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
