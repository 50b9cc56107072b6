// The reporter answers his own question with a success report (remove the
// Ivy cache, relaunch sbt) and a hedged cause; two thank-yous follow.
export default {
  url: 'https://github.com/databricks/sbt-spark-package/issues/6',
  reconstructed: 'end of the last comment (the stored copy breaks off mid-word)',
  split: 'tuning',
  ecosystem: 'scala',
  styles: ['success-report workaround', 'hedged cause', 'thank-you confirmations', 'tab-indented log'],
  repo: 'databricks/sbt-spark-package',
  issue: {
    number: 6, title: 'Unresolved dependency commons', state: 'closed', state_reason: 'completed',
    author: 'rob-v', created_at: '2015-06-03T10:00:00Z',
    body: `I get the error below when I try to build a Spark plugin with this plugin:

\`\`\`
[warn] \tNote: Unresolved dependencies path:
[warn] \t\tcommons-codec:commons-codec:1.8
[warn] \t\t  +- org.apache.directory.studio:org.apache.commons.codec:1.8
[warn] \t\t  +- org.spark-packages:sbt-spark-package:0.2.1 (sbtVersion=0.13, scalaVersion=2.10) (/Users/rvesse/Documents/Work/Code/spark-rdf/project/plugins.sbt#L5-6)
[warn] \t\t  +- default:spark-rdf-build:0.1-SNAPSHOT (sbtVersion=0.13, scalaVersion=2.10)
sbt.ResolveException: unresolved dependency: commons-codec#commons-codec;1.8: org.apache#apache;13!apache.pom(pom.original) origin location must be absolute: file:/Users/rvesse/.m2/repository/org/apache/apache/13/apache-13.pom
\`\`\`

The \`build.sbt\` I use is a plain one that the Databricks [spark-package](https://github.com/databricks/spark-package-cmd-tool) tool generated, and \`project/plugins.sbt\` only holds this plugin's definition, the way the ReadMe describes it

Any idea how I can get past this?`,
  },
  comments: [
    ['rob-v', 'NONE', 'Looks like it was a corrupted Ivy 2 cache of some kind, removing the whole `~/.ivy2/` directory and starting SBT again solved it'],
    ['bigdata-a1', 'NONE', 'Many thanks , once i delete the  .ivy2  file my issue is gone.'],
    ['b-ashok', 'NONE', 'Thanks so much . removing the ~/.ivy2/ folder did work for me'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate', 'not planned'] },
    sections: {
      error_messages: ['sbt.ResolveException: unresolved dependency: commons-codec#commons-codec;1.8'],
      environment: ['sbt-spark-package:0.2.1', 'sbtVersion=0.13', 'scalaVersion=2.10'],
      root_cause: ['corrupted Ivy 2 cache'],
      workaround: ['removing the whole ~/.ivy2/ directory'],
      fix: [],
    },
    must_not: { workaround: ['Any idea how'], root_cause: ['Any idea how'], fix: ['.ivy2'] },
    notes: ['The reporter answers himself: a success report (remove ~/.ivy2/, start sbt again) is the workaround, with a hedged cause (a corrupted Ivy cache). The two later comments only confirm it; nothing was changed in the plugin, so there is no fix. The versions come from the dependency path in the log.'],
  },
};
