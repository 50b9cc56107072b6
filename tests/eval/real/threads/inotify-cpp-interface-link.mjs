// The reporter states the cause and the change; the owner says "Fixed with #56".
export default {
  url: 'https://github.com/erikzenker/inotify-cpp/issues/55',
  reconstructed: '#56',
  split: 'tuning',
  ecosystem: 'c++',
  styles: ['cause stated as fact', 'fix in words with #N', 'linker error'],
  repo: 'erikzenker/inotify-cpp',
  issue: {
    number: 55, title: 'Fix target_link_libraries', state: 'closed', state_reason: 'completed',
    author: 'jose-tt', created_at: '2019-05-24T10:00:00Z',
    body: `When the library is consumed as an imported target, like this:

\`\`\`
add_subdirectory(inotify-cpp)
add_executable(MonitorPlainCpp main.cpp)
target_link_libraries(MonitorPlainCpp inotify-cpp)
\`\`\`

linking fails like this:

\`\`\`
/usr/bin/ld: CMakeFiles/MonitorPlainCpp.dir/main.cpp.o: undefined reference to symbol '_ZN5boost6system15system_categoryEv'
/usr/lib64/libboost_system-mt.so.1.53.0: error adding symbols: DSO missing from command line
collect2: error: ld returned 1 exit status
\`\`\`

That's because the \`inotify\` libraries are not linked properly. This line in src/CMakeLists.txt:

\`\`\`
target_link_libraries(\${LIB_NAME}
        PRIVATE
          Boost::system
          Boost::filesystem)
\`\`\`

ought to be

\`\`\`
target_link_libraries(\${LIB_NAME}
        INTERFACE
          Boost::system
          Boost::filesystem)
\`\`\``,
  },
  comments: [
    ['erik-z', 'OWNER', 'Hi Jose, thanks for the hint. I will work on a fix!'],
    ['erik-z', 'OWNER', 'Fixed with #56'],
  ],
  items: [
    { type: 'pull', number: 56, title: 'Link boost libraries as INTERFACE', state: 'closed', merged: true, author: 'erik-z', created_at: '2019-05-25T12:00:00Z', body: 'Consumers of the imported target now get Boost::system and Boost::filesystem on their link line.' },
  ],
  gold: {
    status: { must_contain: ['fixed', '#56'], must_not_contain: ['duplicate', 'not planned'] },
    links: [{ from: 'erikzenker/inotify-cpp#55', to: 'erikzenker/inotify-cpp#56', kind: 'mentions' }],
    linked_pulls: ['erikzenker/inotify-cpp#56'],
    sections: {
      error_messages: ['error adding symbols: DSO missing from command line'],
      root_cause: ['libraries are not linked properly'],
      fix: ['Link boost libraries as INTERFACE', 'Consumers of the imported target now get Boost::system'],
    },
    notes: ['The reporter states the cause as fact and proposes the change; the owner says "Fixed with #56" (a merged pull).'],
  },
};
