// The error exists only in the title (the body holds a screenshot). The
// reporter guesses, humbly, that a Neovim pull caused it and links it by a
// commit URL; the owner confirms, names the packer commit that stopped
// using the removed function and suggests pulling packer by hand. The
// reporter's own report after trying is the way out: packer was up to date,
// but the generated packer_compiled.vim was stale, so he deleted it and had
// PackerCompile write it again. He then closes the issue himself as
// "already fixed", and the owner wonders why the file was not replaced.
export default {
  url: 'https://github.com/wbthomason/packer.nvim/issues/85',
  reconstructed: 'the end of the last comment (the stored copy breaks off after "it should *"); the reporter\'s association (taken as NONE)',
  split: 'tuning',
  ecosystem: 'lua',
  styles: ['success-report workaround by the reporter', 'error only in the title', 'hedged cause confirmed by the owner', 'cause linked by a commit URL in another repository', 'fix by commit hash in words', 'self-closed as already fixed', 'non-native english'],
  repo: 'wbthomason/packer.nvim',
  issue: {
    number: 85, title: "attempt to call field '_update_package_paths' (a nil value)", state: 'closed', state_reason: 'completed',
    author: 'F4IL3D', created_at: '2020-11-04T18:00:00Z', closer: 'F4IL3D',
    body: `Thanks for this plugin, first of all.

I'm only a layman, but my guess is this error comes from this merge: [#13119](https://github.com/neovim/neovim/pull/13119/commits/c60c7375f5754eea2a4209cc6441e70b2bb44f14)

Version: NVIM v0.5.0-804-geee066881

![image](https://user-images.githubusercontent.com/48415231/98112120-ebd36600-1ea1-11eb-88f7-7bbadc5f9806.png)`,
  },
  comments: [
    ['wbthomason', 'OWNER', `Yes, that PR did remove \`_update_package_paths\`. Commit b3a1bb on \`packer\` stopped using that function - are you on the latest \`packer\`?

Sadly, if you upgraded Neovim before your plugins, you may need to pull the \`packer\` updates by hand.`],
    ['F4IL3D', 'NONE', `Hello Wil,

packer himself tells me I'm up to date. ;-)
You're right though. I upgraded Neovim first and the plugins after. Even a manual PackerCompile apparently did not replace the packer_compiled.vim file. After your advice this morning I deleted packer_compiled.vim and had PackerCompile create it again.
The "_update_package_path" call on line 137 is gone now and everything works normally. 👍 

I hope I didn't make too much work for you.
I'm closing the issue since it is clearly already fixed. :-)`],
    ['wbthomason', 'OWNER', "Glad you got it working. I don't know why `PackerCompile` didn't replace your file; it should *always* overwrite it."],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['duplicate', 'not planned'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: ["attempt to call field '_update_package_paths' (a nil value)"],
      environment: ['NVIM v0.5.0-804-geee066881'],
      root_cause: ['that PR did remove _update_package_paths', 'did not replace the packer_compiled.vim file'],
      fix: ['Commit b3a1bb on packer stopped using that function'],
      workaround: ['deleted packer_compiled.vim and had PackerCompile create it again'],
    },
    must_not: {
      workaround: ['Thanks for this plugin', "I hope I didn't make too much work"],
      root_cause: ["I hope I didn't make too much work", 'Glad you got it working'],
      fix: ['clearly already fixed', 'Glad you got it working'],
      environment: ['line 137'],
    },
    notes: [
      'The only error text is the title; the body has a screenshot. One error item.',
      'The reporter\'s hedged guess (the Neovim merge #13119, linked by a commit URL) is confirmed by the owner: "that PR did remove _update_package_paths". For this reporter the remaining cause is his own finding: packer was current, but the generated packer_compiled.vim was not rewritten and still called the removed function ("did not replace the packer_compiled.vim file"). Both are root-cause items; they sit in different comments.',
      'The fix on packer\'s side is the commit the owner names in words (b3a1bb stopped using the function); there is no pull. The way out the reporter reports after trying is the workaround: delete packer_compiled.vim and let PackerCompile write it again. The owner\'s "pull the packer updates by hand" is advice for an older packer that the reporter did not need; it is left unjudged.',
      'The reporter closes the issue himself as "clearly already fixed": a closing remark, not a fix description. The merge #13119 lives in neovim/neovim and is not part of the world (its link text "#13119" would otherwise read as a packer issue), so no link is asked for.',
      'The environment is the Neovim version line; "line 137" is a place in the generated file, not an environment fact.',
    ],
  },
};
