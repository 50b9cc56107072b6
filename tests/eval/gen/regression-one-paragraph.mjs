#!/usr/bin/env node
// World: a regression report written as one long paragraph (no headings,
// no lists): the version change, the command run, the error quoted inline
// in backticks, two things that worked (downgrade, an explicit flag) and
// the platform; a maintainer confirms, explains the cause and adds a third
// way around; another user confirms the flag. Open, no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'saltmarsh-dev/mdtidy';

const body = `Since upgrading mdtidy from 2.4.1 to 2.5.0 yesterday our pre-commit hook fails on every Markdown file that starts with a YAML front matter block, which in our docs repository is all of them; what I did is nothing special, just \`npx mdtidy --check docs/\` with the same \`.mdtidyrc.json\` we have used for a year (it only sets lineWidth and listMarker), and every such file now fails with \`Error: Unexpected token '---' at 1:1 (is the frontmatter plugin registered?)\` followed by the file name, while files without front matter pass as before; going back to 2.4.1 with \`npm i -D mdtidy@2.4.1\` makes the hook pass again, and on 2.5.0 passing \`--plugin frontmatter\` explicitly also works, so my guess is that the front matter plugin is no longer loaded by default when a config file exists, but I haven't dug into the code; this is Node 20.11.1 on macOS 14.4 and the same happens in our Ubuntu CI.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 903,
          title: '2.5.0: --check fails on every file with front matter',
          body,
          author: 'benedek-sallai',
          labels: ['regression'],
          created_at: '2026-07-08T06:55:00Z',
          updated_at: '2026-07-09T13:30:00Z',
          comments: [
            comment('yuna-petrakis', 'MEMBER', '2026-07-08T12:21:00Z',
              `Confirmed, and your guess is close. In 2.5.0 the config loader replaces the default plugin list with the one from the config file instead of merging the two, and since your config has no plugins key the list ends up empty. Adding "plugins": ["frontmatter"] to .mdtidyrc.json is another way around it until 2.5.1.`),
            comment('osei-lindqvist', 'NONE', '2026-07-09T13:30:00Z',
              `Same on Windows with Node 22. The --plugin frontmatter flag works for me as well.`),
          ],
          events: [
            { type: 'labeled', actor: 'yuna-petrakis', created_at: '2026-07-08T12:22:00Z', label: 'regression' },
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
