// A version in the title and nothing but +1s.
export default {
  url: 'https://github.com/crystalidea/macs-fan-control/issues/93',
  reconstructed: 'issue body',
  split: 'tuning',
  ecosystem: 'c++',
  styles: ['+1 as latest comment', 'version in title', 'terse'],
  repo: 'crystalidea/macs-fan-control',
  issue: {
    number: 93, title: 'Already on v1.4.10 but the app keeps nagging about updating to latest version', state: 'closed', state_reason: 'completed',
    author: 'nag-user', created_at: '2018-08-31T10:00:00Z',
    body: 'Every start shows the update dialog for the version I already run. macOS 10.13.6.',
  },
  comments: [
    ['cher-cm', 'NONE', 'same here getting the same crap'],
    ['echo-boy', 'NONE', '+1'],
    ['ad-leader', 'NONE', '+1'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      environment: ['v1.4.10', 'macOS 10.13.6'],
      workaround: [],
      root_cause: [],
      fix: [],
    },
    must_not: { workaround: ['+1', 'same here'] },
    notes: ['The app version is in the title only. Every comment is a +1; none is a workaround or a highlight.'],
  },
};
