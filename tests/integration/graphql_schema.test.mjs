// Every GraphQL document the client can send must pass GitHub's own schema
// (the published SDL from @octokit/graphql-schema), so a query GitHub would
// reject fails here rather than in a user's hands.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { parse, validate } from 'graphql';

import { githubSchema } from '../fakegithub/graphql.mjs';
import { repoRoot } from './harness.mjs';

const dumper = process.env.ISSUEGRAPH_DUMP_QUERIES ??
  path.join(repoRoot, 'build', 'debug', 'tests', 'dump_graphql_queries');

test('every query shape validates against GitHub\'s schema', () => {
  const schema = githubSchema();
  const lines = execFileSync(dumper, { encoding: 'utf8' }).trim().split('\n');
  assert.ok(lines.length >= 4, 'expected at least four query shapes');
  for (const line of lines) {
    const { query, variables } = JSON.parse(line);
    const errors = validate(schema, parse(query));
    assert.deepEqual(errors.map((e) => e.message), [], query.split('\n')[0]);
    // Values travel as variables, never spliced into the document.
    for (const value of Object.values(variables)) {
      if (typeof value === 'string') assert.ok(!query.includes(`"${value}"`), `${value} inlined`);
    }
  }
});
