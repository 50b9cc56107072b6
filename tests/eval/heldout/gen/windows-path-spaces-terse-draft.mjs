#!/usr/bin/env node
// World: a terse, non-native-English report: a Node CLI's quantize step fails
// on Windows when the user folder has a space ("'C:\Users\Minh' is not
// recognized as an internal or external command"). A contributor explains
// the unquoted exec() command and offers an environment-variable workaround
// (cmd and PowerShell variants), confirmed by the reporter; a draft pull with
// "Fixes #377" is open; the issue is still open. Noise: +1, a macOS question,
// a "any news?".
import { comment, emit, issue, pull } from '../../../lib/worldgen.mjs';

const REPO = 'driftglass/spritepack';

const body = `spritepack build not working if windows user name have space inside. It fail always on quantize step.

\`\`\`
> npx spritepack build ./assets --out ./dist
[spritepack] packing 214 sprites into 3 sheets
[spritepack] quantize sheet-0.png
Error: Command failed: C:\\Users\\Minh Anh Tran\\AppData\\Local\\spritepack\\bin\\pngshrink.exe --quality 70-90 --output "C:\\Users\\Minh Anh Tran\\proj\\game\\dist\\sheet-0.png" "C:\\Users\\Minh Anh Tran\\AppData\\Local\\Temp\\sp-8x2k\\sheet-0.png"
'C:\\Users\\Minh' is not recognized as an internal or external command,
operable program or batch file.

    at ChildProcess.exithandler (node:child_process:422:12)
    at ChildProcess.emit (node:events:519:28)
    at maybeClose (node:internal/child_process:1105:16)
\`\`\`

how to reproduce:
1. windows account with space in user name
2. run npx spritepack build ./assets --out ./dist in any project

windows 11, node 20.11.1, spritepack 1.9.2
on colleague pc (user name without space) same project it work.
`;

const workaround = `We build the pngshrink command as one string and run it with child_process.exec, so cmd.exe splits the path at the first space. The output and input paths are quoted, the binary path is not.

Until that is fixed you can point spritepack at a copy of the binary in a folder without spaces:

\`\`\`
mkdir C:\\tools
copy "%LOCALAPPDATA%\\spritepack\\bin\\pngshrink.exe" C:\\tools\\
set SPRITEPACK_PNGSHRINK=C:\\tools\\pngshrink.exe
npx spritepack build ./assets --out ./dist
\`\`\`

In PowerShell the variable is set with \`$env:SPRITEPACK_PNGSHRINK = "C:\\tools\\pngshrink.exe"\`.`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 377,
          title: 'build fail on windows when user name have space',
          body,
          state: 'open',
          author: 'minh-anh-tran',
          labels: ['bug', 'windows'],
          created_at: '2026-05-11T06:48:00Z',
          updated_at: '2026-05-26T13:05:00Z',
          comments: [
            comment('kasimir-oyelowo', 'NONE', '2026-05-11T08:02:00Z', `+1`),
            comment('renske-abara', 'CONTRIBUTOR', '2026-05-11T10:37:00Z', workaround),
            comment('minh-anh-tran', 'NONE', '2026-05-11T12:15:00Z',
              `thank you, with SPRITEPACK_PNGSHRINK it work now. but please fix, my students all have name with space.`),
            comment('kasimir-oyelowo', 'NONE', '2026-05-12T09:20:00Z',
              `Is this same problem on mac? our build machine user is "Build Agent".`),
            comment('renske-abara', 'CONTRIBUTOR', '2026-05-12T10:05:00Z',
              `No, on macOS and Linux we don't go through a shell. Windows only.`),
            comment('renske-abara', 'CONTRIBUTOR', '2026-05-14T17:40:00Z',
              `Draft fix in #381. It needs a Windows CI job before it can be merged.`),
            comment('tobiah-fenwick', 'NONE', '2026-05-26T13:05:00Z',
              `any news? same on windows 10 here.`),
          ],
          events: [
            { type: 'labeled', actor: 'renske-abara', created_at: '2026-05-11T10:38:00Z', label: 'windows' },
          ],
        }),
        pull({
          number: 381,
          title: 'Run pngshrink with execFile so paths with spaces work on Windows',
          body: `Fixes #377

Replaces the exec() call that builds one command string with execFile() and an argument array, so neither the binary path nor the file paths go through cmd.exe.

Still missing: a Windows job in CI that runs the quantize step from a directory with a space in its name.`,
          state: 'open',
          author: 'renske-abara',
          author_association: 'CONTRIBUTOR',
          created_at: '2026-05-14T17:30:00Z',
          draft: true,
          head: 'renske/execfile-windows',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
