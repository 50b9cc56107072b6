// cmake --install puts the binary, the man page and the three shells'
// completions under a prefix; each is generated from the command table, so
// it knows the commands and flags --help shows, and each shell reads it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { binary } from './harness.mjs';

const buildDir = path.resolve(path.dirname(binary), '..');
const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'issuegraph-prefix-'));
after(() => fs.rmSync(prefix, { recursive: true, force: true }));

const files = {
  binary: 'bin/issuegraph',
  man: 'share/man/man1/issuegraph.1',
  bash: 'share/bash-completion/completions/issuegraph',
  zsh: 'share/zsh/site-functions/_issuegraph',
  fish: 'share/fish/vendor_completions.d/issuegraph.fish',
};
const at = (name) => path.join(prefix, files[name]);

before(() => {
  execFileSync('cmake', ['--install', buildDir, '--prefix', prefix], { stdio: 'pipe' });
});

test('the binary, the man page and three completions are installed', () => {
  for (const name of Object.keys(files)) assert.ok(fs.statSync(at(name)).size > 0, files[name]);
  const version = execFileSync(at('binary'), ['--version'], { encoding: 'utf8' });
  assert.match(version, /^issuegraph \d+\.\d+\.\d+/);
  // What is installed is what the binary prints.
  assert.equal(fs.readFileSync(at('man'), 'utf8'), execFileSync(at('binary'), ['man'], { encoding: 'utf8' }));
  assert.equal(fs.readFileSync(at('fish'), 'utf8'),
    execFileSync(at('binary'), ['completion', 'fish'], { encoding: 'utf8' }));
});

test('the man page renders without warnings and lists every command and flag of --help', () => {
  const text = execFileSync('man', ['-l', at('man')], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '200' } });
  const warnings = execFileSync('groff', ['-man', '-Tutf8', '-ww', '-z', at('man')], { encoding: 'utf8', stdio: 'pipe' });
  assert.equal(warnings, '');
  for (const command of ['report', 'export', 'serve', 'cache', 'completion', 'man']) {
    assert.match(text, new RegExp(`issuegraph ${command}`));
  }
  const help = execFileSync(at('binary'), ['report', '--help'], { encoding: 'utf8' });
  for (const flag of help.match(/--[a-z-]+/g)) assert.ok(text.includes(flag), `${flag} is not in the man page`);
  assert.match(text, /EXIT STATUS/);
});

function bashComplete(line) {
  const words = line.split(' ');
  const script = `source '${at('bash')}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); ` +
    `COMP_CWORD=${words.length - 1}; _issuegraph; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trim().split('\n');
}

test('bash completes commands, flags and their values', () => {
  assert.deepEqual(bashComplete('issuegraph rep'), ['report']);
  assert.ok(bashComplete('issuegraph report --ti').includes('--timeout'));
  assert.deepEqual(bashComplete('issuegraph report --format j'), ['json']);
  assert.deepEqual(bashComplete('issuegraph cache c'), ['clear']);
  assert.deepEqual(bashComplete('issuegraph completion f'), ['fish']);
});

test('fish completes from its file; zsh reads its file', () => {
  const fish = (line) => execFileSync('fish', ['--no-config', '-c', `source '${at('fish')}'; complete -C '${line}'`],
    { encoding: 'utf8' }).trim().split('\n').map((l) => l.split('\t')[0]);
  assert.deepEqual(fish('issuegraph rep'), ['report']);
  assert.deepEqual(fish('issuegraph report --format j'), ['json']);
  assert.ok(fish('issuegraph report --ti').includes('--timeout'));
  execFileSync('zsh', ['-n', at('zsh')]);  // throws on a syntax error
  const zsh = fs.readFileSync(at('zsh'), 'utf8');
  assert.match(zsh, /^#compdef issuegraph/);
  assert.match(zsh, /--format\[.*\]:value:\(markdown md json html mermaid dot\)/);
});
