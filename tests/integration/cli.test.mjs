// The command line's promises: accepted input forms, one clear sentence and a
// documented exit code for every bad input, nothing half-written, and a token
// that never shows up in any output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { reportJson, run, startFake, world } from './harness.mjs';

function oneSentence(stderr) {
  const lines = stderr.trim().split('\n').filter((l) => !l.includes('no GitHub token set'));
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.match(lines[0], /^issuegraph: /);
  return lines[0];
}

describe('bad input', () => {
  const usage = [
    [],
    ['report'],
    ['report', 'not-a-url'],
    ['report', 'https://github.com/lumen-dev/lumen/issues/abc'],
    ['report', 'https://github.com/lumen-dev/lumen/wiki/3'],
    ['report', 'https://github.com/lumen-dev/lumen/issues/3/extra'],
    ['report', 'https://github.com/lumen-dev/lumen'],
    ['report', 'ftp://github.com/lumen-dev/lumen/issues/1'],
    ['report', 'https://api.github.com/repos/lumen-dev/lumen/issues/1'],
    ['report', 'lumen-dev/lumen#0'],
    ['report', 'lumen-dev/lumen#-4'],
    ['report', 'lumen-dev/lumen#99999999999999999999'],
    ['report', '-lumen/lumen#1'],
    ['report', 'lumen dev/lumen#1'],
    ['report', 'lumen-dev/lumen#12', '--depth', '-1'],
    ['report', 'lumen-dev/lumen#12', '--depth', 'two'],
    ['report', 'lumen-dev/lumen#12', '--max-nodes', '0'],
    ['report', 'lumen-dev/lumen#12', '--format', 'xml'],
    ['report', 'lumen-dev/lumen#12', '--api-url', 'not a url'],
    ['report', 'lumen-dev/lumen#12', '--api-url', 'file:///etc/passwd'],
    ['report', 'lumen-dev/lumen#12', '--unknown-flag'],
    ['frobnicate'],
  ];
  for (const args of usage) {
    test(`exit 2: ${JSON.stringify(args)}`, async () => {
      const result = await run(args);
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      if (args.length > 0) oneSentence(result.stderr);
    });
  }

  test('a token with a newline is refused without echoing it', async () => {
    const result = await run(['report', 'lumen-dev/lumen#12'], { env: { GITHUB_TOKEN: 'abc\nX-Evil: 1' } });
    assert.equal(result.code, 2);
    const line = oneSentence(result.stderr);
    assert.match(line, /GITHUB_TOKEN/);
    assert.ok(!result.stderr.includes('abc'));
  });

  test('--help lists the exit codes', async () => {
    const result = await run(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Exit codes: 0 ok/);
    assert.match(result.stdout, /report/);
  });
});

