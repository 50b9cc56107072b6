// A Helm chart install that fails on a missing ServiceMonitor kind; one
// commenter names the missing prerequisite, another says in one line to
// switch the monitoring off in the values.
export default {
  url: 'https://github.com/ListnPlay/charts/issues/1',
  reconstructed: 'author associations (the stored copy does not give them; taken as NONE, neither commenter is the chart maintainer)',
  split: 'tuning',
  ecosystem: 'helm',
  styles: ['terse', 'one-line disable workaround in a comment', 'error in inline code', 'cause stated as a prerequisite'],
  repo: 'ListnPlay/charts',
  issue: {
    number: 1, title: 'Install fails on EKS (AWS)', state: 'closed', state_reason: 'completed',
    author: 'sarang-d', created_at: '2021-04-21T10:00:00Z',
    body: `This is the error I get:
\`Error: unable to build kubernetes objects from release manifest: unable to recognize "": no matches for kind "ServiceMonitor" in version "monitoring.coreos.com/v1"\``,
  },
  comments: [
    ['jhj-kim', 'NONE', `Prometheus operator has to be installed for this.`],
    ['r-jan', 'NONE', `no prometheus? then put monitoring.enabled: false in your helm values.`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      error_messages: ['no matches for kind "ServiceMonitor" in version "monitoring.coreos.com/v1"'],
      environment: ['EKS'],
      root_cause: ['Prometheus operator'],
      workaround: ['monitoring.enabled: false'],
      fix: [],
    },
    must_not: {
      root_cause: ['monitoring.enabled'],
      fix: ['monitoring.enabled'],
    },
    notes: [
      'The chart renders a ServiceMonitor, a kind that only exists where the Prometheus operator is installed; the first comment states that prerequisite, which is the cause. The second comment is a terse one-liner that turns the monitoring off in the Helm values: a workaround, not a fix, since the chart is not changed in the thread.',
      'The issue is closed without a word, so the status can only say closed.',
    ],
  },
};
