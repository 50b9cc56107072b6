#!/usr/bin/env node
// World: fluent but non-native English from a Windows user; PowerShell
// output with "PS C:\...>" prompts; os error 206 (path too long); a
// maintainer explains the cause and gives a registry workaround (an admin
// PowerShell command, terminal restart needed), points at a tracking issue;
// the reporter confirms; another user can't change the registry and gets a
// second way out; open, no pull.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'pebblerun/tessera';

const body = `Hello, I use tessera since half a year without problems, but after the update to 1.6.0 the \`tessera sync\` is not working anymore on my Windows machine. On the linux laptop of my colleague the same repository is working.

Here is the output from PowerShell:

\`\`\`
PS C:\\Users\\jwisniewski\\projekty\\sklep-frontend> tessera --version
tessera 1.6.0 (x86_64-pc-windows-msvc)
PS C:\\Users\\jwisniewski\\projekty\\sklep-frontend> tessera sync
   Resolving 412 packages
   Fetching  @sklep/ui-components@4.2.0
error: failed to write 'C:\\Users\\jwisniewski\\projekty\\sklep-frontend\\.tessera\\store\\v3\\@sklep+ui-components@4.2.0\\node_modules\\@sklep\\ui-components\\dist\\components\\checkout\\payment-method-selector\\PaymentMethodSelector.stories.module.css.map'
Caused by: The filename or extension is too long. (os error 206)
PS C:\\Users\\jwisniewski\\projekty\\sklep-frontend>
\`\`\`

I was thinking maybe it is problem of the new store layout (v3), because in 1.5.x the path was more short. I tried also to run PowerShell as administrator, it is the same error.

My system is Windows 10 Pro 22H2 (build 19045.4529) with PowerShell 7.4.2.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 905,
          title: 'Use extended-length paths on Windows so deep stores work without LongPathsEnabled',
          body: `Prefix store paths with \\\\?\\ on Windows so that writing them doesn't depend on a system-wide registry setting.`,
          author: 'nadia-el-amrani',
          author_association: 'MEMBER',
          labels: ['windows', 'enhancement'],
          created_at: '2026-05-30T10:00:00Z',
        }),
        issue({
          number: 918,
          title: "sync fails on Windows with 'The filename or extension is too long' (os error 206)",
          body,
          author: 'jwisniewski',
          labels: ['bug', 'windows'],
          created_at: '2026-06-12T07:48:00Z',
          updated_at: '2026-06-16T12:30:00Z',
          comments: [
            comment('nadia-el-amrani', 'MEMBER', '2026-06-12T11:20:00Z',
              `Thank you for the detailed report. You are right about the store layout: 1.6.0 added the v3\\<name>@<version> level, so for deep packages the full path is now longer than 260 characters. Our binary already declares that it is long-path aware, but Windows ignores this unless the LongPathsEnabled registry value is 1, and it is 0 by default. Making tessera work without the setting is tracked in #905.

For now you can enable long paths in the registry. Run this in a PowerShell started as administrator, then close and open the terminal again:

\`\`\`powershell
PS C:\\> New-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem" -Name "LongPathsEnabled" -Value 1 -PropertyType DWORD -Force
\`\`\``),
            comment('jwisniewski', 'NONE', '2026-06-12T17:05:00Z',
              `Thank you very much, it helped! I have run the command as administrator, then closed and opened again the terminal, and sync is working. Only small thing: without the restart of the terminal it was still failing, maybe it is good to write this in the docs.

\`\`\`
PS C:\\Users\\jwisniewski\\projekty\\sklep-frontend> Get-ItemPropertyValue -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem" -Name LongPathsEnabled
1
PS C:\\Users\\jwisniewski\\projekty\\sklep-frontend> tessera sync
   Resolving 412 packages
   Linked    412 packages in 38.2s
\`\`\``),
            comment('tomas-gallardo', 'NONE', '2026-06-15T09:40:00Z',
              `Same problem on our company laptops, but we cannot change HKLM because of group policy. Is there another way?`),
            comment('nadia-el-amrani', 'MEMBER', '2026-06-16T12:30:00Z',
              `Without the registry value only #905 will really help, sorry. Until then you can move the project to a shorter folder, for example C:\\src\\shop, so that the paths stay under 260 characters.`),
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
