// The evaluation's account of where its items came from: --verbose names
// the cue of every root cause, fix and workaround item, and a missed gold
// item is traced to the post that holds it, the section it came out in
// instead (with that item's cue), and the cue table's score of its
// sentence (tests/eval/cue_probe).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { CUE_SECTIONS, cueProbe, locateMiss, probeCues, scoreWorld } from './evaluate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const exec = promisify(execFile);

describe('cues in the evaluation', () => {
  test('--verbose names the cue of every root cause, fix and workaround item of a world', async () => {
    const { stdout } = await exec(process.execPath,
      [path.join(here, 'evaluate.mjs'), '--world', 'terse', '--verbose'], { env: process.env });
    const lines = stdout.split('\n').filter((l) => /^ {2}(matched|unmatched) /.test(l));
    const cueLines = lines.filter((l) => CUE_SECTIONS.some((s) => l.includes(`matched ${s}`)));
    assert.ok(cueLines.length >= 3, `root cause, fix and workaround items listed:\n${stdout}`);
    for (const line of cueLines) {
      // "  matched fix [rule:maintainer-fixed]: Maintainer @…": a rule or a phrase.
      assert.match(line, /^ {2}(un)?matched (root_cause|fix|workaround) \[(rule:[a-z-]+( \(.+\))?|[^\]]+)\]: /, line);
    }
    // The other sections have no cue to name.
    for (const line of lines.filter((l) => !cueLines.includes(l))) assert.doesNotMatch(line, /^ {2}(un)?matched \w+ \[/, line);
    // The TL;DR first, each line with what it rests on: the status, then what to do.
    const answer = stdout.split('\n').filter((l) => l.startsWith('  answer'));
    assert.ok(answer.length >= 2, `the TL;DR's lines listed:\n${stdout}`);
    assert.match(answer[0], /^ {2}answer \[rule:status\]: Status: /, answer[0]);
    for (const line of answer) assert.match(line, /^ {2}answer \[rule:[a-z-]+( \(.+\))?\]: (Status|Fixed in|What to do): /, line);
  });

  test('a missed item is traced to its post and to the section it came out in', () => {
    const world = {
      repos: {
        'acme/app': {
          items: [
            { number: 3, title: 'Other', body: 'Pin app to 1.2 here too.', author: 'zed', author_association: 'NONE', comments: [] },
            {
              number: 12, title: 'Crash', body: 'It crashes.', author: 'ann', author_association: 'NONE',
              comments: [
                { author: 'bo', author_association: 'NONE', body: 'Same here.' },
                { author: 'lee', author_association: 'MEMBER', body: 'Thanks.\n\nUntil 1.3 ships, pin `app` to 1.2. It did the trick for us.' },
              ],
            },
          ],
        },
      },
    };
    const report = {
      report: {
        sections: [
          { kind: 'workaround', items: [] },
          { kind: 'root_cause', items: [{ text: 'Until 1.3 ships, pin app to 1.2.', cue: 'rule:maintainer-mechanism' }] },
        ],
        answer: [],
      },
    };
    const found = locateMiss(world, report, 'acme/app#12', { metric: 'workaround', want: 'pin app to 1.2' });
    // The root's own comment, not the other item's body that holds it too.
    assert.deepEqual(found.where, { ref: 'acme/app#12', post: 'comment 2 of 2', author: 'lee', association: 'MEMBER' });
    assert.deepEqual(found.elsewhere.map((e) => [e.section, e.cue]), [['root_cause', 'rule:maintainer-mechanism']]);
    assert.deepEqual(found.sentences, ['Until 1.3 ships, pin `app` to 1.2.']);

    const nowhere = locateMiss(world, { report: { sections: [] } }, 'acme/app#12', { metric: 'fix', want: 'it crashes' });
    assert.equal(nowhere.where.post, 'body');
    assert.deepEqual(nowhere.elsewhere, []);
  });

  test('the cue probe scores sentences with the cue table', (t) => {
    if (!fs.existsSync(cueProbe)) {
      t.skip(`no cue probe at ${cueProbe} (built with the tests)`);
      return;
    }
    const [plain, member, veto] = probeCues([
      { sentence: 'Removing the lock file did the trick.', association: 'NONE' },
      { sentence: 'Removing the lock file did the trick.', association: 'MEMBER' },
      { sentence: '+1', association: '' },
    ]);
    assert.equal(plain.workaround.cue, 'did the trick');
    assert.ok(plain.workaround.score >= plain.accept);
    // A maintainer's voice counts one more, as in the analysis.
    assert.equal(member.workaround.score, plain.workaround.score + 1);
    assert.equal(plain.fix.cue, '');
    assert.ok(veto.workaround.score < 0);
    assert.equal(veto.workaround.cue, '');
  });
});

describe('scoring the reproduction', () => {
  test('expected and actual behaviour are context: matched when gold names them, never counted for precision', () => {
    const gold = { root: 'o/r#1', status: { must_contain: [] }, sections: { reproduction: ['install it', 'it hangs'] } };
    const items = [
      { text: 'Install it' },
      { label: 'Actual', text: 'It hangs' },
      { label: 'Expected', text: 'It returns' },
      { text: 'Open the log' },
    ];
    const report = { edges: [], report: { status: '', sections: [{ kind: 'reproduction', items }] } };
    const { counts, extras } = scoreWorld(gold, report);
    assert.equal(counts.reproduction.found, 2);  // "it hangs" matched the Actual item
    assert.equal(counts.reproduction.out, 2);    // the two steps only
    assert.equal(counts.reproduction.matched, 1);
    assert.deepEqual(extras.map((e) => e.got), ['Open the log']);
  });
});
