// Versions in a prose sentence, a log between <<< and >>> markers, and
// a question about later versions.
export default {
  url: 'https://github.com/gradle/gradle/issues/2509',
  reconstructed: 'the comment of the member past its first sentence',
  split: 'heldout',
  ecosystem: 'java',
  styles: ['versions in prose', 'unfenced log with timestamps', 'flaky'],
  repo: 'gradle/gradle',
  issue: {
    number: 2509, title: 'Exception java.lang.NullPointerException in the middle of native Gradle build', state: 'closed', state_reason: 'completed',
    author: 'franz-k', labels: ['a:bug', 'affects-version:2.14', 'from:contributor', 'in:core'], created_at: '2017-07-19T10:00:00Z',
    body: `Midway through a native Gradle build (still on Gradle 2.14.1) we get this:
<<<
FAILURE: Build failed with an exception.
12:40:16 
12:40:16 * What went wrong:
12:40:16 java.lang.NullPointerException (no error message)
12:40:16 
12:40:16 BUILD FAILED
>>>
It does not reproduce and shows up at random, mostly in Jenkins automation (CI server).
The question is mainly whether others have seen it and whether later Gradle versions fix it.

### Steps to Reproduce (for bugs)
An arbitrary native C and ASM build. Breaks at random in between.

### Your Environment
Gradle version is 2.14.1. Jenkins ver. 1.580.3, Java VM 1.8.0_25-b18.`,
  },
  comments: [
    ['lacasse-io', 'MEMBER', 'Thanks for the report. Without a stack trace we cannot tell where this comes from; please try with a recent Gradle and run with --stacktrace when it happens again.'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ['java.lang.NullPointerException (no error message)'],
      environment: ['Gradle version is 2.14.1', 'Jenkins ver. 1.580.3', '1.8.0_25-b18'],
      root_cause: [],
      fix: [],
    },
    must_not: { root_cause: ['Without a stack trace'] },
    notes: ['Versions are in one prose sentence. The member asks for a stack trace: a request, not a cause.'],
  },
};
