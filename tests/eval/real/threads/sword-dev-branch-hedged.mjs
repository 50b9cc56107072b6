// Swift Package Manager crash quoted in one inline code span that runs over
// two lines; the steps are told in one prose sentence. The owner's only
// answer is a question ("could you give the dev branch a try?") with the
// package line and a shell one-liner inline, and the reporter's last words
// confirm it. No cause, no fix named, no release.
export default {
  url: 'https://github.com/Azoy/Sword/issues/46',
  reconstructed: 'who closed the issue (taken to be the owner)',
  split: 'tuning',
  ecosystem: 'swift',
  styles: ['hedged suggestion as a question', 'confirmed by the reporter', 'error in a multi-line inline code span', 'steps in prose', 'code inline in the advice'],
  repo: 'Azoy/Sword',
  issue: {
    number: 46, title: "Can't generate xcodeproj file.", state: 'closed', state_reason: 'completed',
    author: 'osch-ly', created_at: '2018-09-02T08:00:00Z', closer: 'Azoy',
    body: `Hi
I put Sword in my project's dependencies and ran \`swift package update\`, but now \`swift package generate-xcodeproj\` fails with this:

\`Fatal error: Duplicate values for key: 'Async': file /BuildRoot/Library/Caches/com.apple.xbs/Binaries/swiftlang/install/TempContent/Objects/BNI_assert_lightweight/swift-macosx-x86_64/stdlib/public/core/8/HashedCollections.swift, line 8108
[1]    21343 illegal hardware instruction  swift package generate-xcodeproj\`

How do I get past this? I'm on macOS Mojave 10.14 with the newest Xcode 9.`,
  },
  comments: [
    ['Azoy', 'OWNER', 'Hi, could you give the dev branch a try? `.package(url: "https://github.com/Azoy/Sword", .branch("dev"))`, and once that is in your `Package.swift`, could you run `rm -rf ./build && rm package.resolved && swift package generate-xcodeproj`?'],
    ['osch-ly', 'NONE', 'The dev branch works. Thanks for helping!'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate', 'not planned'] },
    sections: {
      error_messages: ["Fatal error: Duplicate values for key: 'Async'"],
      reproduction: ["put Sword in my project's dependencies", 'swift package update', 'swift package generate-xcodeproj'],
      environment: ['macOS Mojave 10.14', 'Xcode 9'],
      workaround: ['give the dev branch a try', 'rm -rf ./build && rm package.resolved'],
      root_cause: [],
      fix: [],
    },
    must_not: {
      root_cause: ['How do I get past this'],
      fix: ['The dev branch works'],
      environment: ['HashedCollections.swift'],
    },
    notes: [
      'The reproduction is one prose sentence: add Sword as a dependency, run swift package update, then swift package generate-xcodeproj fails. The error sits in a single inline code span that runs over two lines (the fatal error and the shell\'s "illegal hardware instruction" report of the same crash): one error item.',
      'The owner\'s advice is phrased as a question ("could you give the dev branch a try?") with the dependency line and a shell one-liner inline; the reporter\'s closing "The dev branch works" confirms it. Moving to the unreleased dev branch is a workaround, confirmed; no cause is given and no release or fix is named, so the fix section stays empty and the confirmation is no fix.',
      'The file path inside the error line is part of the error, not an environment fact; macOS Mojave 10.14 and Xcode 9 are.',
    ],
  },
};
