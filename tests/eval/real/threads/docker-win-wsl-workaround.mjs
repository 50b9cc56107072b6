// A maintainer's fenced workaround with a shell prompt, a fix pull in
// another repository, and a close "in favor of" an older issue.
export default {
  url: 'https://github.com/docker/for-win/issues/9824',
  reconstructed: 'issue body, #9755 and moby/moby#41817',
  split: 'tuning',
  ecosystem: 'docker',
  styles: ['duplicate stated in words', 'workaround from a maintainer', 'fix incoming in another repo', 'complaint after'],
  repo: 'docker/for-win',
  issue: {
    number: 9824, title: 'docker for wsl stopped working', state: 'closed', state_reason: 'completed',
    author: 'wsl-user', created_at: '2020-12-18T10:00:00Z',
    body: `After a reboot Docker Desktop with the WSL 2 backend hangs on "Docker is starting..." and \`docker ps\` fails:

error during connect: This error may indicate that the docker daemon is not running.

Docker Desktop 3.0.0, Windows 10 20H2.`,
  },
  comments: [
    ['tibor-v', 'MEMBER', `A fix is on its way in moby/moby#41817 thanks to @simonferquel and @cpuguy83; until then, here is the workaround, which I tested myself.

# 🚧  WORKAROUND 🚧 

\`\`\`
wsl.exe -d docker-desktop
$ nsenter -a -t $(pgrep lifecycle-server) find /var/lib/docker/containers -name config.v2.json -exec sed -i'' -E 's/"Running":true(,.*"Restarting":true)/"Running":false\\1/' {} \\;
\`\`\`

Then quit Docker Desktop and start it again. (Restart might work too, I haven't tried it.)`],
    ['tibor-v', 'MEMBER', `Closing this in favor of #9755, which was opened earlier. If the workaround doesn't help you, tell us there and we'll look into it.`],
    ['zal-larak', 'NONE', `Folks - the workaround doesn't run on WSL2 or Powershell - still totally broken.`],
    ['r-loutrel', 'NONE', `@zal-larak : please post in #9755 (that's where everything is collected)`],
  ],
  items: [
    { number: 9755, title: 'Docker Desktop stuck starting after restart (WSL 2)', state: 'open', author: 'early-bird', created_at: '2020-12-15T10:00:00Z', body: 'Docker Desktop does not start after a Windows restart with the WSL 2 backend.' },
    { repo: 'moby/moby', type: 'pull', number: 41817, title: 'Fix restart of containers marked as restarting on daemon start', state: 'open', author: 'cpu-guy', created_at: '2020-12-18T12:00:00Z', body: 'A container left with Running and Restarting both true is now reset on daemon start instead of blocking it.' },
  ],
  gold: {
    status: { must_contain: ['duplicate', '#9755'], must_not_contain: ['not planned'] },
    links: [
      { from: 'docker/for-win#9824', to: 'docker/for-win#9755', kind: 'mentions' },
      { from: 'docker/for-win#9824', to: 'moby/moby#41817', kind: 'mentions' },
    ],
    linked_pulls: ['moby/moby#41817'],
    sections: {
      error_messages: ['error during connect: This error may indicate that the docker daemon is not running.'],
      environment: ['Docker Desktop 3.0.0', 'Windows 10 20H2'],
      workaround: ['nsenter -a -t $(pgrep lifecycle-server)', 'quit Docker Desktop and start it again'],
      fix: ['moby/moby#41817'],
    },
    must_not: { workaround: ["the workaround doesn't run"] },
    notes: ['Closed in favor of the earlier #9755 (a duplicate stated in words). The fix is an open pull in moby/moby. A complaint that the workaround fails is not a workaround.'],
  },
};
