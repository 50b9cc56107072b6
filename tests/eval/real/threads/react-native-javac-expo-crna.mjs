// A Gradle "FAILURE: Build failed with an exception." block pasted without a
// fence under template headings; a collaborator names the cause in one line.
export default {
  url: 'https://github.com/react/react-native/issues/21512',
  split: 'tuning',
  ecosystem: 'react-native',
  styles: ['unfenced Gradle failure block', 'environment template', 'one-line cause from a collaborator'],
  repo: 'react/react-native',
  issue: {
    number: 21512, title: "Execution failed for task ':app:compileDebugJavaWithJavac'.", state: 'closed', state_reason: 'completed',
    author: 'd-hawk1', created_at: '2018-10-05T10:00:00Z', closer: 'kel-set',
    body: `## Environment
  OS: Windows 10
  Node: 10.11.0
  Yarn: 1.10.1
  npm: 6.4.1
  Watchman: Not Found
  Xcode: N/A
  Android Studio: Version  3.2.0.0 AI-181.5540.7.32.5014246

Packages: (wanted => installed)
  react: 16.3.1 => 16.3.1
  react-native: https://github.com/expo/react-native/archive/sdk-30.0.0.tar.gz => 0.55.4

## Description

react-native run-android wont work for me, every time i get this error: 
8 errors
:app:compileDebugJavaWithJavac FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':app:compileDebugJavaWithJavac'.
> Compilation failed; see the compiler error output for details.

## Reproducible Demo
Blank project, i'm only following this tutorial: https://www.youtube.com/watch?v=6ZnfsJ6mM5c&t=398s`,
  },
  comments: [
    ['kel-set', 'COLLABORATOR', "It comes from using Expo/CRNA, and with that setup I doubt `react-native run-android` can work at all."],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate', 'not planned'] },
    sections: {
      error_messages: ["Execution failed for task ':app:compileDebugJavaWithJavac'"],
      environment: ['OS: Windows 10', 'Node: 10.11.0', 'Yarn: 1.10.1', 'npm: 6.4.1', 'Android Studio: Version 3.2.0.0',
        'react: 16.3.1 => 16.3.1', 'sdk-30.0.0.tar.gz => 0.55.4'],
      reproduction: ['watch?v=6ZnfsJ6mM5c'],
      root_cause: ['using Expo/CRNA'],
      fix: [],
      workaround: [],
    },
    must_not: { fix: ['using Expo/CRNA'], workaround: ['using Expo/CRNA'] },
    notes: ['The Gradle failure is pasted without a fence, so "* What went wrong:" renders as a list item and "> Compilation failed" as a quote; it is one error, named by its "Execution failed for task" line. The collaborator\'s one line is the cause (an Expo/CRNA project, where run-android does not apply); it offers no fix or workaround.'],
  },
};
