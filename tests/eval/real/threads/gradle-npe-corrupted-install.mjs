// Template; the error in a single-backtick span over many lines; a
// maintainer's hedged cause and advice.
export default {
  url: 'https://github.com/gradle/gradle/issues/8633',
  reconstructed: 'the Gradle releases address in the last comment',
  split: 'tuning',
  ecosystem: 'java',
  styles: ['stray backtick span', 'hedged cause', 'hedged advice', 'template'],
  repo: 'gradle/gradle',
  issue: {
    number: 8633, title: 'Java NullPointerException', state: 'closed', state_reason: 'completed',
    author: 'amen-k', created_at: '2019-02-26T10:00:00Z',
    body: `### Expected Behavior
Running this command: gradle init --type basic in powershell

### Current Behavior
I get this error:

\`java.lang.NullPointerException
        at org.gradle.api.internal.classpath.DefaultModuleRegistry.loadExternalModule(DefaultModuleRegistry.java:100)
        at org.gradle.api.internal.classpath.DefaultModuleRegistry.getExternalModule(DefaultModuleRegistry.java:91)
        at org.gradle.launcher.GradleMain.main(GradleMain.java:23)\`

### Context
Setting up a spreadsheet quickstart from the API

### Steps to Reproduce (for bugs)
Any gradle command
https://github.com/amenkes319/7400-Scouting-Program

### Your Environment
Eclipse Neon
 * Build scan URL:  Same error for any gradle command, including grade build --scan`,
  },
  comments: [
    ['big-guy', 'MEMBER', `Hi @amen-k 

Do you know which Gradle version you're using? This looks suspiciously like a corrupted installation.

Could you try downloading Gradle 5.2.1 from https://gradle.org/releases and running the command with it?`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ['java.lang.NullPointerException'],
      environment: ['Eclipse Neon'],
      reproduction: ['gradle init --type basic', 'Any gradle command'],
      root_cause: ['looks suspiciously like a corrupted installation'],
      workaround: ['try downloading Gradle 5.2.1'],
    },
    must_not: { root_cause: ['which Gradle version'] },
    notes: ['The reporter\'s Steps to Reproduce answer ("Any gradle command" and the project) was added to the gold after the first runs: it is the reporter\'s own step and was left out by mistake.', 'The stack trace is one inline-code span over several lines (single backticks). A member gives a hedged cause (corrupted install) and hedged advice (try Gradle 5.2.1).'],
  },
};
