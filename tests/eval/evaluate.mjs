#!/usr/bin/env node
// The evaluation of issuegraph's analysis against a gold set: every world in
// tests/eval/worlds/ is served by the fake GitHub, the real binary reports on
// the world's root issue (`--format json --api rest --depth D`), and the
// report is compared with tests/eval/gold/NAME.json, written by a person
// who read the thread. Prints precision and recall per section, for the
// links, the status line and the linked pull requests, then every miss per
// world, and exits non-zero when a recall falls below the thresholds.
//
// Each output item of root_cause, fix and workaround carries a `cue` (what
// produced it: a phrase of the cue table, or "rule:ID"); --verbose prints
// it beside every item, matched or not. Each missed gold text item is
// explained: the post of the world that holds it, the section it came out
// in instead (with that item's cue) or none, and the cue scores of its
// sentence, read from the cue table by tests/eval/cue_probe (built with the
// tests, beside the binary's build directory; ISSUEGRAPH_CUE_PROBE overrides
// it; without it the scores are left out).
//
//   node tests/eval/evaluate.mjs [--set tuning|heldout|real|real-heldout] [--world NAME]... [--api rest|graphql] [--verbose] [--json]
//
// Metrics (all micro-averaged: counts are summed over the worlds first, then
// divided, so a world with more gold items weighs more):
//
//   Text sections (summary, error_messages, reproduction, environment,
//   root_cause, fix, workaround, code_examples). A gold item is a short
//   distinctive substring; an output item matches it when the item's text
//   (its label, when it has one, then ": " and its text) contains the
//   substring, both lower-cased with typographic quotes made plain and
//   every run of whitespace collapsed to one space.
//     recall    = gold items matched by at least one output item of that
//                 section / gold items of that section
//     precision = output items that match at least one gold item of that
//                 section / output items of that section
//   Precision counts only worlds whose gold file names the section: a
//   section listed with an empty array must come out empty (each output
//   item is then a false positive); a section not listed is not judged.
//
//   Links. A gold link is {from, to, kind}; links marked "api": "graphql"
//   are required only when evaluating over GraphQL, links marked
//   "optional": true are never required and never count against precision.
//     recall    = required gold links present among the output edges / required gold links
//     precision = output edges equal to some gold link (required or optional)
//                 / output edges, not counting those matching optional links
//
//   Status. The gold names lower-case substrings the status line must
//   contain (facts: "fixed", "#57", "duplicate", "not planned", "2 open
//   pull"...) and may name substrings it must not contain (a claim that
//   would be false, such as "fixed" for an issue closed as not planned).
//     recall    = required substrings present / required substrings
//     precision = required substrings present / (required substrings present
//                 + forbidden substrings present)
//
//   Linked pulls. The gold lists the pulls (owner/repo#N) the linked_pulls
//   section must show; an output row is identified by its URL (or `ref`,
//   relative to the root's repository).
//     recall    = gold pulls shown / gold pulls
//     precision = rows shown that are gold pulls / rows shown
//
// Thresholds: recall >= 0.9 for links, status and linked pulls;
// recall >= 0.8 for each text section that has gold items. Precision is
// reported, not enforced.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { binary, run, startFake } from '../integration/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// Two sets: `tuning` (worlds/, gold/), which the analysis rules were tuned
// against, and `heldout` (heldout/worlds/, heldout/gold/), written later
// and never tuned against: its scores are the honest measure of how the
// analysis does on threads it has not seen.
const set = (dir) => ({ dir, worlds: path.join(dir, 'worlds'), gold: path.join(dir, 'gold') });
// The real-thread corpus (real/, built by real/build.mjs from paraphrased
// public threads) has the same two parts: `real` (tuning) and
// `real-heldout`.
export const SETS = {
  tuning: set(here),
  heldout: set(path.join(here, 'heldout')),
  real: set(path.join(here, 'real', 'tuning')),
  'real-heldout': set(path.join(here, 'real', 'heldout')),
};
export const worldsDir = SETS.tuning.worlds;
export const goldDir = SETS.tuning.gold;

export const TEXT_SECTIONS = ['summary', 'error_messages', 'reproduction', 'environment', 'root_cause', 'fix',
  'workaround', 'code_examples'];
