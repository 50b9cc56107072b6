// The error exists only in the title, cut off after "in". The body, in
// terse non-native English under a bold template label, is half complaint,
// half feature request, with a command in an inline span fenced by triple
// backticks. The owner offers an action input, the reporter says it works
// but is too global, the owner then offers two per-command prefixes, one of
// them an environment variable, with a docs link; the reporter rejects the
// one, picks the environment variable and thanks him. Nothing changes in
// the action.
export default {
  url: 'https://github.com/shivammathur/setup-php/issues/207',
  reconstructed: 'who closed the issue (taken to be the owner)',
  split: 'tuning',
  ecosystem: 'php',
  styles: ['environment-variable workaround in a middle comment', 'confirmed by the reporter', 'error only in the title', 'feature request in the body', 'inline code in triple backticks', 'two workarounds, one rejected as too global', 'terse non-native english'],
  repo: 'shivammathur/setup-php',
  issue: {
    number: 207, title: 'Allowed memory size of 1610612736 bytes exhausted (tried to allocate 4096 bytes) in', state: 'closed', state_reason: 'completed',
    author: 'hugh-cube', created_at: '2020-04-02T08:00:00Z', closer: 'shivammathur',
    body: `**Describe the bug**
It happens when composer install the dependencies

Now the global memory limit is modified, but is not suitable
Suggest to put \`\`\`php -d memory_limit=-1\`\`\` in front of the composer command`,
  },
  comments: [
    ['shivammathur', 'OWNER', 'If you want `memory_limit=-1`, set it with the `ini-values` input.'],
    ['hugh-cube', 'NONE', 'I know that one works, but it is a global setting, I only need it for composer install'],
    ['shivammathur', 'OWNER', `Other options would be to put \`php -d memory_limit=-1\` or \`COMPOSER_MEMORY_LIMIT=-1\` in front of your composer commands

See this - https://getcomposer.org/doc/articles/troubleshooting.md#memory-limit-errors`],
    ['hugh-cube', 'NONE', `Php  -d memory_limit=-1 has to know its path
COMPOSER_MEMORY_LIMIT=-1 is the best choice
Thank you very much`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate', 'not planned'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: ['Allowed memory size of 1610612736 bytes exhausted'],
      root_cause: [],
      fix: [],
      workaround: ['COMPOSER_MEMORY_LIMIT=-1', 'with the ini-values input'],
    },
    must_not: {
      fix: ['COMPOSER_MEMORY_LIMIT=-1', 'ini-values', 'Thank you very much'],
      root_cause: ['has to know its path', 'it is a global setting'],
      environment: ['1610612736'],
    },
    notes: [
      'The way out the reporter takes is an environment variable: in a middle comment the owner (not the reporter) suggests prefixing the composer commands with COMPOSER_MEMORY_LIMIT=-1 (or php -d memory_limit=-1) and links Composer\'s troubleshooting page; the reporter\'s last comment confirms COMPOSER_MEMORY_LIMIT=-1 as "the best choice". That comment is a workaround item (instruction, both prefixes, the link). The owner\'s first answer, the action\'s ini-values input, is a second workaround: the reporter says it works but is too global for him. Neither changes the action, so the fix section stays empty and the status must not say fixed.',
      'The only error text is the title, cut off after "in": one error item. The body\'s suggestion to prepend php -d memory_limit=-1 is a feature request for the action, not a workaround the reporter applied; it is left unjudged.',
      'No cause is explained: "the global memory limit is modified, but is not suitable" is a complaint, and "has to know its path" is why the reporter prefers one prefix over the other. The memory figure in the error is no environment fact.',
    ],
  },
};
