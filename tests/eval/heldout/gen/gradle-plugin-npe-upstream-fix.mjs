#!/usr/bin/env node
// World: a Kotlin service's build fails in a third-party Gradle plugin's task
// with a NullPointerException at the end of a `Caused by:` chain, after a
// plugin bump (3.3.2 -> 3.4.0). A maintainer finds the trigger (a star
// projection), files it upstream by URL and gives two stop-gaps; the fix is a
// merged pull in the plugin's own repository, named by URL in a maintainer
// comment. The maintainer bumps the plugin and closes the issue as completed
// (plain close, no closer).
import { comment, emit, issue, pull } from '../../../lib/worldgen.mjs';

const REPO = 'thornbury/orderdesk';
const UP = 'veldmark/schemagen-gradle-plugin';

const body = `### Describe the bug

After bumping the schemagen Gradle plugin from 3.3.2 to 3.4.0 (the bot's PR), \`./gradlew build\` fails in \`:orders-api:generateJsonSchemas\` with a NullPointerException. With 3.3.2 and the same sources the build is green.

### Build output

\`\`\`
> Task :orders-api:generateJsonSchemas FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':orders-api:generateJsonSchemas'.
> Failed to generate a JSON schema for com.thornbury.orderdesk.api.OrderEnvelope

* Exception is:
org.gradle.api.tasks.TaskExecutionException: Execution failed for task ':orders-api:generateJsonSchemas'.
\tat org.gradle.api.internal.tasks.execution.ExecuteActionsTaskExecuter.lambda$executeIfValid$1(ExecuteActionsTaskExecuter.java:130)
\tat org.gradle.internal.Try$Failure.ifSuccessfulOrElse(Try.java:293)
\tat org.gradle.api.internal.tasks.execution.ExecuteActionsTaskExecuter.executeIfValid(ExecuteActionsTaskExecuter.java:128)
\t... 121 more
Caused by: io.veldmark.schemagen.gradle.SchemaGenerationException: Failed to generate a JSON schema for com.thornbury.orderdesk.api.OrderEnvelope
\tat io.veldmark.schemagen.gradle.tasks.GenerateJsonSchemasTask.generate(GenerateJsonSchemasTask.kt:96)
\tat io.veldmark.schemagen.gradle.tasks.GenerateJsonSchemasTask.run(GenerateJsonSchemasTask.kt:61)
\t... 118 more
Caused by: java.lang.NullPointerException: Cannot invoke "kotlin.metadata.KmType.getClassifier()" because the return value of "kotlin.metadata.KmTypeProjection.getType()" is null
\tat io.veldmark.schemagen.kotlin.KotlinTypeMapper.mapArgument(KotlinTypeMapper.kt:148)
\tat io.veldmark.schemagen.kotlin.KotlinTypeMapper.mapType(KotlinTypeMapper.kt:97)
\tat io.veldmark.schemagen.kotlin.KotlinTypeMapper.mapProperty(KotlinTypeMapper.kt:71)
\tat io.veldmark.schemagen.gradle.tasks.GenerateJsonSchemasTask.generate(GenerateJsonSchemasTask.kt:89)
\t... 119 more
\`\`\`

### To reproduce

1. Apply the plugin with \`id("io.veldmark.schemagen") version "3.4.0"\` in a Kotlin JVM module
2. Add a class with a star-projected property:
   \`\`\`kotlin
   data class OrderEnvelope(val id: String, val attachments: List<*>)
   \`\`\`
3. Run \`./gradlew :orders-api:generateJsonSchemas --stacktrace\`

### Environment

- Gradle 8.8, Kotlin 2.0.0 (kotlin("jvm") plugin)
- JDK: Eclipse Temurin 21.0.3
- schemagen Gradle plugin 3.4.0 (3.3.2 works)
- Fails locally on macOS 14 and on our Linux CI runners
`;