export const METRICS = ['links', 'status', 'linked_pulls', ...TEXT_SECTIONS];
export const THRESHOLDS = Object.fromEntries(METRICS.map((m) => [m, TEXT_SECTIONS.includes(m) ? 0.8 : 0.9]));
// The real-thread corpus asks more: recall >= 0.85 for every text section,
// >= 0.95 for the status, precision >= 0.9 everywhere, and no must-not
// violation (gold `must_not`: {section: [substrings no item of that section
// may contain]}, such as a "+1" taken for a workaround).
export const REAL_THRESHOLDS = Object.fromEntries(METRICS.map((m) => [m, m === 'status' ? 0.95 : TEXT_SECTIONS.includes(m) ? 0.85 : 0.9]));
export const REAL_MIN_PRECISION = 0.9;
const isReal = (set) => set === 'real' || set === 'real-heldout';
export const thresholdsFor = (set) => (isReal(set) ? REAL_THRESHOLDS : THRESHOLDS);

// ------------------------------------------------------------------ matching

export function normalize(text) {
  return String(text ?? '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function itemText(item) {
  return normalize(item.label ? `${item.label}: ${item.text}` : item.text);
}

const short = (text, n = 90) => {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

// "owner/repo#N" of a linked row, from its URL or its (maybe relative) ref.
function rowRef(item, rootRepo) {
  const m = /github\.com\/([^/]+\/[^/]+)\/(?:pull|issues)\/(\d+)/.exec(item.url ?? '');
  if (m) return `${m[1]}#${m[2]}`.toLowerCase();
  const ref = String(item.ref ?? '');
  return (ref.startsWith('#') ? `${rootRepo}${ref}` : ref).toLowerCase();
}

const edgeKey = (e) => `${e.from} -> ${e.to} ${e.kind}`.toLowerCase();

function emptyCount() {
  return { gold: 0, found: 0, out: 0, matched: 0, judged: false };
}

// Scores one world's report against its gold; returns per-metric counts and
// the misses that explain them.
export function scoreWorld(gold, report, { api = 'rest' } = {}) {
  const counts = Object.fromEntries(METRICS.map((m) => [m, emptyCount()]));
  const misses = [];   // gold items not found: {metric, want}
  const extras = [];   // output items matching no gold item: {metric, got, cue}
  // Every output item of a judged text section: {metric, got, cue, matched,
  // context (an item precision leaves out)}.
  const outputs = [];

  // Links.
  const links = counts.links;
  const required = (gold.links ?? []).filter((l) => !l.optional && (api === 'graphql' || l.api !== 'graphql'));
  const optional = new Set((gold.links ?? []).filter((l) => l.optional).map(edgeKey));
  const allGold = new Set((gold.links ?? []).map(edgeKey));
  const edges = new Set((report.edges ?? []).map(edgeKey));
  links.judged = true;
  links.gold = required.length;
  for (const link of required) {
    if (edges.has(edgeKey(link))) links.found += 1;
    else misses.push({ metric: 'links', want: edgeKey(link) });
  }
  for (const edge of edges) {
    if (optional.has(edge)) continue;
    links.out += 1;
    if (allGold.has(edge)) links.matched += 1;
    else extras.push({ metric: 'links', got: edge });
  }

  // Status.
  const status = counts.status;
  const line = normalize(report.report?.status);
  status.judged = true;
  for (const want of gold.status?.must_contain ?? []) {
    status.gold += 1;
    if (line.includes(normalize(want))) {
      status.found += 1;
      status.out += 1;
      status.matched += 1;
    } else {
      misses.push({ metric: 'status', want: `"${want}" in "${report.report?.status}"` });
    }
  }
  for (const bad of gold.status?.must_not_contain ?? []) {
    if (line.includes(normalize(bad))) {
      status.out += 1;
      extras.push({ metric: 'status', got: `"${bad}" must not be in "${report.report?.status}"` });
    }
  }

  const sections = new Map((report.report?.sections ?? []).map((s) => [s.kind, s.items ?? []]));
  const rootRepo = gold.root.split('#')[0].toLowerCase();

  // Linked pulls.
  const pulls = counts.linked_pulls;
  const rows = (sections.get('linked_pulls') ?? []).map((item) => rowRef(item, rootRepo));
  const wanted = new Set((gold.linked_pulls ?? []).map((r) => r.toLowerCase()));
  pulls.judged = true;
  pulls.gold = wanted.size;
  for (const ref of wanted) {
    if (rows.includes(ref)) pulls.found += 1;
    else misses.push({ metric: 'linked_pulls', want: ref });
  }
  pulls.out = rows.length;
  for (const ref of rows) {
    if (wanted.has(ref)) pulls.matched += 1;
    else extras.push({ metric: 'linked_pulls', got: ref });
  }

  // Text sections.
  for (const kind of TEXT_SECTIONS) {
    const want = gold.sections?.[kind];
    if (want === undefined) continue;
    const c = counts[kind];
    c.judged = true;
    const items = sections.get(kind) ?? [];
    const texts = items.map(itemText);
    const needles = want.map(normalize);
    c.gold = needles.length;
    needles.forEach((needle, i) => {
      if (texts.some((t) => t.includes(needle))) c.found += 1;
      else misses.push({ metric: kind, want: want[i] });
    });
    c.out = 0;
    texts.forEach((t, i) => {
      const got = short(items[i].label ? `${items[i].label}: ${items[i].text}` : items[i].text);
      const cue = items[i].cue ?? '';
      const matched = needles.some((needle) => t.includes(needle));
      // The reporter's expected and actual behaviour, shown after the steps
      // under their labels: context, not a step (see the README, Metrics).
      if (kind === 'reproduction' && /^(expected|actual)$/i.test(items[i].label ?? '')) {
        outputs.push({ metric: kind, got, cue, matched, context: true });
        return;
      }
      c.out += 1;
      outputs.push({ metric: kind, got, cue, matched });
      if (matched) c.matched += 1;
      else extras.push({ metric: kind, got, cue });
    });
  }

  // Must-not gold: an output item of the section containing the substring.
  const violations = [];
  for (const [kind, bads] of Object.entries(gold.must_not ?? {})) {
    const texts = (sections.get(kind) ?? []).map(itemText);
    for (const bad of bads) {
      const hit = texts.find((t) => t.includes(normalize(bad)));
      if (hit) violations.push({ metric: kind, bad, got: short(hit) });
    }
  }
  // The TL;DR's lines, shown by --verbose with what each rests on.
  const answer = (report.report?.answer ?? []).map((a) => ({ label: a.label ?? '', text: short(a.text ?? ''), cue: a.cue ?? '' }));
  return { counts, misses, extras, violations, items: outputs, answer };
}

export function aggregate(results) {
  const totals = Object.fromEntries(METRICS.map((m) => [m, emptyCount()]));
  totals.must_not = results.reduce((n, r) => n + (r.score.violations?.length ?? 0), 0);
  for (const r of results) {
    for (const m of METRICS) {
      const c = r.score.counts[m];
      if (!c.judged) continue;
      const t = totals[m];
      t.judged = true;
      for (const k of ['gold', 'found', 'out', 'matched']) t[k] += c[k];
    }
  }
  for (const t of METRICS.map((m) => totals[m])) {
    t.recall = t.gold > 0 ? t.found / t.gold : null;
    t.precision = t.out > 0 ? t.matched / t.out : null;
  }
  return totals;
}

// Metrics whose recall is below the threshold (only those with gold items).
// On the real-thread sets also: precision below REAL_MIN_PRECISION, and
// any must-not violation.
export function belowThreshold(totals, set = 'tuning') {
  const th = thresholdsFor(set);
  const out = METRICS.filter((m) => totals[m].gold > 0 && totals[m].recall < th[m])
    .map((m) => ({ metric: m, what: 'recall', value: totals[m].recall, threshold: th[m] }));
  if (isReal(set)) {
    for (const m of METRICS) {
      const p = totals[m].precision;
      if (totals[m].judged && p !== null && p < REAL_MIN_PRECISION) out.push({ metric: m, what: 'precision', value: p, threshold: REAL_MIN_PRECISION });
    }
    if (totals.must_not > 0) out.push({ metric: 'must_not', what: 'violations', value: totals.must_not, threshold: 0 });
  }
  return out;
}

// ------------------------------------------------------------------ explaining misses

// The sections whose items the cue table can produce, as cue_probe names them.
export const CUE_SECTIONS = ['root_cause', 'fix', 'workaround'];

// normalize() with inline-code backticks dropped (as check-gold.mjs reads
// the world), and for each character of the result the offset in `text`
// it came from.
function normalizeWithOffsets(text) {
  const source = String(text ?? '');
  let out = '';
  const at = [];
  let space = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '`') continue;
    if (/\s/.test(c)) {
      space = true;
      continue;
    }
    if (space && out.length) {
      out += ' ';
      at.push(i - 1);
    }
    space = false;
    const lower = c.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').toLowerCase();
    for (let k = 0; k < lower.length; k++) {
      out += lower[k];
      at.push(i);
    }
  }
  return { out, at };
}

