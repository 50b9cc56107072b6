#!/usr/bin/env node
// World: a Rust CLI panics while rendering a table; the reporter pastes the
// RUST_BACKTRACE=1 output (command and panic in one console block) and a
// one-line JSONL input; a maintainer explains the cause in a later comment
// that opens a paragraph with "Root cause:" (no heading); the reporter
// confirms the maintainer's stop-gap; fixed by a merged pull whose body
// starts "Resolves #274".
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'brackenhollow/logsieve';

const body = `\`logsieve query\` crashes as soon as a matching line has a non-ASCII character right where the table cell gets cut off. We have French service messages in our gateway logs, so this happens on almost every query over them.

Input (one line is enough), saved as \`gw.jsonl\`:

\`\`\`json
{"ts":"2026-05-11T08:02:17Z","level":"warn","svc":"gateway","msg":"Connexion refusée par l'hôte distant"}
\`\`\`

Running it with the backtrace enabled:

\`\`\`
$ RUST_BACKTRACE=1 logsieve query 'level == "warn"' gw.jsonl --max-width 16
thread 'main' panicked at src/render/table.rs:88:27:
byte index 16 is not a char boundary; it is inside 'é' (bytes 15..17) of \`Connexion refusée par l'hôte distant\`
stack backtrace:
   0: rust_begin_unwind
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/panicking.rs:665:5
   1: core::panicking::panic_fmt
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/panicking.rs:74:14
   2: core::str::slice_error_fail_rt
   3: core::str::slice_error_fail
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/str/mod.rs:68:5
   4: logsieve::render::table::truncate_cell
             at ./src/render/table.rs:88:27
   5: logsieve::render::table::Table::push_row
             at ./src/render/table.rs:141:24
   6: logsieve::cmd::query::run
             at ./src/cmd/query.rs:57:13
   7: logsieve::main
             at ./src/main.rs:39:9
note: Some details are omitted, run with \`RUST_BACKTRACE=full\` for a verbose backtrace.
\`\`\`

With \`--max-width 40\` the message fits and nothing happens, and \`--format json\` never crashes, so it seems to be only the table renderer.

logsieve 0.9.2 installed with \`cargo install logsieve\`, rustc 1.82.0, Fedora 41, kitty terminal with a UTF-8 locale.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 274,
          title: "Panic 'byte index is not a char boundary' when a table cell is truncated",
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'tomasz-wierzbicki',
          labels: ['bug', 'panic'],
          created_at: '2026-05-11T09:40:00Z',
          updated_at: '2026-05-16T14:05:00Z',
          closed_at: '2026-05-16T14:05:00Z',
          comments: [
            comment('akane-morishita', 'NONE', '2026-05-12T01:18:00Z',
              `Same here with Japanese log messages. With CJK text it panics at almost any width, since every character there is three bytes long.`),
            comment('ruth-castellanos', 'MEMBER', '2026-05-13T10:02:00Z',
              `Thanks for the clean backtrace, frame 4 points right at it.

Root cause: truncate_cell shortens a cell with \`&text[..max_width]\`, so it counts bytes, not characters. When the cut lands inside a multi-byte UTF-8 character, the slice is not on a char boundary and Rust panics. All our test fixtures are ASCII, which is why nothing caught it. It also means the width is wrong for CJK text even when it does not panic, because those characters take two terminal columns each.

Until a fix is released, \`--max-width 0\` turns truncation off and never reaches that code. Your \`--format json\` route works too.`),
            comment('tomasz-wierzbicki', 'NONE', '2026-05-13T12:47:00Z',
              `Confirmed, \`--max-width 0\` works for now. The table gets very wide but that's fine for us.`),
            comment('ruth-castellanos', 'MEMBER', '2026-05-15T08:30:00Z',
              `#281 cuts on character boundaries and measures display width instead of bytes; it will be in 0.9.3.`),
          ],
          events: [
            { type: 'labeled', actor: 'ruth-castellanos', created_at: '2026-05-13T10:03:00Z', label: 'panic' },
            { type: 'closed', actor: 'ruth-castellanos', created_at: '2026-05-16T14:05:00Z', closer: `${REPO}#281` },
          ],
        }),
        pull({
          number: 281,
          title: 'Truncate table cells by display width instead of bytes',
          body: `Resolves #274

truncate_cell now walks the string with char_indices() and stops at the last character whose cumulative display width (from the unicode-width crate) still fits, then appends the ellipsis. It no longer slices at a byte offset, so a multi-byte character can't be split, and wide CJK characters count as two columns.

Adds table tests with French, Japanese and emoji cells at every width from 1 to 20.`,
          state: 'closed',
          author: 'ruth-castellanos',
          author_association: 'MEMBER',
          created_at: '2026-05-15T08:12:00Z',
          closed_at: '2026-05-16T14:05:00Z',
          merged: true,
          head: 'truncate-by-width',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
