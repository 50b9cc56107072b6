#!/usr/bin/env node
// World: a long discussion (24 comments) about a breaking change in a JS
// validation library (validate() returns a Promise since 5.0.0). Users post
// the same TypeError twice, argue for a sync flag, a maintainer explains the
// reason early on; another issue is closed in favour of this one (a
// back-link); finally a maintainer posts a numbered migration guide, which
// users confirm; closed as completed with no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'quartzline/formwork';

const body = `Upgrading from 4.6.3 to 5.0.1 broke every place where we call \`schema.validate()\` synchronously. The changelog lists "validate is now async" as a single line, but for anyone who validates inside a render function or a reducer this is a rewrite, and there is no sync alternative.

Before (4.x), this worked:

\`\`\`js
const result = signupSchema.validate(formState);
if (result.errors.length) showErrors(result.errors);
\`\`\`

On 5.0.1 the same code throws, because \`result\` is now a Promise:

\`\`\`
TypeError: Cannot read properties of undefined (reading 'length')
    at SignupForm (SignupForm.jsx:41:22)
\`\`\`

We are on formwork 5.0.1, React 18.3, Node 20.12. Is there a supported way to keep synchronous validation, or is every caller expected to go async?
`;

const guide = `Thanks everyone for the patience in this thread. Here is the migration guide we will also put in the docs; it covers every case raised above.

**Migrating from 4.x to 5.x**

1. Upgrade to 5.0.2 or later; it adds \`validateSync()\`, which 5.0.0 and 5.0.1 lack.
2. In async code, replace \`schema.validate(value)\` with \`await schema.validate(value)\`. The result has the same shape as in 4.x.
3. Where you cannot await (render functions, reducers, selectors), call \`schema.validateSync(value)\` instead. It returns the 4.x result directly.
4. validateSync throws an AsyncRefinementError if the schema contains an async \`.refine()\`. Split such schemas: keep the synchronous rules in one schema for render-time checks and run the async one on submit.
5. Run the codemod to do steps 2 and 3 for you: \`npx @quartzline/formwork-codemod v5-validate src/\`. It picks \`validateSync\` inside functions that are not async and \`await\` elsewhere, and leaves a TODO comment where it cannot tell.
6. Remove any \`.then()\` shims you added as a stop-gap; \`validateSync\` and \`await\` cover both cases.

If something is not covered, please open a new issue rather than reopening this one.`;

