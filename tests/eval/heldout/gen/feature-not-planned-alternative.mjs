#!/usr/bin/env node
// World: a feature request (bold-label template) for executable JS task files
// in a task runner. No error anywhere. Users +1 and suggest a plugin API; the
// owner decides against executable config (task graph must be known without
// running user code), points at an older not-planned discussion, and offers
// the declarative alternative (`extends` with shared vars), which the reporter
// adopts; the owner opens a docs issue and closes this one as not planned.
import { comment, emit, issue } from '../../../lib/worldgen.mjs';

const REPO = 'harrowgate/tasklane';

const body = `**Is your feature request related to a problem? Please describe.**
Our monorepo has 40 packages, and their tasklane.yml files are mostly the same 12 tasks with different package names. Keeping them in sync by hand is error-prone, and YAML anchors do not work across files.

**Describe the solution you'd like**
Let tasklane load tasks from a \`tasklane.config.js\` (or .ts) that exports an array of tasks or a function returning one, the way many JS build tools do. Then we could write a helper once and generate the tasks per package.

**Describe alternatives you've considered**
A template engine that renders tasklane.yml before every run. But then the files in git are not the ones tasklane reads, and people edit the wrong one.

**Additional context**
tasklane 0.31.2, Node 20, pnpm workspaces.
`;

const decision = `Thanks for the detailed write-up. We discussed this in the maintainers' call and decided not to support executable task files.

tasklane computes cache keys and the \`tasklane graph\` output from the task files before anything runs. With a JS config we would have to execute user code just to know the task graph, which breaks remote caching and makes \`tasklane graph\` unsafe to run in CI on untrusted branches. We went through the same question for Starlark in #288 and came to the same answer.

What works today and keeps the files declarative: put the shared tasks in one file and include it from every package with \`extends\`, overriding only what differs:

\`\`\`yaml
# packages/billing/tasklane.yml
extends: ../../tasklane/shared.yml
vars:
  package: billing
tasks:
  test:
    env:
      DATABASE_URL: postgres://localhost/billing_test
\`\`\`

\`\${vars.package}\` is substituted in every inherited task, so the 12 shared tasks are written once. If you really need code, generate the YAML with a script and commit the output; \`tasklane validate --strict\` in CI will catch a file that drifted from its generator.`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 288,
          title: 'Support Starlark task definitions',
          body: `A Starlark front end would let large repos compute task lists instead of copying YAML.`,
          state: 'closed',
          state_reason: 'not_planned',
          author: 'vesna-okparaeke',
          labels: ['enhancement'],
          created_at: '2025-09-02T10:00:00Z',
          closed_at: '2025-10-14T09:00:00Z',
        }),
        issue({
          number: 520,
          title: 'Allow defining tasks in JavaScript (tasklane.config.js)',
          body,
          state: 'closed',
          state_reason: 'not_planned',
          author: 'leopold-amankwah',
          labels: ['enhancement', 'config'],
          created_at: '2026-02-03T14:22:00Z',
          closed_at: '2026-02-10T11:05:00Z',
          comments: [
            comment('mirela-quist', 'NONE', '2026-02-03T16:40:00Z',
              `+1, would love this for our repo as well.`),
            comment('dashiell-frey', 'NONE', '2026-02-04T08:15:00Z',
              `Could this be a plugin API instead? Then JS config would just be one plugin, and others could do TOML or whatever.`),
            comment('anja-mbeki', 'NONE', '2026-02-05T12:03:00Z', `+1`),
            comment('cosmin-albrecht', 'OWNER', '2026-02-09T10:30:00Z', decision),
            comment('leopold-amankwah', 'NONE', '2026-02-09T15:48:00Z',
              `I didn't know extends works across directories, the docs only show it within one folder. With shared.yml plus vars we went from 40 copies to one file and 40 small overrides. Fine with closing.`),
            comment('dashiell-frey', 'NONE', '2026-02-09T17:20:00Z',
              `A pity, but the point about running tasklane graph on untrusted branches makes sense.`),
            comment('cosmin-albrecht', 'OWNER', '2026-02-10T11:04:00Z',
              `I've opened #531 to document extends with relative paths. Closing this as not planned.`),
          ],
          events: [
            { type: 'labeled', actor: 'cosmin-albrecht', created_at: '2026-02-09T10:31:00Z', label: 'config' },
            { type: 'closed', actor: 'cosmin-albrecht', created_at: '2026-02-10T11:05:00Z', closer: null },
          ],
        }),
        issue({
          number: 531,
          title: 'Docs: show extends with a relative path to a shared file',
          body: `The extends page only shows a file in the same folder. Add an example with ../../ paths and vars substitution, as discussed in #520.`,
          state: 'open',
          author: 'cosmin-albrecht',
          author_association: 'OWNER',
          labels: ['docs'],
          created_at: '2026-02-10T11:00:00Z',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
