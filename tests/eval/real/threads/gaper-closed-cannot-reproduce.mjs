// A panic in a fenced build log; the owner closes years later, unable to reproduce.
export default {
  url: 'https://github.com/maxcnunes/gaper/issues/9',
  split: 'heldout',
  ecosystem: 'go',
  styles: ['log with a panic', 'closed without fix'],
  repo: 'maxcnunes/gaper',
  issue: {
    number: 9, title: 'invalid memory address or nil pointer dereference error', state: 'closed', state_reason: 'completed',
    author: 'maxcnunes', author_association: 'OWNER', labels: ['bug'], created_at: '2018-11-28T10:00:00Z',
    body: `\`\`\`
[gaper] Building program
[gaper] Starting program
[gaper] Building program
panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0xa0 pc=0x4d0ca6]

goroutine 154 [running]:
os/exec.(*Cmd).Wait(0x0, 0x5bc683, 0xc42000a060)
      /usr/local/go/src/os/exec/exec.go:453 +0x26
github.com/maxcnunes/gaper.(*runner).runBin.func1(0xc4200b2000)
      /go/src/github.com/maxcnunes/gaper/runner.go:159 +0x2f
make: *** [Makefile:18: start] Error 2
\`\`\``,
  },
  comments: [['maxcnunes', 'OWNER', `Haven't run into it again; closing until I can reproduce it.`]],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    sections: {
      error_messages: ['panic: runtime error: invalid memory address or nil pointer dereference'],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    must_not: { fix: ['closing until I can reproduce'] },
    notes: ['Closed as not seen again; there is no fix and no cause.'],
  },
};
