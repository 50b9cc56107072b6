// A gem release that broke require; a member says in words that it is fixed
// and names the release to update to. No pull, no commit.
export default {
  url: 'https://github.com/phobos/phobos/issues/150',
  reconstructed: 'who closed the issue (taken to be the member who answered)',
  split: 'tuning',
  ecosystem: 'ruby',
  styles: ['terse', 'fixed in a named release, no pull', 'cause stated as fact', 'error in inline code'],
  repo: 'phobos/phobos',
  issue: {
    number: 150, title: 'LoadError in 2.1.1', state: 'closed', state_reason: 'completed',
    author: 'ma-cav', created_at: '2022-01-27T09:00:00Z', closer: 'd-orner',
    body: `Since I moved to version 2.1.1, \`require 'phobos'\` fails for me with \`LoadError: cannot load such file -- phobos/configuration\`. 
Ruby 3.0.3.
Tell me if you need anything else.
Thanks.`,
  },
  comments: [
    ['d-orner', 'MEMBER', `@ma-cav thank you for letting us know! That's fixed now. We made a mistake in packaging the gem before it was pushed. :(`],
    ['d-orner', 'MEMBER', 'Please upgrade once more, this time to 2.1.2.'],
  ],
  gold: {
    status: { must_contain: ['fixed', '2.1.2'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['LoadError: cannot load such file -- phobos/configuration'],
      environment: ['2.1.1', 'Ruby 3.0.3'],
      reproduction: ["require 'phobos'"],
      root_cause: ['mistake in packaging the gem'],
      fix: ['upgrade once more, this time to 2.1.2'],
      workaround: [],
    },
    must_not: { environment: ['2.1.2'], root_cause: ['Tell me if you need anything else'] },
    notes: ['A member states the cause (a packaging mistake in the pushed gem) and says in words that it is fixed, naming 2.1.2 as the release to take; there is no pull or commit. 2.1.1 is the broken version the reporter runs, 2.1.2 is the fix, not part of the environment; upgrading is the fix, so no workaround is known.'],
  },
};