const c = [
  ['mattias-kowalczyk', 'NONE', '2026-01-14T10:20:00Z', `Same here. Our whole wizard validates on every keystroke in render, 140 call sites.`],
  ['bettina-achebe', 'NONE', '2026-01-14T11:02:00Z', `+1. Hit this on 5.0.0 too:

\`\`\`
TypeError: Cannot read properties of undefined (reading 'length')
    at validateStep (wizard.js:88:30)
\`\`\``],
  ['xiadani-herrera', 'MEMBER', '2026-01-14T13:40:00Z', `Some background on why this happened. Since 5.0 every schema may contain async refinements (the most requested feature of 4.x, see #1179 for the release plan), so validate() can no longer know in advance whether it will finish synchronously. Returning a Promise in every case was the only way to keep one signature. We underestimated how many people validate in render, that much is clear now.`],
  ['mattias-kowalczyk', 'NONE', '2026-01-14T14:15:00Z', `Understood, but then please give us a sync variant for schemas that have no async refinements. Most of ours don't.`],
  ['ruairi-stenberg', 'NONE', '2026-01-14T17:33:00Z', `Could validate() return a plain object when no async refinement is present and a Promise otherwise? That would keep 4.x callers working.`],
  ['xiadani-herrera', 'MEMBER', '2026-01-14T18:05:00Z', `We considered that and rejected it: a function that sometimes returns a Promise is much worse to type and to reason about, and adding one async rule somewhere deep would silently break callers far away.`],
  ['ruairi-stenberg', 'NONE', '2026-01-15T08:12:00Z', `Fair point about the typing.`],
  ['henrike-aduba', 'NONE', '2026-01-15T09:47:00Z', `For now we pinned "formwork": "~4.6.3" in package.json. Not great, but it unblocks the release.`],
  ['bettina-achebe', 'NONE', '2026-01-15T10:30:00Z', `We wrapped the calls in .then() and moved the error state into useEffect. It works but every form flickers once on the first keystroke.`],
  ['tomasz-villeneuve', 'NONE', '2026-01-15T12:55:00Z', `Same TypeError in our reducers, reading 'length' of undefined. Sad to see a minor-sounding changelog line cause this.`],
  ['xiadani-herrera', 'MEMBER', '2026-01-15T15:20:00Z', `To be fair it was a major release, but yes, the changelog line should have been a section. We'll fix the wording.`],
  ['ama-sorensen', 'NONE', '2026-01-16T07:41:00Z', `Would a global option like configure({ sync: true }) be possible? Then apps without async rules flip one switch.`],
  ['xiadani-herrera', 'MEMBER', '2026-01-16T09:02:00Z', `A global switch would change the return type of every call in the app at once, including calls made by libraries that depend on formwork. We'd rather add a separate, explicitly named function.`],
  ['ama-sorensen', 'NONE', '2026-01-16T09:30:00Z', `A separate function would be fine by us.`],
  ['piotr-nakamura', 'CONTRIBUTOR', '2026-01-17T16:18:00Z', `I can help with a codemod once the API is settled. jscodeshift can tell whether the enclosing function is async.`],
  ['mattias-kowalczyk', 'NONE', '2026-01-19T08:05:00Z', `Any news? We are still pinned to 4.6.3 and our dependency bot opens a PR every morning.`],
  ['xiadani-herrera', 'MEMBER', '2026-01-19T10:44:00Z', `validateSync() is in 5.0.2, released this morning. It throws if the schema contains an async refinement. A full migration guide follows once the codemod is published.`],
  ['henrike-aduba', 'NONE', '2026-01-19T13:26:00Z', `validateSync on 5.0.2 works for our simple forms, thanks.`],
  ['lorcan-ferreira', 'NONE', '2026-01-20T11:09:00Z', `What about schemas that mix sync and async rules? validateSync throws for our address schema because of the postcode lookup.`],
  ['piotr-nakamura', 'CONTRIBUTOR', '2026-01-21T15:50:00Z', `The codemod is published as @quartzline/formwork-codemod 1.0.0, with a v5-validate transform.`],
  ['xiadani-herrera', 'MEMBER', '2026-01-22T09:15:00Z', guide],
  ['lorcan-ferreira', 'NONE', '2026-01-22T14:02:00Z', `Step 4 was the missing piece for us: sync rules in render, the postcode lookup on submit. Migrated, all green.`],
  ['mattias-kowalczyk', 'NONE', '2026-01-23T08:37:00Z', `Ran the codemod over 140 call sites, it left three TODOs, all obvious. Unpinned and on 5.0.2 now.`],
  ['xiadani-herrera', 'MEMBER', '2026-01-23T10:00:00Z', `Great to hear. Closing, since the guide and validateSync cover the breakage.`],
];

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 1179,
          title: 'Release plan for 5.0',
          body: `Tracking issue for 5.0: async refinements, the new error format, and dropping Node 16.`,
          state: 'closed',
          state_reason: 'completed',
          author: 'xiadani-herrera',
          author_association: 'MEMBER',
          created_at: '2025-11-03T09:00:00Z',
          closed_at: '2026-01-08T12:00:00Z',
        }),
        issue({
          number: 1187,
          title: 'validate() returns a Promise in 5.x: every synchronous caller breaks',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'colette-amponsah',
          labels: ['breaking-change', 'discussion'],
          created_at: '2026-01-14T09:32:00Z',
          closed_at: '2026-01-23T10:00:00Z',
          comments: c.map(([a, r, t, b]) => comment(a, r, t, b)),
          events: [
            { type: 'labeled', actor: 'xiadani-herrera', created_at: '2026-01-14T13:41:00Z', label: 'breaking-change' },
            { type: 'closed', actor: 'xiadani-herrera', created_at: '2026-01-23T10:00:00Z', closer: null },
          ],
        }),
        issue({
          number: 1190,
          title: 'result.errors undefined after upgrading to 5.0.0',
          body: `After upgrading, result.errors is undefined everywhere we call validate(). Did the result shape change?`,
          state: 'closed',
          state_reason: 'duplicate',
          author: 'oskar-beaumont',
          created_at: '2026-01-15T16:00:00Z',
          closed_at: '2026-01-15T16:40:00Z',
          comments: [
            comment('xiadani-herrera', 'MEMBER', '2026-01-15T16:40:00Z', `validate() returns a Promise since 5.0. Let's keep the discussion in #1187.`),
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
