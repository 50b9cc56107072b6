// Bold-label template ("**To Reproduce**") whose numbered steps skip from 2
// to 4 and hold a key press in inline code; the error is only paraphrased in
// prose (the screenshot holds the real panic). The owner answers "Dup #639"
// and, in the same breath, that it is probably fixed and to upgrade; the
// canonical #639 is itself closed as a duplicate of yet another issue.
export default {
  url: 'https://github.com/derailed/k9s/issues/672',
  reconstructed: 'who closed the issue (taken to be the owner)',
  split: 'tuning',
  ecosystem: 'kubernetes',
  styles: ['bold-label template', 'numbered steps with a gap', 'key press in inline code', 'error only in prose', 'duplicate stated in words', 'hedged fix with upgrade advice'],
  repo: 'derailed/k9s',
  issue: {
    number: 672, title: 'Strange crash when asked for logs', state: 'closed', state_reason: 'completed',
    author: 'serhat-c', labels: ['duplicate'], created_at: '2020-04-17T08:00:00Z', closer: 'derailed',
    body: `<img src="https://raw.githubusercontent.com/derailed/k9s/master/assets/k9s_err.png" align="right" width="100" height="auto"/>

<br/>
<br/>
<br/>

**Describe the bug**
In the pods view I pressed \`<l>\` to look at the logs and k9s crashed. The error is a panic, it says a goroutine tried to send on closed channel

**To Reproduce**
Steps to reproduce the behavior:
1. Open the pods view
2. Press \`l\` on your keyboard to view the logs of the selected pod
4. See error

**Expected behavior**
The logs show up

**Screenshots**
![Screen Shot 2020-04-17 at 11 06 41](https://user-images.githubusercontent.com/10282948/79547111-1f80a700-809c-11ea-9094-2e9ed1db5e72.png)

**Versions (please complete the following information):**
 - OS: 10.14
 - K9s 0.17.7
 - K8s v1.14.10-gke.27

**Additional context**
It happened only twice, both times on the same pod, and I could not work out what is wrong. \`kubectl logs $POD\` works fine.`,
  },
  comments: [
    ['derailed', 'OWNER', `Dup #639 

@serhat-c I believe this one was fixed. Please update your k9s install to the latest and let us know if you're happier... Tx!`],
  ],
  items: [
    { number: 639, title: 'Crash when looking logs on pod with ephemeral containers', state: 'closed', state_reason: 'completed', labels: ['duplicate'],
      author: 'jr-cs', created_at: '2020-03-31T08:00:00Z', closer: 'derailed',
      body: `<img src="https://raw.githubusercontent.com/derailed/k9s/master/assets/k9s_err.png" align="right" width="100" height="auto"/>

<br/>

**Describe the bug**
When you look at the logs of a pod that has ephemeral containers, k9s panics:
\`\`\`
panic: send on closed channel
github.com/derailed/k9s/internal/dao.readLogs(0x1da0820, 0xc0012a4c60, 0xc000d2c7e0, 0xc0013c8620, 0x1d, 0xc0020be7a0, 0x5, 0x1388, 0x1000100, 0x0, ...)
/Users/fernand/go_wk/derailed/src/github.com/derailed/k9s/internal/dao/pod.go:270 +0x401
created by github.com/derailed/k9s/internal/dao.tailLogs
/Users/fernand/go_wk/derailed/src/github.com/derailed/k9s/internal/dao/pod.go:247 +0x454

**Versions (please complete the following information):**
 - OS: Fedora Linux 31
 - K9s 0.18.1
 - K8s v1.17.4
\`\`\``,
      comments: [['derailed', 'OWNER', 'Dup #635']] },
  ],
  gold: {
    status: { must_contain: ['duplicate', '#639'], must_not_contain: ['not planned'] },
    links: [
      { from: 'derailed/k9s#672', to: 'derailed/k9s#639', kind: 'mentions' },
    ],
    linked_pulls: [],
    sections: {
      error_messages: ['send on closed channel'],
      reproduction: ['Open the pods view', 'to view the logs of the selected pod'],
      environment: ['K9s 0.17.7', 'v1.14.10-gke.27', 'OS: 10.14'],
      root_cause: [],
      fix: ['update your k9s install to the latest'],
      workaround: [],
    },
    must_not: {
      workaround: ['kubectl logs $POD', 'works fine'],
      root_cause: ['could not work out what is wrong', 'happened only twice'],
    },
    notes: [
      'After the first run, two reproduction entries left the gold: the step "See error" (GitHub\'s bug template writes it; the report leaves template placeholders out by design) and the must-not "The logs show up" (the expected behaviour is shown in the reproduction section labelled "Expected:", which README → Metrics counts as context, not as a step).',
      'The reproduction is the template\'s numbered list under the bold "**To Reproduce**" label; the reporter skipped number 3, so step "4. See error" must still be read as the third step. The key press is inline code ("Press l on your keyboard" once rendered). "The logs show up" is the expected behaviour, not a step.',
      'The only error text is the reporter\'s prose ("tried to send on closed channel"); the panic itself is in the screenshot and in the canonical\'s body. One error item.',
      'The owner closes it in words ("Dup #639", no "Duplicate of" form, no duplicate event) and adds that it is probably fixed and the reporter should upgrade to the latest release: the status is a duplicate of #639, and the upgrade advice is the fix. #639 is itself closed as "Dup #635"; #635 is not part of this world (the gold may only name items the world holds), so no edge to it is asked for.',
      'No cause is given: "kubectl logs $POD works fine" is the reporter\'s observation, not an offered workaround, and "could not work out what is wrong" is no cause.',
    ],
  },
};
