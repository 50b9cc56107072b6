#!/usr/bin/env node
// World: a Terraform module that installs Helm releases fails at
// `terraform plan` on a brand-new cluster (boxed "Error: Invalid for_each
// argument" block); a user gives a two-step `-target=` workaround, two
// others confirm it; a maintainer explains the cause and opens a draft pull
// with "Fixes #233"; still open.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'saltmarsh-ops/terraform-eks-addons';

const body = `When the module runs against a brand-new cluster (the same apply creates the EKS cluster and the addons), \`terraform plan\` fails before anything is created:

\`\`\`
$ terraform plan
╷
│ Error: Invalid for_each argument
│
│   on .terraform/modules/addons/helm.tf line 12, in resource "helm_release" "addon":
│   12:   for_each = { for name, a in local.addons : name => a if a.enabled && a.namespace_id != null }
│     ├────────────────
│     │ local.addons is object with 6 attributes
│
│ The "for_each" map includes keys derived from resource attributes that cannot be determined until apply, and so Terraform cannot determine the full set of keys that will identify the instances of this resource.
╵
\`\`\`

Against a cluster that already exists, the same configuration plans without complaint. Our root module:

\`\`\`hcl
module "addons" {
  source  = "saltmarsh-ops/eks-addons/aws"
  version = "3.2.0"

  cluster_name        = module.cluster.name
  enable_cert_manager = true
  enable_ingress      = true
}
\`\`\`

Versions: Terraform v1.8.5, helm provider 2.13.2, module 3.2.0, EKS 1.29 in eu-central-1.
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 233,
          title: "terraform plan fails with 'Invalid for_each argument' on a fresh cluster",
          body,
          author: 'renata-kowal',
          labels: ['bug', 'helm'],
          created_at: '2026-04-07T09:12:00Z',
          updated_at: '2026-04-15T16:48:00Z',
          comments: [
            comment('lukas-brenner', 'NONE', '2026-04-07T13:30:00Z',
              `Same here since 3.2.0. The 3.1 releases didn't filter on namespace_id in that for_each.`),
            comment('odalys-ferreira', 'NONE', '2026-04-08T07:05:00Z',
              `You can get past it by creating the namespaces first and then running the full plan:

\`\`\`sh
terraform apply -target=module.addons.kubernetes_namespace.addon
terraform apply
\`\`\`

After the first apply the namespace ids are known, so the for_each keys are known too. Not pretty in CI, but it works.`),
            comment('lukas-brenner', 'NONE', '2026-04-08T11:47:00Z',
              `Can confirm, the two-step apply with -target works for us.`),
            comment('mei-tanaka-ops', 'NONE', '2026-04-09T02:20:00Z',
              `Confirmed here too, on Terraform 1.9.0. We put the targeted apply into a separate bootstrap job of the pipeline.`),
            comment('gareth-ollerenshaw', 'MEMBER', '2026-04-15T16:48:00Z',
              `Thanks, everyone. The namespace_id filter came in with 3.2.0 so that every addon waits for its namespace. But that id is only known after apply, so on a new cluster the keys of the for_each map depend on an unknown value, and Terraform refuses to plan. The keys have to come from static configuration alone.

I've opened a draft in #240. It still needs moved blocks so existing state isn't destroyed and recreated, so no date yet.`),
          ],
          events: [
            { type: 'labeled', actor: 'gareth-ollerenshaw', created_at: '2026-04-07T15:00:00Z', label: 'helm' },
          ],
        }),
        pull({
          number: 240,
          title: 'Derive addon for_each keys from static configuration only',
          body: `Fixes #233

The for_each map of helm_release.addon now filters only on \`enabled\`, which is known at plan time; the ordering against the namespace moves to depends_on.

TODO before this leaves draft:
- [ ] moved blocks for existing state
- [ ] upgrade note in CHANGELOG.md`,
          author: 'gareth-ollerenshaw',
          author_association: 'MEMBER',
          created_at: '2026-04-15T16:30:00Z',
          draft: true,
          head: 'static-addon-keys',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
