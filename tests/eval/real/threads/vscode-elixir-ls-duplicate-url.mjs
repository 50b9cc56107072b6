// A half-filled template whose only evidence is attached log files; the
// member's whole answer is two lines: "Duplicate of <URL in another
// repository>" and "Fixed in 0.11". The cause is only in the canonical
// issue's title, the error only in its body.
export default {
  url: 'https://github.com/elixir-lsp/vscode-elixir-ls/issues/261',
  reconstructed: 'author associations; who closed the issue (taken to be the member who answered); elixir-lsp/elixir-ls#696 given with its body only (its comments left out)',
  split: 'tuning',
  ecosystem: 'elixir',
  styles: ['duplicate stated in words', 'URL to another repository', 'fixed in a named release, no pull', 'template with attachments only', 'cause only on the canonical issue'],
  repo: 'elixir-lsp/vscode-elixir-ls',
  issue: {
    number: 261, title: 'VS Code keeps notifying that "Elixir-LS has crashed"', state: 'closed', state_reason: 'completed',
    author: 'mohan-w', labels: ['duplicate'], created_at: '2022-08-10T08:00:00Z', closer: 'lukasz-s',
    body: `### Environment

Most of this can be filled out by running the VSCode command (by default bound to Ctrl+Shift+P) "ElixirLS: Copy Debug Info"

- Elixir & Erlang versions (elixir --version): Erlang/OTP 25 [erts-13.0.3], Elixir (1.13.4)
- VSCode ElixirLS version: v0.10.0
- Operating System Version: M1 Max Mac OS Montery

### Crash report template

_Delete this section if not reporting a crash_

[exthost.log](https://github.com/elixir-lsp/vscode-elixir-ls/files/9297643/exthost.log)

Please have a look at the crash log above..`,
  },
  comments: [
    ['mohan-w', 'NONE', `Adding the ElixirLS-Output from the time of the crash..
[ElixirLS-Output.log](https://github.com/elixir-lsp/vscode-elixir-ls/files/9297696/ElixirLS-Output.log)`],
    ['lukasz-s', 'MEMBER', `Duplicate of https://github.com/elixir-lsp/elixir-ls/issues/696
Fixed in 0.11`],
  ],
  items: [
    { repo: 'elixir-lsp/elixir-ls', number: 696, title: 'Dialyzer crashes on OTP 25 when language server compiled with older versions', state: 'closed', state_reason: 'completed',
      author: 'lukasz-s', author_association: 'MEMBER', created_at: '2022-05-30T08:00:00Z',
      body: `\`\`\`
** (ErlangError) Erlang error: {:badrecord, {:analysis, :undefined, :succ_typings, [], :undefined, ['
...
], [], :byte_code, {:plt, #Reference<0.2999960940.2059272193.24383>, #Reference<0.2999960940.2059272193.24385>, #Reference<0.2999960940.2059272193.24384>, #Reference<0.2999960940.2059272193.24386>, #Reference<0.2999960940.2059272193.24387>}, true, false, false, false, :none, [], []}}
    (dialyzer 5.0) dialyzer_analysis_callgraph.erl:70: :dialyzer_analysis_callgraph.start/3
\`\`\`` },
  ],
  gold: {
    status: { must_contain: ['duplicate', 'elixir-lsp/elixir-ls#696'], must_not_contain: ['not planned', 'no linked fix'] },
    links: [
      { from: 'elixir-lsp/vscode-elixir-ls#261', to: 'elixir-lsp/elixir-ls#696', kind: 'mentions' },
      { from: 'elixir-lsp/vscode-elixir-ls#261', to: 'elixir-lsp/elixir-ls#696', kind: 'duplicate_of', optional: true },
    ],
    linked_pulls: [],
    sections: {
      environment: ['Erlang/OTP 25 [erts-13.0.3]', 'Elixir (1.13.4)', 'v0.10.0', 'M1 Max Mac OS Montery'],
      root_cause: ['compiled with older versions'],
      fix: ['Fixed in 0.11'],
      workaround: [],
    },
    must_not: {
      environment: ['0.11', 'Ctrl+Shift+P'],
      fix: ['Copy Debug Info'],
      workaround: ['Copy Debug Info', 'Delete this section'],
      root_cause: ['Please have a look at the crash log'],
    },
    notes: [
      'A member closes it in words: "Duplicate of" followed by a URL to an issue in another repository (no "#N" form, no duplicate event), then "Fixed in 0.11" on the next line. The status must say duplicate of elixir-lsp/elixir-ls#696; whether the URL form of "Duplicate of" makes a duplicate_of edge is left open (optional), the mention is certain. 0.11 is the fixing release, not part of the environment.',
      'The reporter\'s environment is the filled-in template lines (OTP and Elixir versions, the extension version, the OS); the template\'s instructions ("Copy Debug Info", "Delete this section") are neither environment nor advice.',
      'The thread itself gives no cause; the canonical issue\'s title does (Dialyzer crashing on OTP 25 when the language server was compiled with older versions), and the gold takes the cause from the canonical issue of a duplicate. The root issue holds no error text beyond the crash notification in its title and attached logs; the canonical\'s Dialyzer error may or may not be shown for it, so error_messages and the reproduction are not judged.',
    ],
  },
};
