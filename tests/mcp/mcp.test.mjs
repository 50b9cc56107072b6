// The MCP server over both transports, driven by the official MCP
// TypeScript SDK client against the fake GitHub: the handshake, the tool
// list, every tool, a bad ref, an unknown tool and a cancelled call. The
// SDK checks every response against the protocol's schemas (and each
// structuredContent against its tool's outputSchema); any message it
// could not take would reach client.onerror, which must stay silent.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { CallToolResultSchema, ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

import { freshCacheDir, startFake, world } from '../integration/harness.mjs';
import { startServe } from '../integration/serve_harness.mjs';
import { httpClient, rawStdio, stdioClient, textOf } from './mcp_harness.mjs';

const ROOT = 'https://github.com/lumen-dev/lumen/issues/120';
const TOOLS = ['issue_graph', 'issue_report', 'issue_status', 'related_issues'];

// Publishes reports through the web service's job API (they are what
// related_issues ranks), waiting for each to finish.
async function publish(server, urls) {
  for (const url of urls) {
    const res = await fetch(`${server.url}/api/v1/jobs`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url }),
    });
    const job = await res.json();
    assert.equal(res.status, 202, JSON.stringify(job));
    const events = await (await fetch(`${server.url}/api/v1/jobs/${job.id}/events`)).text();
    assert.match(events, /event: done/);
  }
}

