// The layers of docs/architecture.md, checked in the source: every
// `#include "LAYER/..."` points at the file's own layer or one it may use,
// and the concepts that belong to one layer stay there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

// What each layer may include directly (besides itself); the rest follows.
const USES = {
  model: [],
  http: ['model'],
  text: ['model'],
  crawl: ['model'],
  github: ['crawl', 'http', 'text'],
  store: ['crawl', 'http'],
  analyze: ['text'],
  render: ['model'],
  app: ['github', 'store', 'analyze', 'render'],
  serve: ['app'],
  mcp: ['app'],
  llm: ['app'],
  cli: ['app', 'serve', 'mcp', 'llm'],
};

function reachable(layer, seen = new Set()) {
  for (const next of [...(USES[layer] ?? []), 'model']) {
    if (next !== layer && !seen.has(next)) {
      seen.add(next);
      reachable(next, seen);
    }
  }
  return seen;
}

function sources() {
  const out = [];
  for (const layer of fs.readdirSync(src)) {
    const dir = path.join(src, layer);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir)) {
      if (/\.(h|cc)$/.test(file)) out.push({ layer, file: `${layer}/${file}`, text: fs.readFileSync(path.join(dir, file), 'utf8') });
    }
  }
  return out;
}

test('every layer folder is a known layer', () => {
  for (const layer of fs.readdirSync(src)) {
    if (fs.statSync(path.join(src, layer)).isDirectory()) assert.ok(USES[layer], `src/${layer} is not in the layer table`);
  }
});

test('no include points up a layer', () => {
  const wrong = [];
  for (const { layer, file, text } of sources()) {
    const allowed = reachable(layer);
    for (const [, target] of text.matchAll(/^#include "([a-z_]+)\//gm)) {
      if (target !== layer && !allowed.has(target)) wrong.push(`${file} includes ${target}/`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('only the model turns a key or short reference back into an IssueRef', () => {
  const wrong = sources().filter(({ layer, text }) => layer !== 'model' && /\bParseShortRef\(/.test(text));
  assert.deepEqual(wrong.map((s) => s.file), []);
});