describe('against the fake GitHub', () => {
  let fake;
  let strict;
  before(async () => {
    fake = await startFake(world('seedlike'));
    strict = await startFake(world('seedlike'), ['--token', 'the-only-good-token']);
  });
  after(async () => { await fake?.stop(); await strict?.stop(); });

  const forms = [
    'https://github.com/lumen-dev/lumen/issues/120',
    'https://github.com/lumen-dev/lumen/issues/120/',
    'http://github.com/lumen-dev/lumen/issues/120',
    'https://www.github.com/lumen-dev/lumen/issues/120',
    'https://github.com/lumen-dev/lumen/issues/120#issuecomment-5',
    'https://github.com/lumen-dev/lumen/issues/120?foo=bar',
    'https://github.com/Lumen-Dev/Lumen/issues/120',
    'github.com/lumen-dev/lumen/issues/120',
    '  lumen-dev/lumen#120  ',
    'https://github.com/lumen-dev/lumen/pull/120',
  ];
  for (const form of forms) {
    test(`accepts ${JSON.stringify(form)}`, async () => {
      const { json } = await reportJson(fake, form, ['--depth', '0']);
      assert.equal(json.root, 'lumen-dev/lumen#120');
      assert.equal(json.nodes.length, 1);
    });
  }

  test('pull request URL with a tab', async () => {
    const { json } = await reportJson(fake, 'https://github.com/lumen-dev/lumen/pull/134/files', ['--depth', '0']);
    assert.equal(json.nodes[0].type, 'pull');
    assert.equal(json.nodes[0].state, 'merged');
  });

  test('unknown issue: exit 3 and a hint about private repositories', async () => {
    const result = await run(['report', 'lumen-dev/lumen#4242', '--api-url', fake.url]);
    assert.equal(result.code, 3);
    assert.match(oneSentence(result.stderr), /not found.*GITHUB_TOKEN/);
  });

  test('rejected token: exit 4, token never printed', async () => {
    const result = await run(['report', 'lumen-dev/lumen#120', '--api-url', strict.url],
      { env: { GITHUB_TOKEN: 'wrong-secret-value' } });
    assert.equal(result.code, 4);
    assert.match(oneSentence(result.stderr), /token/);
    assert.ok(!result.stderr.includes('wrong-secret-value'));
  });

  test('a good token works and appears nowhere in the output', async () => {
    for (const format of ['json', 'markdown']) {
      const result = await run(['report', 'lumen-dev/lumen#120', '--format', format, '--api-url', strict.url, '--stats'],
        { env: { GH_TOKEN: 'the-only-good-token' } });
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!result.stdout.includes('the-only-good-token'));
      assert.ok(!result.stderr.includes('the-only-good-token'));
      assert.ok(!result.stderr.includes('no GitHub token set'));
    }
  });

  test('--token wins over the environment', async () => {
    const result = await run(['report', 'lumen-dev/lumen#120', '--depth', '0', '--api-url', strict.url,
      '--token', 'the-only-good-token'], { env: { GITHUB_TOKEN: 'wrong' } });
    assert.equal(result.code, 0, result.stderr);
  });

  test('without a token: works, and says so once', async () => {
    const result = await run(['report', 'lumen-dev/lumen#120', '--depth', '0', '--api-url', fake.url]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.match(/no GitHub token set/g)?.length, 1);
  });

  test('ISSUEGRAPH_API_URL stands in for --api-url', async () => {
    const result = await run(['report', 'lumen-dev/lumen#120', '--depth', '0', '--format', 'json'],
      { env: { ISSUEGRAPH_API_URL: fake.url } });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).root, 'lumen-dev/lumen#120');
  });

  test('Enterprise URLs keep their host in the report', async () => {
    const { json } = await reportJson(fake, 'https://ghe.example.com/lumen-dev/lumen/issues/120', ['--depth', '0']);
    assert.match(json.nodes[0].url, /^https:\/\/ghe\.example\.com\/lumen-dev\/lumen\/issues\/120$/);
  });

  test('-o writes the whole report; an unwritable path leaves nothing behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-'));
    const good = path.join(dir, 'report.md');
    let result = await run(['report', 'lumen-dev/lumen#120', '-o', good, '--api-url', fake.url]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(fs.readFileSync(good, 'utf8'), /^# /);
    result = await run(['report', 'lumen-dev/lumen#120', '-o', path.join(dir, 'missing', 'r.md'), '--api-url', fake.url]);
    assert.equal(result.code, 7);
    assert.match(oneSentence(result.stderr), /cannot write/);
    result = await run(['report', 'lumen-dev/lumen#120', '-o', dir, '--api-url', fake.url]);
    assert.equal(result.code, 7);
    assert.deepEqual(fs.readdirSync(dir), ['report.md']);
    fs.rmSync(dir, { recursive: true });
  });

  test('gh conventions: did you mean, help, -V, an empty --token, a huge bad ref', async () => {
    let result = await run(['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(oneSentence(result.stderr), /unknown command 'frobnicate'; the commands are report, /);
    result = await run(['reprot', 'a/b#1']);
    assert.equal(result.code, 2);
    assert.match(oneSentence(result.stderr), /did you mean 'report'\?/);
    result = await run(['help', 'report']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--depth/);
    result = await run(['-V']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^issuegraph \d+\.\d+\.\d+/);
    result = await run(['report', 'lumen-dev/lumen#120', '--token', '', '--api-url', fake.url]);
    assert.equal(result.code, 2);
    assert.match(oneSentence(result.stderr), /--token was given an empty value/);
    result = await run(['report', 'x'.repeat(100_000)]);
    assert.equal(result.code, 2);
    assert.ok(result.stderr.length < 400, `echoed ${result.stderr.length} bytes`);
  });

  test('a report that cannot reach standard output says so: exit 7', async () => {
    const result = await run(['report', 'lumen-dev/lumen#120', '--api-url', fake.url], { stdoutPath: '/dev/full' });
    assert.equal(result.code, 7, result.stderr);
    assert.match(oneSentence(result.stderr), /cannot write the report to standard output/);
  });

  test('GitHub unreachable: exit 6', async () => {
    const result = await run(['report', 'lumen-dev/lumen#120', '--api-url', 'http://127.0.0.1:9']);
    assert.equal(result.code, 6);
    assert.match(oneSentence(result.stderr), /connect/);
  });
});
