// The reporter's own workaround, hedged, and the reporter closes.
export default {
  url: 'https://github.com/coreos/bugs/issues/1945',
  reconstructed: 'issue body',
  split: 'tuning',
  ecosystem: 'docker',
  styles: ['success-report workaround', 'hedged', 'self-closed'],
  repo: 'coreos/bugs',
  issue: {
    number: 1945, title: 'Error starting daemon: error initializing graphdriver: invalid argument', state: 'closed', state_reason: 'completed',
    author: 'mo-naka', labels: ['area/usability', 'component/docker', 'kind/regression', 'needs/more-information', 'priority/P1'], created_at: '2017-05-10T10:00:00Z',
    body: `After updating to Container Linux 1409.2.0 docker.service does not start:

Error starting daemon: error initializing graphdriver: invalid argument

/var/lib/docker is a separate btrfs disk.`,
  },
  comments: [
    ['mo-naka', 'NONE', `docker.service seems to start without errors after I re-formatted the disk I use for /var/lib/docker.
My workaround may have side-effects. I'm closing this. Thanks.`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ['Error starting daemon: error initializing graphdriver: invalid argument'],
      environment: ['Container Linux 1409.2.0'],
      workaround: ['re-formatted the disk I use for /var/lib/docker'],
      fix: [],
    },
    notes: ['The reporter closes after a workaround of his own (re-format the docker disk); there is no fix.'],
  },
};