// The sentences of `text` that overlap its range [from, to), white space
// collapsed: a sentence ends at a line end or after ". ", "! ", "? ", as
// the analysis splits them (SentenceRanges).
function sentencesAround(text, from, to) {
  const spans = [];
  let begin = 0;
  for (let i = 0; i <= text.length; i++) {
    const end = i === text.length || text[i] === '\n' ? i
      : /[.!?]/.test(text[i]) && /\s/.test(text[i + 1] ?? '') ? i + 1 : -1;
    if (end < 0) continue;
    if (end > from && begin < to) {
      const sentence = text.slice(begin, end).replace(/\s+/g, ' ').trim();
      if (sentence) spans.push(sentence);
    }
    begin = end + (text[end] === '\n' ? 1 : 0);
  }
  return spans;
}

// Every post of a world, the root item's first: {ref, post, author, association, text}.
function worldPosts(world, root) {
  const posts = [];
  for (const [repo, data] of Object.entries(world.repos ?? {})) {
    for (const item of data.items ?? []) {
      const ref = `${repo}#${item.number}`;
      const who = (x) => ({ author: x.author ?? '', association: x.author_association ?? '' });
      const own = [{ ref, post: 'title', ...who(item), text: item.title }, { ref, post: 'body', ...who(item), text: item.body }];
      const comments = item.comments ?? [];
      comments.forEach((c, i) => own.push({ ref, post: `comment ${i + 1} of ${comments.length}`, ...who(c), text: c.body }));
      for (const e of item.events ?? []) if (e.message) own.push({ ref, post: `event ${e.type ?? ''}`.trim(), author: e.actor ?? '', association: '', text: e.message });
      if (ref.toLowerCase() === String(root).toLowerCase()) posts.unshift(...own);
      else posts.push(...own);
    }
    for (const c of data.commits ?? []) posts.push({ ref: `${repo}@${String(c.sha).slice(0, 7)}`, post: 'commit', author: c.author ?? '', association: '', text: c.message });
  }
  return posts;
}

