// One sentence and a fenced panic; open with no answer.
export default {
  url: 'https://github.com/kennytm/qrcode-rust/issues/47',
  split: 'heldout',
  ecosystem: 'rust',
  styles: ['terse', 'version-free', 'open, no answer'],
  repo: 'kennytm/qrcode-rust',
  issue: {
    number: 47, title: "called `Option::unwrap()` on a `None` value', src/bin/qrencode.rs:4:34", state: 'open',
    author: 'a-gavrel', created_at: '2021-03-17T10:00:00Z',
    body: `Straight after cloning, running \` cargo run\`:
\`\`\`
thread 'main' panicked at 'called \`Option::unwrap()\` on a \`None\` value', src/bin/qrencode.rs:4:34
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace
\`\`\``,
  },
  comments: [],
  gold: {
    status: { must_contain: ['open'], must_not_contain: ['fixed', 'closed'] },
    sections: {
      error_messages: ['src/bin/qrencode.rs:4:34'],
      reproduction: ['cargo run'],
      root_cause: [],
      workaround: [],
    },
    notes: ['Reproduction: clone and cargo run. Nothing else.'],
  },
};
