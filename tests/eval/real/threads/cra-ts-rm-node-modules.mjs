// A release request, then a new error; hedged advice that the reporter
// half-confirms ("not sure that is what solved it").
export default {
  url: 'https://github.com/wmonk/create-react-app-typescript/issues/106',
  reconstructed: '#94',
  split: 'tuning',
  ecosystem: 'typescript',
  styles: ['hedged advice', 'hedged success report', 'release request'],
  repo: 'wmonk/create-react-app-typescript',
  issue: {
    number: 106, title: 'Make a new release with TS 2.4', state: 'closed', state_reason: 'completed',
    author: 'gyz-erok', created_at: '2017-07-12T08:00:00Z',
    body: `Hi @wmonk!

Could you cut a new release now that https://github.com/wmonk/create-react-app-typescript/pull/94 is merged?`,
  },
  comments: [
    ['wmonk', 'OWNER', 'Done, released in 2.4.0!'],
    ['gyz-erok', 'NONE', "Hmm, after updating I now get `Module build failed: Error: Cannot find module 'typescript'`. Any idea what that means?"],
    ['wmonk', 'OWNER', "Not sure I'm afraid, CI runs fine in a clean environment so it could be something local."],
    ['wmonk', 'OWNER', "I just created a fresh project and it works. Could you `rm -rf` your node modules and install again."],
    ['gyz-erok', 'NONE', "Works now it seems. Not sure though whether reinstalling `node_modules` is what fixed it. Thanks for the help anyway!"],
  ],
  items: [
    { type: 'pull', number: 94, title: 'Bump typescript to 2.4', state: 'closed', merged: true, author: 'ts-bumper', created_at: '2017-07-10T10:00:00Z', body: 'Updates typescript to 2.4.1 and the tslint rules that changed.' },
  ],
  gold: {
    status: { must_contain: ['2.4.0'], must_not_contain: ['not planned', 'duplicate'] },
    links: [{ from: 'wmonk/create-react-app-typescript#106', to: 'wmonk/create-react-app-typescript#94', kind: 'mentions' }],
    linked_pulls: ['wmonk/create-react-app-typescript#94'],
    sections: {
      error_messages: ["Module build failed: Error: Cannot find module 'typescript'"],
      workaround: ['rm -rf your node modules and install again'],
      root_cause: [],
    },
    must_not: { root_cause: ['could be something local'] },
    notes: ['The request is answered by the 2.4.0 release. The later error is handled by a hedged suggestion (reinstall node_modules) that the reporter half-confirms. "could be something local" is a guess, not a cause.'],
  },
};
