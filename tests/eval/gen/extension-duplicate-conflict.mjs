#!/usr/bin/env node
// World: a browser extension's popup stays blank; the reporter describes two
// screenshots in words and pastes console errors ("Uncaught (in promise)
// Error: ..."); another user finds that disabling a second extension helps,
// the reporter confirms; a maintainer explains the conflict and marks the
// issue as a duplicate of an older open issue, whose body carries a gentler
// workaround (an exception in the other extension).
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'tidepool-ext/tabshelf';

const canonicalBody = `With PrivacyFence installed, TabShelf's popup opens but never lists the saved shelves, and Save does nothing.

Adding moz-extension://tabshelf to PrivacyFence's exceptions list (Settings > Exceptions > Add extension) makes TabShelf work again without turning PrivacyFence off.`;

const body = `Since yesterday the TabShelf popup is blank and the Save button does nothing. I have not changed anything except that Firefox updated itself.

What I see (I can't attach the screenshots from this machine, so in words):

- Screenshot 1: the popup opens at its normal size, but the shelf list is an empty white rectangle with the loading spinner frozen in the top left corner.
- Screenshot 2: after clicking Save the button goes grey for a moment and comes back; the toolbar badge stays at 0 and no new shelf appears on the options page.

The popup's console (right click in the popup > Inspect) shows:

\`\`\`
Uncaught (in promise) Error: Shelf port disconnected before a response was received
    at sendToBackground (popup.js:88:11)
    at async loadShelves (popup.js:31:19)
Uncaught (in promise) Error: Shelf port disconnected before a response was received
    at sendToBackground (popup.js:88:11)
    at async HTMLButtonElement.onSave (popup.js:142:5)
\`\`\`

Steps:
1. Open five or six tabs in one window
2. Click the TabShelf icon in the toolbar
3. Click "Save this window"

Firefox 126.0.1 on Windows 11 23H2, TabShelf 3.2.0 from the add-ons site. Other extensions: PrivacyFence 8.4, a password manager, and a dark-mode extension.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 298,
          title: 'Popup stays empty when PrivacyFence is installed',
          body: canonicalBody,
          state: 'open',
          author: 'lucjan-mbeki',
          labels: ['bug', 'compat'],
          created_at: '2026-02-27T19:20:00Z',
        }),
        issue({
          number: 341,
          title: 'Popup blank and Save does nothing on Firefox 126',
          body,
          state: 'closed',
          state_reason: 'duplicate',
          author: 'gwendolyn-achterberg',
          labels: ['bug'],
          created_at: '2026-05-20T18:02:00Z',
          closed_at: '2026-05-21T11:15:00Z',
          comments: [
            comment('sami-rautio', 'NONE', '2026-05-20T21:37:00Z',
              `Had exactly this. Disabling PrivacyFence in about:addons made TabShelf work again for me, maybe try that.`),
            comment('gwendolyn-achterberg', 'NONE', '2026-05-21T07:50:00Z',
              `Confirmed: with PrivacyFence disabled the popup loads the shelves and Save works. With it enabled, blank again.`),
            comment('ottilie-brennan', 'MEMBER', '2026-05-21T11:14:00Z',
              `Thanks both. This is the same problem as #298: PrivacyFence 8.x in strict mode drops runtime messages between an extension's popup and its background page when it does not recognise the sender, so the popup's port is closed before the background script can answer. Its Firefox update rolled strict mode out to everyone this week, which is why it looks like it started with Firefox 126.

Duplicate of #298`),
          ],
          events: [
            { type: 'marked_as_duplicate', actor: 'ottilie-brennan', created_at: '2026-05-21T11:15:00Z', canonical: `${REPO}#298` },
            { type: 'closed', actor: 'ottilie-brennan', created_at: '2026-05-21T11:15:00Z', closer: null },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
