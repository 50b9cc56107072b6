// Issue form; the diagnostic pasted in prose, the only way out is restarting
// the language server; a member redirects to neovim in one line and closes.
export default {
  url: 'https://github.com/neovim/nvim-lspconfig/issues/2210',
  split: 'tuning',
  ecosystem: 'lua',
  styles: ['restart workaround in the body', 'error in prose', 'issue form', 'terse redirect'],
  repo: 'neovim/nvim-lspconfig',
  issue: {
    number: 2210, title: 'when solargraph rubocop (diagnostics) errors out, the LSP should restart or do something', state: 'closed', state_reason: 'completed',
    author: 'otavio-s', labels: ['bug'], created_at: '2022-10-21T10:00:00Z', closer: 'glep-nir',
    body: `### Description

Every now and then rubocop gives this error:

LSP[solargraph] Error in diagnostics: RuboCop returned invalid data.

From then on the error stay on the buffer, and only calling :LspRestart get ride of them.

Best would be to Restart the server when a error like this one happens.  Can this be done?

### Neovim version

NVIM v0.8.0
Build type: Release
LuaJIT 2.1.0-beta3
Compilado por brew@HMBRW-A-001-M1-004.local

### Nvim-lspconfig version

ee2e8c6

### Operating system and version

MacOS

### Affected language servers

ruby

### Steps to reproduce

- Install solargraph
- Make a rails project and set up rubocop
- Put a file such as this one:

\`\`\`
class Foo < ApplicationService
  def something
  rescue StandardError => e
    print(ess)
  end
end
\`\`\`

Then solargraph throws:
\`\`\`
[ERROR][2022-10-21 17:08:42] .../vim/lsp/rpc.lua:733\t"rpc"\t"solargraph"\t"stderr"\t"[WARN] Error in diagnostics: RuboCop returned invalid data\\n"
\`\`\`

### Actual behavior

rubocop don't work anymore on the buffer

### Expected behavior

LSP server get restarted, or something similar

### Minimal config

\`\`\`Lua
..
\`\`\`

### LSP log

https://pasteio.com/xPLF7lDswMp6`,
  },
  comments: [
    ['glep-nir', 'MEMBER', 'please open it on neovim .thanks for the report.'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate', 'not planned'] },
    sections: {
      error_messages: ['Error in diagnostics: RuboCop returned invalid data'],
      environment: ['NVIM v0.8.0', 'ee2e8c6', 'MacOS'],
      reproduction: ['Install solargraph', 'set up rubocop', 'Put a file such as this one', 'rescue StandardError => e'],
      workaround: ['calling :LspRestart'],
      root_cause: [],
      fix: [],
      code_examples: [],
    },
    must_not: { workaround: ['Restart the server when', 'on neovim'], fix: ['on neovim'], root_cause: ['on neovim'] },
    notes: ['The third step\'s text ("Put a file such as this one:") was added after the first run: the gold listed its snippet but left out the step itself, which the gold rules count as a step.', 'The reporter states in prose that only :LspRestart clears the stuck diagnostic: a restart workaround in the body. The wish for an automatic restart is a request, not a workaround; the member\'s one-line redirect to neovim closes the issue without a fix or a cause. The error appears twice (prose and log line), one item. The Ruby snippet is the reproducer and belongs to the reproduction; the ".." config block is no example.'],
  },
};
