// The whole report is a three-line unfenced panic.
export default {
  url: 'https://github.com/machineonamission/uwd2/issues/12',
  split: 'heldout',
  ecosystem: 'rust',
  styles: ['terse', 'unfenced panic'],
  repo: 'machineonamission/uwd2',
  issue: {
    number: 12, title: "thread 'main' panicked at src\\explorer_modinfo.rs:45:14:", state: 'closed', state_reason: 'completed',
    author: 'j-milton', created_at: '2025-10-18T10:00:00Z',
    body: `thread 'main' panicked at src\\explorer_modinfo.rs:45:14:
called \`Option::unwrap()\` on a \`None\` value
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace`,
  },
  comments: [],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      error_messages: ['called `Option::unwrap()` on a `None` value'],
      reproduction: [],
      workaround: [],
    },
    notes: ['Nothing but the panic.'],
  },
};
