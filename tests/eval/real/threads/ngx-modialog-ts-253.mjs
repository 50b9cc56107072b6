// A cause stated as fact with a version, a success report, and a
// second user whose cause was a stale lock file.
export default {
  url: 'https://github.com/shlomiassaf/ngx-modialog/issues/398',
  reconstructed: 'issue body',
  split: 'tuning',
  ecosystem: 'typescript',
  styles: ['cause stated as fact', 'versions in prose', 'success-report workaround'],
  repo: 'shlomiassaf/ngx-modialog',
  issue: {
    number: 398, title: "Cannot find module 'ngx-modialog/plugins/bootstrap'.", state: 'closed', state_reason: 'completed',
    author: 'czar-c', created_at: '2017-09-28T08:00:00Z',
    body: `Since this morning the build fails:

ERROR in src/app/app.module.ts (12,33): Cannot find module 'ngx-modialog/plugins/bootstrap'.

ngx-modialog 3.0.4, angular 4.4.3`,
  },
  comments: [
    ['achim-h', 'NONE', "That's a problem with Typescript 2.5.3. Go back to 2.5.2 and it should work. Had the same thing."],
    ['czar-c', 'NONE', 'Wow, that was quick - that was it, it builds now. Thanks!'],
    ['martin-n', 'NONE', `Similar problem here on TS 2.5.2

Tried downgrading to TS 2.3.4 but it didn't help.

\`ERROR in /Users/mist/programming/[...]/src/app/core/core.module.ts (27,38): Cannot find module 'ngx-modialog/plugins/bootstrap'.\`

Any idea what might cause it?`],
    ['martin-n', 'NONE', 'Got it working in the end. I had forgotten to delete yarn.lock ... so I was probably on the wrong version.'],
    ['delphi-w', 'NONE', 'TS 2.5.2 fixed it for me as well'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ["Cannot find module 'ngx-modialog/plugins/bootstrap'."],
      environment: ['ngx-modialog 3.0.4', 'angular 4.4.3'],
      root_cause: ["That's a problem with Typescript 2.5.3"],
      workaround: ['Go back to 2.5.2', 'delete yarn.lock'],
    },
    notes: ['The cause (TypeScript 2.5.3) is stated as fact; the workaround (pin 2.5.2) is confirmed twice by success reports. A second user also had to delete yarn.lock.'],
  },
};