// Where a missed gold item is: {where, elsewhere, sentences}, the post of
// the world that holds it (the root's own posts first; null when none
// does), the other sections (and the answer) whose items hold it, each
// with the first such item's cue, and the sentences of the post it is in.
export function locateMiss(world, report, root, miss) {
  const needle = normalizeWithOffsets(miss.want).out;
  if (!needle) return null;
  const elsewhere = [];
  const sections = [...(report.report?.sections ?? []), { kind: 'answer', items: report.report?.answer ?? [] }];
  for (const section of sections) {
    if (section.kind === miss.metric) continue;
    for (const item of section.items ?? []) {
      if (!normalizeWithOffsets(item.label ? `${item.label}: ${item.text}` : item.text).out.includes(needle)) continue;
      elsewhere.push({ section: section.kind, cue: item.cue ?? '', got: short(item.label ? `${item.label}: ${item.text}` : item.text, 60) });
      break;
    }
  }
  for (const post of worldPosts(world, root)) {
    const { out, at } = normalizeWithOffsets(post.text);
    const k = out.indexOf(needle);
    if (k < 0) continue;
    const { text, ...where } = post;
    return { where, elsewhere, sentences: sentencesAround(String(text), at[k], at[k + needle.length - 1] + 1) };
  }
  return { where: null, elsewhere, sentences: [] };
}

// The cue probe beside the binary's build directory (build/debug/tests/cue_probe).
export const cueProbe = process.env.ISSUEGRAPH_CUE_PROBE ?? path.join(path.dirname(binary), '..', 'tests', 'cue_probe');

// The cue table's reading of each {sentence, association}: per section
// {score, cue} and the score that accepts; null without the probe.
export function probeCues(lines) {
  if (!lines.length || !fs.existsSync(cueProbe)) return null;
  const input = lines.map((l) => `${l.association ?? ''}\t${l.sentence.replace(/\s+/g, ' ')}\n`).join('');
  const result = spawnSync(cueProbe, [], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) return null;
  const out = result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return out.length === lines.length ? out : null;
}

