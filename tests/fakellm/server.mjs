#!/usr/bin/env node
// A fake OpenAI-compatible chat-completions server with scripted answers:
//   node tests/fakellm/server.mjs --scenario NAME [--port N] [--latency-ms N]
// Prints `listening on http://127.0.0.1:PORT` first; the API base is
// BASE/v1 (POST BASE/v1/chat/completions). `GET /__stats` returns
// {total, requests: [{authorization, body}]} (the last 20 requests). Streams
// server-sent events when the request asks for `stream`, else one JSON body.
// Scenarios: tests/fakellm/scenarios.mjs. Exits 2 on bad arguments.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { scenarios } from './scenarios.mjs';

function fail(message) {
  process.stderr.write(`fakellm: ${message}\nusage: node tests/fakellm/server.mjs --scenario NAME [--port N] [--latency-ms N]\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { scenario: { type: 'string' }, port: { type: 'string', default: '0' },
    'latency-ms': { type: 'string', default: '0' } } }).values;
} catch (error) {
  fail(error.message);
}
const scenario = scenarios[args.scenario];
if (!scenario) fail(`unknown scenario "${args.scenario}"; one of ${Object.keys(scenarios).join(', ')}`);
const latency = Number(args['latency-ms']);
if (!Number.isInteger(latency) || latency < 0) fail('--latency-ms must be a whole number');

const seen = [];
let total = 0;

function chunk(delta, finish = null) {
  return `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', model: 'fake',
    choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

function answer(res, request, message, finish) {
  if (request.stream) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const text = message.content ?? '';
    res.write(chunk({ role: 'assistant' }));
    for (let i = 0; i < text.length; i += 40) res.write(chunk({ content: text.slice(i, i + 40) }));
    if (message.refusal) res.write(chunk({ refusal: message.refusal }));
    res.write(chunk({}, finish));
    res.end('data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion', model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content: message.content ?? null, refusal: message.refusal ?? null },
      finish_reason: finish }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } }));
}

function respond(req, res, body) {
  let request;
  try {
    request = JSON.parse(body);
  } catch {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'request body is not JSON' } }));
    return;
  }
  if (!Array.isArray(request.messages)) {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'messages is required' } }));
    return;
  }
  switch (scenario.kind) {
    case 'status':
      res.writeHead(scenario.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'scripted failure' } }));
      return;
    case 'hang':
      return;  // never answers; the client's timeout ends it
    case 'truncated': {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk({ role: 'assistant' }));
      res.write(chunk({ content: scenario.content.slice(0, Math.floor(scenario.content.length / 2)) }));
      res.end();  // the stream stops mid-answer: no finish reason, no [DONE]
      return;
    }
    case 'refusal':
      answer(res, request, { content: null, refusal: scenario.refusal }, 'stop');
      return;
    default:
      if (scenario.rejectSchema && request.response_format) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'response_format is not supported' } }));
        return;
      }
      answer(res, request, { content: scenario.content }, 'stop');
  }
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/__stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ total, requests: seen }));
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
      return;
    }
    total += 1;
    let parsed = null;
    try { parsed = JSON.parse(body); } catch { /* answered as a 400 below */ }
    seen.push({ authorization: req.headers.authorization ?? null, body: parsed });
    if (seen.length > 20) seen.shift();
    setTimeout(() => respond(req, res, body), latency);
  });
});
server.listen(Number(args.port), '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
