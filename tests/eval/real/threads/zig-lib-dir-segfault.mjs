// Issue form whose reproduction is one command in prose; a member names the
// likely cause (a pull that made the compiler and its lib directory
// mismatch), a contributor confirms it, and the reporter says a newer dev
// build fixes it. No numbered steps.
export default {
  url: 'https://github.com/ziglang/zig/issues/13875',
  reconstructed: '#13821 (named, not shown: title and body invented); author associations and who closed the issue (taken to be the reporter)',
  split: 'tuning',
  ecosystem: 'zig',
  styles: ['single command in prose', 'issue form', 'hedged cause confirmed', 'fixed in a dev build, reporter\'s word'],
  repo: 'ziglang/zig',
  issue: {
    number: 13875, title: 'segfault with zig-lib-dir', state: 'closed', state_reason: 'completed',
    author: 'pyro-l', author_association: 'CONTRIBUTOR', labels: ['bug'], created_at: '2022-12-10T08:00:00Z',
    body: `### Zig Version

0.11.0-dev.672+e94504543

### Steps to Reproduce and Observed Behavior

Just execute \`zig test --zig-lib-dir lib lib/std/enums.zig\`

It crashes
\`\`\`sh
zsh: segmentation fault  zig test --zig-lib-dir lib lib/std/enums.zig
\`\`\`

### Expected Behavior

The test should run and pass.`,
  },
  comments: [
    ['pyro-l', 'CONTRIBUTOR', 'A very old zig build I still have around (@ 8a5818535) does not crash on it.'],
    ['kc-ban', 'CONTRIBUTOR', `The version numbers are listed in the build results of the tarball builder actions (https://github.com/ziglang/www.ziglang.org/actions), for instance https://github.com/ziglang/www.ziglang.org/actions/runs/3657177569/jobs/6180475220. With such a number you can fetch the build from \`https://ziglang.org/builds/zig-<os>-<arch>-<version>.(tar|xz)\`

The oldest build I keep here is \`0.11.0-dev.537+36da3000c\`, and it crashes on that one too.`],
    ['vexu-z', 'MEMBER', 'Probably due to #13821. Are you sure your Zig executable and your lib directory are the same version?'],
    ['kc-ban', 'CONTRIBUTOR', 'Looks right: with `.672+e94504543` I am able to build `e4874d842ec3a771a5c438b4c48020a74c221935`, the commit just before #13821 went in.'],
    ['pyro-l', 'CONTRIBUTOR', 'Got it. Then it should go away once a build made after #13821 is published.'],
    ['pyro-l', 'CONTRIBUTOR', 'fixed now on 0.11.0-dev.681+f02073434'],
  ],
  items: [
    { type: 'pull', number: 13821, title: 'Compiler and standard library changes', state: 'closed', merged: true, author: 'zig-dev', created_at: '2022-12-08T10:00:00Z', body: 'Changes to the compiler and to lib/std.' },
  ],
  gold: {
    links: [{ from: 'ziglang/zig#13875', to: 'ziglang/zig#13821', kind: 'mentions' }],
    linked_pulls: ['ziglang/zig#13821'],
    status: { must_contain: ['fixed', '0.11.0-dev.681'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['zsh: segmentation fault'],
      reproduction: ['zig test --zig-lib-dir lib lib/std/enums.zig'],
      environment: ['0.11.0-dev.672+e94504543'],
      root_cause: ['Probably due to #13821'],
      fix: ['fixed now on 0.11.0-dev.681+f02073434'],
      workaround: [],
    },
    must_not: {
      environment: ['0.11.0-dev.681+f02073434'],
      workaround: ['ziglang.org/builds', 'does not crash on it'],
      reproduction: ['ziglang.org/builds'],
    },
    notes: [
      'The whole reproduction is the one command in the "Steps to Reproduce" prose; the fenced line is its output. A member names #13821 as the likely cause (executable and lib directory from different versions), a contributor confirms it, and the reporter says 0.11.0-dev.681+f02073434 fixes it, so the status is fixed on that build, on the reporter\'s word.',
      'The build-download instructions serve bisecting and the old build is only a comparison; neither is a workaround. 0.11.0-dev.681+f02073434 is the fixing build, not the environment.',
    ],
  },
};
