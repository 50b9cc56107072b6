// Where the token comes from, as gh users expect: GH_TOKEN, GITHUB_TOKEN,
// then `gh auth token` (a stub gh on PATH here); GH_HOST for short
// references; and a rejected token named by its source, never shown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { run, startFake, world } from './harness.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-token-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// A gh that prints `token` for `gh auth token --hostname HOST` and logs
// each call; exits 1 ("not logged in") when token is null.
function stubGh(name, token) {
  const bin = path.join(dir, name);
  fs.mkdirSync(bin);
  const log = path.join(bin, 'calls.log');
  fs.writeFileSync(path.join(bin, 'gh'), `#!/bin/sh
echo "$*" >> '${log}'
${token === null ? 'echo "not logged in" >&2; exit 1' : `[ "$1 $2" = "auth token" ] || exit 2; echo '${token}'`}
`, { mode: 0o755 });
  return { PATH: `${bin}:${process.env.PATH}`, log };
}

const root = 'lumen-dev/lumen#120';

test('no GH_TOKEN or GITHUB_TOKEN: the token of `gh auth token` is used (GraphQL, which needs one)', async () => {
  const fake = await startFake(world('seedlike'), ['--token', 'from-gh']);
  const gh = stubGh('logged-in', 'from-gh');
  try {
    const result = await run(['report', root, '--api-url', fake.url, '--format', 'json'], { env: { PATH: gh.PATH } });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).stats.api, 'graphql');
    assert.doesNotMatch(result.stderr, /no GitHub token set/);
    const host = new URL(fake.url).host;
    assert.equal(fs.readFileSync(gh.log, 'utf8').trim(), `auth token --hostname ${host}`);
  } finally { await fake.stop(); }
});

test('GH_TOKEN wins over gh, which is then not run', async () => {
  const fake = await startFake(world('seedlike'), ['--token', 'env-token']);
  const gh = stubGh('not-asked', 'from-gh');
  try {
    const result = await run(['report', root, '--api-url', fake.url], { env: { PATH: gh.PATH, GH_TOKEN: 'env-token' } });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.existsSync(gh.log), false);
  } finally { await fake.stop(); }
});

test('gh not logged in: unauthenticated REST, said once', async () => {
  const fake = await startFake(world('seedlike'));
  const gh = stubGh('logged-out', null);
  try {
    const result = await run(['report', root, '--api-url', fake.url, '--format', 'json'], { env: { PATH: gh.PATH } });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).stats.api, 'rest');
    assert.match(result.stderr, /no GitHub token set/);
  } finally { await fake.stop(); }
});

for (const [source, env, stub] of [
  ['GH_TOKEN', { GH_TOKEN: 'wrong-token' }, null],
  ['GITHUB_TOKEN', { GITHUB_TOKEN: 'wrong-token' }, null],
  ['gh auth token', {}, 'wrong-token'],
]) {
  test(`a rejected token from ${source} is named by its source (exit 4), never shown`, async () => {
    const fake = await startFake(world('seedlike'), ['--token', 'right-token']);
    const gh = stub ? stubGh(`rejected-${source.replaceAll(' ', '-')}`, stub) : null;
    try {
      for (const api of ['rest', 'graphql']) {
        const result = await run(['report', root, '--api', api, '--api-url', fake.url],
          { env: { ...env, ...(gh ? { PATH: gh.PATH } : {}) } });
        assert.equal(result.code, 4, result.stderr);
        assert.match(result.stderr, new RegExp(`^issuegraph: GitHub rejected the token from ${source} \\(401`));
        assert.doesNotMatch(result.stderr, /wrong-token/);
      }
    } finally { await fake.stop(); }
  });
}

test('--token rejected: the sentence names --token', async () => {
  const fake = await startFake(world('seedlike'), ['--token', 'right-token']);
  try {
    const result = await run(['report', root, '--api', 'rest', '--api-url', fake.url, '--token', 'wrong-token']);
    assert.equal(result.code, 4, result.stderr);
    assert.match(result.stderr, /GitHub rejected the token from --token \(401.*check the value given to --token/);
    assert.doesNotMatch(result.stderr, /wrong-token/);
  } finally { await fake.stop(); }
});

test('GH_HOST is the host of a short reference, as in gh', async () => {
  // An Enterprise host's API is HOST/api/v3, unreachable here: the error
  // names the URL the short reference became.
  const result = await run(['report', root, '--api', 'rest', '--timeout', '5'],
    { env: { GH_HOST: 'ghe.invalid', PATH: stubGh('ghe', null).PATH } });
  assert.equal(result.code, 6, result.stderr);
  assert.match(result.stderr, /https:\/\/ghe\.invalid\/api\/v3\/repos\/lumen-dev\/lumen\/issues\/120/);
  // A full URL keeps its own host.
  const url = await run(['report', 'https://github.com/lumen-dev/lumen/issues/120', '--offline'],
    { env: { GH_HOST: 'ghe.invalid' } });
  assert.equal(url.code, 3, url.stderr);
  assert.match(url.stderr, /lumen-dev\/lumen#120 is not in the store/);
});
