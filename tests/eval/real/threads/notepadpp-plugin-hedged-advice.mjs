// Hedged advice in a middle comment, the reporter finds the plugin, a
// third person's hedged cause.
export default {
  url: 'https://github.com/notepad-plus-plus/notepad-plus-plus/issues/769',
  split: 'tuning',
  ecosystem: 'c++',
  styles: ['hedged advice in a middle comment', 'versions in prose', 'hedged cause'],
  repo: 'notepad-plus-plus/notepad-plus-plus',
  issue: {
    number: 769, title: 'slow exit/close in winxp', state: 'closed', state_reason: 'completed',
    author: 'geki-007', labels: ['enhancement', 'plugin'], created_at: '2015-08-21T08:00:00Z',
    body: `Hi,

since 6.8.2, when i close notepad++ on winxp the taskbar entry goes away fast but i still see the notepad++ window for ~2-5 sec!

it does not happen with 6.8.1 or with win7

could "Fix a visual glitch on starup and on exit." have caused a regression?!`,
  },
  comments: [
    ['dail-8859', 'CONTRIBUTOR', "I'd first suggest trying with every plugin disabled. Move or rename your plugins directory, restart N++ and see whether it still happens. That way you know it isn't a plugin."],
    ['geki-007', 'NONE', 'oh yes, the compare plugin is the problem (but there is/was no update)\nbut the plugin worked with 6.8.1'],
    ['mili-pili', 'NONE', 'The plugin probably needs to be rebuilt.'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      environment: ['6.8.2', 'winxp'],
      root_cause: ['the compare plugin is the problem'],
      workaround: ['Move or rename your plugins directory'],
      fix: ['The plugin probably needs to be rebuilt'],
    },
    must_not: { root_cause: ['could "Fix a visual glitch'] },
    notes: ['A contributor\'s hedged diagnostic advice (disable plugins by renaming the folder) in a middle comment; the reporter finds the compare plugin is the cause; a third user suggests rebuilding the plugin. The reporter\'s own guess about a commit is a question, not a cause.'],
  },
};
