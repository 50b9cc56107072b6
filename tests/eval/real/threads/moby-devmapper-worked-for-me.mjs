// Years-long thread: a link that "worked for me" and a bare shell loop.
export default {
  url: 'https://github.com/moby/moby/issues/29622',
  reconstructed: 'issue body',
  split: 'heldout',
  ecosystem: 'docker',
  styles: ['success-report workaround', 'bare command as a comment', 'link-only advice'],
  repo: 'moby/moby',
  issue: {
    number: 29622, title: "Error response from daemon: devmapper: Error mounting '/dev/mapper/docker-253:2-8652374-' on '/var/lib/docker/devicemapper/mnt/': invalid argument", state: 'closed', state_reason: 'completed',
    author: 'ir-bian', labels: ['status/more-info-needed', 'version/1.10'], created_at: '2016-12-21T10:00:00Z',
    body: `Starting any container after the host rebooted with SELinux enforcing:

Error response from daemon: devmapper: Error mounting '/dev/mapper/docker-253:2-8652374-' on '/var/lib/docker/devicemapper/mnt/': invalid argument

docker 1.10.3 on CentOS 7.2`,
  },
  comments: [
    ['someone-else', 'NONE', `Have a look at this, worked for me https://stackoverflow.com/a/36346893`],
    ['igor-p', 'NONE', `for f in /var/lib/docker/containers/*/config.v2.json; do jq 'del(.MountLabel, .ProcessLabel)' $f > /tmp/containter-cfg-tmp && mv -f /tmp/containter-cfg-tmp $f; done`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      error_messages: ["devmapper: Error mounting '/dev/mapper/docker-253:2-8652374-'"],
      environment: ['docker 1.10.3', 'CentOS 7.2'],
      workaround: ['https://stackoverflow.com/a/36346893', "jq 'del(.MountLabel, .ProcessLabel)'"],
    },
    notes: ['Two workarounds: a link reported to work and a bare shell loop that strips the SELinux labels from each container config.'],
  },
};
