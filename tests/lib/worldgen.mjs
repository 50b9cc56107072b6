// Everything that builds worlds for the fake GitHub (the contract is
// tests/fakegithub/world.schema.json), in one place: the generators of the
// committed worlds (tests/worlds/gen/, tests/eval/gen/,
// tests/eval/heldout/gen/) and the benchmarks' worlds (bench/gen_world.mjs)
// share one seeded random stream, ISO times, made-up users, the item
// builders and the way a world is written. Deterministic and free of
// dependencies, so a generator reproduces its committed file byte for byte.
//
// A generator is `SET/gen/NAME.mjs` and writes `NAME.json` in its set's
// worlds folder (WORLD_SETS); it ends with
//   export default emit(import.meta.url, world);
// so that importing it yields the world and running it
// (`node tests/eval/gen/NAME.mjs`) rewrites its file;
// tests/lib/regenerate-worlds.mjs rewrites or checks them all.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------- randomness

// mulberry32: small, fast, good enough for picking phrases.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// One stream for a whole generator: rand() in [0, 1), pick(list) one of
// `list`, int(lo, hi) from lo to hi inclusive. Every call advances the
// stream, so the order of calls is part of the output.
export function seeded(seed) {
  const rand = mulberry32(seed);
  return {
    rand,
    pick: (list) => list[Math.floor(rand() * list.length)],
    int: (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)),
  };
}

export const sha1 = (text) => createHash('sha1').update(text).digest('hex');

// ---------------------------------------------------------------- people and times

// "2026-05-18T09:00:00Z": UTC, whole seconds.
export const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// `count` commenters as { author, author_association }: user i pairs
// first[i] with last[7i] (both wrapping), spelt by logins[i % logins.length]
// (first, last, i), and is a CONTRIBUTOR when i is a multiple of
// `contributorEvery`, else NONE. Uses no randomness.
export function makeUsers({ count, first, last, logins, contributorEvery }) {
  const users = [];
  for (let i = 0; i < count; i++) {
    const login = logins[i % logins.length](first[i % first.length], last[(i * 7) % last.length], i);
    users.push({ author: login, author_association: i % contributorEvery === 0 ? 'CONTRIBUTOR' : 'NONE' });
  }
  return users;
}

// ---------------------------------------------------------------- items

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

// ---------------------------------------------------------------- world files

// The text of a world file: two-space JSON and a final newline.
export const worldText = (world) => `${JSON.stringify(world, null, 2)}\n`;

// Where generators live and where their worlds go, from the repository root.
export const WORLD_SETS = [
  { gen: 'tests/worlds/gen', worlds: 'tests/worlds' },
  { gen: 'tests/eval/gen', worlds: 'tests/eval/worlds' },
  { gen: 'tests/eval/heldout/gen', worlds: 'tests/eval/heldout/worlds' },
];

// Every generator: { name, script, file }, paths from the repository root.
export function generators() {
  return WORLD_SETS.flatMap(({ gen, worlds }) => readdirSync(join(repoRoot, gen))
    .filter((f) => f.endsWith('.mjs')).sort()
    .map((f) => ({ name: basename(f, '.mjs'), script: `${gen}/${f}`, file: `${worlds}/${basename(f, '.mjs')}.json` })));
}

function generatorAt(path) {
  const script = relative(repoRoot, path).split('\\').join('/');
  const found = generators().find((g) => g.script === script);
  if (!found) throw new Error(`${script} is not in a generator folder (${WORLD_SETS.map((s) => s.gen).join(', ')})`);
  return found;
}

const isMain = (path) => process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(path);

// A generator's last word: returns `world`, and writes it to the
// generator's world file when the generator was run as a script.
export function emit(generatorUrl, world) {
  const path = fileURLToPath(generatorUrl);
  if (isMain(path)) {
    const { file } = generatorAt(path);
    writeFileSync(join(repoRoot, file), worldText(world));
    console.log(`wrote ${file}`);
  }
  return world;
}

// The world a generator builds now, as file text (the generator's module
// runs once per process, so this is what it built on first import).
export async function generate(generator) {
  const module = await import(pathToFileURL(join(repoRoot, generator.script)).href);
  return worldText(module.default);
}

// What a generator builds now against its committed file: null when they
// are the same bytes, else the first line that differs (1-based) with its
// committed and generated versions (`committed` undefined: no such file).
export async function drift(generator) {
  const generated = (await generate(generator)).split('\n');
  let committed = [];
  try {
    committed = readFileSync(join(repoRoot, generator.file), 'utf8').split('\n');
  } catch {
    return { line: 1, committed: undefined, generated: generated[0] };
  }
  for (let i = 0; i < Math.max(committed.length, generated.length); i++) {
    if (committed[i] !== generated[i]) return { line: i + 1, committed: committed[i], generated: generated[i] };
  }
  return null;
}
