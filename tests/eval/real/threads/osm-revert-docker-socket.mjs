// Unfenced docker error; the owner states the cause as fact and fixes it by hand.
export default {
  url: 'https://github.com/Zaczero/osm-revert/issues/19',
  split: 'tuning',
  ecosystem: 'docker',
  styles: ['unfenced error', 'cause stated as fact', 'operational fix'],
  repo: 'Zaczero/osm-revert',
  issue: {
    number: 19, title: 'Docker error?', state: 'closed', state_reason: 'completed',
    author: 'fizzie-41', labels: ['bug'], created_at: '2023-10-28T10:00:00Z',
    body: `Tried a revert just now and got:

docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?.
See 'docker run --help'.
Exit code: 125`,
  },
  comments: [
    ['zaczero', 'OWNER', `Thanks - fixed. It happens when I upgrade Docker without restarting the container (it uses the Docker socket). Some day I'll fix it properly - noted!`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock'],
      root_cause: ['when I upgrade Docker without restarting the container'],
      fix: ['Thanks - fixed'],
      workaround: [],
    },
    notes: ['The error is unfenced. The owner states the cause as fact ("It happens when ...") and says it is fixed (on the server, no pull).'],
  },
};
