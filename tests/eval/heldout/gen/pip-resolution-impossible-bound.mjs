#!/usr/bin/env node
// World: pip's resolver refuses to install a data library together with a
// telemetry package after a dependency bot bumps the latter (protobuf <5 vs
// >=5.26.1). A maintainer asks for the pip version, which the reporter gives
// in a comment; another user adds Python 3.11 / pip 23.3.1. A contributor's
// pin (in requirements.txt or a constraints file) is confirmed by two users;
// the owner explains the stale upper bound; fixed by a merged pull that
// widens it, whose body starts "Closes #641". Noise: +1, an ETA question, an
// off-topic Python 3.13 question answered with a mention.
import { comment, emit, issue, pull } from '../../../lib/worldgen.mjs';

const REPO = 'stonechat-data/quarrel';

const body = `Our dependency bot bumped skylark-telemetry from 1.7.5 to 1.8.0 this morning, and since then \`pip install -r requirements.txt\` fails in CI with a resolver conflict. Nothing else changed in the repo.

requirements.txt (trimmed to what matters):

\`\`\`
quarrel[postgres]==2.3.0
skylark-telemetry==1.8.0
httpx==0.27.0
\`\`\`

Output of the install step:

\`\`\`
$ pip install -r requirements.txt
Collecting quarrel==2.3.0 (from quarrel[postgres]==2.3.0->-r requirements.txt (line 1))
  Using cached quarrel-2.3.0-py3-none-any.whl.metadata (6.1 kB)
Collecting skylark-telemetry==1.8.0 (from -r requirements.txt (line 2))
  Using cached skylark_telemetry-1.8.0-py3-none-any.whl.metadata (4.4 kB)
INFO: pip is looking at multiple versions of quarrel[postgres] to determine which version is compatible with other requirements. This could take a while.
ERROR: Cannot install quarrel[postgres]==2.3.0 and skylark-telemetry==1.8.0 because these package versions have conflicting dependencies.

The conflict is caused by:
    quarrel 2.3.0 depends on protobuf<5 and >=3.20
    skylark-telemetry 1.8.0 depends on protobuf>=5.26.1

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts
\`\`\`

Python 3.12.3 on the ubuntu-24.04 runner, fresh virtualenv for every job.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 612,
          title: 'Python 3.13 support',
          body: `Tracking issue for testing and publishing quarrel on Python 3.13.`,
          state: 'open',
          author: 'kwabena-holmqvist',
          author_association: 'MEMBER',
          labels: ['packaging'],
          created_at: '2026-01-28T10:00:00Z',
        }),
        issue({
          number: 641,
          title: 'ResolutionImpossible when installing quarrel 2.3.0 together with skylark-telemetry 1.8.0',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'tamsin-oduya',
          labels: ['packaging', 'bug'],
          created_at: '2026-03-09T07:41:00Z',
          closed_at: '2026-03-13T16:25:00Z',
          comments: [
            comment('ulrike-fairweather', 'NONE', '2026-03-09T08:15:00Z',
              `+1, same in our monorepo since the bump.`),
            comment('kwabena-holmqvist', 'MEMBER', '2026-03-09T09:02:00Z',
              `Thanks for the report. Which pip version is that? pip releases before 20.3 would install this without complaint and you would only find out at import time, so I want to be sure what we are looking at.`),
            comment('tamsin-oduya', 'NONE', '2026-03-09T09:20:00Z',
              `pip 24.0, the one that \`python -m venv\` ships on 3.12.3. I also tried pip 24.1.2 after \`pip install -U pip\`, same error.`),
            comment('ignacio-varga', 'NONE', '2026-03-09T10:44:00Z',
              `Same on Python 3.11.9 with pip 23.3.1, so it's not specific to 3.12. Poetry fails as well, just with a longer message.`),
            comment('bao-lindqvist', 'CONTRIBUTOR', '2026-03-09T12:10:00Z',
              `Until quarrel accepts protobuf 5 the only way through is to hold skylark-telemetry back: revert the bump and pin skylark-telemetry==1.7.5, which still works with protobuf 4.x. If your versions come from a shared constraints file, pin it there instead:

\`\`\`
# constraints.txt
skylark-telemetry==1.7.5
\`\`\`

\`\`\`
pip install -r requirements.txt -c constraints.txt
\`\`\`

Also tell the bot to ignore skylark-telemetry 1.8 for now, or it will open the same bump tomorrow.`),
            comment('tamsin-oduya', 'NONE', '2026-03-09T13:32:00Z',
              `Reverted the bump and pinned 1.7.5, CI is green again. Thanks!`),
            comment('ulrike-fairweather', 'NONE', '2026-03-09T15:05:00Z',
              `Our bot bumps the shared constraints.txt, so we put skylark-telemetry==1.7.5 there and dropped the version from requirements.txt. Works.`),
            comment('hendrik-aboagye', 'NONE', '2026-03-10T08:40:00Z',
              `Unrelated question: is quarrel going to support Python 3.13 soon?`),
            comment('kwabena-holmqvist', 'MEMBER', '2026-03-10T09:12:00Z',
              `@hendrik-aboagye that is tracked in #612.`),
            comment('kwabena-holmqvist', 'MEMBER', '2026-03-10T11:30:00Z',
              `The cap is ours: quarrel 2.3.0 declares protobuf>=3.20,<5 in pyproject.toml. We added the upper bound while protobuf 5 was in beta, because our generated *_pb2 modules still came from protoc 3.x. Since 2.3.0 they are generated with protoc 25 and import fine under protobuf 5, so the upper bound is just stale.`),
            comment('ignacio-varga', 'NONE', '2026-03-12T07:58:00Z',
              `Any ETA for a release? We'd like to drop the pin.`),
            comment('kwabena-holmqvist', 'MEMBER', '2026-03-12T08:30:00Z',
              `#648 widens the bound, it should be merged tomorrow.`),
            comment('kwabena-holmqvist', 'MEMBER', '2026-03-13T17:02:00Z',
              `Released as 2.3.1.`),
            comment('tamsin-oduya', 'NONE', '2026-03-13T18:20:00Z',
              `quarrel 2.3.1 with skylark-telemetry 1.8.0 installs cleanly, pin removed.`),
          ],
          events: [
            { type: 'labeled', actor: 'kwabena-holmqvist', created_at: '2026-03-09T09:03:00Z', label: 'packaging' },
            { type: 'closed', actor: 'kwabena-holmqvist', created_at: '2026-03-13T16:25:00Z', closer: `${REPO}#648` },
          ],
        }),
        pull({
          number: 648,
          title: 'Widen protobuf bound to <6',
          body: `Closes #641

Raises the upper bound of protobuf from <5 to <6 in pyproject.toml. The generated modules already come from protoc 25.x; the test matrix now runs against protobuf 4.25 and 5.27 on Python 3.9 to 3.12, so both majors stay covered.`,
          state: 'closed',
          author: 'kwabena-holmqvist',
          author_association: 'MEMBER',
          created_at: '2026-03-11T14:00:00Z',
          closed_at: '2026-03-13T16:25:00Z',
          merged: true,
          head: 'widen-protobuf-bound',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
