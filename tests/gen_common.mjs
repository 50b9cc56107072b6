// What the world generators (tests/worlds/gen/, tests/eval/gen/) share: a
// seeded random stream with its picking helpers, ISO times and made-up
// users. Deterministic, so a generator reproduces its file byte for byte.
// No dependencies.

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
