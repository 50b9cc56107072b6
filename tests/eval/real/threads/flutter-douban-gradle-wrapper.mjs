// Unfenced Java stack trace; the reporter's own workaround in Chinese; a
// later "any solution?", an auto-reply and "English".
export default {
  url: 'https://github.com/kaina404/FlutterDouBan/issues/74',
  split: 'tuning',
  ecosystem: 'java',
  styles: ['unfenced stack trace', 'non-English workaround', 'noise comments'],
  repo: 'kaina404/FlutterDouBan',
  issue: {
    number: 74, title: 'Exception in thread "main" java.lang.NullPointerException', state: 'closed', state_reason: 'completed',
    author: 'hjj-knight', created_at: '2020-05-29T10:00:00Z',
    body: `Exception in thread "main" java.lang.NullPointerException
        at org.gradle.wrapper.BootstrapMainStarter.findLauncherJar(BootstrapMainStarter.java:34)
        at org.gradle.wrapper.BootstrapMainStarter.start(BootstrapMainStarter.java:25)
        at org.gradle.wrapper.WrapperExecutor.execute(WrapperExecutor.java:129)
        at org.gradle.wrapper.GradleWrapperMain.main(GradleWrapperMain.java:61)`,
  },
  comments: [
    ['hjj-knight', 'NONE', '把 android/gradle\\wrapper/gradle-wrapper.properties 里的 distributionUrl=https\\://services.gradle.org/distributions/xxx.zip 改成本地已有的 gradle 版本'],
    ['palchetan-07', 'NONE', 'Any solution you proposed to deal with this error.'],
    ['hcz-mail', 'NONE', '你好！\n邮件已收到！谢谢！'],
    ['palchetan-07', 'NONE', 'English'],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ['Exception in thread "main" java.lang.NullPointerException'],
      workaround: ['gradle-wrapper.properties'],
      root_cause: [],
    },
    must_not: { workaround: ['Any solution you proposed'] },
    notes: ['The unfenced trace must be one error. The reporter\'s workaround (point distributionUrl in gradle-wrapper.properties at a Gradle version already on disk) is written in Chinese; the path and key are kept verbatim. (The gold names the file: Markdown shows https\\: without its backslash.)'],
  },
};
