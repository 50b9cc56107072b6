// "Same issue here", "Ditto", and the owner's cause and fix in one sentence.
export default {
  url: 'https://github.com/RetroDriven/Pocket_Updater/issues/42',
  split: 'heldout',
  ecosystem: 'c#',
  styles: ['+1 comments', 'version in title', 'cause and fix in one sentence'],
  repo: 'RetroDriven/Pocket_Updater',
  issue: {
    number: 42, title: 'Version 1.4 New version', state: 'closed', state_reason: 'completed',
    author: 'swift-arson', created_at: '2022-12-29T10:00:00Z',
    body: 'Downloaded the new version and it keeps telling me there is a new version. Downloaded it again and same thing.',
  },
  comments: [
    ['papi-fed', 'NONE', 'Same issue here.'],
    ['four-eyed', 'NONE', 'Ditto.'],
    ['retro-driven', 'OWNER', "I need to make a quick v1.4.0 to fix this since it didn't like just v.1.4 for some reason."],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      environment: ['Version 1.4'],
      root_cause: ["didn't like just v.1.4"],
      fix: ['quick v1.4.0'],
      workaround: [],
    },
    must_not: { workaround: ['Same issue here', 'Ditto'] },
    notes: ['The version is only in the title. "Same issue here" and "Ditto" are +1s. The owner gives the cause (the version string "1.4" was not accepted) and the fix (a v1.4.0 release) in one sentence.'],
  },
};
