// A half-filled bold-label template in non-native English: the title and
// the first sentence are a demand, the cause is a clause of the same
// sentence, and the reporter's own workaround is the "Additional context".
// The owner answers once, in his own words: he has released a new version
// whose hook should set the variable, and asks the reporter to say whether
// it works and to reopen if not. No pull, no commit, no confirmation.
export default {
  url: 'https://github.com/hensou/asdf-dotnet/issues/61',
  reconstructed: 'who closed the issue (taken to be the owner who answered)',
  split: 'tuning',
  ecosystem: 'dotnet',
  styles: ['fix stated in words: new release with a hook', 'hedged fix, reopen invitation', 'bold-label template, half filled', 'workaround in the body', 'cause as a clause', 'non-native english', 'no error text'],
  repo: 'hensou/asdf-dotnet',
  issue: {
    number: 61, title: 'DOTNET_ROOT must be setted', state: 'closed', state_reason: 'completed',
    author: 'matsa-59', labels: ['bug'], created_at: '2025-05-02T08:00:00Z', closer: 'hensou',
    body: `**Describe the bug**

asdf MUST set the \`DOTNET_ROOT\` env. Without it csharp_ls was broken, since it uses this variable.

**Additional context**

When I use the script \`set-dotnet-env.zsh\` (or the bash one), \`DOTNET_ROOT\` is set and \`csharp_ls\` works`,
  },
  comments: [
    ['hensou', 'OWNER', `Just released a new version (v1.4.0) that uses an \`exec-env\` script. The idea is that this hook sets \`DOTNET_ROOT\` automatically. Tell me if this version works for you, and feel free to reopen this if it does not.`],
  ],
  gold: {
    status: { must_contain: ['fixed', '1.4.0'], must_not_contain: ['duplicate', 'not planned', 'reopened'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: [],
      root_cause: ['since it uses this variable'],
      fix: ['released a new version (v1.4.0)', 'sets DOTNET_ROOT automatically'],
      workaround: ['set-dotnet-env.zsh'],
    },
    must_not: {
      fix: ['set-dotnet-env.zsh'],
      workaround: ['v1.4.0', 'exec-env'],
      environment: ['v1.4.0'],
      root_cause: ['feel free to reopen'],
    },
    notes: [
      'The owner states the fix in his own words, not as "fixed in X": he has released v1.4.0, whose exec-env hook is meant to set DOTNET_ROOT automatically, and asks the reporter to tell him whether it works and to reopen if not. The reporter never answers, so the status rests on the owner\'s word: fixed in 1.4.0, closed; nothing was reopened, and there is no pull or commit.',
      'The cause is a clause of the reporter\'s demand: the plugin does not set DOTNET_ROOT, and csharp_ls relies on that variable. The reporter\'s "Additional context" is a workaround he already uses (source the plugin\'s set-dotnet-env.zsh or its bash twin), not the fix; the new release is the fix, not a workaround, and not an environment fact.',
      'There is no error text, no steps and no versions of the reporter\'s setup, so error_messages is empty and the reproduction and environment are not judged (beyond the must-not).',
    ],
  },
};
