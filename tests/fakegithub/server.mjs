#!/usr/bin/env node
// The fake GitHub's command line (a contract: see README.md):
//   node tests/fakegithub/server.mjs --world FILE [--port N] [--latency-ms N]
//        [--faults FILE] [--token T] [--rate-limit N] [--html-host HOST]
// Prints `listening on http://127.0.0.1:PORT` as its first stdout line once it
// accepts requests. Exits 2 on bad arguments, an invalid world or faults file.

import { parseArgs } from 'node:util';
import { loadWorld, WorldError } from './world.mjs';
import { loadFaults, Faults, FaultsError } from './faults.mjs';
import { githubSchema } from './graphql.mjs';
import { createFakeGitHub } from './app.mjs';

const USAGE = 'usage: node tests/fakegithub/server.mjs --world FILE [--port N] [--latency-ms N] '
  + '[--faults FILE] [--token T] [--rate-limit N] [--html-host HOST]';

function fail(message) {
  process.stderr.write(`fakegithub: ${message}\n`);
  process.exit(2);
}

function count(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number, not "${value}"\n${USAGE}`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      world: { type: 'string' },
      port: { type: 'string', default: '0' },
      'latency-ms': { type: 'string' },
      faults: { type: 'string' },
      token: { type: 'string' },
      'rate-limit': { type: 'string' },
      'html-host': { type: 'string', default: 'github.com' },
    },
  }).values;
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
if (!args.world) fail(`--world is required\n${USAGE}`);

const htmlHost = args['html-host'];
let world;
let faults;
try {
  world = loadWorld(args.world, { htmlHost });
  faults = args.faults ? loadFaults(args.faults) : new Faults();
} catch (error) {
  if (error instanceof WorldError || error instanceof FaultsError) fail(error.message);
  throw error;
}
for (const warning of world.warnings) process.stderr.write(`fakegithub: warning: ${warning}\n`);
githubSchema(); // build it now, not on the first GraphQL request

const server = createFakeGitHub({
  world, faults, htmlHost,
  latencyMs: count(args['latency-ms'], 'latency-ms') ?? 0,
  token: args.token ?? null,
  rateLimit: count(args['rate-limit'], 'rate-limit') ?? null,
});
server.on('error', (error) => fail(`cannot listen: ${error.message}`));
server.listen(count(args.port, 'port'), '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
