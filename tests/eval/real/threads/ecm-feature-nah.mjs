// A feature-request form answered "Nah." and closed.
export default {
  url: 'https://github.com/MotWakorb/enhancedchannelmanager/issues/63',
  split: 'heldout',
  ecosystem: 'python',
  styles: ['feature request', 'issue form', 'one-word refusal'],
  repo: 'MotWakorb/enhancedchannelmanager',
  issue: {
    number: 63, title: '[Feature]: built in feature requests', state: 'closed', state_reason: 'not_planned',
    author: 'deeker-man', labels: ['enhancement'], created_at: '2026-04-16T10:00:00Z',
    body: `### What would you like this feature to do?

an option on the options page where i can request features without going through this every time

### How would you suggest implementing?

carefully

### How critical do you think this is?

Critical - Can't effectively use ECM without it

### Additional Context

THANKS!`,
  },
  comments: [['mot-wakorb', 'OWNER', 'Nah.']],
  gold: {
    status: { must_contain: ['not planned'], must_not_contain: ['fixed', 'completed'] },
    sections: {
      summary: ['an option on the options page where i can request features'],
      error_messages: [],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    notes: ['A feature request refused in one word and closed as not planned.'],
  },
};
