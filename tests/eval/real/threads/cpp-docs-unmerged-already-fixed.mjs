// An issue whose fix landed in an unlinked pull; a later pull "Fixed issue
// #2188" is closed unmerged.
export default {
  url: 'https://github.com/MicrosoftDocs/cpp-docs/pull/3091',
  reconstructed: 'issue #2188',
  split: 'tuning',
  ecosystem: 'c++',
  styles: ['closed-unmerged pull', 'fixed elsewhere in words'],
  repo: 'MicrosoftDocs/cpp-docs',
  issue: {
    number: 2188, title: 'C++/CX sample uses wrong namespace for IAsyncOperation', state: 'open',
    author: 'doc-reader', created_at: '2020-06-01T10:00:00Z',
    body: 'The sample in "Asynchronous programming in C++/CX" uses `Windows::Foundation::Collections::IAsyncOperation`; it should be `Windows::Foundation::IAsyncOperation`.',
  },
  comments: [],
  items: [
    { type: 'pull', number: 3091, title: 'Fixed issue #2188', state: 'closed', merged: false, author: 'kishkin-j', labels: ['do-not-merge'], created_at: '2021-04-16T08:00:00Z',
      body: 'Fixes #2188',
      comments: [
        ['pr-merger', 'NONE', '@kishkin-j : Thanks for your contribution! The author(s) have been notified to review your proposed change.'],
        ['corob', 'MEMBER', "@kishkin-j \nSorry, it looks like this was already fixed in PR #2991 last July, but the issue stayed open because that PR didn't link it. This change isn't needed, so I'm closing it, but thanks for the effort."],
      ] },
  ],
  gold: {
    status: { must_contain: ['open'], must_not_contain: ['fixed by #3091', 'closed by #3091'] },
    links: [
      { from: 'MicrosoftDocs/cpp-docs#3091', to: 'MicrosoftDocs/cpp-docs#2188', kind: 'cross_referenced' },
      { from: 'MicrosoftDocs/cpp-docs#3091', to: 'MicrosoftDocs/cpp-docs#2188', kind: 'closes', optional: true },
    ],
    linked_pulls: ['MicrosoftDocs/cpp-docs#3091'],
    sections: {
      fix: [],
      workaround: [],
    },
    notes: ['The root is the issue #2188 (its text written from the pull thread, the stored copy has none). #3091 says "Fixes #2188" but was closed unmerged: it is a linked pull, not the fix, and the issue is still open.'],
  },
};
