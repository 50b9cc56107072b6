// The reporter's own workaround, with his doubt whether it is a fix.
export default {
  url: 'https://github.com/udoprog/c10t/issues/242',
  split: 'tuning',
  ecosystem: 'c++',
  styles: ['workaround in the body', 'hedged', 'linker error'],
  repo: 'udoprog/c10t',
  issue: {
    number: 242, title: 'Missing library in final link step', state: 'closed', state_reason: 'completed',
    author: 'j-heiv', labels: ['Platform dependent Bug'], created_at: '2012-02-06T10:00:00Z',
    body: `My build got nearly to the end and then I was flooded with:

\`\`\`
operations.cpp:<some offset>: undefined reference to \`boost::system::<some function here>
\`\`\`

Adding \`-lboost_system\` to the linker command (in \`./build/CMakeFiles/c10t.dir/link.txt\`) fixes it.

I don't know cmake well enough to tell whether that's a real fix or a workaround -- it feels like a workaround though, since the file (\`link.txt\`) looks generated.

EDIT: The source came from git, so no version number, but it looks like it was checked out on Jan. 29 2012`,
  },
  comments: [],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'fixed by'] },
    sections: {
      error_messages: ['undefined reference to `boost::system::'],
      workaround: ['-lboost_system'],
      fix: [],
    },
    notes: ['The reporter adds -lboost_system to the generated link.txt and says himself it is a workaround, not a fix.'],
  },
};
