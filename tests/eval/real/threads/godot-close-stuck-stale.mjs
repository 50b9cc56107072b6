// Bold-label Godot template whose numbered steps include a filler step ("Do
// something or not") and end in the symptom ("stuck ...."); no error text at
// all. A member cannot reproduce and says it "might be a duplicate" of an
// issue the world does not hold; the reporter, in non-native English,
// guesses at a cause and disproves it in the same breath; a year later a
// member asks whether anyone still sees it in a newer release and then
// closes it for lack of an answer. Closed without a fix, a cause or a
// duplicate.
export default {
  url: 'https://github.com/godotengine/godot/issues/29371',
  reconstructed: 'author associations (akien-mga and KoBeWi taken as MEMBER)',
  split: 'tuning',
  ecosystem: 'godot',
  styles: ['bold-label template', 'numbered steps with a filler step', 'no error text', 'hedged duplicate guess', 'reporter guesses a cause and disproves it', 'still reproducible? then closed for lack of update', 'non-native english'],
  repo: 'godotengine/godot',
  issue: {
    number: 29371, title: 'Editor stuck when closing project on macOS', state: 'closed', state_reason: 'completed',
    author: 'zszen', labels: ['bug', 'platform:macos', 'topic:core'], created_at: '2019-06-01T08:00:00Z', closer: 'KoBeWi',
    body: `**Godot version:**
3.1

**OS/device including version:**
MacOS 10.14.4

**Issue description:**
it get stuck when I close some project

**Steps to reproduce:**
1. Open the project :
https://github.com/zszen/godot_lesson/tree/master/dodge_the_creeps
2. Do something or not 
3. close the project
4. stuck ....

Not every project get stuck, only some one. I dont know what is special with this one. So I put the code here for the report.

**Minimal reproduction project:**
https://github.com/zszen/godot_lesson/tree/master/dodge_the_creeps`,
  },
  comments: [
    ['akien-mga', 'MEMBER', `Can't reproduce it here on Linux with Godot 3.1.1.
It could be a duplicate of #29107.`],
    ['zszen', 'NONE', `@akien-mga maybe is caused by the simbol "!". When I start to learn the game, I fill "Dodge The Creeps!" as the name. But it also get stuck after I remove the simbol. I guess is it.`],
    ['KoBeWi', 'MEMBER', `Is anybody still able to reproduce this bug in [Godot 3.2.3 rc1](https://godotengine.org/article/release-candidate-godot-3-2-3-rc-1) or a later release?`],
    ['KoBeWi', 'MEMBER', `Closing as there has been no update. If you can still reproduce this issue in the latest stable version of Godot, please leave a comment.`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: [],
      reproduction: ['Open the project', 'Do something or not', 'close the project', 'stuck ....', 'godot_lesson/tree/master/dodge_the_creeps'],
      environment: ['MacOS 10.14.4', '3.1'],
      root_cause: [],
      fix: [],
      workaround: [],
    },
    must_not: {
      root_cause: ['caused by the simbol', "Can't reproduce it here"],
      fix: ['3.2.3 rc1', 'Closing as there has been no update'],
      workaround: ['3.2.3 rc1', 'remove the simbol'],
      environment: ['Godot 3.1.1', 'Linux'],
      error_messages: ['stuck'],
    },
    notes: [
      'After the first run, the reproduction gold took in the rest of the reporter\'s numbered steps ("Do something or not", "stuck ....") and the minimal reproduction project\'s address: the gold rules count a reporter\'s own steps, in their order, as steps (only a template\'s placeholder is left out), and the project under "Minimal reproduction project" is what a reader reproduces with.',
      'The reproduction is the template\'s numbered list under "**Steps to reproduce:**": open the linked project, (optionally) do something, close it. Step 2 ("Do something or not") is a filler the reporter wrote, not a template placeholder, so a report may keep it; step 4 ("stuck ....") is the symptom, like a template\'s "See error", and is not asked for. The project URL is the reproducer.',
      'There is no error text anywhere: the editor just hangs. "stuck" is the symptom, not an error message, so the error section must stay empty.',
      'The environment is the template\'s filled-in lines (Godot 3.1, MacOS 10.14.4); the Godot version stands alone on the line under its bold label, so its gold item is the bare "3.1". Godot 3.1.1 on Linux is where the member could not reproduce it, and 3.2.3 rc1 is the release he asks about: neither is the reporter\'s environment.',
      'The reporter\'s guess about the "!" in the project name is no cause: he says himself it still hangs after removing it. "Can\'t reproduce" is no cause either.',
      'The member\'s "could be a duplicate of #29107" is hedged and the issue is not closed as a duplicate, so a status saying duplicate would be false. #29107 is not part of this world (the gold may only name items the world holds), so no edge to it is asked for and links stays empty.',
      'The last member asks whether it still happens in 3.2.3 rc1 or later, gets no answer and closes it for lack of update: closed, with no fix, no cause and no workaround. Upgrading is only asked about, never reported to help, so it is neither a fix nor a workaround.',
    ],
  },
};
