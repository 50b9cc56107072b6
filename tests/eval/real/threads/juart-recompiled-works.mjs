// Windows registry listing in the body; the reporter's success report after
// the owner's hedged advice; an unrelated follow-up question.
export default {
  url: 'https://github.com/billhsu/jUART/issues/15',
  split: 'heldout',
  ecosystem: 'c++',
  styles: ['success-report workaround', 'hedged advice', 'non-native English', 'versions in prose'],
  repo: 'billhsu/jUART',
  issue: {
    number: 15, title: 'Can´t run plugin on Windows', state: 'closed', state_reason: 'completed',
    author: 'fernando-b', created_at: '2015-01-20T08:00:00Z',
    body: `I can´t get the plugin to show up in firefox, I follow your instructions "Take FireFox for example: Copy /bin/Windows/npjUART.dll to C:\\Program Files (x86)\\Mozilla Firefox\\plugins" and it doesnt work´.

I even register the plugin in the Windows registry with no success:

HKLM/Software/MozillaPlugins/plugin-identifier
    Path: REG_SZ "C:\\..Path to the plugin.dll"
    Version: REG_SZ "0.5.whatever plugin version string"

I use Windows x64 and Firefox 35.0. Hope you can help!`,
  },
  comments: [
    ['bill-hsu', 'OWNER', 'Could you try compiling the dll on your machine first?\nOr you could try restarting Firefox with admin access.'],
    ['fernando-b', 'NONE', 'Thanks for your reply. I recompiled the project and now it works!. I have another question, is there a method to close connections?\n\nThanks in advance'],
    ['bill-hsu', 'OWNER', 'Yep.\nYou can use close().'],
    ['firz-en', 'NONE', '@fernando-b could you send me your compiled dll ? thanks'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      environment: ['Windows x64', 'Firefox 35.0'],
      workaround: ['compiling the dll on your machine', 'I recompiled the project and now it works'],
      root_cause: [],
    },
    must_not: { workaround: ['send me your compiled dll', 'You can use close()'] },
    notes: ['The owner\'s hedged suggestion (compile the dll yourself) is confirmed by the reporter\'s success report. The close() answer is about another question.'],
  },
};
