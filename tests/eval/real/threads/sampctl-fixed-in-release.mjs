// Version in prose, a fenced Windows panic, "probably the same as #95";
// the owner states the cause as fact and that 1.6.3 fixes it.
export default {
  url: 'https://github.com/Southclaws/sampctl/issues/108',
  reconstructed: '#95 and #107 (named, not shown)',
  split: 'tuning',
  ecosystem: 'go',
  styles: ['version in prose', 'cause stated as fact', 'fixed in a release, no pull'],
  repo: 'Southclaws/sampctl',
  issue: {
    number: 108, title: 'runtime error: invalid memory address or nil pointer dereference', state: 'closed', state_reason: 'completed',
    author: 'y-less', created_at: '2018-02-03T10:00:00Z',
    body: `\`\`\`
runtime error: invalid memory address or nil pointer dereference
[signal 0xc0000005 code=0x0 addr=0x20 pc=0x9a92c7]

goroutine 23 [running]:

github.com/Southclaws/sampctl/runtime.run.func5
(0xc0430b1e20, 0xc04208e2c0, 0xc042048c60)
        /home/travis/gopath/src/github.com/Southclaws/sampctl/runtime/run.go:155 +0x1b7
\`\`\`

Likely the same as #95, though that one was about the display and not the panic. This too came mixed with other output; I tidied it up.

This is 1.6.2 — I haven't moved to 1.6.3 yet because of #107 .`,
  },
  comments: [
    ['southclaws', 'OWNER', `I've fixed the 1.6.3 windows release now, so give it another go. A couple of panics were fixed in 1.6.3, so this may already be solved.`],
    ['southclaws', 'OWNER', `Yes, I checked and that one is fixed: it was an attempted deref on the error pointer returned from the command runner.`],
  ],
  items: [
    { number: 95, title: 'Garbled output on Windows', state: 'open', author: 'y-less', created_at: '2018-01-20T10:00:00Z', body: 'Console output is garbled on Windows.' },
    { number: 107, title: '1.6.3 windows release is broken', state: 'closed', state_reason: 'completed', author: 'y-less', created_at: '2018-02-02T10:00:00Z', body: 'The 1.6.3 zip for windows has no binary in it.' },
  ],
  gold: {
    links: [
      { from: 'Southclaws/sampctl#108', to: 'Southclaws/sampctl#95', kind: 'mentions' },
      { from: 'Southclaws/sampctl#108', to: 'Southclaws/sampctl#107', kind: 'mentions' },
    ],
    status: { must_contain: ['fixed', '1.6.3'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['runtime error: invalid memory address or nil pointer dereference'],
      environment: ['1.6.2'],
      root_cause: ['attempted deref on the error pointer returned from the command runner'],
      fix: ['that one is fixed'],
      workaround: [],
    },
    must_not: { root_cause: ['Likely the same as #95'] },
    notes: ['The version is in prose ("This is 1.6.2"). The owner says 1.6.3 fixed it and states the cause as fact. "Likely the same as #95" is a hedged relation, not a duplicate close.'],
  },
};
