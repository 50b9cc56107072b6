// "This duplicates #1108" in words, plus a release plea; unfenced panic with bold.
export default {
  url: 'https://github.com/gohugoio/hugo/issues/1112',
  reconstructed: 'the canonical #1108',
  split: 'tuning',
  ecosystem: 'go',
  styles: ['duplicate stated in words', 'unfenced panic', 'bold inside a log line'],
  repo: 'gohugoio/hugo',
  issue: {
    number: 1112, title: 'Panic: runtime error: invalid memory address or nil pointer dereference, signal 0xb code=0x1 addr=0x0', state: 'closed', state_reason: 'completed',
    author: 'lars-th', created_at: '2015-05-08T10:00:00Z',
    body: `panic: runtime error: invalid memory address or **nil pointer** dereference
[signal 0xb code=0x1 **addr=0x0** pc=0x47ab4b]

Details: https://gist.github.com/larsth/43c9d5d64cc84efc768a
The site source that triggers it: https://github.com/larsth/www.larsth.dk (41480308d6)

It seems to panic early, in the main goroutine.

I write Go myself, so I can dig up more details if needed.`,
  },
  comments: [
    ['bep', 'MEMBER', `Thanks.

This duplicates #1108 which in turn duplicates ... @spf13 we really need to ship 0.14. Not many new features in it, but it has important bug fixes that I keep explaining again and again.`],
  ],
  items: [
    { number: 1108, title: 'Panic on nil page in menu rendering', state: 'closed', state_reason: 'completed', author: 'menu-user', created_at: '2015-05-06T10:00:00Z',
      body: 'Hugo 0.13 panics with a nil pointer dereference when a menu entry points to a page that does not exist. Fixed on master.' },
  ],
  gold: {
    status: { must_contain: ['duplicate', '#1108'], must_not_contain: ['no linked fix'] },
    links: [{ from: 'gohugoio/hugo#1112', to: 'gohugoio/hugo#1108', kind: 'mentions' }],
    sections: {
      error_messages: ['panic: runtime error: invalid memory address or nil pointer dereference'],
      fix: ['ship 0.14'],
      workaround: [],
    },
    notes: ['A member says in words that it duplicates #1108 and that the fix is in the coming 0.14 release. The bold markers inside the log line must not break it.'],
  },
};
