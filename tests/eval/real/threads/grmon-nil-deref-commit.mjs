// Go panic; the owner points at a fix commit by URL; the reporter confirms.
export default {
  url: 'https://github.com/bcicen/grmon/issues/8',
  split: 'tuning',
  ecosystem: 'go',
  styles: ['go panic', 'fix by commit URL', 'confirmation'],
  repo: 'bcicen/grmon',
  issue: {
    number: 8, title: 'invalid memory address or nil pointer dereference', state: 'closed', state_reason: 'completed',
    author: 'herky-l', created_at: '2019-07-24T10:00:00Z',
    body: `I get this error when I run \`grmon\`. Any idea what causes it?

\`\`\`
panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x28 pc=0x1385f7c]

goroutine 1 [running]:
main.ReadRoutines(0xc000228000, 0xa1, 0x200, 0x10, 0xff, 0x0, 0x0, 0x0)
	/Users/me/go/src/github.com/bcicen/grmon/parse.go:76 +0x19c
main.poll(0x105a2f0, 0x0, 0xc0000f9ec0, 0xc0001ae000, 0x0)
	/Users/me/go/src/github.com/bcicen/grmon/client.go:38 +0x17c
main.main()
	/Users/me/go/src/github.com/bcicen/grmon/main.go:202 +0xe7
\`\`\``,
  },
  comments: [
    ['bcicen', 'OWNER', `added a fix so leading lines before the goroutine block are ignored, here: https://github.com/bcicen/grmon/commit/6c3770b6af49c799bb44af4f1029db5de60b41b1`],
    ['herky-l', 'NONE', `Thanks @bcicen, works like a charm!`],
  ],
  gold: {
    status: { must_contain: ['fixed', '6c3770b'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['panic: runtime error: invalid memory address or nil pointer dereference'],
      fix: ['leading lines before the goroutine block are ignored'],
      root_cause: [],
      workaround: [],
    },
    must_not: { workaround: ['works like a charm'] },
    notes: ['The owner names the fix commit by URL; the reporter confirms. "works like a charm" confirms the fix; it is not a workaround.'],
  },
};
