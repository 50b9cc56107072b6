// The fake model's own contract: its first line, both answer shapes, its
// request log, a cut stream, and bad arguments.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const server = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'server.mjs');

async function start(scenario) {
  const child = spawn(process.execPath, [server, '--scenario', scenario], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(readline.createInterface({ input: child.stdout }), 'line');
  const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)[1];
  return { url, async stop() { child.kill('SIGTERM'); await once(child, 'exit'); } };
}

const ask = (url, body) => fetch(`${url}/v1/chat/completions`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
  body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }], ...body }),
});

test('answers as one JSON body or as a stream ending in [DONE], and logs each request', async () => {
  const fake = await start('good');
  try {
    const plain = await (await ask(fake.url, {})).json();
    const content = JSON.parse(plain.choices[0].message.content);
    assert.ok(content.sections.length > 0);
    const streamed = await (await ask(fake.url, { stream: true })).text();
    assert.ok(streamed.trimEnd().endsWith('data: [DONE]'));
    const joined = streamed.split('\n').filter((l) => l.startsWith('data: {'))
      .map((l) => JSON.parse(l.slice(6)).choices[0].delta.content ?? '').join('');
    assert.equal(joined, plain.choices[0].message.content);
    const stats = await (await fetch(`${fake.url}/__stats`)).json();
    assert.equal(stats.total, 2);
    assert.equal(stats.requests[0].authorization, 'Bearer k');
  } finally {
    await fake.stop();
  }
});

test('a truncated stream stops without a finish reason or [DONE]', async () => {
  const fake = await start('truncated');
  try {
    const text = await (await ask(fake.url, { stream: true })).text();
    assert.ok(!text.includes('[DONE]') && !text.includes('"finish_reason":"stop"'));
  } finally {
    await fake.stop();
  }
});

test('an unknown scenario exits 2 naming the known ones', () => {
  const result = spawnSync(process.execPath, [server, '--scenario', 'nope'], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown scenario "nope"; one of good, /);
});
