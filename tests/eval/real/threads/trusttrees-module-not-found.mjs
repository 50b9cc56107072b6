// Unfenced traceback, environment given as shell command output, three
// install attempts as prompts, and a second user's success-report workaround.
export default {
  url: 'https://github.com/mandatoryprogrammer/TrustTrees/issues/32',
  reconstructed: '#33 (named, not shown)',
  split: 'tuning',
  ecosystem: 'python',
  styles: ['unfenced traceback', 'versions in command output', 'success-report workaround'],
  repo: 'mandatoryprogrammer/TrustTrees',
  issue: {
    number: 32, title: "ModuleNotFoundError: No module named 'trusttrees'", state: 'closed', state_reason: 'completed',
    author: 'lars-ubuntu', created_at: '2020-01-31T09:00:00Z',
    body: `Environment:
$ lsb_release -a
LSB Version:    core-11.0.1ubuntu1-noarch:security-11.0.1ubuntu1-noarch
Distributor ID: Ubuntu
Description:    Ubuntu 19.10
Release:        19.10
Codename:       eoan
$ python3 -V
Python 3.7.5

First as a normal user, into ~/.local/...:
$ pip3 install --user trusttrees

Then as root, into /usr/local:
# pip3 install trusttrees

Then from a git checkout, as root:
# git clone https://github.com/mandatoryprogrammer/TrustTrees
# cd TrustTrees
# pip3 install .

Every time the result is the same:
# trusttrees 
Traceback (most recent call last):
  File "/usr/local/bin/trusttrees", line 6, in <module>
    from trusttrees.__main__ import main
ModuleNotFoundError: No module named 'trusttrees'

Any pointers for someone new to python?
Thanks!
   Lars`,
  },
  comments: [
    ['dgz-lopes', 'NONE', `Adding to this one since I think it's the same problem.

I hit the same \`ModuleNotFoundError\` on my first install of TrustTrees:
\`\`\`
$ pyenv local 3.7.0
$ pip install trusttrees
...
$ trusttrees
Traceback (most recent call last):
  File "/home/dgzlopes/.pyenv/versions/3.7.0/bin/trusttrees", line 5, in <module>
    from trusttrees.__main__ import main
ModuleNotFoundError: No module named 'trusttrees'
\`\`\`
Same OS as in #33.

In the end I installed it with \`\`\`git clone\`\`\` and \`\`\`pip install -e .\`\`\` and that got it working :)`],
  ],
  items: [
    { number: 33, title: 'pip install fails on Ubuntu 19.10', state: 'open', author: 'other-user', created_at: '2020-01-20T10:00:00Z', body: 'The install from pip does not work on Ubuntu 19.10.' },
  ],
  gold: {
    links: [{ from: 'mandatoryprogrammer/TrustTrees#32', to: 'mandatoryprogrammer/TrustTrees#33', kind: 'mentions' }],
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ["ModuleNotFoundError: No module named 'trusttrees'"],
      environment: ['Ubuntu 19.10', 'Python 3.7.5'],
      reproduction: ['pip3 install --user trusttrees'],
      workaround: ['pip install -e .'],
    },
    must_not: { root_cause: ['Any pointers'] },
    notes: ['The traceback in the body has no fence; its bytes (<module>, __main__) must survive. The versions come from lsb_release and python3 -V output. The workaround is a success report: an editable install from a clone.'],
  },
};
