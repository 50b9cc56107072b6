// A two-word report and a one-line cause stated as fact, pointing at an issue.
export default {
  url: 'https://github.com/Hyperline/hyperline/issues/83',
  reconstructed: '#57',
  split: 'tuning',
  ecosystem: 'javascript',
  styles: ['terse', 'cause stated as fact', 'version in prose'],
  repo: 'Hyperline/hyperline',
  issue: {
    number: 83, title: "Doesn't work", state: 'closed', state_reason: 'completed',
    author: 'mobil-padde', created_at: '2017-04-14T10:00:00Z',
    body: `I'm on windows 10.0.14393 Build 14393.`,
  },
  comments: [['jp-mck', 'MEMBER', 'This plugin is not supported on Windows. #57']],
  items: [
    { number: 57, title: 'Windows support', state: 'open', author: 'win-fan', created_at: '2017-02-01T10:00:00Z', body: 'The system stats come from macOS and Linux commands; Windows needs its own implementation.' },
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    links: [{ from: 'Hyperline/hyperline#83', to: 'Hyperline/hyperline#57', kind: 'mentions' }],
    sections: {
      environment: ['windows 10.0.14393'],
      root_cause: ['This plugin is not supported on Windows'],
      fix: [],
      workaround: [],
    },
    notes: ['The whole answer is a cause stated as fact: the plugin does not support Windows (tracked in #57).'],
  },
};
