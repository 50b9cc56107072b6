// A hedged plan from the maintainer, later "Solved on latest version."
export default {
  url: 'https://github.com/OpenSourceEBike/Color_LCD/issues/58',
  split: 'heldout',
  ecosystem: 'c',
  styles: ['versions in title', 'hedged plan', 'fixed in latest version'],
  repo: 'OpenSourceEBike/Color_LCD',
  issue: {
    number: 58, title: 'Beta 8 still says Beta 7 at startup', state: 'closed', state_reason: 'completed',
    author: 'eye-bye', created_at: '2019-12-14T10:00:00Z',
    body: "simple, but worth saying. it confused me at first, I thought the update hadn't worked...",
  },
  comments: [
    ['casainho', 'OWNER', 'Maybe I should add some small new thing and build a new version to correct this.'],
    ['casainho', 'OWNER', 'Solved on latest version.'],
  ],
  gold: {
    status: { must_contain: ['fixed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      environment: ['Beta 8'],
      fix: ['Solved on latest version'],
      root_cause: [],
      workaround: [],
    },
    must_not: { fix: ['Maybe I should add'] },
    notes: ['The owner first muses about a new build (hedged plan, not a fix), then says it is solved in the latest version.'],
  },
};
