// A fix merged but not released; "1.3.1 is out".
export default {
  url: 'https://github.com/karpetrosyan/hishel/issues/476',
  reconstructed: '#467 and #468',
  split: 'tuning',
  ecosystem: 'python',
  styles: ['release request', 'fix in a release', 'terse'],
  repo: 'karpetrosyan/hishel',
  issue: {
    number: 476, title: 'New release needed to fix #467', state: 'closed', state_reason: 'completed',
    author: 'a-ebrahim', created_at: '2026-07-02T10:00:00Z',
    body: `The fix from #468 doesn't seem to be in the last release:

https://github.com/karpetrosyan/hishel/commits/1.3.0/`,
  },
  comments: [['karpetrosyan', 'OWNER', 'Sorry for the delay, 1.3.1 is out']],
  items: [
    { number: 467, title: 'Cached response served after Vary header changes', state: 'closed', state_reason: 'completed', author: 'vary-user', created_at: '2026-06-10T10:00:00Z', body: 'A response cached for one Accept-Encoding is served for another.' },
    { type: 'pull', number: 468, title: 'Respect Vary when looking up cached responses', state: 'closed', merged: true, author: 'karpetrosyan', created_at: '2026-06-12T10:00:00Z', body: 'Fixes #467' },
  ],
  gold: {
    status: { must_contain: ['1.3.1'], must_not_contain: ['duplicate', 'not planned'] },
    links: [
      { from: 'karpetrosyan/hishel#476', to: 'karpetrosyan/hishel#468', kind: 'mentions' },
    ],
    linked_pulls: ['karpetrosyan/hishel#468'],
    sections: {
      fix: ['1.3.1 is out'],
      workaround: [],
    },
    notes: ['The request is answered by the 1.3.1 release, which carries the merged #468.'],
  },
};
