import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions, findClosingRefs, stripCode, parseRef } from '../refs.mjs';

const refs = (text) => findMentions(text).map((r) => (r.owner ? `${r.owner}/${r.repo}#${r.number}` : `#${r.number}`));

test('finds the four reference forms GitHub autolinks', () => {
  assert.deepEqual(refs('See #12, GH-13, acme/lib#14 and https://github.com/acme/app/pull/15.'),
    ['#12', '#13', 'acme/lib#14', 'acme/app#15']);
});

test('issue URLs may carry anchors and sub-pages', () => {
  assert.deepEqual(refs('https://github.com/a/b/issues/3#issuecomment-99 https://github.com/a/b/pull/4/files'),
    ['a/b#3', 'a/b#4']);
});

test('URLs elsewhere and on other hosts are not references', () => {
  assert.deepEqual(refs('https://example.com/a/b/issues/3 and https://example.com/#5'), []);
});

test('#N does not fire inside OWNER/REPO#N, inside a word or in an entity', () => {
  assert.deepEqual(refs('acme/lib#7 abc#2 &#39; x_#3'), ['acme/lib#7']);
});

test('#N needs a number and a word boundary after it', () => {
  assert.deepEqual(refs('#fff #12abc #0 (#8)'), ['#8']);
});

test('code never autolinks: fenced, indented, inline, and HTML comments', () => {
  const text = [
    'Before #1.',
    '```',
    '#2 in a fence',
    '```',
    '~~~~',
    '#3 in a tilde fence',
    '~~~~',
    '',
    '    #4 indented code',
    '',
    'Inline `#5` and ``#6 ` tick`` but #7 after.',
    '<!-- #8 in a comment -->',
  ].join('\n');
  assert.deepEqual(refs(text), ['#1', '#7']);
});

test('an indented line inside a list continues the item, it is not code', () => {
  assert.deepEqual(refs('- item\n\n    still the item, see #9'), ['#9']);
});

test('an unclosed fence hides the rest of the text', () => {
  assert.deepEqual(refs('#1\n```\n#2'), ['#1']);
});

test('stripCode keeps ordinary text', () => {
  assert.equal(stripCode('plain text').trim(), 'plain text');
});

test('closing keywords: nine words, any case, optional colon, same or other repo', () => {
  const found = findClosingRefs('Fixes #1. closes: #2, RESOLVED acme/lib#3; fix https://github.com/acme/app/issues/4 and #5')
    .map((r) => `${r.owner ?? ''}/${r.repo ?? ''}#${r.number}`);
  assert.deepEqual(found, ['/#1', '/#2', 'acme/lib#3', 'acme/app#4']);
});

test('a keyword inside a word or inside code does not close', () => {
  assert.deepEqual(findClosingRefs('prefixes #1, `fixes #2`, hotfix #3'), []);
});

test('parseRef reads OWNER/REPO#N only', () => {
  assert.deepEqual(parseRef('acme/app#42'), { owner: 'acme', repo: 'app', number: 42 });
  assert.equal(parseRef('#42'), null);
});
