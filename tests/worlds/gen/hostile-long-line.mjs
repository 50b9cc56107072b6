#!/usr/bin/env node
// Writes tests/worlds/hostile-long-line.json: the hand-written hostile world
// (tests/worlds/hostile.json, read as it is) plus hostile-org/sink#4, whose
// text holds the payloads that need size or invisible characters:
//   - the body's second line is one line of exactly 1 MiB (UTF-8 bytes):
//     a minified-config-like run of `key=value;` pairs with a <script> at its
//     head, a direction override and a javascript: link at its middle, and an
//     <img onerror> at its very end, so escaping that gave up after some
//     length, or a cut that split an entity, would show;
//   - one comment is a single 1 MiB "word" with no space or break chance (a
//     pasted base64 blob) ending in an <svg onload>;
//   - the title carries every kind of bidirectional control (override,
//     embedding, isolate, marks, the Arabic letter mark) around words whose
//     displayed order would change if one were obeyed.
// #4 mentions no other item and none mentions it, so the crawls of #1-#3 are
// those of hostile.json; a visit to #4 is what meets the size.
// Deterministic: no randomness and fixed dates, so re-running it reproduces
// the committed file byte for byte (tests/eval/generated-worlds.test.mjs
// checks that, and so that it follows edits of hostile.json).
//
//   node tests/worlds/gen/hostile-long-line.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { comment, emit, repoRoot } from '../../lib/worldgen.mjs';

export const MIB = 1 << 20;

// `head` + filler + `middle` + filler + `tail`, exactly `bytes` UTF-8 bytes
// and no line break; the filler is made of `unit(i)` pieces (ASCII).
export function longLine(bytes, { head, middle, tail, unit }) {
  const size = (text) => Buffer.byteLength(text, 'utf8');
  const fill = (target) => {
    const parts = [];
    let length = 0;
    for (let i = 0; length < target; i++) {
      const piece = unit(i).slice(0, target - length);
      parts.push(piece);
      length += piece.length;
    }
    return parts.join('');
  };
  const room = bytes - size(head) - size(middle) - size(tail);
  const first = Math.floor(room / 2);
  const line = head + fill(first) + middle + fill(room - first) + tail;
  if (size(line) !== bytes || line.includes('\n')) throw new Error('longLine: wrong size or a line break');
  return line;
}

const bodyLine = longLine(MIB, {
  head: "<script>alert('long-head')</script>",
  middle: " \u202Eexe.tsil\u202C [open](javascript:alert('long-middle')) ",
  tail: " <img src=x onerror=alert('long-tail')>",
  unit: (i) => `opt_${String(i % 997).padStart(3, '0')}=on; `,
});

const blob = longLine(MIB, {
  head: '',
  middle: '',
  tail: "<svg onload=alert('blob')>",
  unit: () => 'QWxsIHdvcmsgYW5kIG5vIHBsYXk',
});

const item = {
  number: 4,
  type: 'issue',
  title: 'Viewer hangs on a 1 MiB config line: \u202Bright\u202C \u202Dleft\u202C ' +
    '\u2067\u05E7\u05D5\u05D1\u05E5 1\u2069 \u2066report\u2069 \u2068x\u2069 a\u200Fb\u200Ec d\u061Ce ' +
    'invoice\u202Efdp.exe\u202C',
  body: 'The viewer freezes on a config dump whose second line is one long line:\n\n' +
    `${bodyLine}\n\nerror: line 2 is longer than the viewer's buffer`,
  state: 'open',
  state_reason: null,
  author: 'mallory',
  author_association: 'NONE',
  labels: ['bug', 'size'],
  created_at: '2026-04-04T09:00:00Z',
  updated_at: '2026-04-04T10:00:00Z',
  closed_at: null,
  comments: [
    comment('mallory', 'NONE', '2026-04-04T10:00:00Z', blob),
  ],
  events: [],
  parent: null,
  deleted: false,
};

const world = JSON.parse(readFileSync(join(repoRoot, 'tests', 'worlds', 'hostile.json'), 'utf8'));
world.repos['hostile-org/sink'].items.push(item);

export default emit(import.meta.url, world);
