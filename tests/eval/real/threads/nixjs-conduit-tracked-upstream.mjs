// A nix build log; the owner traces it to a known test failure in another
// repository (named by URL) and closes it there, nothing fixed here.
export default {
  url: 'https://github.com/cprussin/nixjs/issues/3',
  reconstructed: 'the end of the issue body (the stored copy breaks off inside the build log, which is cut here at its last whole line); NixOS/nixpkgs#42833 (only its number is known: title and body invented); snoyberg/conduit#385 and NixOS/nixpkgs#47218 (bodies only)',
  split: 'tuning',
  ecosystem: 'nix',
  styles: ['tracked in another repository', 'URL instead of owner/repo#N', 'fenced build log', 'hedged workaround idea'],
  repo: 'cprussin/nixjs',
  issue: {
    number: 3, title: 'Trouble building on NixOS', state: 'closed', state_reason: 'completed',
    author: 'b-barker', created_at: '2019-03-06T10:00:00Z', closer: 'c-prussin',
    body: `CC @pa-luh , this picks up from https://github.com/NixOS/nixpkgs/issues/42833 - thank you for offering to take a look.

(With Nix on Ubuntu the build failed for me as well, but without a useful error message there - so I can't be fully sure it's the same problem).

**Symptom:**

\`\`\`
Data.Conduit.Zlib
  Data.Conduit.Zlib
    idempotent
      +++ OK, passed 100 tests.
    flush
      +++ OK, passed 100 tests.
    compressFlush large data
    uncompressed after compressed
    multiple compressed values
    single compressed, multiple uncompressed chunks
    multiple, over 32k

Failures:

  test/Data/Conduit/Process/TypedSpec.hs:11:3:
  1) Data.Conduit.Process.Typed cat works
       uncaught exception: ExitCodeException
       Received ExitFailure (-15) when running
       Raw command: cat ChangeLog.md

  To rerun use: --match "/Data.Conduit.Process.Typed/cat works/"

Randomized with seed 1535173165

Finished in 5.7955 seconds
132 examples, 1 failure
Test suite test: FAIL
Test suite logged to: dist/test/conduit-extra-1.3.0-test.log
0 of 1 test suites (0 of 1 test cases) passed.
builder for '/nix/store/8xj8312lhm16pg5vdcbf08j2dx6wqmly-conduit-extra-1.3.0.drv' failed with exit code 1
cannot build derivation '/nix/store/15mchi3fwi3phwa0b249wzc6sankz09j-monad-logger-0.3.29.drv': 1 dependencies couldn't be built
building '/nix/store/bf7g7bnwpz0fq57dv8nxlh76q69yc395-vault-0.3.1.2.drv'...
\`\`\``,
  },
  comments: [
    ['c-prussin', 'OWNER', `Hm, this looks like a known problem in \`conduit-extra\`, already reported at https://github.com/snoyberg/conduit/issues/385.  I don't see how nixjs itself could fix it; my guess is that we either wait until the test gets fixed upstream, or add an overlay on nixpkgs that swaps conduit for a custom package with its tests turned off.`],
    ['c-prussin', 'OWNER', `Some more information: the same failure has shown up in hydra builds of nixpkgs before and was written off as a transient one (see https://github.com/NixOS/nixpkgs/issues/47218), so I doubt nixjs plays any part in it, apart from you rebuilding that package rather than pulling it from the cache.  I'll keep digging, but for now I'd call it a nixpkgs bug and not a nixjs one (we could still put some kind of workaround into nixjs along the lines of my previous comment--I'm open to that if we can work out how)`],
    ['c-prussin', 'OWNER', `Closing this ticket, since it now looks well established that the problem lies in \`conduit\` itself and could hit any nix build, with or without \`nixjs\`.  A workaround inside nixjs is still welcome and I would accept a PR for one if you want to write it @b-barker , but I don't think it's worth tracking as a nixjs issue.`],
  ],
  items: [
    { repo: 'NixOS/nixpkgs', number: 42833, title: 'PureScript tooling does not build on NixOS', state: 'closed', state_reason: 'completed', author: 'ps-user', created_at: '2018-07-01T10:00:00Z',
      body: 'Building the PureScript tools from nixpkgs fails on NixOS.' },
    { repo: 'NixOS/nixpkgs', number: 47218, title: 'haskellPackages.conduit-extra broken on master', state: 'closed', state_reason: 'completed', author: 'x-eji', created_at: '2018-09-23T10:00:00Z',
      body: `## Issue description

In the latest hydra eval on master (d9f7d27ef54) one test case fails: https://hydra.nixos.org/build/81861609
Many other Haskell packages break because of it.

The failure seems non-deterministic: the same nixpkgs revision builds fine (in a sandbox) on my own x86_64-linux machine.` },
    { repo: 'snoyberg/conduit', number: 385, title: 'conduit-extra-1.3.0 test suite failure', state: 'closed', state_reason: 'completed', author: 'p-simons', created_at: '2018-08-16T10:00:00Z',
      body: `From https://hydra.nixos.org/build/79515049:

~~~
Failures:

  test/Data/Conduit/Process/TypedSpec.hs:11:3: 
  1) Data.Conduit.Process.Typed cat works
       uncaught exception: ExitCodeException
       Received ExitFailure (-15) when running
       Raw command: cat ChangeLog.md

  To rerun use: --match "/Data.Conduit.Process.Typed/cat works/"

Randomized with seed 390678105

Finished in 13.9591 seconds
132 examples, 1 failure
Test suite test: FAIL
~~~` },
  ],
  gold: {
    status: { must_contain: ['closed', 'snoyberg/conduit#385'], must_not_contain: ['fixed', 'not planned'] },
    links: [
      { from: 'cprussin/nixjs#3', to: 'NixOS/nixpkgs#42833', kind: 'mentions' },
      { from: 'cprussin/nixjs#3', to: 'snoyberg/conduit#385', kind: 'mentions' },
      { from: 'cprussin/nixjs#3', to: 'NixOS/nixpkgs#47218', kind: 'mentions' },
    ],
    linked_pulls: [],
    sections: {
      error_messages: ['Received ExitFailure (-15) when running', "conduit-extra-1.3.0.drv' failed with exit code 1"],
      root_cause: ['known problem in conduit-extra', 'rebuilding that package rather than pulling it from the cache'],
      workaround: ['overlay on nixpkgs'],
      fix: [],
    },
    must_not: { workaround: ['would accept a PR'], fix: ['wait until the test gets fixed upstream'] },
    notes: ['The owner closes because the failure is a known conduit-extra test problem tracked in snoyberg/conduit#385 (given as a URL), not a nixjs bug; the status must name that issue and claim no fix. The overlay that disables the tests is the only workaround offered (hedged); an offer to accept a PR is not one, and waiting for an upstream fix is no fix.'],
  },
};
