#!/usr/bin/env node
// World: a 33-comment thread about a Go message relay whose memory grows for
// days until Kubernetes OOM-kills it. Planted, by comment number (1-based):
//   3  MEMBER asks for a heap profile
//   5  a user on a VM: "fatal error: runtime: out of memory" (second error text)
//   6-7 GOMEMLIMIT asked about, does not help (not a workaround)
//   8  workaround 1: nightly restart CronJob (kubectl rollout restart); 9 confirms
//   10-11 off-topic Helm chart question, answered with a mention of #877
//   13-14 an early, misleading profile; the MEMBER asks for a later one
//   15 workaround 2: lower matcher_cache_size to 5000 (slows it); 16 confirms
//   18-19 it started with 4.1 (the cache landed there)
//   21 a stale bot; 22 "not stale"
//   23 the 26-hour heap profile
//   25 MEMBER: the root cause (reverse index never pruned on eviction)
//   27 MEMBER names the fix pull #951; 30 release note after the merge
//   31-32 confirmations; 33 off-topic arm64 question
// Everything else is +1s and questions. Fixed by #951 ("Fixes #904").
import { comment, emit, issue, pull } from '../../../lib/worldgen.mjs';

const REPO = 'moorhen-io/relaybird';

const body = `## What happens

relaybird's resident memory grows without bound when it runs for days. Our three gateway pods start at about 180 MiB and get OOM-killed by Kubernetes after 4 to 5 days at the 2 GiB limit. Traffic is flat (about 3k concurrent websocket clients, 400 msg/s), so it is not load.

## Error

\`\`\`
$ kubectl describe pod relaybird-gateway-7d9f8c6b5-xk2lp
...
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Mon, 02 Mar 2026 08:14:51 +0000
      Finished:     Fri, 06 Mar 2026 19:02:13 +0000
\`\`\`

## Setup

- relaybird 4.2.0 (official container image)
- Kubernetes 1.29 on GKE, memory limit 2Gi
- topic wildcards enabled, matcher_cache_size left at the default (50000)
- every client subscribes to its own per-session topic like \`session/<uuid>/events\`

## To reproduce

Run relaybird with the default config and have clients connect, subscribe to a unique \`session/<uuid>/#\` topic, and disconnect after a minute, in a loop. \`relaybird-bench churn --clients 500 --session-ttl 60s\` does exactly that; memory climbs by about 50 MiB per hour with it.
`;

const cron = `We restart the gateways every night with a CronJob that runs \`kubectl rollout restart deployment/relaybird-gateway\`, until this is sorted out. Not pretty, but nobody gets paged:

\`\`\`yaml
apiVersion: batch/v1
kind: CronJob
metadata:
  name: relaybird-nightly-restart
spec:
  schedule: "30 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: deploy-restarter
          restartPolicy: Never
          containers:
            - name: kubectl
              image: bitnami/kubectl:1.29
              command: ["kubectl", "rollout", "restart", "deployment/relaybird-gateway"]
\`\`\`

If you run it on plain VMs, a cron line with \`systemctl restart relaybird\` does the same.`;

const vmOom = `Seeing it on a plain VM too (no Kubernetes), after about a week:

\`\`\`
fatal error: runtime: out of memory

runtime stack:
runtime.throw({0x1a2b3c4?, 0x0?})
\t/usr/local/go/src/runtime/panic.go:1023 +0x5c
runtime.sysMapOS(0xc0a0000000, 0x4000000)
\t/usr/local/go/src/runtime/mem_linux.go:167 +0x11b

goroutine 1187 [running]:
github.com/moorhen-io/relaybird/internal/match.(*Matcher).Compile(0xc000212a80, {0xc09f1e2a40, 0x2f})
\t/src/internal/match/matcher.go:88 +0x2c4
\`\`\``;

const profile = `Here is a profile after 26 hours of uptime, taken with --pprof-addr :6060 and curl on /debug/pprof/heap:

\`\`\`
$ go tool pprof -top -inuse_space heap-26h.pb.gz
Showing nodes accounting for 1.41GB, 96.2% of 1.47GB total
      flat  flat%   sum%        cum   cum%
    0.93GB 63.3% 63.3%     0.93GB 63.3%  github.com/moorhen-io/relaybird/internal/match.(*Cache).index
    0.31GB 21.1% 84.4%     0.31GB 21.1%  strings.Clone
    0.12GB  8.2% 92.6%     1.24GB 84.4%  github.com/moorhen-io/relaybird/internal/match.(*Matcher).Compile
    0.05GB  3.6% 96.2%     0.05GB  3.6%  bufio.NewReaderSize
\`\`\``;

