// Versions as command output; "Working on it"; the reporter closes when it works.
export default {
  url: 'https://github.com/dart-archive/js_facade_gen/issues/13',
  split: 'heldout',
  ecosystem: 'typescript',
  styles: ['versions in command output', 'fenced shell prompt', 'self-closed'],
  repo: 'dart-archive/js_facade_gen',
  issue: {
    number: 13, title: 'Install fails with cannot find module error', state: 'closed', state_reason: 'completed',
    author: 'suresh-g', created_at: '2016-10-14T10:00:00Z',
    body: `Followed the install step and it fails like this.

\`\`\`
$ npm i
> dart_js_facade_gen@0.0.2-dev prepublish /Users/xxxx/code/dart/js_facade_gen
> gulp compile

[16:22:47] Using gulpfile ~/code/dart/js_facade_gen/gulpfile.js
[16:22:47] Starting 'compile'...
lib/base.ts(2,23): error TS2307: Cannot find module 'path'.
\`\`\`

\`\`\`
$ node -v
v6.2.0
$ npm -v
3.8.9
\`\`\``,
  },
  comments: [
    ['kev-moo', 'MEMBER', 'On it'],
    ['suresh-g', 'NONE', "It works now with the `npm install` command. Closing the ticket."],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ["error TS2307: Cannot find module 'path'."],
      environment: ['v6.2.0', '3.8.9'],
      reproduction: ['npm i'],
      root_cause: [],
    },
    must_not: { root_cause: ['On it'] },
    notes: ['node and npm versions are command output. The reporter closes once npm install works (after a change on the maintainer side).'],
  },
};
