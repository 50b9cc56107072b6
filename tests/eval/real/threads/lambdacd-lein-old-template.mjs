// The reproduction is a pasted shell session inside a fence (two `$`
// commands with their output), and the step that fails, `lein run`, sits in
// the prose after it, its error in a fence of its own. The owner's answer is
// one long hedged paragraph that mixes the cause (an old Leiningen whose
// template mechanism has changed) with the remedy (use the current lein
// script), then a second, conditional remedy (clear a cached template from
// ~/.m2) and a side note about JDK 1.7 crashes that has nothing to do with
// this error. The reporter never answers; the owner asks once and closes.
// Nothing is fixed, and nobody confirms the advice.
export default {
  url: 'https://github.com/flosell/lambdacd/issues/75',
  reconstructed: 'the last comment past its first letter (the stored copy breaks off after "c"; taken to be a short closing note); who closed the issue (taken to be the owner); the reporter\'s association (taken as NONE)',
  split: 'tuning',
  ecosystem: 'clojure',
  styles: ['pasted shell session in a fence', 'failing command in prose', 'versions in command output', 'hedged cause and advice in one paragraph', 'conditional second workaround', 'unrelated side note', 'no answer, closed by the owner'],
  repo: 'flosell/lambdacd',
  issue: {
    number: 75, title: 'Getting started guide leads to no main namespace exception', state: 'closed', state_reason: 'completed',
    author: 'k0pernikus', created_at: '2015-12-20T09:00:00Z', closer: 'flosell',
    body: `I'm trying to go through the [getting-started guide](http://www.lambda.cd/getting-started/):

\`\`\`
$ lein new lambdacd my-first-pipeline
Generating fresh 'lein new' lambdacd project.
$ cd my-first-pipeline
\`\`\`

But when I then do \`lein run\` to start the server, all I get is:

\`\`\`
No :main namespace specified in project.clj.
\`\`\`

I'm on Ubuntu 14.04, got leiningen from the package-manager, and it says:
\`\`\`
Leiningen 1.7.1 on Java 1.7.0_91 OpenJDK 64-Bit Server VM
\`\`\`

What am I doing wrong?`,
  },
  comments: [
    ['flosell', 'OWNER', `Hi, 

Leiningen 1.7.1 is quite old and the way templates work has changed since that version, so the current Leiningen (2.5.3) might help:
Grab the \`lein\` script from http://leiningen.org/, make it executable and run it instead of the version you installed. 

I've also seen Leiningen keep using an older template when one is already sitting in the local maven cache. So if a newer Leiningen doesn't do it, try removing \`lambdacd/lein-template\` from the maven cache. On most installations the folder is \`~/.m2/repository/lambdacd/lein-template\`. 

As a side note, people have reported problems running LambdaCD on JDK 1.7 (#62), so if you see crashes later on, JDK 1.8 should fix those.`],
    ['flosell', 'OWNER', '@k0pernikus does this still happen?'],
    ['flosell', 'OWNER', 'closing this for now, reopen if it still happens'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: ['No :main namespace specified in project.clj'],
      reproduction: ['lein new lambdacd my-first-pipeline', 'cd my-first-pipeline', 'lein run'],
      environment: ['Ubuntu 14.04', 'Leiningen 1.7.1', 'Java 1.7.0_91'],
      root_cause: ['the way templates work has changed since that version'],
      fix: [],
      workaround: ['the current Leiningen (2.5.3) might help', 'make it executable and run it instead', 'removing lambdacd/lein-template from the maven cache'],
    },
    must_not: {
      workaround: ['JDK 1.8 should fix those', 'does this still happen'],
      root_cause: ['does this still happen', 'What am I doing wrong'],
      environment: ['JDK 1.8'],
    },
    notes: [
      'The reproduction is the fenced shell session (lein new lambdacd my-first-pipeline, cd my-first-pipeline; the "Generating fresh" line is its output) plus the step in the next paragraph, lein run, which is where it fails. The getting-started guide is only the context of the steps and is not asked for.',
      'The one error is "No :main namespace specified in project.clj." in its own fence. The environment is the reporter\'s: Ubuntu 14.04 and the version line of the packaged Leiningen (1.7.1 on Java 1.7.0_91). Leiningen 2.5.3 is the version the owner recommends, not the reporter\'s; JDK 1.8 belongs to the side note.',
      'The owner\'s first paragraph states the cause (Leiningen 1.7.1 is old and templates work differently since) and the hedged remedy in the same breath ("might help"): fetch the current lein script, make it executable and use it instead. The second paragraph is a conditional second remedy: remove lambdacd/lein-template from the maven cache (~/.m2/repository/lambdacd/lein-template). Both are advice nobody confirms, so they are workarounds, not a fix; the hedged cause still counts as the root cause, as in the other threads where a member names a likely cause.',
      'The JDK 1.7 remark (#62) is about later crashes, not this error: neither a workaround nor an environment fact of the reporter. #62 is not part of the world, so no link is asked for. "does this still happen?" and the closing note are no cause and no fix; the issue is closed without a fix.',
    ],
  },
};
