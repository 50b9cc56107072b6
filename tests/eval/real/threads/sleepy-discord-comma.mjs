// Unfenced CMake error; the owner finds a user error in one line.
export default {
  url: 'https://github.com/yourWaifu/sleepy-discord/issues/170',
  split: 'heldout',
  ecosystem: 'c++',
  styles: ['unfenced error', 'user error', 'cause stated as fact'],
  repo: 'yourWaifu/sleepy-discord',
  issue: {
    number: 170, title: 'Cannot specify link libraries for target "A18" which is not built by this project.', state: 'closed', state_reason: 'completed',
    author: 'deep-ocean', created_at: '2020-02-05T10:00:00Z',
    body: `The cmake command goes fine until the very end where it says

CMake Error at CMakeLists.txt:8 (target_link_libraries): Cannot specify link libraries for target "A18" which is not built by this project.

My Cmake file:

\`\`\`
#CMakeLists.txt
cmake_minimum_required (VERSION 3.6)
project(A18)

add_executable(A18, source.cpp)

add_subdirectory(external/sleepy-discord)
target_link_libraries(A18 sleepy-discord)
\`\`\``,
  },
  comments: [
    ['your-waifu', 'OWNER', "there's a comma in ```add_executable(A18, source.cpp)```, I wouldn't call that a problem with my library. Cmake separates parameters with spaces, not ``,``."],
  ],
  gold: {
    status: { must_contain: ['closed'], must_not_contain: ['fixed by', 'duplicate'] },
    sections: {
      error_messages: ['CMake Error at CMakeLists.txt:8 (target_link_libraries)'],
      root_cause: ["there's a comma in"],
      workaround: [],
    },
    notes: ['The error line is unfenced. The owner states the cause: a comma in add_executable (user error).'],
  },
};
