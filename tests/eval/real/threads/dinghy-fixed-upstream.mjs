// A user still on a workaround; the owner closes because upstream 18.03 fixed it.
export default {
  url: 'https://github.com/codekitchen/dinghy/issues/268',
  reconstructed: 'issue body (the stored copy starts at a later comment)',
  split: 'heldout',
  ecosystem: 'docker',
  styles: ['fixed upstream in a release', 'workaround mentioned, not described'],
  repo: 'codekitchen/dinghy',
  issue: {
    number: 268, title: "Can't start docker daemon.", state: 'closed', state_reason: 'completed',
    author: 'jarrett-j', created_at: '2018-03-05T10:00:00Z',
    body: `After the update the VM boots but the docker daemon never comes up:

\`\`\`
$ dinghy up
Starting the dinghy VM...
error: Cannot connect to the Docker daemon at tcp://192.168.99.100:2376. Is the docker daemon running?
\`\`\`

dinghy 4.6.1, docker 18.02.0-ce, macOS 10.13.3`,
  },
  comments: [
    ['jarrett-j', 'NONE', `Good news, \`dinghy upgrade\` worked. It downgraded to v17.12.1-ce by itself. Wouldn't want to lose all my existing images.

But no luck, the problem is still there :(

Still on the workaround.

Thanks for answering though.

JJ`],
    ['codekitchen', 'OWNER', `Looks like this was fixed upstream with the 18.03 release, so I'm closing this issue.`],
  ],
  gold: {
    status: { must_contain: ['fixed', '18.03'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['error: Cannot connect to the Docker daemon at tcp://192.168.99.100:2376'],
      environment: ['dinghy 4.6.1', 'docker 18.02.0-ce', 'macOS 10.13.3'],
      fix: ['fixed upstream with the 18.03 release'],
      workaround: [],
    },
    must_not: { fix: ['dinghy upgrade'] },
    notes: ['The owner says 18.03 fixed it upstream. "Still on the workaround" names no workaround; "dinghy upgrade worked" did not solve the problem, so it is neither fix nor workaround.'],
  },
};
