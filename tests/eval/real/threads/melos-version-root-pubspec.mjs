// Issue form whose "### Steps to reproduce" is a numbered list of bare
// inline commands, two of them malformed ("1.`dart ...`" with no space, so
// Markdown folds them into the first item); the same steps are told again
// as prose with console output in the description. A member answers in one
// line that it is no bug (the version shown is the one pinned in the root
// pubspec) and closes: the status lives only in words, nothing is fixed.
export default {
  url: 'https://github.com/invertase/melos/issues/738',
  reconstructed: 'the end of the last comment (the stored copy breaks off after "outside of a monorepo and you"); author associations; who closed the issue and how (taken to be the member, as completed)',
  split: 'tuning',
  ecosystem: 'dart',
  styles: ['issue form', 'numbered steps of bare inline commands', 'malformed list items', 'steps repeated as prose', 'not a bug, closed in words'],
  repo: 'invertase/melos',
  issue: {
    number: 738, title: 'fix: `melos --version` shows wrong value', state: 'closed', state_reason: 'completed',
    author: 'fein-st', labels: ['bug'], created_at: '2024-07-22T08:00:00Z', closer: 'spy-d',
    body: `### Is there an existing issue for this?

- [X] I have searched the existing issues.

### Version

6.1.0 or 3.2.0

### Description

Running \`melos --version\` prints:

\`\`\`console
3.2.0
There is a new version of melos available (6.1.0).
\`\`\`

So I do \`dart pub global deactivate melos\` followed by \`dart pub global activate melos\`, which gives me this:

\`\`\`console
....
+ typed_data 1.3.2
+ uri 1.0.0
+ web 1.0.0
+ yaml 3.1.2
+ yaml_edit 2.2.1
Building package executables...
Built melos:melos.
Installed executable melos.
Activated melos 6.1.0.
\`\`\`

After that, \`melos --version\` still prints:

\`\`\`console
3.2.0
There is a new version of melos available (6.1.0).
\`\`\`

### Steps to reproduce

1. \`melos --version\`
1.\`dart pub global deactivate melos\`
1.\`dart pub global activate melos\`
1. \`melos --version\`

### Expected behavior

\`melos --version\` ought to print 6.1.0

### Additional context and comments

Dart SDK version: 3.4.3 (stable) (Tue Jun 4 19:51:39 2024 +0000) on "macos_arm64"`,
  },
  comments: [
    ['spy-d', 'MEMBER', 'The version it prints is the one you pinned in your root pubspec, so this isn\'t a bug.'],
    ['fein-st', 'NONE', 'What do you mean, the version in my root pubspec.yaml? And how do I find out which version of the melos tool is installed on my system?'],
    ['spy-d', 'MEMBER', 'Run `melos --version` somewhere outside of a monorepo and it shows the version you installed globally.'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    sections: {
      error_messages: [],
      reproduction: ['dart pub global deactivate melos', 'dart pub global activate melos', 'melos --version'],
      environment: ['Dart SDK version: 3.4.3', '6.1.0 or 3.2.0'],
      root_cause: ['pinned in your root pubspec'],
      fix: [],
      workaround: [],
    },
    must_not: {
      root_cause: ['how do I find out which version', 'There is a new version of melos available'],
      workaround: ['outside of a monorepo'],
      fix: ['outside of a monorepo', 'ought to print 6.1.0'],
      error_messages: ['There is a new version of melos available'],
    },
    notes: [
      'The steps are four bare inline commands under the form heading; items two and three lack the space after "1." and are not list items in Markdown, so a reader still counts them as steps (deactivate, then activate, then ask for the version again). The description tells the same sequence in prose with console output; it adds no steps. The "Expected behavior" line is context, not a step.',
      'There is no error: the console output is the wrong version plus an update notice, which is the symptom, not an error message. The "Version" field ("6.1.0 or 3.2.0") and the Dart SDK line are the environment.',
      'A member says in words that it is not a bug and gives the reason, which is the root cause: the version shown is the one pinned in the root pubspec. The closing state says nothing more, so the status is closed with no fix and no duplicate. The last comment tells the reporter how to see the globally installed version; it answers a question and is no workaround for a bug, and the reporter\'s question is no cause.',
    ],
  },
};
