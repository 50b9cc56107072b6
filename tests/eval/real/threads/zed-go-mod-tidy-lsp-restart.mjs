// Issue form with the error only in a screenshot; "me too" comments with
// versions; one of them says restarting the language server clears it; a
// one-line cause (the client does not send file-change notifications).
export default {
  url: 'https://github.com/zed-industries/zed/issues/5112',
  reconstructed: 'end of the last comment (the stored copy breaks off after "for") and the closing reason',
  split: 'tuning',
  ecosystem: 'go',
  styles: ['restart workaround in a comment', 'issue form', 'error only in a screenshot', 'me-too comments with versions', 'one-line cause'],
  repo: 'zed-industries/zed',
  issue: {
    number: 5112, title: 'Golang import error persists until editor restarted', state: 'closed', state_reason: 'not_planned',
    author: 'aia-kared', labels: ['bug', 'go', 'language', 'language server', 'stale'], created_at: '2022-11-21T10:00:00Z',
    body: `### Check for existing issues

- [X] Completed

### Describe the bug / provide steps to reproduce it

1. In an empty directory, set up a new Go module
2. Add a \`main.go\` that imports any third-party library. An error shows up at this point, for example:
<img width="780" alt="image" src="https://user-images.githubusercontent.com/70045485/203162603-74f5b561-27c2-4b4d-b3e9-7b8eb9b20d02.png">

3. Run \`go mod tidy\`
4. The error stays until the editor is restarted

### Expected behavior

Zed ought to notice that the Go module got installed and refresh accordingly.

### Environment

Zed 0.64.0 – /Applications/Zed.app
macOS 13.0.1
architecture arm64`,
  },
  comments: [
    ['alex-ph', 'NONE', `Same thing happening to me
Zed 0.122.2
M1 Pro Macbook 16 (arm)
Mac version: 13.1 (22C65)`],
    ['mash-8', 'NONE', `Heads up, I hit this one as well. Not a big deal for now, since restarting the language server clears it.

If it helps:
Zed 0.124.8
M1 Pro Macbook 14 (arm64)
macOS 14.2.1`],
    ['rh-zs', 'NONE', `I get same issue, on \`Zed 0.124.8\` . M1 Pro, MacOS 14.3.1. 

It mostly happen when opening big go projects :'(`],
    ['sean-kl', 'NONE', 'the LSP client has to support workspace/didChangeWatchedFiles so gopls gets told about go.mod changes made outside the editor'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    sections: {
      error_messages: [],
      reproduction: ['set up a new Go module', 'imports any third-party library', 'Run go mod tidy', 'stays until the editor is restarted'],
      environment: ['Zed 0.64.0', 'macOS 13.0.1', 'arm64', 'Zed 0.122.2', 'Zed 0.124.8'],
      root_cause: ['workspace/didChangeWatchedFiles'],
      workaround: ['restarting the language server'],
      fix: [],
      code_examples: [],
    },
    must_not: {
      workaround: ['Same thing happening', 'big go projects'],
      root_cause: ['big go projects', 'Same thing happening'],
      fix: ['restarting the language server', 'workspace/didChangeWatchedFiles'],
    },
    notes: ['The error text exists only as a screenshot, so there is no error message to quote. A commenter reports that restarting the language server clears the stale import error: a restart workaround in a comment, backed by the reporter\'s own "until the editor is restarted". The last comment names the cause (the editor\'s LSP client lacks workspace/didChangeWatchedFiles, so gopls never hears about go.mod edits); nothing was fixed and the issue went stale. Versions in the me-too comments are environment facts; "big go projects" is an observation, not a cause.'],
  },
};
