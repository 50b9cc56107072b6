#!/usr/bin/env node
// World: a Kubernetes operator panics on a YAML manifest with an empty key
// (Go panic with goroutine trace). The issue is open; two competing open
// pulls both carry closing keywords; a contributor gives a workaround in
// comment 6, and two users confirm it in comments 7 and 8.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'tidewater-labs/ebbtide';

const body = `After upgrading ebbtide from 0.17.3 to 0.18.0 the controller pod goes into CrashLoopBackOff a few seconds after it starts. It only happens in clusters where one of our BackupSchedule objects has \`retention:\` with nothing under it (our Kustomize overlay deletes the children but leaves the key behind).

Manifest that triggers it:

\`\`\`yaml
apiVersion: ebbtide.tidewater.dev/v1beta1
kind: BackupSchedule
metadata:
  name: pg-nightly
  namespace: billing
spec:
  schedule: "30 2 * * *"
  target:
    pvcSelector:
      matchLabels:
        app: postgres
  retention:
\`\`\`

Controller log right before the restart:

\`\`\`
I0414 07:12:09.331201       1 controller.go:118] "Reconciling" BackupSchedule="billing/pg-nightly"
panic: interface conversion: interface {} is nil, not map[string]interface {}

goroutine 214 [running]:
github.com/tidewater-labs/ebbtide/internal/schedule.retentionFromSpec(...)
\t/workspace/internal/schedule/retention.go:41
github.com/tidewater-labs/ebbtide/internal/schedule.(*Reconciler).Reconcile(0xc0004a6e00, {0x1d3c4a8, 0xc000b12c60}, {{{0xc0003f8d10, 0x7}, {0xc0003f8d20, 0xa}}})
\t/workspace/internal/schedule/reconciler.go:87 +0x3a5
sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).Reconcile(0xc0001e4a50, {0x1d3c4a8, 0xc000b12c60}, {{{0xc0003f8d10, 0x7}, {0xc0003f8d20, 0xa}}})
\t/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.18.4/pkg/internal/controller/controller.go:114 +0x1e2
\`\`\`

Because the panic takes down the whole manager, backups stop in every namespace, not only in billing.

Versions: ebbtide 0.18.0 (Helm chart 0.18.0), Kubernetes 1.29.6 on EKS, controller-runtime v0.18.4.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 612,
          title: 'Controller panics in reconcile when a BackupSchedule has an empty retention key',
          body,
          author: 'marguerite-osei',
          labels: ['bug', 'controller'],
          created_at: '2026-04-14T07:40:00Z',
          updated_at: '2026-04-19T12:30:00Z',
          comments: [
            comment('joachim-rask', 'MEMBER', '2026-04-14T10:20:00Z',
              `Thanks, reproduced on kind. In 0.18 we switched the spec decoding to unstructured maps so that both the old and the new retention layouts are accepted, and retentionFromSpec does an unchecked type assertion on spec.retention. A key with no value decodes to nil, not to an empty map, so the assertion panics. 0.17 decoded into typed structs, where a null field just kept its zero value.`),
            comment('dmitri-volkov', 'NONE', '2026-04-14T13:05:00Z',
              `Same crash here with 0.18.0 on GKE 1.30. No Kustomize involved, our Helm values template rendered the key empty when the list was blank.`),
            comment('sanna-lehto', 'NONE', '2026-04-15T06:50:00Z',
              `Is there any way to keep the other namespaces running in the meantime? Going back to 0.17.3 is not an option for us because the CRD has already been converted to v1beta1.`),
            comment('priya-raman', 'CONTRIBUTOR', '2026-04-15T09:30:00Z',
              `I opened #615, which treats a null retention as "use the default policy". Feedback welcome.`),
            comment('joachim-rask', 'MEMBER', '2026-04-15T11:12:00Z',
              `There is also #617 from @hugo-lindqvist, which goes the other way and rejects the empty key in the validating webhook. We need to decide which behaviour we want before merging either; I lean towards accepting it, since 0.17 did.`),
            comment('priya-raman', 'CONTRIBUTOR', '2026-04-15T12:04:00Z',
              `@sanna-lehto until one of them lands: either give the key an explicit empty map or delete it, both decode to something the controller handles. For objects that are already in the cluster:

\`\`\`sh
kubectl patch backupschedule pg-nightly -n billing --type=json -p='[{"op": "remove", "path": "/spec/retention"}]'
\`\`\`

In the manifests themselves, write \`retention: {}\` instead of a bare \`retention:\`. Once no object has a null retention left, the controller starts normally again.`),
            comment('sanna-lehto', 'NONE', '2026-04-15T15:41:00Z',
              `Removing the key with kubectl patch worked, the controller has been up for two hours now. Thanks @priya-raman!`),
            comment('dmitri-volkov', 'NONE', '2026-04-16T08:22:00Z',
              `Confirming the other variant: putting \`retention: {}\` in our values template stopped the crash loop as well.`),
            comment('hugo-lindqvist', 'CONTRIBUTOR', '2026-04-19T12:30:00Z',
              `For what it is worth, I updated my pull so the webhook error names the exact field to fix. Happy to rebase on top of the other one if you want both behaviours.`),
          ],
          events: [
            { type: 'labeled', actor: 'joachim-rask', created_at: '2026-04-14T10:21:00Z', label: 'controller' },
          ],
        }),
        pull({
          number: 615,
          title: 'schedule: treat null retention as the default policy',
          body: `Fixes #612.

A nil \`spec.retention\` now falls back to the default retention policy instead of panicking, and retentionFromSpec checks every type assertion it makes. Adds table tests for a missing, a null and an empty retention.`,
          author: 'priya-raman',
          author_association: 'CONTRIBUTOR',
          created_at: '2026-04-15T09:25:00Z',
          head: 'null-retention-defaults',
        }),
        pull({
          number: 617,
          title: 'webhook: reject BackupSchedule with null retention',
          body: `Closes #612

The validating webhook now refuses a BackupSchedule whose spec.retention is present but null, with a message that points at the field. The reconciler also recovers from a panic per object, so one bad object can no longer take down the manager.`,
          author: 'hugo-lindqvist',
          author_association: 'CONTRIBUTOR',
          created_at: '2026-04-15T10:58:00Z',
          head: 'webhook-null-retention',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
