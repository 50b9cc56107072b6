#!/usr/bin/env node
// World: a Rails app fails with ActiveRecord::StatementInvalid /
// PG::UndefinedColumn after upgrading a soft-delete gem from 3.1.4 to 3.2.0;
// issue-style headings (Description / Error / How to reproduce / Versions);
// a user's workaround (pin the gem in the Gemfile) confirmed by the
// reporter; the owner explains the cause and offers a second way around;
// still open, with one open pull "Fixes #85" awaiting review.
import { comment, emit, issue, pull } from '../../lib/worldgen.mjs';

const REPO = 'pemberly-oss/tuckaway';

const body = `### Description

After bumping tuckaway from 3.1.4 to 3.2.0 every query on a model with a custom archive column fails with an undefined column error. Our models declare \`tuckaway column: :archived_at\`, but 3.2.0 seems to ignore that and queries \`tucked_at\`, which our tables never had.

### Error

\`\`\`
ActiveRecord::StatementInvalid: PG::UndefinedColumn: ERROR:  column invoices.tucked_at does not exist
LINE 1: SELECT "invoices".* FROM "invoices" WHERE "invoices"."tucked_at" IS NULL ORDER BY "invoices"."id" ASC LIMIT $1
                                                  ^
from /usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:894:in \`exec_params'
from /usr/local/bundle/gems/tuckaway-3.2.0/lib/tuckaway/scopes.rb:22:in \`block in kept'
\`\`\`

### How to reproduce

1. Rails app with a model declaring \`tuckaway column: :archived_at\` and a table that has \`archived_at\` but no \`tucked_at\`.
2. Update the Gemfile to tuckaway 3.2.0 and run \`bundle update tuckaway\`.
3. Start \`bin/rails console\` and run \`Invoice.kept.first\`.

### Versions

- Ruby 3.3.1 on Debian bookworm (ruby:3.3.1-slim image)
- Rails 7.1.3 with the pg adapter 1.5.6
- PostgreSQL 16.2 on RDS
- tuckaway 3.2.0 (3.1.4 worked)
`;

const world = {
  repos: {
    [REPO]: {
      private: false,
      moved_to: null,
      items: [
        issue({
          number: 85,
          title: 'PG::UndefinedColumn tucked_at after upgrading to 3.2.0',
          body,
          author: 'greta-maalouf',
          labels: ['bug', 'regression'],
          created_at: '2026-05-04T08:20:00Z',
          updated_at: '2026-05-07T10:02:00Z',
          comments: [
            comment('mbeaulieu-dev', 'NONE', '2026-05-04T10:47:00Z',
              `Same here on two apps. For anyone stuck: pin the gem back in your Gemfile until this is sorted,

\`\`\`ruby
gem "tuckaway", "~> 3.1.4"
\`\`\`

then run \`bundle update tuckaway\` again. Everything works on 3.1.4.`),
            comment('greta-maalouf', 'NONE', '2026-05-04T12:15:00Z',
              `Pinning to ~> 3.1.4 fixed it for us too, thanks. Deploy is green again.`),
            comment('ines-halvorsen', 'OWNER', '2026-05-05T07:58:00Z',
              `Sorry about this one. 3.2.0 moved the column lookup into the Railtie so that it can be set app-wide with \`config.tuckaway.column\`. The per-model \`column:\` option is read when the model class loads, but the Railtie now overwrites it afterwards with the app-wide default, which is \`tucked_at\`. So every model ends up with the default unless the app sets it globally.

If you can't pin, setting \`config.tuckaway.column = :archived_at\` in config/application.rb also works, as long as all your models use the same column.`),
            comment('ines-halvorsen', 'OWNER', '2026-05-07T10:02:00Z',
              `#88 has a fix. I'd like a second pair of eyes on it before releasing 3.2.1.`),
          ],
          events: [
            { type: 'labeled', actor: 'ines-halvorsen', created_at: '2026-05-05T07:59:00Z', label: 'regression' },
          ],
        }),
        pull({
          number: 88,
          title: 'Let per-model column options win over the Railtie default',
          body: `Fixes #85

The Railtie now fills in \`config.tuckaway.column\` only for models that did not declare a column of their own, instead of overwriting every model after it loads. Adds a dummy-app test with one model on \`archived_at\` and one on the default.`,
          author: 'ines-halvorsen',
          author_association: 'OWNER',
          created_at: '2026-05-07T09:40:00Z',
          head: 'fix/per-model-column',
        }),
      ],
    },
  },
};

export default emit(import.meta.url, world);
