// CPAN Testers failures pasted as TAP output; six weeks later a member
// reproduces it and the maintainer says in words that he had already fixed
// it and released the fix, with no pull, no commit and no version named.
// The only pull mentioned is someone else's patch for the old version,
// which is not the fix.
export default {
  url: 'https://github.com/Test-More/test-more/issues/909',
  reconstructed: 'author associations; who closed the issue (taken to be the maintainer who answered)',
  split: 'tuning',
  ecosystem: 'perl',
  styles: ['fixed in words, no pull, no version', 'TAP test output', 'unlinked PR mentioned', 'reproduced by a member'],
  repo: 'Test-More/test-more',
  issue: {
    number: 909, title: 'CPAN test failures on 5.10', state: 'closed', state_reason: 'completed',
    author: 'djer-ius', labels: ['Bug'], created_at: '2023-03-14T08:00:00Z', closer: 'exo-dist',
    body: `Hello,

\`Test-Simple-1.302193\` is piling up failures on 5.10.x at [CPAN testers](https://www.cpantesters.org/distro/T/Test-Simple.html?oncpan=1&distmat=1&version=1.302193&grade=3).

All of them appear to be in \`t/Legacy/More.t\`

\`\`\`
t/Legacy/missing.t ............................... ok

#   Failed test '$@ untouched'
#   at t/Legacy/More.t line 200.
#          got: ''
#     expected: 'this should not be touched'

#   Failed test '$! untouched'
#   at t/Legacy/More.t line 201.
#          got: 
#     expected: 42
# Looks like you failed 2 tests of 57.
t/Legacy/More.t .................................. 
Dubious, test returned 2 (wstat 512, 0x200)
Failed 2/57 subtests 
\`\`\``,
  },
  comments: [
    ['h-aarg', 'MEMBER', 'I can reproduce it on a fresh perl 5.10.1 built with threads.'],
    ['exo-dist', 'MEMBER', '@h-aarg how did you install 5.10.1? If you used perlbrew, can you give me the install command?'],
    ['exo-dist', 'MEMBER', 'Thanks to h-aarg we found out that I had already fixed this and shipped a fix. I was reading the reports for the old version, and h-aarg wrote a patch against the old version. When we tried to resolve a conflict in the PR we noticed I had fixed it already.'],
  ],
  gold: {
    status: { must_contain: ['fixed'], must_not_contain: ['fixed by', 'duplicate', 'not planned'] },
    linked_pulls: [],
    sections: {
      error_messages: ["Failed test '$@ untouched'", "Failed test '$! untouched'"],
      environment: ['Test-Simple-1.302193', '5.10.x', 'perl 5.10.1 built with threads'],
      root_cause: [],
      fix: ['had already fixed this and shipped a fix'],
      workaround: [],
    },
    must_not: {
      fix: ['wrote a patch against the old version', 'resolve a conflict in the PR'],
      root_cause: ['reading the reports for the old version'],
      environment: ['perlbrew'],
    },
    notes: [
      'The maintainer says in words that the failure was already fixed and the fix released; there is no pull, commit or version, so the status is fixed on a maintainer\'s word and names no pull. The PR he mentions is a member\'s patch against the old version that turned out to be unneeded: it is not the fix, and a status "fixed by" a pull would be false.',
      'The two failed assertions are the errors (the "Dubious" and "Failed 2/57 subtests" lines summarise them). The release under test, the perl series and the member\'s reproducing build (perl 5.10.1 with threads) are the environment; the question about perlbrew is no environment fact.',
      'No cause is given: "I was reading the reports for the old version" explains the maintainers\' confusion, not the bug. There are no steps beyond running the test suite on perl 5.10, so the reproduction is not judged.',
    ],
  },
};
