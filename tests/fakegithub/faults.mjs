// Injected faults: an ordered list of rules, each matching a method and a path
// regex, answering the next `times` matching requests with a chosen status,
// headers and body (or a delay, or a dropped connection) instead of the real
// answer. Used to test retries, backoff and error messages. See README.md for
// the file format.

import { readFileSync } from 'node:fs';

export class FaultsError extends Error {}

const RULE_KEYS = new Set(['method', 'path', 'query', 'status', 'times', 'skip', 'headers', 'body',
  'delay_ms', 'reset_connection', 'comment']);

export function loadFaults(file) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FaultsError(`cannot read faults ${file}: ${error.message}`);
  }
  return new Faults(data, file);
}

export class Faults {
  constructor(data = { rules: [] }, name = 'faults') {
    if (!data || !Array.isArray(data.rules)) throw new FaultsError(`${name}: expected {"rules": [...]}`);
    this.rules = data.rules.map((rule, index) => compileRule(rule, `${name}: rule ${index}`));
  }

  // The fault for this request, if any; consumes one of the rule's `times`.
  // Rules are tried in order and the first live match wins.
  take(method, path, query) {
    for (const rule of this.rules) {
      if (rule.method && rule.method !== method) continue;
      if (!rule.path.test(path)) continue;
      if (rule.query && !rule.query.test(query)) continue;
      if (rule.skipped < rule.skip) {
        rule.skipped++;
        continue;
      }
      if (rule.times !== null && rule.used >= rule.times) continue;
      rule.used++;
      return rule;
    }
    return null;
  }
}

function compileRule(rule, where) {
  if (typeof rule !== 'object' || rule === null) throw new FaultsError(`${where}: must be an object`);
  for (const key of Object.keys(rule)) {
    if (!RULE_KEYS.has(key)) throw new FaultsError(`${where}: unknown key "${key}"`);
  }
  if (typeof rule.path !== 'string') throw new FaultsError(`${where}: "path" (a regex) is required`);
  const hasAction = rule.status !== undefined || rule.reset_connection || rule.delay_ms;
  if (!hasAction) throw new FaultsError(`${where}: give "status", "delay_ms" or "reset_connection"`);
  const regex = (text, key) => {
    try {
      return new RegExp(text);
    } catch (error) {
      throw new FaultsError(`${where}: bad "${key}" regex: ${error.message}`);
    }
  };
  return {
    method: rule.method ? rule.method.toUpperCase() : null,
    path: regex(rule.path, 'path'),
    query: rule.query !== undefined ? regex(rule.query, 'query') : null,
    status: rule.status ?? null, // null: only delay, then answer normally
    times: rule.times ?? null, // null: every matching request
    skip: rule.skip ?? 0,
    headers: rule.headers ?? {},
    body: rule.body,
    delayMs: rule.delay_ms ?? 0,
    resetConnection: rule.reset_connection === true,
    used: 0,
    skipped: 0,
  };
}
