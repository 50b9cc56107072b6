// A container that will not start on Windows; the reporter blames the line
// endings, a later user patches the entrypoint with a bare sed line in the
// Dockerfile, and the owner thanks him and closes.
export default {
  url: 'https://github.com/jwasham/computer-science-flash-cards/issues/30',
  reconstructed: 'author associations of the non-owners (the stored copy does not give them; taken as NONE)',
  split: 'tuning',
  ecosystem: 'docker',
  styles: ['sed one-liner workaround in a comment', 'unfenced error', 'unfenced command', 'contradicting me-too', 'owner closes with thanks'],
  repo: 'jwasham/computer-science-flash-cards',
  issue: {
    number: 30, title: 'standard_init_linux.go:185: exec user process caused "no such file or directory" on Docker on Windows', state: 'closed', state_reason: 'completed',
    author: 'ali-k', created_at: '2017-12-23T10:00:00Z',
    body: `Hi, trying to start the docker on a windows machine gives me this error

standard_init_linux.go:185: exec user process caused "no such file or directory"

No idea if it only happens on windows`,
  },
  comments: [
    ['ali-k', 'NONE', `Turns out entrypoint.sh somehow got windows line endings, and that is what broke the whole thing`],
    ['jwasham', 'OWNER', `A PR for this would be welcome.`],
    ['kusk-m', 'NONE', `my files already use only lf endings and I still get the same error, anyone knows something about it?`],
    ['m-sezgin', 'NONE', `I put the line below right after the COPY and now it runs fine on Windows 10 with Docker Version 18.06.1-ce.
RUN sed -i 's/\\r$//' /entrypoint.sh`],
    ['jwasham', 'OWNER', `Thanks! I'll close this one.`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      error_messages: ['standard_init_linux.go:185: exec user process caused'],
      root_cause: ['windows line endings'],
      workaround: ["sed -i 's/\\r$//' /entrypoint.sh", 'right after the COPY'],
      fix: [],
    },
    must_not: {
      workaround: ['only lf endings', 'PR for this would be welcome'],
      fix: ['sed -i', 'PR for this would be welcome'],
      root_cause: ['only lf endings'],
    },
    notes: [
      'The workaround is a bare sed line (no fence) that strips the carriage returns from entrypoint.sh inside the image, added after the COPY step; its instruction sentence and the command are both gold. The owner only thanks and closes: nothing in the project is changed in the thread, so the fix section must stay empty and the status must not claim a fix.',
      'The reporter names the cause himself (windows line endings in entrypoint.sh). The user whose files are already LF and still fail reports no remedy and no cause; the owner asking for a PR is neither a fix nor a workaround.',
    ],
  },
};