// Adds to each missed text item of `results` (which carry their world and
// report) `where`, `elsewhere`, and, for a cue section, `sentence` and
// `cue_score` ({score, cue, accept}: the best-scoring sentence that holds it).
function explainMisses(results) {
  const pending = [];
  for (const r of results) {
    for (const miss of r.score.misses) {
      if (!TEXT_SECTIONS.includes(miss.metric)) continue;
      const found = locateMiss(r.world, r.report, r.gold.root, miss);
      if (!found) continue;
      miss.where = found.where;
      miss.elsewhere = found.elsewhere;
      if (CUE_SECTIONS.includes(miss.metric) && found.sentences.length) {
        pending.push({ miss, sentences: found.sentences, association: found.where?.association ?? '' });
      }
    }
  }
  const lines = pending.flatMap((p) => p.sentences.map((sentence) => ({ sentence, association: p.association })));
  const scores = probeCues(lines);
  if (!scores) return;
  let next = 0;
  for (const p of pending) {
    let best = null;
    for (const sentence of p.sentences) {
      const read = scores[next++];
      const section = read[p.miss.metric];
      if (!best || section.score > best.score) best = { sentence, score: section.score, cue: section.cue, accept: read.accept };
    }
    p.miss.sentence = best.sentence;
    p.miss.cue_score = { score: best.score, cue: best.cue, accept: best.accept };
  }
}

// ------------------------------------------------------------------ running

