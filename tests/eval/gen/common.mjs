// Helpers shared by the world generators of both evaluation sets. Each
// generator builds one world deterministically and writes it to its set:
// tests/eval/worlds/NAME.json, or tests/eval/heldout/worlds/NAME.json.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const sha1 = (text) => createHash('sha1').update(text).digest('hex');

export function comment(author, association, created_at, body) {
  return { author, author_association: association, created_at, body };
}

export function issue(fields) {
  return {
    number: fields.number,
    type: 'issue',
    title: fields.title,
    body: fields.body,
    state: fields.state ?? 'open',
    state_reason: fields.state_reason ?? null,
    author: fields.author,
    author_association: fields.author_association ?? 'NONE',
    labels: fields.labels ?? [],
    created_at: fields.created_at,
    updated_at: fields.updated_at ?? fields.closed_at ?? fields.created_at,
    closed_at: fields.closed_at ?? null,
    comments: fields.comments ?? [],
    events: fields.events ?? [],
    parent: fields.parent ?? null,
    deleted: false,
  };
}

export function pull(fields) {
  const merged = fields.merged ?? false;
  return {
    ...issue({ ...fields, state_reason: null }),
    type: 'pull',
    pull: {
      merged,
      merged_at: merged ? fields.closed_at : null,
      draft: fields.draft ?? false,
      base: fields.base ?? 'main',
      head: fields.head,
    },
  };
}

// `set`: the set's directory (default tests/eval), as a path or file URL.
export function writeWorld(name, world, set = join(here, '..')) {
  const out = join(set instanceof URL ? fileURLToPath(set) : set, 'worlds', `${name}.json`);
  writeFileSync(out, `${JSON.stringify(world, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
