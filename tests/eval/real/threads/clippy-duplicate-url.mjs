// A duplicate stated in words with a full URL, then closed; no duplicate event.
export default {
  url: 'https://github.com/rust-lang/rust-clippy/issues/8076',
  reconstructed: 'issue body and rust-lang/rust#90682 (the stored copy has only the closing comment)',
  split: 'tuning',
  ecosystem: 'rust',
  styles: ['duplicate stated in words', 'URL instead of #N', 'ICE report'],
  repo: 'rust-lang/rust-clippy',
  issue: {
    number: 8076, title: "thread 'rustc' panicked at 'called `Option::unwrap()` on a `None` value',", state: 'closed', state_reason: 'completed',
    author: 'ferris-fan', created_at: '2021-12-04T08:00:00Z',
    body: `Running \`cargo clippy\` on my workspace crashes the compiler:

\`\`\`
thread 'rustc' panicked at 'called \`Option::unwrap()\` on a \`None\` value', compiler/rustc_middle/src/ty/generics.rs:230:14
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace
\`\`\`

clippy 0.1.59 (efec545 2021-12-04)`,
  },
  comments: [
    ['giraffe-ate', 'MEMBER', `This is a duplicate of https://github.com/rust-lang/rust/issues/90682, so I'm closing it.`],
  ],
  gold: {
    status: { must_contain: ['duplicate', 'rust-lang/rust#90682'], must_not_contain: ['completed', 'no linked fix'] },
    links: [{ from: 'rust-lang/rust-clippy#8076', to: 'rust-lang/rust#90682', kind: 'mentions' }],
    sections: {
      error_messages: ["thread 'rustc' panicked at 'called `Option::unwrap()` on a `None` value'"],
      environment: ['clippy 0.1.59'],
      fix: [],
      workaround: [],
    },
    notes: ['A member says in words that this duplicates a rust-lang/rust issue (full URL) and closes; there is no marked_as_duplicate event. The status must say duplicate of that issue, not "completed".'],
  },
  items: [
    { repo: 'rust-lang/rust', number: 90682, title: 'ICE: unwrap on None in generics_of', state: 'open', author: 'ice-hunter', created_at: '2021-11-07T10:00:00Z',
      body: 'The compiler panics in `generics_of` when a const generic default refers to an associated const.' },
  ],
};
