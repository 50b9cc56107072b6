// An unfenced panic whose only answer is a "me too" asking for help.
export default {
  url: 'https://github.com/iustin24/chameleon/issues/23',
  split: 'tuning',
  ecosystem: 'rust',
  styles: ['unfenced panic', '+1 as latest comment'],
  repo: 'iustin24/chameleon',
  issue: {
    number: 23, title: "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', /cargo/git/checkouts/wappalyzer-e32a3fb79f4ccad3/fb82bb4/src/lib.rs:117:39 note: run with `RUST_BACKTRACE=1` environment variab", state: 'open',
    author: 'gd-research', created_at: '2024-04-15T10:00:00Z',
    body: `thread 'main' panicked at 'called \`Option::unwrap()\` on a \`None\` value', /cargo/git/checkouts/wappalyzer-e32a3fb79f4ccad3/fb82bb4/src/lib.rs:117:39
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace`,
  },
  comments: [
    ['jacob-2020', 'NONE', `same error here, my rust is not great, if someone can explain why it happens maybe i can fix it .`],
  ],
  gold: {
    status: { must_contain: ['open'], must_not_contain: ['fixed', 'workaround'] },
    sections: {
      error_messages: ['/cargo/git/checkouts/wappalyzer-e32a3fb79f4ccad3/fb82bb4/src/lib.rs:117:39'],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    must_not: { workaround: ['same error here'], root_cause: ['explain why it happens'] },
    notes: ['Only a "same here" comment follows; it is neither a workaround nor a cause.'],
  },
};
