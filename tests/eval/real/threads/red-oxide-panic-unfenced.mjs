// A Rust panic with a full stack backtrace pasted without a fence.
export default {
  url: 'https://github.com/DevYukine/red_oxide/issues/10',
  split: 'tuning',
  ecosystem: 'rust',
  styles: ['unfenced panic', 'unfenced backtrace', 'Windows path'],
  repo: 'DevYukine/red_oxide',
  issue: {
    number: 10, title: 'thread panic', state: 'closed', state_reason: 'completed',
    author: 'jab-81', created_at: '2023-09-10T10:00:00Z',
    body: `No idea where to start debugging this one...

thread 'main' panicked at 'called \`Option::unwrap()\` on a \`None\` value', src\\main.rs:177:37
stack backtrace:
   0:     0x7ff7d7e8e962 - <unknown>
   1:     0x7ff7d7eb384b - <unknown>
   2:     0x7ff7d7e89a4a - <unknown>
   3:     0x7ff7d7e8e6ab - <unknown>
  20:     0x7ff7d79f64bc - <unknown>
  21:     0x7ff7d7ec8b5c - <unknown>
  22:     0x7ff90b707614 - BaseThreadInitThunk
  23:     0x7ff90cc226b1 - RtlUserThreadStart`,
  },
  comments: [],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      error_messages: ["thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src\\main.rs:177:37"],
      root_cause: [],
      workaround: [],
    },
    notes: ['The panic line keeps its backticks and the Windows path separator; nothing else in the thread.'],
  },
};
