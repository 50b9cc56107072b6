// An AnkiDroid bug template filled in by a contributor in three terse,
// hard-to-parse steps, "app crashes" as the only actual result (no stack
// trace: crash reports were off), and a key = value debug block that is
// all environment. The status rests on a member's "Closed by #12740" in a
// comment; the pull itself never names the issue, which is exactly what the
// member's tip about closing keywords is about. So the link exists only as
// a mention from the issue, and the fix is a merged pull named in words.
export default {
  url: 'https://github.com/ankidroid/Anki-Android/issues/12739',
  reconstructed: 'pull #12740 (only its number is known: title and body invented, without any reference to the issue, as the member\'s tip implies); author associations (criticalAY taken as CONTRIBUTOR, lukstbit as MEMBER)',
  split: 'tuning',
  ecosystem: 'kotlin-android',
  styles: ['fix stated in words: closed by #N', 'pull that does not name the issue', 'bug template with terse numbered steps', 'key = value debug block', 'no error text', 'tip about closing keywords next to the status'],
  repo: 'ankidroid/Anki-Android',
  issue: {
    number: 12739, title: '[Bug] app (2.16alpha88) crashes on review change', state: 'closed', state_reason: 'completed',
    author: 'criticalAY', author_association: 'CONTRIBUTOR', created_at: '2022-10-28T08:00:00Z', closer: 'lukstbit',
    body: `###### Reproduction Steps

1. go to settings
2. reviewing
3. new card, then review options get changed

###### Expected Result
option set as marked/selected

###### Actual Result
app crashes

###### Debug info
AnkiDroid Version = 2.16alpha88

Android Version = 12

Manufacturer = Google

Model = sdk_gphone64_x86_64

Hardware = ranchu

Webview User Agent = Mozilla/5.0 (Linux; Android 12; sdk_gphone64_x86_64 Build/SE1A.220630.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/91.0.4472.114 Mobile Safari/537.36

ACRA UUID = 246da304-f39d-4cd2-9fc7-d1bc0bd83ad0

New schema = false

Scheduler = std2

Crash Reports Enabled = false

DatabaseV2 Enabled = true`,
  },
  comments: [
    ['criticalAY', 'CONTRIBUTOR', 'some users on SDK31 reported this too'],
    ['lukstbit', 'MEMBER', `Closed by #12740
@criticalAY GitHub tip: if you want the issue you fix to be closed automatically, you can put [certain keywords](https://docs.github.com/en/issues/tracking-your-work-with-issues/linking-a-pull-request-to-an-issue) in your PRs.`],
  ],
  items: [
    { type: 'pull', number: 12740, title: 'fix: crash after changing review options while reviewing', state: 'closed', merged: true,
      author: 'criticalAY', author_association: 'CONTRIBUTOR', created_at: '2022-10-28T09:30:00Z', closer: 'lukstbit',
      body: 'Changing a review option from the reviewer no longer crashes the app when a new card is shown.' },
  ],
  gold: {
    status: { must_contain: ['fixed', '#12740'], must_not_contain: ['duplicate', 'not planned'] },
    links: [
      { from: 'ankidroid/Anki-Android#12739', to: 'ankidroid/Anki-Android#12740', kind: 'mentions' },
    ],
    linked_pulls: ['ankidroid/Anki-Android#12740'],
    sections: {
      error_messages: [],
      reproduction: ['go to settings', 'reviewing', 'review options get changed'],
      environment: ['AnkiDroid Version = 2.16alpha88', 'Android Version = 12', 'sdk_gphone64_x86_64', 'Scheduler = std2'],
      root_cause: [],
      fix: ['Closed by #12740', 'crash after changing review options while reviewing', 'no longer crashes the app when a new card is shown'],
      workaround: [],
    },
    must_not: {
      root_cause: ['some users on SDK31 reported this'],
      workaround: ['some users on SDK31 reported this', 'certain keywords'],
      error_messages: ['app crashes'],
    },
    notes: [
      'The status comes from a member\'s words, "Closed by #12740": #12740 is a merged pull, so the issue is fixed by it, on a maintainer\'s word. The pull does not reference the issue (the member\'s tip says as much: no closing keyword was used), so GitHub records no closing link and no cross-reference; the only edge is the mention from the issue\'s comment, and #12740 is a linked pull through it. The pull\'s title and body are invented (only its number is in the stored thread); the gold asks for them as it does for every merged fix.',
      'The reproduction is the template\'s numbered list, three terse fragments that only make sense together (open settings while reviewing, then change a review option on a new card); every step is the reporter\'s own and is asked for. "option set as marked/selected" is the expected behaviour and "app crashes" the actual one: context, not steps.',
      'There is no error text: crash reports were disabled and no stack trace was pasted, so "app crashes" is the symptom, not an error message. The environment is the key = value debug block (AnkiDroid 2.16alpha88, Android 12, an sdk_gphone64_x86_64 emulator, scheduler std2).',
      'The reporter\'s "some users on SDK31 reported this too" widens the scope; it is no cause and no workaround. The member\'s tip about closing keywords is advice on how to write pulls, not a workaround. No cause is stated anywhere.',
    ],
  },
};
