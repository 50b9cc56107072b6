// A one-line support request with a GHC type error added as an edit; months
// later the owner says in four words that a named release fixes it. No pull,
// no commit, no cause.
export default {
  url: 'https://github.com/takano-akio/fast-builder/issues/14',
  reconstructed: 'the reporter\'s association and who closed the issue (taken to be the owner who answered)',
  split: 'tuning',
  ecosystem: 'haskell',
  styles: ['terse', 'fixed in a named release, no pull', 'edit appended to the body', 'compiler type error'],
  repo: 'takano-akio/fast-builder',
  issue: {
    number: 14, title: 'Support GHC 9', state: 'closed', state_reason: 'completed',
    author: 'koz-r', created_at: '2021-03-15T09:00:00Z', closer: 'tak-akio',
    body: `Is that something you could do?

Edit: I gave it a go with \`--allow-newer\`. The library itself compiles without trouble, but the tests fall over with:

\`\`\`
tests/prop.hs:97:29: error:
    • Couldn't match type: [a0]
                     with: template-haskell-2.17.0.0:Language.Haskell.TH.Syntax.Q
                             template-haskell-2.17.0.0:Language.Haskell.TH.Syntax.Exp
      Expected: template-haskell-2.17.0.0:Language.Haskell.TH.Lib.Internal.ExpQ
        Actual: [a0]
    • In the expression: []
      In the untyped splice: $[]
   |
97 | buildWithList = BS.pack . ($[]) . go
   |                             ^^
\`\`\``,
  },
  comments: [
    ['tak-akio', 'OWNER', 'This is fixed as of 0.1.3.0.'],
  ],
  gold: {
    status: { must_contain: ['fixed', '0.1.3.0'], must_not_contain: ['duplicate', 'not planned'] },
    linked_pulls: [],
    sections: {
      error_messages: ['tests/prop.hs:97:29: error'],
      root_cause: [],
      fix: ['fixed as of 0.1.3.0'],
    },
    must_not: {
      root_cause: ['Is that something you could do'],
      fix: ['--allow-newer'],
    },
    notes: [
      'The owner says in words that 0.1.3.0 fixes it; no pull or commit is named, so the status rests on the owner\'s word and the release. Nobody explains the cause.',
      'Building with --allow-newer is what the reporter tried (the library compiles, the tests do not); it is no fix. Whether it counts as a workaround for the library alone is left open, so the workaround section is not judged.',
    ],
  },
};
