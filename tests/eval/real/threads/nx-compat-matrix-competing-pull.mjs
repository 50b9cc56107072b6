// A documentation issue filed through an issue form (checkboxes and link
// lists, no prose of the reporter's own) and, the same day, a pull by the
// same reporter whose body says "Fixes #26079". A member answers both in
// words with a pull URL: it "was fixed with" #23905, a docs pull merged four
// days earlier that names no issue ("Fixes #" left empty). The reporter's
// pull is closed unmerged. So the issue carries a closing keyword from a
// pull that fixed nothing, and its real fix is linked only by a URL in a
// comment.
export default {
  url: 'https://github.com/nrwl/nx/issues/26079',
  reconstructed: 'author associations (FrozenPandaz and leosvelperez taken as MEMBER); who closed the issue and #26080 (taken to be FrozenPandaz, who answered both)',
  split: 'tuning',
  ecosystem: 'angular',
  styles: ['fix stated in words with a pull URL', 'closed-unmerged competing pull by the reporter', 'fix keyword in an unmerged pull', 'merged fix that names no issue', 'issue form with checkboxes and links only', 'docs issue, no error'],
  repo: 'nrwl/nx',
  issue: {
    number: 26079, title: 'Angular - Compat matrix', state: 'closed', state_reason: 'completed',
    author: 'PieterjanDeClippel', labels: ['type: docs'], created_at: '2024-05-25T09:00:00Z', closer: 'FrozenPandaz',
    body: `### Documentation issue

- [ ] Reporting a typo
- [ ] Reporting a documentation bug
- [x] Documentation improvement
- [ ] Documentation feedback

### Is there a specific documentation page you are reporting?

- [nx.dev](https://nx.dev/nx-api/angular/documents/angular-nx-version-matrix)
- [Github](https://github.com/nrwl/nx/blob/af463c4833723e7bd8829f07baec8bf5d3a50649/docs/shared/packages/angular/angular-nx-version-matrix.md?plain=1#L17)

### Additional context or description

- [StackOverflow](https://stackoverflow.com/questions/78525195/can-we-use-angular-18-on-nx-18-2-0/78526494?noredirect=1#comment138450309_78526494)`,
  },
  comments: [
    ['FrozenPandaz', 'MEMBER', 'This got fixed with https://github.com/nrwl/nx/pull/23905.'],
  ],
  items: [
    { type: 'pull', number: 23905, title: 'docs(angular): add angular 18 to nx and angular compatibility version docs', state: 'closed', merged: true,
      author: 'leosvelperez', author_association: 'MEMBER', created_at: '2024-05-21T10:00:00Z', closed_at: '2024-05-25T09:45:00Z', closer: 'leosvelperez',
      body: `https://nx-dev-git-docs-update-nx-ng-matrix-nrwl.vercel.app/nx-api/angular/documents/angular-nx-version-matrix

## Current Behavior

## Expected Behavior

## Related Issue(s)

Fixes #` },
    { type: 'pull', number: 26080, title: 'docs(angular) - NX 19.1 - Angular 18.0 - TTR 2 minutes (#26079)', state: 'closed', merged: false,
      author: 'PieterjanDeClippel', created_at: '2024-05-25T09:30:00Z', closer: 'FrozenPandaz',
      body: `## Current Behavior

## Expected Behavior

## Related Issue(s)

Fixes #26079`,
      comments: [
        ['FrozenPandaz', 'MEMBER', 'Thanks for contributing! This got fixed with https://github.com/nrwl/nx/pull/23905, it was only waiting to be merged. Thanks anyway!'],
      ] },
  ],
  gold: {
    status: { must_contain: ['fixed', '#23905'], must_not_contain: ['fixed by #26080', 'duplicate', 'not planned'] },
    links: [
      { from: 'nrwl/nx#26079', to: 'nrwl/nx#23905', kind: 'mentions' },
      { from: 'nrwl/nx#26080', to: 'nrwl/nx#26079', kind: 'cross_referenced' },
      { from: 'nrwl/nx#26080', to: 'nrwl/nx#26079', kind: 'closes', optional: true },
      { from: 'nrwl/nx#26080', to: 'nrwl/nx#26079', kind: 'mentions', optional: true },
    ],
    linked_pulls: ['nrwl/nx#23905', 'nrwl/nx#26080'],
    sections: {
      error_messages: [],
      environment: [],
      root_cause: [],
      fix: ['This got fixed with', 'add angular 18 to nx and angular compatibility version docs', 'docs-update-nx-ng-matrix'],
      workaround: [],
    },
    must_not: {
      fix: ['TTR 2 minutes'],
      environment: ['NX 19.1', 'Angular 18.0'],
    },
    notes: [
      'The status comes from a member\'s words on the issue, "This got fixed with" and the URL of #23905, a merged docs pull (add angular 18 to the nx and angular compatibility matrix). #23905 names no issue (its "Fixes #" is left empty), so the only edge to it is the mention from the comment; it is the fix, on a maintainer\'s word.',
      'The reporter\'s own pull #26080 says "Fixes #26079" but was closed unmerged, with the member pointing to #23905 again: it is a linked pull (GitHub records its cross-reference on the issue) and must not be shown as the fix. Whether a closing keyword in a closed, unmerged pull draws a closes edge (and whether the tool also draws a mention) is left open, as in cpp-docs-unmerged-already-fixed; its title ("TTR 2 minutes") is no fix item.',
      'The merged pull\'s description is only the address of a preview deployment (…docs-update-nx-ng-matrix…) and an empty template; by the gold rules the description of a merged fix is asked for, so its one non-empty line is.',
      'The issue is a documentation request made of checkboxes and link lists: no error, no environment (the versions in the unmerged pull\'s title are not the reporter\'s setup), no cause, no workaround. The reproduction is not judged.',
    ],
  },
};
