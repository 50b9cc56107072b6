// An issue with two pulls: the first opened, the second one says "Fix #2307"
// and is closed unmerged because the first already fixes it.
export default {
  url: 'https://github.com/Automattic/jetpack/pull/2468',
  reconstructed: 'issue #2307 and pull #2311',
  split: 'tuning',
  ecosystem: 'php',
  styles: ['closed-unmerged competing pull', 'fix keyword in an unmerged pull'],
  repo: 'Automattic/jetpack',
  issue: {
    number: 2307, title: 'Module description modal scrolls page to top when closed', state: 'open',
    author: 'modal-tester', created_at: '2015-07-20T10:00:00Z',
    body: `On the Jetpack settings page, open any module's "Learn more" modal and close it: the page jumps back to the top.

Jetpack 3.6, WordPress 4.2.3, Chrome 44.`,
  },
  comments: [],
  items: [
    { type: 'pull', number: 2311, title: 'Settings: keep scroll position when closing module modal', state: 'open', author: 'dereks', author_association: 'MEMBER', created_at: '2015-07-21T10:00:00Z',
      body: 'Fixes #2307\n\nThe close handler focused the page header, which scrolled to the top; it now returns focus to the button that opened the modal.' },
    { type: 'pull', number: 2468, title: 'Fix #2307 Stop scrolling to top when closing module description modal…', state: 'closed', merged: false, author: 'patel-u', created_at: '2015-07-31T08:00:00Z',
      body: 'Fix issue #2307',
      comments: [
        ['dereks', 'MEMBER', 'Thanks a lot for the PR, but this fix is already submitted as a PR in #2311'],
        ['patel-u', 'NONE', 'Okay, could you close the issue too, it was open so i sent a PR.'],
        ['kraft-bj', 'MEMBER', 'Thanks. On an issue page you can see whether a PR references it. Usually the issue stays open until a fix is merged, in case a PR does not solve it or not in a way that makes sense. Cheers!'],
      ] },
  ],
  gold: {
    status: { must_contain: ['open', '#2311'], must_not_contain: ['fixed', 'closed'] },
    links: [
      { from: 'Automattic/jetpack#2311', to: 'Automattic/jetpack#2307', kind: 'closes' },
      { from: 'Automattic/jetpack#2311', to: 'Automattic/jetpack#2307', kind: 'cross_referenced' },
      { from: 'Automattic/jetpack#2468', to: 'Automattic/jetpack#2307', kind: 'cross_referenced' },
      { from: 'Automattic/jetpack#2468', to: 'Automattic/jetpack#2307', kind: 'mentions', optional: true },
    ],
    linked_pulls: ['Automattic/jetpack#2311', 'Automattic/jetpack#2468'],
    sections: {
      environment: ['Jetpack 3.6', 'WordPress 4.2.3', 'Chrome 44'],
      fix: ['keep scroll position when closing module modal', 'it now returns focus to the button that opened the modal'],
      workaround: [],
    },
    notes: ['The root is the issue (#2307); the thread address is the competing pull. #2468 says "Fix #2307" but was closed unmerged: it closes nothing and must not be shown as the fix. #2311 is the open pull that will. The issue body is written from the pull thread, the stored copy has no issue text.'],
  },
};