export function listWorlds(set = 'tuning') {
  return fs.readdirSync(SETS[set].worlds).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export function loadGold(name, set = 'tuning') {
  const file = path.join(SETS[set].gold, `${name}.json`);
  if (!fs.existsSync(file)) throw new Error(`no gold file for world ${name}: ${file}`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function rootUrl(root) {
  const [repo, number] = root.split('#');
  return `https://github.com/${repo}/issues/${number}`;
}

async function reportFor(name, gold, api, set) {
  const fake = await startFake(path.join(SETS[set].worlds, `${name}.json`));
  try {
    const args = ['report', rootUrl(gold.root), '--format', 'json', '--api', api,
      '--depth', String(gold.depth ?? 1), '--api-url', fake.url];
    const result = await run(args, { env: { GITHUB_TOKEN: 'eval-token' }, timeoutMs: 60_000 });
    if (result.code !== 0) throw new Error(`issuegraph exited ${result.code} on ${name}: ${result.stderr.trim()}`);
    return JSON.parse(result.stdout);
  } finally {
    await fake.stop();
  }
}

async function pool(tasks, width) {
  const out = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return out;
}

// `explain`: say of each missed text item where it is (explainMisses).
export async function evaluate({ set = 'tuning', names = listWorlds(set), api = 'rest', concurrency, explain = false } = {}) {
  if (!fs.existsSync(binary)) {
    throw new Error(`no issuegraph binary at ${binary}: build it (cmake --build build/debug --target issuegraph) or set ISSUEGRAPH_BIN`);
  }
  const width = concurrency ?? Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
  const results = await pool(names.map((name) => async () => {
    const gold = loadGold(name, set);
    const report = await reportFor(name, gold, api, set);
    const result = { name, gold, status: report.report?.status ?? '', score: scoreWorld(gold, report, { api }) };
    if (explain) {
      result.report = report;
      result.world = JSON.parse(fs.readFileSync(path.join(SETS[set].worlds, `${name}.json`), 'utf8'));
    }
    return result;
  }), width);
  if (explain) {
    explainMisses(results);
    for (const r of results) {
      delete r.report;
      delete r.world;
    }
  }
  const totals = aggregate(results);
  return { results, totals, failures: belowThreshold(totals, set), api, set };
}

// ------------------------------------------------------------------ printing

const fmt = (x) => (x === null ? '   - ' : x.toFixed(3));

export function formatTable(totals, set = 'tuning') {
  const th = thresholdsFor(set);
  const head = ['metric', 'gold', 'found', 'recall', 'output', 'match', 'precision', 'min recall', ''];
  const rows = METRICS.filter((m) => totals[m].judged).map((m) => {
    const t = totals[m];
    const low = isReal(set) && t.precision !== null && t.precision < REAL_MIN_PRECISION;
    const verdict = t.gold === 0 ? (low ? 'LOW P' : 'n/a') : t.recall < th[m] ? 'BELOW' : low ? 'LOW P' : 'ok';
    return [m, t.gold, t.found, fmt(t.recall), t.out, t.matched, fmt(t.precision), th[m].toFixed(2), verdict];
  });
  if (totals.must_not !== undefined && isReal(set)) rows.push(['must_not violations', '', '', '', totals.must_not, '', '', '0', totals.must_not ? 'BELOW' : 'ok']);
  const widths = head.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const cueTag = (cue) => (cue ? ` [${cue}]` : '');

// The lines that explain one miss (explainMisses): where it is, where it
// came out instead, and how the cue table reads its sentence.
function explanation(miss) {
  const lines = [];
  if (miss.where === undefined) return lines;
  const w = miss.where;
  lines.push(w ? `held by ${w.ref} ${w.post}${w.author ? ` by @${w.author}` : ''}${w.association ? ` (${w.association})` : ''}`
    : 'held by no post of the world');
  lines.push(miss.elsewhere?.length
    ? `came out in ${miss.elsewhere.map((e) => `${e.section}${cueTag(e.cue)}`).join(', ')}`
    : 'came out in no section');
  if (miss.cue_score) {
    const c = miss.cue_score;
    lines.push(`cue score for ${miss.metric}: ${c.score} (accepts at ${c.accept})${c.cue ? `, strongest cue "${c.cue}"` : ', no cue'}` +
      ` in "${short(miss.sentence, 100)}"`);
  }
  return lines;
}

export function formatMisses(results, { verbose = false } = {}) {
  const out = [];
  for (const r of results) {
    const { misses, extras, violations = [] } = r.score;
    if (!misses.length && !violations.length && !(verbose && (extras.length || r.score.items?.length || r.score.answer?.length))) continue;
    out.push(`${r.name} (${r.gold.root}) status: ${r.status}`);
    for (const m of misses) {
      out.push(`  missing ${m.metric}: ${m.want}`);
      out.push(...explanation(m).map((line) => `      ${line}`));
    }
    for (const v of violations) out.push(`  MUST NOT ${v.metric}: "${v.bad}" in "${v.got}"`);
    if (verbose) {
      for (const a of r.score.answer ?? []) out.push(`  answer${cueTag(a.cue)}: ${a.label}: ${a.text}`);
      for (const i of r.score.items ?? []) {
        if (i.matched) out.push(`  matched ${i.metric}${cueTag(i.cue)}: ${i.got}`);
        else if (i.context) out.push(`  context ${i.metric}: ${i.got}`);
      }
      for (const e of extras) out.push(`  unmatched ${e.metric}${cueTag(e.cue)}: ${e.got}`);
    }
  }
  return out.join('\n');
}

async function main(argv) {
  const names = [];
  let api = 'rest';
  let set = 'tuning';
  let verbose = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--world') names.push(argv[++i]);
    else if (arg === '--api') api = argv[++i];
    else if (arg === '--set' && SETS[argv[i + 1]]) set = argv[++i];
    else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--json') json = true;
    else {
      console.error(`unknown argument ${arg}; usage: evaluate.mjs [--set tuning|heldout|real|real-heldout] [--world NAME]... [--api rest|graphql] [--verbose] [--json]`);
      return 2;
    }
  }
  const started = Date.now();
  const { results, totals, failures } = await evaluate({ set, names: names.length ? names : undefined, api, explain: true });
  if (json) {
    console.log(JSON.stringify({ set, api, totals, failures, worlds: results.map((r) => ({ name: r.name, status: r.status, ...r.score })) }, null, 2));
  } else {
    console.log(`issuegraph evaluation: ${set} set, ${results.length} worlds over ${api}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    console.log(formatTable(totals, set));
    const misses = formatMisses(results, { verbose });
    if (misses) console.log(`\n${verbose ? 'Misses and output' : 'Misses'} per world:\n${misses}`);
    console.log(failures.length
      ? `\nBELOW THRESHOLD: ${failures.map((f) => (f.what === 'violations' ? `${f.value} must-not violations`
        : `${f.metric} ${f.what} ${f.value.toFixed(3)} < ${f.threshold}`)).join(', ')}`
      : '\nAll thresholds met.');
  }
  return failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error) => {
    console.error(error.stack ?? String(error));
    process.exitCode = 2;
  });
}
