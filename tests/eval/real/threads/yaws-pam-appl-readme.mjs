// Two failed install routes told in prose (apt-get, then a source build
// whose configure error sits in a fenced block after a one-line command
// with a semicolon). The maintainer's whole answer is "read the README":
// a link, one sentence, and a quoted block of package names whose last line
// is the missing one. The reporter calls it a dumb error; the maintainer
// consoles him. Not a bug: closed without a fix, and the apt-get route is
// never answered.
export default {
  url: 'https://github.com/erlyaws/yaws/issues/369',
  reconstructed: 'author associations (vinoski taken as MEMBER); who closed the issue (taken to be the maintainer who answered)',
  split: 'tuning',
  ecosystem: 'erlang',
  styles: ['not a bug, you need to install X', 'cause as a pointer to the README', 'quoted README block', 'error in a fenced sh block', 'command in prose with a semicolon', 'self-deprecating thanks'],
  repo: 'erlyaws/yaws',
  issue: {
    number: 369, title: 'Unable to install on Ubuntu 18.04 and OTP 21', state: 'closed', state_reason: 'completed',
    author: 'micheleriva', created_at: '2019-02-25T09:00:00Z', closer: 'vinoski',
    body: `Hi,
I'm trying to get Yaws onto my Ubuntu 18.04 machine (OTP 21).
First I installed it with \`apt-get\`, but afterwards typing \`yaws\` in my shell only gives me a "command not found" error.
So I tried to build it from source [following this page](http://yaws.hyber.org/configuration.yaws), but running \`./configure --prefix=/usr; make\` ends with this:

\`\`\`sh
configure: error: "Could not find pam_appl.h required for pam authentication"
make: *** No targets specified and no makefile found.  Stop.
\`\`\`
the whole log is [here](https://gist.github.com/micheleriva/d7838155db0a954a8deb2ae92c08880a)

what should I do?
Thanks!`,
  },
  comments: [
    ['vinoski', 'MEMBER', `The [README.md](https://github.com/klacke/yaws/blob/master/README.md) lists the packages you need to build Yaws. You're missing the last one on that list:

> Build dependencies to install. The packages required to compile Yaws are (debian package names):
>
> build-essential
> autoconf/automake/libtool
> erlang - Required apps:
> erlang-{kernel/stdlib/sasl/erts}
> erlang-compiler
> erlang-crypto
> erlang-xmerl
> libpam0g-dev`],
    ['micheleriva', 'NONE', `What a dumb error. Sorry, and thank you!`],
    ['vinoski', 'MEMBER', `No worries, I still forget to install that particular rpm myself every now and then.`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: [
        'Could not find pam_appl.h required for pam authentication',
        'No targets specified and no makefile found',
        'command not found',
      ],
      reproduction: ['./configure --prefix=/usr; make'],
      environment: ['Ubuntu 18.04', 'OTP 21'],
      root_cause: ["You're missing the last one on that list"],
      fix: [],
    },
    must_not: {
      error_messages: ['What a dumb error'],
      root_cause: ['What a dumb error', 'No worries'],
      fix: ['libpam0g-dev', 'What a dumb error'],
      environment: ['particular rpm'],
    },
    notes: [
      'Not a bug: the maintainer points at the README\'s list of build dependencies and says the reporter lacks the last one, quoting the list; the last line of the quote, libpam0g-dev, is the package that provides pam_appl.h. That sentence with its quoted list is the cause. Nothing in Yaws changes, so the fix section must stay empty and the status must not say fixed.',
      'Installing the missing package is the user\'s way forward, not a change to the project; whether a report files it as a workaround or only as part of the cause is left open, so the workaround section is not judged.',
      'Three failures: the configure error about pam_appl.h, make\'s "No targets specified" that follows from it (a separate line of the same fenced block), and the "command not found" from the apt-get route, quoted only in prose. The apt-get route is never answered.',
      'The reproduction is the one-line command in prose, ./configure --prefix=/usr; make (the semicolon is part of it). The reporter\'s "What a dumb error" is self-reproach, not an error message; the maintainer\'s "that particular rpm" is no environment fact.',
    ],
  },
};
