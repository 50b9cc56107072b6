// Terse: the reporter finds the cause himself; the owner says thanks and closes.
export default {
  url: 'https://github.com/eliemichel/LilySurfaceScraper/issues/123',
  split: 'tuning',
  ecosystem: 'python',
  styles: ['terse', 'cause in the body', 'screenshot only'],
  repo: 'eliemichel/LilySurfaceScraper',
  issue: {
    number: 123, title: 'ModuleNotFoundError on install', state: 'closed', state_reason: 'completed',
    author: 'bcjc-3', created_at: '2020-10-12T10:00:00Z',
    body: `There's a stray "p" on line 31 of the init file, and that is what causes this.
![error](https://user-images.githubusercontent.com/9857109/95702135-57f2df00-0c00-11eb-899b-38755df1ea10.png)`,
  },
  comments: [['elie-m', 'OWNER', 'Thanks indeed!']],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      root_cause: ['stray "p" on line 31 of the init file'],
      workaround: [],
      code_examples: [],
    },
    must_not: { workaround: ['Thanks indeed'] },
    notes: ['The only statement is the cause, given by the reporter; the owner thanks and closes.'],
  },
};