const cause = `Thanks, that profile is exactly what we needed, and it explains everything in this thread.

The leak is in the matcher cache's reverse index. Since 4.1 the cache keeps, next to the LRU of compiled patterns, a map from every concrete topic to the patterns that matched it, so that a publish does not have to run every wildcard again. When the LRU evicts a pattern, we remove it from the LRU but never from the reverse index, and topics like session/<uuid>/events are never published to again once the session is gone, so their entries are never touched and never removed. The strings.Clone entries in the profile are the topic keys of that map.

That is also why lowering matcher_cache_size only slows it down: evictions happen more often, but the index still keeps every topic ever published to.`;

const c = [
  ['ferdinand-ashby', 'NONE', '2026-03-09T11:02:00Z', `+1, same pattern on our side.`],
  ['zuzana-whitlock', 'NONE', '2026-03-09T13:47:00Z', `Same here, we restart weekly by hand. Which version did this start with for you?`],
  ['isidora-mwangi', 'MEMBER', '2026-03-09T15:20:00Z', `Thanks for the report. Could someone start relaybird with \`--pprof-addr :6060\` and grab a heap profile after it has been running for a day or more? \`curl -o heap.pb.gz http://localhost:6060/debug/pprof/heap\` is enough.`],
  ['yannick-osterberg', 'NONE', '2026-03-09T16:05:00Z', `Will do, pprof is enabled on one pod now.`],
  ['amadou-kessler', 'NONE', '2026-03-10T07:33:00Z', vmOom],
  ['zuzana-whitlock', 'NONE', '2026-03-10T09:10:00Z', `Would setting GOMEMLIMIT help here?`],
  ['amadou-kessler', 'NONE', '2026-03-10T10:48:00Z', `We tried GOMEMLIMIT=1800MiB. The GC just runs hotter and CPU goes up, it still dies, only a few hours later.`],
  ['wilhelmina-nakata', 'NONE', '2026-03-10T14:20:00Z', cron],
  ['ferdinand-ashby', 'NONE', '2026-03-11T08:55:00Z', `+1 to the restart CronJob, we haven't had an OOM kill since we added it.`],
  ['oluwaseun-brandt', 'NONE', '2026-03-11T12:30:00Z', `Off topic, sorry: is there a Helm chart for relaybird somewhere?`],
  ['isidora-mwangi', 'MEMBER', '2026-03-11T13:02:00Z', `Not an official one yet, that is #877.`],
  ['zuzana-whitlock', 'NONE', '2026-03-12T09:41:00Z', `Any update on this?`],
  ['yannick-osterberg', 'NONE', '2026-03-12T10:15:00Z', `First profile, pod up for about 20 minutes. Top entries are runtime.malg and bufio.NewReaderSize, nothing obvious.`],
  ['isidora-mwangi', 'MEMBER', '2026-03-12T11:30:00Z', `After 20 minutes that is mostly connection buffers, which is expected. Please take one after a day, the leak should stand out by then.`],
  ['henrike-solberg', 'NONE', '2026-03-13T08:22:00Z', `Data point: we lowered matcher_cache_size to 5000 and memory now grows by about 15 MiB per hour instead of 50. It does not stop the growth, but it buys time between restarts.`],
  ['ferdinand-ashby', 'NONE', '2026-03-13T10:40:00Z', `Confirming: matcher_cache_size: 5000 roughly triples the time between OOM kills for us, no latency change we could measure.`],
  ['tarik-lindholm', 'NONE', '2026-03-13T15:05:00Z', `We see this on 4.1.3 as well, so it is not new in 4.2.`],
  ['isidora-mwangi', 'MEMBER', '2026-03-13T16:12:00Z', `Interesting, the matcher cache landed in 4.1.0. Is anyone still on 4.0.x?`],
  ['henrike-solberg', 'NONE', '2026-03-14T09:00:00Z', `4.0.6 was flat for months for us. We upgraded to 4.1 in January and the restarts started right after.`],
  ['kalinda-voss', 'NONE', '2026-03-16T08:30:00Z', `+1`],
  ['relaybird-bot', 'NONE', '2026-03-23T00:00:00Z', `This issue has been automatically marked as stale because it has not had any activity for 7 days. It will be closed in 14 days if no further activity occurs.`],
  ['yannick-osterberg', 'NONE', '2026-03-23T07:12:00Z', `Not stale, still happening every few days.`],
  ['yannick-osterberg', 'NONE', '2026-03-24T09:45:00Z', profile],
  ['kalinda-voss', 'NONE', '2026-03-24T11:00:00Z', `Subscribing.`],
  ['isidora-mwangi', 'MEMBER', '2026-03-24T14:30:00Z', cause],
  ['wilhelmina-nakata', 'NONE', '2026-03-24T15:10:00Z', `That explains why our short-lived sessions are the worst case.`],
  ['isidora-mwangi', 'MEMBER', '2026-03-25T17:45:00Z', `The fix is in #951: eviction now prunes the reverse index, and the index itself is bounded.`],
  ['tarik-lindholm', 'NONE', '2026-03-26T08:20:00Z', `Will this be backported to 4.1.x?`],
  ['isidora-mwangi', 'MEMBER', '2026-03-26T09:05:00Z', `No, 4.1 is out of support. It will be in 4.2.1.`],
  ['isidora-mwangi', 'MEMBER', '2026-03-27T16:30:00Z', `4.2.1 is released with #951.`],
  ['yannick-osterberg', 'NONE', '2026-03-31T08:40:00Z', `Running 4.2.1 for three days, memory is flat at about 210 MiB. We removed the nightly restart. Thanks!`],
  ['henrike-solberg', 'NONE', '2026-04-01T10:15:00Z', `Same, flat since the upgrade, matcher_cache_size back at the default.`],
  ['oluwaseun-brandt', 'NONE', '2026-04-02T12:00:00Z', `Unrelated, but are arm64 images planned?`],
];

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 877,
          title: 'Official Helm chart',
          body: `It would help adoption to publish a Helm chart alongside the container image.`,
          state: 'open',
          author: 'oluwaseun-brandt',
          labels: ['enhancement', 'deployment'],
          created_at: '2026-02-02T10:00:00Z',
        }),
        issue({
          number: 904,
          title: 'Memory grows for days until the gateway is OOM-killed',
          body,
          state: 'closed',
          state_reason: 'completed',
          author: 'yannick-osterberg',
          labels: ['bug', 'memory'],
          created_at: '2026-03-09T10:14:00Z',
          closed_at: '2026-03-27T15:58:00Z',
          updated_at: '2026-04-02T12:00:00Z',
          comments: c.map(([a, r, t, b]) => comment(a, r, t, b)),
          events: [
            { type: 'labeled', actor: 'isidora-mwangi', created_at: '2026-03-09T15:21:00Z', label: 'memory' },
            { type: 'labeled', actor: 'relaybird-bot', created_at: '2026-03-23T00:00:00Z', label: 'stale' },
            { type: 'unlabeled', actor: 'yannick-osterberg', created_at: '2026-03-23T07:12:00Z', label: 'stale' },
            { type: 'closed', actor: 'isidora-mwangi', created_at: '2026-03-27T15:58:00Z', closer: `${REPO}#951` },
          ],
        }),
        pull({
          number: 951,
          title: 'match: prune the reverse topic index when the cache evicts a pattern',
          body: `Fixes #904

When the LRU evicts a compiled pattern, Cache.evict() now removes the pattern from every reverse-index entry and drops topics whose entry becomes empty. The reverse index is also capped at 4 x matcher_cache_size topics, evicting the least recently published topics first.

A new soak test publishes to one million unique topics and checks that the heap stays below 64 MiB.`,
          state: 'closed',
          author: 'isidora-mwangi',
          author_association: 'MEMBER',
          created_at: '2026-03-25T17:30:00Z',
          closed_at: '2026-03-27T15:58:00Z',
          merged: true,
          head: 'fix/reverse-index-eviction',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
