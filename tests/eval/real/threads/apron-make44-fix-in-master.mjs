// The reporter brings his own workaround (pin the dev repository) and no
// error text (the log is behind a pastebin link). The owner says in words
// that it is "a duplicate of #56" and that "master has the fix", without
// closing it; months later a third user with a different distribution asks
// for a release, and the owner closes it naming a beta release, inviting a
// reopen. The cause and a second workaround live only on #56.
export default {
  url: 'https://github.com/antoinemine/apron/issues/70',
  reconstructed: 'author associations; #56 given with its body and the owner\'s first reply only (the stored copy breaks off in the reporter\'s answer)',
  split: 'tuning',
  ecosystem: 'ocaml',
  styles: ['fix stated in words: in master, next release', 'duplicate stated in words, not closed as one', 'workaround in the body', 'no error text, log behind a link', 'closed on a beta release with a reopen invitation', 'cause only on the canonical issue'],
  repo: 'antoinemine/apron',
  issue: {
    number: 70, title: 'Installation via opam fails', state: 'closed', state_reason: 'completed',
    author: 'haselwarter', created_at: '2023-01-31T09:00:00Z', closer: 'antoinemine',
    body: `On my laptop (Arch Linux, MPFR 4.2.0, GMP 6.2.1, OCaml 4.14.1 or 4.12.1), \`opam install apron\` does not manage to compile apron, on a fresh opam switch. Building \`master\` from source does work. To get \`master\` installed through opam you can use \`opam pin add --dev-repo apron\` as a workaround (credit to \`octachron\` on \`#ocaml\`).`,
  },
  comments: [
    ['antoinemine', 'OWNER', 'Could you tell me in what way it fails? What do the logs say?'],
    ['haselwarter', 'NONE', 'Here is the log opam kept https://pastebin.mozilla.org/VfV3PeHt'],
    ['antoinemine', 'OWNER', 'OK, this is a duplicate of #56. master has the fix, and it will be part of the next release.'],
    ['maroneze', 'NONE', `Hi,

I hit this issue too while installing apron on Alpine Linux 3.18 and on Fedora 38, which both ship Make 4.4. The fix is really helpful.

Are you planning to publish a release of apron soon? Or would it help if I provided a patch file to opam?`],
    ['antoinemine', 'OWNER', 'There is now a beta release, Apron 0.9.14, and it was submitted to opam too.\nSo I am closing this issue. Feel free to reopen it if the release does not solve the problem.'],
  ],
  items: [
    { number: 56, title: 'Make 4.4 build issue', state: 'closed', state_reason: 'completed',
      author: 'jamesjer', created_at: '2022-12-06T09:00:00Z', closer: 'antoinemine',
      body: `The Fedora Linux project is getting ready to move to GNU Make 4.4. Apron 0.9.13 does not build with that version, because of [this change](https://savannah.gnu.org/bugs/?57778): include directives for files that do not exist are no longer ignored but treated as fatal errors. Line 4 of \`apron/Makefile\` is such a directive: \`include depend\`. Right after unpacking the archive there is no file named \`apron/depend\`. And \`make -C apron depend\` cannot create it either, since that reads the Makefile, which wants to include the missing depend file.

As a workaround, which I will use for the Fedora build, I run this before invoking make:
\`\`\`
touch apron/depend
make -C apron depend
\`\`\`

It would be nicer if the Makefile were reorganised so that it works with make 4.4 out of the box.`,
      comments: [
        ['antoinemine', 'OWNER', 'Thanks for the report.\n\nCould you tell me whether changing `include depend` into `-include depend`, or else shipping an empty `depend` file in the archive (much like your fix, I suppose), would solve the problem?'],
      ] },
  ],
  gold: {
    status: { must_contain: ['duplicate', '#56', '0.9.14'], must_not_contain: ['not planned', 'reopened'] },
    links: [
      { from: 'antoinemine/apron#70', to: 'antoinemine/apron#56', kind: 'mentions' },
      { from: 'antoinemine/apron#70', to: 'antoinemine/apron#56', kind: 'duplicate_of', optional: true },
    ],
    linked_pulls: [],
    sections: {
      error_messages: [],
      reproduction: ['opam install apron'],
      environment: ['Arch Linux', 'MPFR 4.2.0', 'GMP 6.2.1', 'OCaml 4.14.1'],
      root_cause: ['include directives for files that do not exist'],
      fix: ['master has the fix', 'beta release, Apron 0.9.14'],
      workaround: ['opam pin add --dev-repo apron', 'touch apron/depend'],
    },
    must_not: {
      fix: ['Building master from source does work', 'provided a patch file to opam'],
      workaround: ['provided a patch file to opam', 'Feel free to reopen'],
      root_cause: ['What do the logs say', 'The fix is really helpful'],
      environment: ['0.9.14', 'pastebin'],
    },
    notes: [
      'The owner says in his own words that this is "a duplicate of #56" and that "master has the fix" and will be in the next release, but leaves the issue open; he closes it months later by naming a beta release (Apron 0.9.14, also submitted to opam) and inviting a reopen. The status is fixed on the owner\'s word, a duplicate of #56, released in 0.9.14; nothing was reopened. The mention of #56 is certain; whether the words "a duplicate of #56" make a duplicate_of edge is left open (optional).',
      'The reporter brings his own workaround in the body: pin the development repository with opam pin add --dev-repo apron (building master from source works). The canonical #56 gives the cause (GNU Make 4.4 treats an include of a missing file as fatal, and apron/Makefile includes a depend file that does not exist yet) and a second workaround (touch apron/depend before make); the gold takes cause and workaround from the canonical issue of a duplicate.',
      'There is no error text: the log is only a pastebin link. The environment is the reporter\'s list (Arch Linux, MPFR, GMP, OCaml); 0.9.14 is the release that fixes it, not an environment fact. The third user\'s distributions are left unjudged.',
      'The third user\'s offer of a patch file for opam is a question, not a workaround or fix; "The fix is really helpful" is praise, no cause; the owner\'s request for logs is no cause.',
    ],
  },
};