function transportSuite(name, open) {
  describe(`MCP over ${name}`, () => {
    let fake;
    let slow;
    let ctx;
    before(async () => {
      fake = await startFake(world('seedlike'));
      slow = await startFake(world('seedlike'), ['--latency-ms', '400']);
      ctx = await open(fake, slow);
    });
    after(async () => {
      await ctx.close();
      await fake.stop();
      await slow.stop();
    });

    test('the handshake negotiates the newest protocol and offers tools', async () => {
      const { client } = ctx.main;
      assert.equal(client.getServerVersion().name, 'issuegraph');
      assert.ok(client.getServerCapabilities().tools, 'tools capability');
      assert.match(client.getInstructions() ?? '', /issue_status/);
      await client.ping();
    });

    test('tools/list names the four tools, each with input and output schemas', async () => {
      const { tools } = await ctx.main.client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
      for (const tool of tools) {
        assert.equal(tool.inputSchema.type, 'object', tool.name);
        assert.deepEqual(tool.inputSchema.required, ['ref'], tool.name);
        assert.equal(tool.outputSchema?.type, 'object', tool.name);
        assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      }
      const report = tools.find((t) => t.name === 'issue_report');
      assert.deepEqual(report.inputSchema.properties.format.enum, ['markdown', 'json']);
      assert.ok(report.inputSchema.properties.max_chars.default > 0);
      const status = tools.find((t) => t.name === 'issue_status');
      assert.deepEqual(status.outputSchema.required, ['ref', 'status', 'tldr']);
      assert.equal(status.outputSchema.properties.tldr.items.type, 'string');
      assert.deepEqual(Object.keys(status.outputSchema.properties.answer.items.properties).sort(),
        ['label', 'text', 'url']);
    });

    test('issue_status: the status line and a TL;DR, with progress for the crawl', async () => {
      const progress = [];
      const result = await ctx.main.client.callTool({ name: 'issue_status', arguments: { ref: ROOT } },
        CallToolResultSchema, { onprogress: (p) => progress.push(p) });
      assert.ok(!result.isError, textOf(result));
      const status = result.structuredContent;
      assert.equal(status.ref, 'lumen-dev/lumen#120');
      assert.equal(status.state, 'closed');
      assert.match(status.status, /Fixed by #134/);
      assert.ok(status.tldr.length >= 1 && status.tldr[0].length <= 310, JSON.stringify(status.tldr));
      // The TL;DR is the report's answer, line for line: the status first,
      // then (the world is fixed) the release when one is named and what to do.
      assert.ok(status.answer.length >= 2 && status.answer.length <= 3, JSON.stringify(status.answer));
      assert.deepEqual(status.tldr, status.answer.map((line) => `${line.label}: ${line.text}`));
      assert.equal(status.answer[0].label, 'Status');
      assert.equal(status.tldr[0], `Status: ${status.status}`);
      for (const line of status.answer) {
        assert.match(line.url, /^https?:\/\/\S+$/, `each line is sourced: ${JSON.stringify(line)}`);
      }
      const todo = status.tldr.filter((line) => line.startsWith('What to do: '));
      assert.equal(todo.length, 1, JSON.stringify(status.tldr));
      assert.equal(status.tldr.at(-1), todo[0], 'what to do comes last');
      const release = status.answer.find((line) => line.label === 'Fixed in');
      if (release) {
        const version = release.text.split(',')[0];
        assert.equal(todo[0], `What to do: Upgrade to ${version} or later.`);
      } else {
        assert.match(todo[0], /^What to do: Use a build that contains the fix/);
      }
      assert.deepEqual(JSON.parse(textOf(result)), status, 'the text is the same JSON');
      assert.ok(progress.length >= 2, `one notification per level: ${JSON.stringify(progress)}`);
      assert.ok(progress.every((p, i) => i === 0 || p.progress > progress[i - 1].progress), 'progress increases');
      assert.match(progress[0].message, /^level 0: /);
    });

    test('issue_report in Markdown, whole and cut to a budget that keeps the fix', async () => {
      const whole = await ctx.main.client.callTool({ name: 'issue_report', arguments: { ref: ROOT, max_chars: 100000 } });
      const text = textOf(whole);
      assert.match(text, /^# .*lumen-dev\/lumen#120/);
      assert.match(text, /## Fix\n/);
      assert.match(text, /## Original text\n/);
      assert.equal(whole.structuredContent.cut, null);
      assert.equal(whole.structuredContent.chars, Buffer.byteLength(text), 'chars counts bytes of UTF-8');

      const cut = await ctx.main.client.callTool({ name: 'issue_report', arguments: { ref: ROOT, max_chars: 4000 } });
      const small = textOf(cut);
      assert.ok(Buffer.byteLength(small) <= 4000, `${Buffer.byteLength(small)} bytes`);
      assert.match(small, /\*\*Status:\*\* Fixed by #134/);
      assert.match(small, /## Fix\n/, 'the fix is kept');
      assert.doesNotMatch(small, /## Original text/, 'the original text goes first');
      assert.match(small, /Cut to fit max_chars=4000 .*Left out: .*Original text/);
      assert.ok(cut.structuredContent.cut.sections_left_out.includes('Original text'));
      assert.equal(cut.structuredContent.shared_crawl, false);
    });

    test('issue_report as JSON within its budget', async () => {
      const result = await ctx.main.client.callTool({ name: 'issue_report', arguments: { ref: ROOT, format: 'json', max_chars: 6000 } });
      const text = textOf(result);
      assert.ok(Buffer.byteLength(text) <= 6000, `${Buffer.byteLength(text)} bytes`);
      const report = JSON.parse(text);
      assert.equal(report.root, 'lumen-dev/lumen#120');
      assert.ok(report.cut.sections_left_out.length > 0, JSON.stringify(report.cut));
      assert.ok(!report.cut.sections_left_out.includes('fix'), 'the fix is dropped last');
      assert.equal(result.structuredContent.format, 'json');
    });

    test('issue_graph: typed edges with provenance, the partial flag and stats', async () => {
      const result = await ctx.main.client.callTool({ name: 'issue_graph', arguments: { ref: ROOT } });
      const graph = result.structuredContent;
      assert.equal(graph.root, 'lumen-dev/lumen#120');
      assert.equal(graph.partial, false);
      assert.ok(graph.nodes.some((n) => n.ref === 'lumen-dev/lumen#134' && n.state === 'merged'));
      const closes = graph.edges.find((e) => e.kind === 'closes' && e.from === 'lumen-dev/lumen#134');
      assert.ok(closes, JSON.stringify(graph.edges));
      assert.match(closes.source, /^lumen-dev\/lumen#\d+ \(/);
      assert.ok(new Set(graph.edges.map((e) => e.kind)).size >= 3, 'typed edges');
      assert.equal(typeof graph.stats.requests, 'number');
    });

    test('related_issues ranks the stored reports like it, each with its reason', async () => {
      const result = await ctx.main.client.callTool({ name: 'related_issues', arguments: { ref: ROOT, limit: 5 } });
      const { related } = result.structuredContent;
      assert.ok(related.length >= 1, textOf(result));
      const dup = related.find((r) => r.ref === 'lumen-dev/lumen#133');
      assert.ok(dup, JSON.stringify(related));
      assert.match(dup.reason, /^shares .*token/);
      assert.ok(!related.some((r) => r.ref === 'lumen-dev/lumen#120'), 'not itself');
    });

    test('a bad ref is a tool error that names the problem', async () => {
      for (const [ref, pattern] of [['not-a-ref', /'not-a-ref' is not a reference/],
        ['https://git.evil.example/a/b/issues/1', /git\.evil\.example/]]) {
        const result = await ctx.main.client.callTool({ name: 'issue_status', arguments: { ref } });
        assert.equal(result.isError, true, ref);
        assert.match(textOf(result), pattern);
      }
      const depth = await ctx.main.client.callTool({ name: 'issue_report', arguments: { ref: ROOT, depth: 99 } });
      assert.equal(depth.isError, true);
      assert.match(textOf(depth), /^depth must be a whole number from 0 to \d+/);
      const missing = await ctx.main.client.callTool({ name: 'issue_report', arguments: { ref: 'lumen-dev/lumen#999' } });
      assert.equal(missing.isError, true);
      assert.match(textOf(missing), /^not_found: .*lumen-dev\/lumen#999/);
    });

    test('an unknown tool is a JSON-RPC error', async () => {
      await assert.rejects(ctx.main.client.callTool({ name: 'frobnicate', arguments: {} }), (error) => {
        assert.ok(error instanceof McpError);
        assert.equal(error.code, ErrorCode.InvalidParams);
        assert.match(error.message, /unknown tool 'frobnicate'/);
        return true;
      });
    });

    test('a cancelled call gets no response, and the server goes on', async () => {
      const { client, errors } = ctx.slow;
      const abort = new AbortController();
      const call = client.callTool({ name: 'issue_status', arguments: { ref: 'lumen-dev/lumen#131' } },
        CallToolResultSchema, { signal: abort.signal });
      setTimeout(() => abort.abort('the user pressed stop'), 150);
      await assert.rejects(call);
      await client.ping();
      // The crawl went on and was stored: asking again is answered.
      const again = await client.callTool({ name: 'issue_status', arguments: { ref: 'lumen-dev/lumen#131' } });
      assert.equal(again.structuredContent.ref, 'lumen-dev/lumen#131');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(errors.map(String), [], 'no response for the cancelled request reached the client');
    });

    test('the client saw no message it could not take', () => {
      assert.deepEqual(ctx.main.errors.map(String), []);
    });
  });
}

// The web service publishes #133 and #131 first, into the store the MCP
// server then reads (over stdio: the same file, after serve stopped).
transportSuite('stdio', async (fake, slow) => {
  const store = path.join(freshCacheDir(), 'store.db');
  const server = await startServe(fake, { store });
  await publish(server, ['https://github.com/lumen-dev/lumen/issues/133', 'https://github.com/lumen-dev/lumen/issues/131']);
  await server.stop();
  const main = await stdioClient(fake, { store });
  const slowClient = await stdioClient(slow);
  return { main, slow: slowClient, async close() { await main.close(); await slowClient.close(); } };
});

transportSuite('Streamable HTTP', async (fake, slow) => {
  const server = await startServe(fake);
  await publish(server, ['https://github.com/lumen-dev/lumen/issues/133', 'https://github.com/lumen-dev/lumen/issues/131']);
  const slowServer = await startServe(slow);
  const main = await httpClient(server);
  const slowClient = await httpClient(slowServer);
  return {
    main, slow: slowClient, server,
    async close() {
      await main.close();
      await slowClient.close();
      await server.stop();
      await slowServer.stop();
    },
  };
});

describe('MCP protocol details the SDK never sends', () => {
  test('stdio: older protocol versions, unknown versions, bad JSON, and logs only on stderr', async () => {
    const fake = await startFake(world('seedlike'));
    const raw = rawStdio(fake);
    try {
      raw.send('{not json');
      assert.equal((await raw.next()).error.code, -32700);
      raw.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      assert.match((await raw.next()).error.message, /send initialize first/);
      raw.send({ jsonrpc: '2.0', id: 2, method: 'initialize', params: { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
      assert.equal((await raw.next()).result.protocolVersion, '2024-11-05');
      raw.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      raw.send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
      const { tools } = (await raw.next()).result;
      assert.ok(tools.every((t) => !('outputSchema' in t) && !('annotations' in t)), 'no 2025 fields in 2024-11-05');
      raw.send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'issue_status', arguments: { ref: ROOT } } });
      const call = await raw.next();
      assert.equal(call.id, 4);
      assert.ok(!('structuredContent' in call.result));
      assert.match(JSON.parse(call.result.content[0].text).status, /Fixed by #134/);
      raw.send({ jsonrpc: '2.0', id: 5, method: 'initialize', params: { protocolVersion: '1999-01-01' } });
      assert.equal((await raw.next()).result.protocolVersion, '2025-11-25');
      raw.send({ jsonrpc: '2.0', id: 6, method: 'resources/list' });
      assert.equal((await raw.next()).error.code, -32601);
      raw.send([{ jsonrpc: '2.0', id: 7, method: 'ping' }]);
      assert.equal((await raw.next()).error.code, -32600);
      raw.send({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'issue_status', arguments: { ref: 'a b#1' } } });
      const bad = await raw.next();
      assert.equal(bad.result.isError, true);
    } finally {
      await raw.close();
      await fake.stop();
    }
    assert.match(raw.stderr(), /tools\/call issue_status: 'a b#1' contains spaces/);
  });

  test('HTTP: sessions, origins, methods and versions are checked', async () => {
    const fake = await startFake(world('seedlike'));
    const server = await startServe(fake);
    const post = (body, headers = {}) => fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
      body: JSON.stringify(body),
    });
    try {
      assert.equal((await fetch(`${server.url}/mcp`)).status, 405);
      assert.equal((await post({ jsonrpc: '2.0', id: 1, method: 'ping' })).status, 400, 'no session');
      assert.equal((await post({ jsonrpc: '2.0', id: 1, method: 'ping' }, { 'Mcp-Session-Id': 'f'.repeat(32) })).status, 404);
      const evil = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18' } },
        { Origin: 'http://evil.example' });
      assert.equal(evil.status, 403);
      const init = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
      assert.equal(init.status, 200);
      const session = init.headers.get('mcp-session-id');
      assert.match(session, /^[0-9a-f]{32}$/);
      assert.equal((await init.json()).result.protocolVersion, '2025-06-18');
      const headers = { 'Mcp-Session-Id': session, 'MCP-Protocol-Version': '2025-06-18' };
      assert.equal((await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, headers)).status, 202);
      assert.equal((await post({ jsonrpc: '2.0', id: 2, method: 'ping' }, { ...headers, 'MCP-Protocol-Version': '1999-01-01' })).status, 400);
      const list = await post({ jsonrpc: '2.0', id: 3, method: 'tools/list' }, headers);
      assert.equal(list.headers.get('content-type'), 'application/json');
      assert.equal((await list.json()).result.tools.length, 4);
      const del = await fetch(`${server.url}/mcp`, { method: 'DELETE', headers });
      assert.equal(del.status, 200);
      assert.equal((await post({ jsonrpc: '2.0', id: 4, method: 'ping' }, headers)).status, 404, 'the session ended');
    } finally {
      await server.stop();
      await fake.stop();
    }
  });
});
