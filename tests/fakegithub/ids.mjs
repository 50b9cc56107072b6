// Deterministic identifiers. Every id the fake hands out is a pure function of
// the world's content (a repository name, an item number, an index), so golden
// tests stay stable across runs and a world edit only moves the ids it touches.

import { createHash } from 'node:crypto';

export function sha1Hex(text) {
  return createHash('sha1').update(text).digest('hex');
}

// A numeric id in [1e9, 2.1e9): as large as GitHub's, and still within a
// signed 32-bit integer so no client type overflows.
export function numericId(key) {
  return 1_000_000_000 + (parseInt(sha1Hex(key).slice(0, 8), 16) % 1_100_000_000);
}

// GitHub's global node ids are opaque strings with a type prefix (I_, PR_, IC_).
// Ours keep that look; the server resolves them through a lookup table.
export function nodeId(prefix, key) {
  const digest = createHash('sha1').update(key).digest('base64url').slice(0, 16);
  return `${prefix}_kwDO${digest}`;
}

// Prefix for a GraphQL type: its capital letters (CrossReferencedEvent → CRE).
export function typePrefix(typename) {
  const caps = typename.replace(/[^A-Z]/g, '');
  return caps || typename.slice(0, 2).toUpperCase();
}

// The merge commit GitHub would have made for a pull: a fake but stable SHA
// that the commits/{sha}/pulls endpoint maps back to that pull.
export function mergeSha(pullRef) {
  return sha1Hex(`merge:${pullRef}`);
}

export function labelColor(name) {
  return sha1Hex(`label:${name}`).slice(0, 6);
}
