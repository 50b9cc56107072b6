// A two-line unfenced panic and a maintainer's request for more detail.
export default {
  url: 'https://github.com/dotabuff/manta/issues/46',
  split: 'tuning',
  ecosystem: 'go',
  styles: ['terse', 'unfenced panic', 'request for more information'],
  repo: 'dotabuff/manta',
  issue: {
    number: 46, title: 'Having issue when execute the demo', state: 'closed', state_reason: 'completed',
    author: 'wode-q', created_at: '2015-12-11T10:00:00Z',
    body: `panic:runtime error:invalid memory address or nil pointer dereference
goroutine 1 [running]:`,
  },
  comments: [['j-coene', 'MEMBER', `Sorry, you'll have to give us more than that to go on.`]],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    sections: {
      error_messages: ['panic:runtime error:invalid memory address or nil pointer dereference'],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    must_not: { root_cause: ['give us more'], workaround: ['give us more'] },
    notes: ['A request for more information is neither a cause nor a workaround.'],
  },
};
