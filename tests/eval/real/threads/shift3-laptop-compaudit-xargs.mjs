// A zsh warning after a laptop setup script; the reporter's remedy is a link
// to another repository's comment, and a colleague offers a shell one-liner.
export default {
  url: 'https://github.com/Shift3/laptop/issues/11',
  reconstructed: 'the end of the last comment (the stored copy cuts it off mid-sentence) and zsh-users/zsh-completions#433',
  split: 'tuning',
  ecosystem: 'shell',
  styles: ['shell one-liner workaround in a comment', 'remedy given as a link to a comment', 'suggestion to change the script'],
  repo: 'Shift3/laptop',
  issue: {
    number: 11, title: 'zsh compinit: insecure directories', state: 'closed', state_reason: 'completed',
    author: 'm-chrisco', author_association: 'MEMBER', created_at: '2020-04-07T10:00:00Z',
    body: `A brand new Macbook Pro 2019 shows me this warning: 
Mac OS Version: 10.15.4

Fresh setup, nothing customized. 

\`\`\`
Last login: Tue Apr  7 09:29:14 on ttys000
zsh compinit: insecure directories, run compaudit for list.
Ignore insecure directories and continue [y] or abort compinit [n]? y
zsh compinit: insecure directories, run compaudit for list.
Ignore insecure directories and continue [y] or abort compinit [n]? compinit: initialization aborted
complete:13: command not found: compdef
~ # compaudit
There are insecure directories:
/usr/local/share/zsh/site-functions
/usr/local/share/zsh
\`\`\``,
  },
  comments: [
    ['m-chrisco', 'MEMBER', `Got rid of it by following this:
https://github.com/zsh-users/zsh-completions/issues/433#issuecomment-600582607

Has anybody else run into this? If yes, the docs (or the script) probably need an update.`],
    ['drops-of-s', 'MEMBER', `Thanks! Odd that mac os ships zsh with wrong permissions out of the box. This way looks a bit cleaner to me:

\`\`\`bash
compaudit | xargs chmod g-w
\`\`\``],
    ['m-chrisco', 'MEMBER', `Fine by me! Perhaps the script could check the permission levels and warn? Or just apply the fix on its own. In any case it was quick to fix.`],
    ['drops-of-s', 'MEMBER', `Yes, I'll likely try it when I get a chance, to see if it works in the script.`],
  ],
  items: [
    { repo: 'zsh-users/zsh-completions', number: 433, title: 'zsh compinit: insecure directories and files, run compaudit for list.', state: 'closed', state_reason: 'completed',
      labels: ['Not a bug'], author: 'compl-user', created_at: '2016-10-10T10:00:00Z',
      body: 'Every new shell asks whether to ignore insecure directories and files after the completions were installed.' },
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    links: [{ from: 'Shift3/laptop#11', to: 'zsh-users/zsh-completions#433', kind: 'mentions' }],
    sections: {
      error_messages: ['zsh compinit: insecure directories, run compaudit for list.', 'complete:13: command not found: compdef'],
      environment: ['Mac OS Version: 10.15.4', 'Macbook Pro 2019'],
      workaround: ['This way looks a bit cleaner', 'compaudit | xargs chmod g-w', 'issuecomment-600582607'],
    },
    must_not: { workaround: ['check the permission levels'] },
    notes: ['The one-liner\'s instruction sentence ("This way looks a bit cleaner to me:") was added after the first run: the gold rules list a workaround\'s instruction sentence with its command, and the gold had only the command.', 'Two local remedies: the reporter followed a comment in zsh-users/zsh-completions#433 (given only as its URL), and a colleague offers the one-liner compaudit | xargs chmod g-w as the cleaner way. Neither changes the setup script, and the thread does not say the script was changed, so the fix is left unjudged. Letting the script check permissions and warn is a proposal, not a workaround.'],
  },
};
