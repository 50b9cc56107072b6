// VS Code template with key-value environment, numbered steps, moved to another repo.
export default {
  url: 'https://github.com/microsoft/vscode/issues/44710',
  split: 'heldout',
  ecosystem: 'typescript',
  styles: ['numbered reproduction', 'moved to another repository', 'template'],
  repo: 'microsoft/vscode',
  issue: {
    number: 44710, title: '`[ts] Cannot find module` when project rebuild', state: 'closed', state_reason: 'completed',
    author: 's-tay', labels: ['javascript'], created_at: '2018-02-28T10:00:00Z',
    body: `- VSCode Version:
Version 1.20.1
Commit f88bbf9137d24d36d968ea6b2911786bfe103002
Node 7.9.0
Architecture x64
- OS Version:

Steps to Reproduce:

1. Clone https://github.com/Microsoft/Recognizers-Text
2. cd javascript path
3. run build script
4. edit a ts file \`JavaScript/packages/recognizers-number/src/number/parsers.ts\` for example
5. error \`[ts] Cannot find module '@microsoft/recognizers-text'\`.

After reloading vscode the error is gone.
\`\`\`
rm -rf node_modules
npm run build
\`\`\`
reproduces it as well.

Does this issue occur when all extensions are disabled?: Yes`,
  },
  comments: [['mjbvz', 'MEMBER', 'This issue was moved to Microsoft/TypeScript#22349']],
  gold: {
    status: { must_contain: ['closed', 'Microsoft/TypeScript#22349'], must_not_contain: ['fixed by', 'not planned'] },
    sections: {
      error_messages: ["[ts] Cannot find module '@microsoft/recognizers-text'"],
      environment: ['Version 1.20.1', 'Node 7.9.0'],
      reproduction: ['Clone https://github.com/Microsoft/Recognizers-Text', 'run build script'],
      workaround: ['reloading vscode'],
    },
    notes: ['Moved to Microsoft/TypeScript#22349 by a member. Reloading the window makes the error go away (a workaround in the body).'],
  },
};
