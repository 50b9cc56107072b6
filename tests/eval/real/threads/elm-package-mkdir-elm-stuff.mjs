// A body without a single comment: numbered steps that are bare inline
// commands, the error in an inline span in the middle of a sentence, the
// reporter's own way past it in the next paragraph ("I had to run mkdir
// elm-stuff, then elm make once more"), a suggestion that reads like a cause
// but is a request, and the version under an "EDIT:" as an unfenced
// command with its output. Closed without a word: no fix, no cause.
export default {
  url: 'https://github.com/elm-lang/elm-package/issues/244',
  reconstructed: 'who closed the issue (the stored copy has no comment; taken to be the reporter)',
  split: 'tuning',
  ecosystem: 'elm',
  styles: ['workaround in the body', 'numbered steps of bare inline commands', 'error in an inline span in prose', 'suggestion that reads like a cause', 'version after an EDIT: line, unfenced', 'closed without a comment'],
  repo: 'elm-lang/elm-package',
  issue: {
    number: 244, title: 'Exception when checking out a project for the first time', state: 'closed', state_reason: 'completed',
    author: 'stevenheidel', created_at: '2016-10-15T09:00:00Z', closer: 'stevenheidel',
    body: `Steps to reproduce:
1. \`git clone git@github.com:elm-lang/core.git\`
2. \`cd core\`
3. \`elm make\`

This gives an odd exception: \`elm-make: elm-stuff/exact-dependencies.json: openBinaryFile: does not exist (No such file or directory)\`

To get past it I had to run \`mkdir elm-stuff\`, then \`elm make\` once more, and that time it went through.

I'd say either the message should be clearer or the elm-stuff directory should just get created automatically.

EDIT:
elm --version
0.17.1`,
  },
  comments: [],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate', 'not planned'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: ['elm-stuff/exact-dependencies.json: openBinaryFile: does not exist'],
      reproduction: ['git clone git@github.com:elm-lang/core.git', 'cd core', 'elm make'],
      environment: ['0.17.1'],
      root_cause: [],
      fix: [],
      workaround: ['had to run mkdir elm-stuff'],
    },
    must_not: {
      workaround: ['should just get created automatically'],
      fix: ['should just get created automatically', 'mkdir elm-stuff'],
      environment: ['exact-dependencies.json'],
    },
    notes: [
      'The reproduction is the reporter\'s numbered list, three bare commands in inline code: clone elm-lang/core, cd core, elm make. The error is an inline span in the next sentence: one error item (elm-make complaining that elm-stuff/exact-dependencies.json does not exist).',
      'The workaround is in the body, in the reporter\'s own words: create the directory by hand (mkdir elm-stuff) and run elm make again, which then works. It is the way past the problem, not a fix in elm-package.',
      'The paragraph after it is a request (a clearer message, or create elm-stuff automatically). It hints at what goes wrong but nobody states a cause, and it is no workaround and no fix either; the root cause stays empty.',
      'The version is given under "EDIT:" as an unfenced command (elm --version) with its output on the next line: the environment item is 0.17.1. The issue is closed without any comment: no fix, no pull, no duplicate.',
    ],
  },
};
