// Owner admits the case is unsupported, later says it is resolved in 2.0.0.
export default {
  url: 'https://github.com/updatest/feedback/issues/282',
  split: 'heldout',
  ecosystem: 'swift',
  styles: ['cause stated as fact', 'fixed in a named release', 'quoted thanks'],
  repo: 'updatest/feedback',
  issue: {
    number: 282, title: '[BUG] MediaMate same version', state: 'closed', state_reason: 'completed',
    author: 'johnny-fire', labels: ['bug'], created_at: '2026-02-02T08:00:00Z',
    body: `as you can see this happened! the only way out is to skip it, but is there another way to fix it?

<img width="1447" height="1111" alt="Image" src="https://github.com/user-attachments/assets/91c59e56-0ec3-48d4-a111-3185c90f41f6" />`,
  },
  comments: [
    ['huge-irl', 'OWNER', "Hey @johnny-fire,\n\nmy version comparison doesn't handle this case yet, I'll add it!"],
    ['johnny-fire', 'NONE', "> Hey @johnny-fire,\n> \n> my version comparison doesn't handle this case yet, I'll add it!\n\nThank you, truly!"],
    ['huge-irl', 'OWNER', 'Hey @johnny-fire this should be resolved in Updatest 2.0.0. Let me know if you still see it.'],
  ],
  gold: {
    status: { must_contain: ['fixed', '2.0.0'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      root_cause: ["my version comparison doesn't handle this case yet"],
      fix: ['resolved in Updatest 2.0.0'],
      workaround: ['skip it'],
    },
    notes: ['The owner states the cause (an unsupported version format) and later the release that fixes it. The reporter\'s "skip it" is the only way around before the fix.'],
  },
};
