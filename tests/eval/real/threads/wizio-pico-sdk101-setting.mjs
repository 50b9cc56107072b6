// Errors and the configuration only in screenshots; a short back-and-forth
// in terse, non-native English. The owner first says to reinstall (the
// reporter tried: no help), then guesses a bug in the new SDK from another
// screenshot, then gives the way out as a platformio.ini setting inside an
// odd inline code span that opens on one line and closes on the next, with
// an ini comment after it. The reporter confirms. Nothing in the platform
// is changed in the thread.
export default {
  url: 'https://github.com/Wiz-IO/wizio-pico/issues/33',
  reconstructed: 'author associations; who closed the issue (taken to be the reporter after the confirmation)',
  split: 'tuning',
  ecosystem: 'embedded-c',
  styles: ['setting workaround in a middle comment', 'config line in a multi-line inline code span', 'confirmed by the reporter', 'errors only in screenshots', 'failed first advice (reinstall)', 'hedged cause', 'terse non-native english'],
  repo: 'Wiz-IO/wizio-pico',
  issue: {
    number: 33, title: 'USB Flag Causes Build Errors', state: 'closed', state_reason: 'completed',
    author: 'kuroi-y', created_at: '2021-03-14T08:00:00Z', closer: 'kuroi-y',
    body: `To start with, thanks for the great work you've put into this.

So with my platformio.ini set up as shown below, I get these errors when I build:

![image](https://user-images.githubusercontent.com/15186657/111086214-f0abc480-84e8-11eb-92e0-1cf5fe541692.png)

![image](https://user-images.githubusercontent.com/15186657/111086219-015c3a80-84e9-11eb-81ec-ecad4e0e3fed.png)`,
  },
  comments: [
    ['kuroi-y', 'NONE', 'I should add that the error goes away when I take the build flag out.'],
    ['Wiz-IO', 'OWNER', `Hi, please re-install the platform and try again 
I make changes every day
if still error - send me src example for debug`],
    ['Wiz-IO', 'OWNER', `maybe you hit a bug in the new SDK 1.1.0
these includes are missing
![usb](https://user-images.githubusercontent.com/14574834/111087950-55890e00-852d-11eb-99f4-bf38a83de6f6.jpg)`],
    ['kuroi-y', 'NONE', 'Oh, interesting. Yes, I reinstalled and still had the same issue. That would explain it.'],
    ['Wiz-IO', 'OWNER', `and for me it gives these errors and the PC can not install the driver

if you have the original pico-sdk - please test`],
    ['kuroi-y', 'NONE', 'Looks like I have 1.1.0'],
    ['Wiz-IO', 'OWNER', `usb stdio & sdk 1.0.1 - works for me
switch SDK in ini
\`
board_build.sdk = SDK101 ; default is SDK110\``],
    ['kuroi-y', 'NONE', `That did it for me.

Thanks again for all the hard work!`],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed', 'duplicate'] },
    links: [],
    linked_pulls: [],
    sections: {
      error_messages: [],
      environment: ['I have 1.1.0'],
      root_cause: ['bug in the new SDK 1.1.0'],
      fix: [],
      workaround: ['switch SDK in ini', 'board_build.sdk = SDK101'],
    },
    must_not: {
      workaround: ['re-install the platform', 'send me src example', 'thanks for the great work'],
      fix: ['board_build.sdk = SDK101', 'That did it for me', 're-install the platform'],
      root_cause: ['send me src example', 'the PC can not install the driver'],
      environment: ['sdk 1.0.1', 'SDK101'],
    },
    notes: [
      'The way out is a setting: in a middle comment the owner (not the reporter) says to switch the SDK in platformio.ini, and gives the line board_build.sdk = SDK101 (with the ini comment "; default is SDK110") in an inline code span that opens at the end of one line and closes on the next. The reporter\'s "That did it for me" confirms it. Pinning the older SDK is a workaround: nothing in the platform changes in the thread, so the fix section stays empty and the status must not say fixed.',
      'The cause is the owner\'s hedged guess, backed by a screenshot of missing includes and then borne out by the SDK switch: a bug in the new SDK 1.1.0. The reporter\'s SDK version (1.1.0, "Looks like I have 1.1.0") is his environment; 1.0.1 / SDK101 is the version the workaround moves to, not his environment.',
      'The owner\'s first advice, reinstalling the platform, did not help ("I reinstalled and still had the same issue"): it is no workaround. Taking the USB flag out makes the error go away but is the reporter\'s observation while narrowing it down, and gives up what he wants; it is left unjudged.',
      'Every error and the platformio.ini itself are only in screenshots, so error_messages is empty and the reproduction is not judged.',
    ],
  },
};
