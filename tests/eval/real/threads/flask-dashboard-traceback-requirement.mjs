// A maintainer asks in one line; a colleague states the cause as a fact.
export default {
  url: 'https://github.com/flask-dashboard/Flask-MonitoringDashboard/issues/26',
  split: 'tuning',
  ecosystem: 'python',
  styles: ['terse', 'cause stated as fact', 'fenced shell output'],
  repo: 'flask-dashboard/Flask-MonitoringDashboard',
  issue: {
    number: 26, title: 'installer complains about missing package', state: 'closed', state_reason: 'completed',
    author: 'mircea-l', author_association: 'MEMBER', created_at: '2017-06-20T08:00:00Z',
    body: `do you get this as well?

\`\`\`
$ python setup.py install
...
Searching for traceback
Reading https://pypi.python.org/simple/traceback/
Couldn't find index page for 'traceback' (maybe misspelled?)
Scanning index of all packages (this may take a while)
Reading https://pypi.python.org/simple/
No local packages or working download links found for traceback
error: Could not find suitable distribution for Requirement.parse('traceback')

\`\`\``,
  },
  comments: [
    ['flying-bird', 'CONTRIBUTOR', `Turns out traceback ships with python as a default module, so it can just be taken out of setup.py`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    sections: {
      error_messages: ["error: Could not find suitable distribution for Requirement.parse('traceback')"],
      reproduction: ['python setup.py install'],
      root_cause: ['traceback ships with python as a default module'],
      fix: ['taken out of setup.py'],
      workaround: [],
    },
    notes: ['The cause is stated as fact by a contributor (traceback is in the standard library); the fix is to drop it from setup.py. No pull is linked.'],
  },
};
