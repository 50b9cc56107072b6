// A quoted fix from elsewhere with docker version output, confirmed
// by one user and contradicted by another.
export default {
  url: 'https://github.com/docker/for-linux/issues/813',
  reconstructed: 'issue body',
  split: 'tuning',
  ecosystem: 'docker',
  styles: ['success-report workaround', 'versions in command output', 'quoted advice'],
  repo: 'docker/for-linux',
  issue: {
    number: 813, title: 'No status provided on response: unknown', state: 'closed', state_reason: 'completed',
    author: 'ops-dave', created_at: '2019-10-14T10:00:00Z',
    body: `Since this morning's package upgrade every \`docker run\` fails:

docker: Error response from daemon: OCI runtime create failed: container_linux.go:345: starting container process caused "process_linux.go:430: container init caused \\"process_linux.go:396: setting cgroup config for procHooks process caused \\\\\\"No status provided on response: unknown\\\\\\"\\"": unknown.

Ubuntu 16.04, docker-ce 19.03.3.`,
  },
  comments: [
    ['ying-w', 'NONE', `This fix

> I managed to fix it by installing another runc version and then reinstalling docker-ce
> 
> \`\`\`
> apt-get install runc=1.0.0~rc7+git20190403.029124da-0ubuntu1~16.04.4
> \`\`\`
> 
> \`\`\`
> apt-get install docker-ce
> \`\`\`
> 
> My docker version became:
> 
> \`\`\`
> Client: Docker Engine - Community
>  Version:           19.03.3
>  API version:       1.40
>  Go version:        go1.12.10
> \`\`\`

did it for me! Many thanks :)`],
    ['r-lips', 'NONE', `Good for you. It did **not** work for me, even after restarting the daemon many times.`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ['No status provided on response: unknown'],
      environment: ['Ubuntu 16.04', 'docker-ce 19.03.3'],
      workaround: ['apt-get install runc=1.0.0~rc7+git20190403.029124da-0ubuntu1~16.04.4'],
      root_cause: [],
    },
    must_not: { workaround: ['did **not** work', 'not work for me'] },
    notes: ['The workaround (pin runc, reinstall docker-ce) is quoted and confirmed with "did it for me"; a second user says it did not work, which is not a workaround.'],
  },
};
