// Generates a benchmark world of about N items around one root, with the
// shapes real threads have: dozens of back-links to the root (issues that
// mention it, pulls that fix it), long threads, sub-issues, duplicates and
// cycles. Deterministic for a given N (seeded; the world builders of
// tests/lib/worldgen.mjs).
//
//   node bench/gen_world.mjs N > world.json
import { comment, issue, pull, seeded } from '../tests/lib/worldgen.mjs';

export function generateWorld(total) {
  const { rand, pick } = seeded(0x9e3779b9 ^ total);
  const repo = 'bench/app';
  const other = 'bench/plugins';
  const people = ['ana', 'bo', 'chen', 'dara', 'eli', 'femi', 'gus', 'hana'];
  const time = (day, hour = 10) => `2026-0${1 + Math.floor(day / 28) % 9}-${String(1 + day % 28).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

  // Depth-1 fan-out ~ sqrt(N)*1.5, the rest at depth 2 under them.
  const firstLevel = Math.max(5, Math.round(Math.sqrt(total) * 1.5));
  const items = new Map();  // "repo#n" -> item
  const make = (where, number, type, day) => {
    const fields = {
      number, title: `${type === 'pull' ? 'Fix' : 'Report'} ${number}: ${pick(['crash on start', 'slow sync', 'wrong totals', 'login loop', 'memory growth'])}`,
      body: '', author: pick(people), author_association: pick(['NONE', 'CONTRIBUTOR', 'MEMBER']),
      labels: [pick(['bug', 'perf', 'ui', 'api'])], created_at: time(day), updated_at: time(day + 1),
    };
    const item = type === 'pull' ? pull({ ...fields, head: `fix/${number}` }) : issue(fields);
    items.set(`${where}#${number}`, { where, item });
    return item;
  };
  const root = make(repo, 1, 'issue', 0);
  root.body = '## Summary\nThe sync job crashes after an upgrade.\n\n```\nError: sync failed: invalid state\n```\n';
  for (let c = 0; c < 40; c++) root.comments.push(comment(pick(people), 'NONE', time(1 + c % 20, 11), `Seeing this too (${c}).`));

  let next = 2;
  const firstIds = [];
  for (let i = 0; i < firstLevel && items.size < total; i++) {
    const type = rand() < 0.3 ? 'pull' : 'issue';
    const number = next++;
    const item = make(i % 7 === 6 ? other : repo, number, type, 2 + i % 20);
    const where = items.get(`${i % 7 === 6 ? other : repo}#${number}`).where;
    const rootRef = where === repo ? '#1' : `${repo}#1`;
    if (type === 'pull') {
      item.body = i === 0 ? `Fixes ${rootRef}\n\nReworks the state machine.` : `Related to ${rootRef}.`;
      if (i === 0) { item.state = 'closed'; item.pull.merged = true; item.pull.merged_at = time(25); item.closed_at = time(25); }
    } else {
      item.body = `Probably the same as ${rootRef}.`;
      if (i % 5 === 1 && where === repo) { item.parent = `${repo}#1`; item.body = 'Part of the sync epic.'; }
      if (i % 9 === 2) { item.state = 'closed'; item.state_reason = 'duplicate'; item.closed_at = time(20); item.comments.push(comment('ana', 'MEMBER', time(20), `Duplicate of ${rootRef}`)); }
    }
    // Long threads on some nodes: more than one page.
    const long = i % 10 === 3 ? 150 : 3;
    for (let c = 0; c < long; c++) item.comments.push(comment(pick(people), 'NONE', time(3 + c % 20, 12), c === 1 ? `Workaround: restart the worker.` : `Comment ${c}.`));
    firstIds.push({ where, number });
  }
  // Depth 2: items linked from depth-1 items (mentions in their comments),
  // plus cycles back to siblings.
  let parent = 0;
  while (items.size < total) {
    const owner = firstIds[parent % firstIds.length];
    parent++;
    const number = next++;
    const type = rand() < 0.25 ? 'pull' : 'issue';
    const item = make(owner.where, number, type, 5 + number % 20);
    item.body = `Split out from #${owner.number}. See also #${firstIds[(parent + 1) % firstIds.length].where === owner.where ? firstIds[(parent + 1) % firstIds.length].number : owner.number}.`;
    for (let c = 0; c < 2; c++) item.comments.push(comment(pick(people), 'NONE', time(6 + c, 9), `Noted ${c}.`));
    const ownerItem = items.get(`${owner.where}#${owner.number}`).item;
    ownerItem.comments.push(comment(pick(people), 'MEMBER', time(8, 14), `Follow-up in #${number}.`));
  }
  const repos = {};
  for (const { where, item } of items.values()) {
    repos[where] ??= { private: false, moved_to: null, items: [], commits: [] };
    repos[where].items.push(item);
  }
  // The merged fix closes the root.
  const fix = [...items.values()].find(({ item }) => item.pull?.merged);
  if (fix) {
    root.state = 'closed'; root.state_reason = 'completed'; root.closed_at = fix.item.pull.merged_at;
    root.events.push({ type: 'closed', actor: 'ana', created_at: fix.item.pull.merged_at, closer: `${fix.where}#${fix.item.number}` });
  }
  return { repos };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const total = Number(process.argv[2] ?? 200);
  process.stdout.write(`${JSON.stringify(generateWorld(total), null, 1)}\n`);
}