const diagnosis = `Reproduced. The star projection is the trigger: 3.4.0 moved the plugin's type mapping onto kotlin-metadata, and for \`*\` a KmTypeProjection has no type at all (it is the STAR projection), but KotlinTypeMapper.mapArgument() calls getType().getClassifier() on every argument without checking. That is a bug in the plugin, not in our build, so I've reported it upstream: https://github.com/${UP}/issues/729

Until there is a release, either keep the plugin at 3.3.2 in gradle/libs.versions.toml, or, if you need 3.4.0, change the star projection to an explicit \`Any?\`:

\`\`\`kotlin
data class OrderEnvelope(val id: String, val attachments: List<Any?>)
\`\`\`

The generated schema is identical for both.`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 212,
          title: 'generateJsonSchemas fails with NullPointerException after upgrading schemagen plugin to 3.4.0',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'anouk-castellanos',
          author_association: 'CONTRIBUTOR',
          labels: ['build', 'dependencies'],
          created_at: '2026-04-07T08:12:00Z',
          closed_at: '2026-04-16T15:40:00Z',
          comments: [
            comment('dariusz-okonjo', 'NONE', '2026-04-07T09:30:00Z',
              `+1, same NPE in our project since 3.4.0. We have a \`Map<String, *>\` field in one of the DTOs.`),
            comment('femi-lindgren', 'NONE', '2026-04-07T11:05:00Z',
              `Does it still happen with the configuration cache disabled? We had strange NPEs from other plugins with CC on.`),
            comment('anouk-castellanos', 'CONTRIBUTOR', '2026-04-07T11:48:00Z',
              `Yes, same stack trace with --no-configuration-cache.`),
            comment('rasmus-adeyemi', 'MEMBER', '2026-04-07T16:20:00Z', diagnosis),
            comment('dariusz-okonjo', 'NONE', '2026-04-08T07:55:00Z',
              `Changing Map<String, *> to Map<String, Any?> works for us, the schemas are byte for byte the same.`),
            comment('hollis-mbatha', 'NONE', '2026-04-09T13:10:00Z',
              `Slightly off topic, but is there a way to make generateJsonSchemas cacheable? It reruns on every build here.`),
            comment('rasmus-adeyemi', 'MEMBER', '2026-04-09T14:02:00Z',
              `@hollis-mbatha that's a different topic, please open a separate issue for it.`),
            comment('rasmus-adeyemi', 'MEMBER', '2026-04-16T15:38:00Z',
              `Upstream merged the fix: https://github.com/${UP}/pull/734, released as 3.4.1. I've bumped the version catalog on main to 3.4.1 and the build is green without the workaround. Closing as completed.`),
            comment('anouk-castellanos', 'CONTRIBUTOR', '2026-04-17T08:21:00Z',
              `Confirmed with 3.4.1 on my branch, thanks!`),
          ],
          events: [
            { type: 'labeled', actor: 'rasmus-adeyemi', created_at: '2026-04-07T16:21:00Z', label: 'dependencies' },
            { type: 'closed', actor: 'rasmus-adeyemi', created_at: '2026-04-16T15:40:00Z', closer: null },
          ],
        }),
      ],
    },
    [UP]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 729,
          title: 'NullPointerException in KotlinTypeMapper.mapArgument for star projections',
          body: `Since 3.4.0, generateJsonSchemas fails with an NPE for any Kotlin property whose type contains a star projection (\`List<*>\`, \`Map<String, *>\`). KmTypeProjection.STAR has a null type and mapArgument() dereferences it unconditionally.

Downstream report with the full stack trace: https://github.com/${REPO}/issues/212`,
          state: 'closed',
          state_reason: 'completed',
          author: 'rasmus-adeyemi',
          author_association: 'CONTRIBUTOR',
          labels: ['bug', 'kotlin'],
          created_at: '2026-04-07T16:15:00Z',
          closed_at: '2026-04-15T10:02:00Z',
          events: [
            { type: 'closed', actor: 'solveig-brandt', created_at: '2026-04-15T10:02:00Z', closer: `${UP}#734` },
          ],
        }),
        pull({
          number: 734,
          title: 'Map star projections to an unconstrained schema',
          body: `Fixes #729

mapArgument() now treats a star projection (a KmTypeProjection without a type) as \`Any?\` and emits an unconstrained schema for it instead of dereferencing the missing type. Adds fixtures for \`List<*>\`, \`Map<String, *>\` and a nested \`Box<Box<*>>\`.

Reported in ${REPO}#212.`,
          state: 'closed',
          author: 'solveig-brandt',
          author_association: 'MEMBER',
          created_at: '2026-04-10T09:40:00Z',
          closed_at: '2026-04-15T10:02:00Z',
          merged: true,
          head: 'fix/star-projection',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
