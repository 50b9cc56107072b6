#!/usr/bin/env node
// World: an Elixir job-queue library crashes its worker with
// `** (FunctionClauseError) no function clause matching` and an Erlang/Elixir
// stacktrace when max_attempts is :infinity; a second user adds the same
// crash and points at an older, closed issue; a maintainer explains the
// cause; still open, no pull, no workaround offered.
import { comment, emit, issue } from '../../lib/worldgen.mjs';

const REPO = 'fernhollow/pipette';

const body = `Workers crash with a FunctionClauseError on the fifth retry of any failing job when the queue is configured with \`max_attempts: :infinity\`. The job is lost and the worker process is restarted by the supervisor.

Config:

\`\`\`elixir
config :my_app, MyApp.Pipette,
  queues: [
    mailers: [concurrency: 4, max_attempts: :infinity, backoff: [strategy: :exponential, base_ms: 200]]
  ]
\`\`\`

To reproduce, enqueue a job whose \`perform/1\` always raises and wait for the retries (about 6 seconds with base_ms 200):

\`\`\`elixir
defmodule MyApp.AlwaysFails do
  use Pipette.Job, queue: :mailers
  def perform(_args), do: raise "boom"
end

MyApp.AlwaysFails.enqueue(%{})
\`\`\`

The log then shows:

\`\`\`
12:04:17.882 [error] GenServer #PID<0.412.0> terminating
** (FunctionClauseError) no function clause matching in Pipette.Backoff.next/2
    (pipette 0.14.1) lib/pipette/backoff.ex:22: Pipette.Backoff.next(5, %{base_ms: 200, max_attempts: :infinity, strategy: :exponential})
    (pipette 0.14.1) lib/pipette/worker.ex:131: Pipette.Worker.handle_info/2
    (stdlib 5.2) gen_server.erl:1095: :gen_server.try_handle_info/3
    (stdlib 5.2) gen_server.erl:1183: :gen_server.handle_msg/6
    (stdlib 5.2) proc_lib.erl:241: :proc_lib.init_p_do_apply/3
Last message: {:retry, #Reference<0.3187224901.1570242561.88214>}
\`\`\`

Elixir 1.16.2 (compiled with Erlang/OTP 26), pipette 0.14.1, running on Ubuntu 22.04 in Docker.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 79,
          title: 'Config validator rejects max_attempts: :infinity',
          body: `Setting \`max_attempts: :infinity\` fails at boot with "expected a positive integer". The docs say infinite retries are supported.`,
          state: 'closed',
          state_reason: 'completed',
          author: 'ravi-castellanos',
          created_at: '2026-01-20T10:00:00Z',
          closed_at: '2026-02-02T15:00:00Z',
        }),
        issue({
          number: 87,
          title: 'FunctionClauseError in Pipette.Backoff.next/2 with max_attempts: :infinity',
          body,
          state: 'open',
          author: 'tove-marchetti',
          labels: ['bug'],
          created_at: '2026-03-03T12:30:00Z',
          updated_at: '2026-03-05T09:12:00Z',
          comments: [
            comment('ravi-castellanos', 'NONE', '2026-03-03T16:44:00Z',
              `Same crash on our side since upgrading to 0.14.1. Probably a leftover of #79, that was the change that started accepting :infinity in the first place.`),
            comment('hallgerd-osei', 'MEMBER', '2026-03-04T08:20:00Z',
              `Yes, that is the connection. Since 0.14 the config validator accepts \`:infinity\`, but \`Backoff.next/2\` was never taught about it: both of its clauses are guarded with \`when is_integer(max)\`, and the cap is only consulted once the attempt number passes the jitter window, which is attempt 5. With an atom there, no clause matches and the worker dies in \`handle_info/2\`.

I have not decided yet whether \`:infinity\` should keep growing the delay without bound or clamp at the configured \`max_delay_ms\`; I will write that up before anyone starts on a patch.`),
            comment('tove-marchetti', 'NONE', '2026-03-05T09:12:00Z',
              `Thanks for looking. For what it's worth, clamping at max_delay_ms is what we would expect.`),
          ],
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
