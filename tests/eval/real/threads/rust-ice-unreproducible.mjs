// Panic inside a cargo build log; rustc -vV output; the reporter later says
// it could not be reproduced.
export default {
  url: 'https://github.com/rust-lang/rust/issues/121822',
  split: 'tuning',
  ecosystem: 'rust',
  styles: ['versions in command output', 'log with a panic', 'unreproducible'],
  repo: 'rust-lang/rust',
  issue: {
    number: 121822, title: 'Panic at std/thread/mod.rs:1517, called Option::unwrap() on a `None` value', state: 'closed', state_reason: 'completed',
    author: 'markus-s', labels: ['C-bug', 'S-needs-repro'], created_at: '2024-02-29T10:00:00Z',
    body: `\`\`\`
   Compiling tokio-util v0.7.10
   Compiling sqlx-postgres v0.7.3
   Compiling h2 v0.4.2
thread 'main' panicked at /rustc/07dca489ac2d933c78d3c5158e3f43beefeb02ce/library/std/src/thread/mod.rs:1517:40:
called \`Option::unwrap()\` on a \`None\` value
stack backtrace:
   Compiling sqlx-macros-core v0.7.3
   Compiling hyper v1.2.0
    Building [=======================> ] 230/235: sqlx-core                     
\`\`\`                    

After that the build just hung, since the main thread had panicked.
A later \`cargo build\` went through fine and the bug did not come back.
I'll have another go at the weekend to see whether I can trigger it again and capture a backtrace.

\`rustc --version --verbose\`:
\`\`\`
rustc 1.76.0 (07dca489a 2024-02-04)
binary: rustc
commit-hash: 07dca489ac2d933c78d3c5158e3f43beefeb02ce
commit-date: 2024-02-04
host: x86_64-unknown-linux-gnu
release: 1.76.0
LLVM version: 17.0.6
\`\`\``,
  },
  comments: [['markus-s', 'NONE', `Can't reproduce it. No idea what happened there.`]],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ['library/std/src/thread/mod.rs:1517:40'],
      environment: ['rustc 1.76.0', 'x86_64-unknown-linux-gnu', 'LLVM version: 17.0.6'],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    must_not: { fix: ["Can't reproduce"] },
    notes: ['The environment is the rustc -vV block. The reporter closes because it cannot be reproduced: no cause, no fix.'],
  },
};
