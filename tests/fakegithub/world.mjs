// A world: the repositories, issues, pulls, comments and events the fake serves,
// loaded once, validated against world.schema.json, and indexed. Everything
// GitHub derives rather than stores is derived here, once, so REST and GraphQL
// answer from the same facts:
//   - cross-referenced events on X for every body or comment of another item
//     that mentions X (refs.mjs has the grammar);
//   - closing references from keywords in a pull's body, plus manual
//     (`connected`) links;
//   - sub-issue lists from `parent`;
//   - which pull a commit belongs to (world `commits`, and a fake merge SHA
//     for every merged or closing pull);
//   - the `closed` and `merged` events a closed or merged item must have.
// The World is immutable after construction and safe to share between requests.

import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { numericId, nodeId, typePrefix, mergeSha } from './ids.mjs';
import { findMentions, findClosingRefs, parseRef } from './refs.mjs';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const SCHEMA_URL = new URL('./world.schema.json', import.meta.url);

export class WorldError extends Error {}

let compiledValidator = null;
function validator() {
  if (!compiledValidator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiledValidator = ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')));
  }
  return compiledValidator;
}

// Reads, validates and indexes a world file. Throws WorldError with a message
// naming the file and every problem found.
export function loadWorld(file, options = {}) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WorldError(`cannot read world ${file}: ${error.message}`);
  }
  return new World(data, { ...options, name: file });
}

function schemaProblems(data) {
  const validate = validator();
  if (validate(data)) return [];
  return validate.errors.map((e) => {
    const where = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = e.keyword === 'enum' ? ` (${e.params.allowedValues.map(String).join(', ')})` : '';
    return `${where.length ? where.join(' › ') : '(top level)'}: ${e.message}${extra}`;
  });
}

function maxTime(...times) {
  return times.filter(Boolean).reduce((a, b) => (a > b ? a : b), null);
}

export class World {
  constructor(data, { htmlHost = 'github.com', name = 'world' } = {}) {
    const problems = schemaProblems(data);
    if (problems.length) {
      throw new WorldError(`world ${name} does not match world.schema.json:\n  ${problems.join('\n  ')}`);
    }
    this.htmlHost = htmlHost;
    this.warnings = [];
    this.repos = new Map(); // lower-case "owner/name" → repo
    this.nodes = new Map(); // GraphQL node id → {kind, value}
    for (const [fullName, raw] of Object.entries(data.repos)) this.#addRepo(fullName, raw, name);
    for (const repo of this.repos.values()) {
      for (const item of repo.items.values()) this.#resolveItemLinks(item);
    }
    for (const repo of this.repos.values()) {
      for (const item of repo.items.values()) this.#deriveFromText(item);
    }
    for (const repo of this.repos.values()) {
      for (const item of repo.items.values()) this.#buildTimeline(item);
    }
  }

  // ---- lookups -------------------------------------------------------------

  // The repository stored under this name (any case), without following moves.
  findRepo(owner, name) {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  // The repository a name ends up at after following `moved_to` renames.
  resolveRepo(owner, name) {
    let repo = this.findRepo(owner, name);
    for (let hops = 0; repo?.movedTo && hops < 10; hops++) {
      const [o, n] = repo.movedTo.split('/');
      repo = this.findRepo(o, n);
    }
    return repo?.movedTo ? undefined : repo;
  }

  // An item named by {owner, repo, number} (owner/repo null: same repository
  // as `context`), or by "OWNER/REPO#N" text. Follows renames.
  resolveRef(ref, context) {
    const parsed = typeof ref === 'string' ? parseRef(ref) : ref;
    if (!parsed) return undefined;
    const repo = parsed.owner ? this.resolveRepo(parsed.owner, parsed.repo) : context;
    return repo?.items.get(parsed.number);
  }

  // Pulls that contain commit `sha` in `repo`: an array (maybe empty) for a
  // commit the world knows, null for an unknown one. Accepts unique prefixes
  // of at least 7 characters, as GitHub does.
  commitPulls(repo, sha) {
    const commit = this.commitIn(repo, sha);
    if (!commit) return null;
    return commit.pulls.filter((p) => p.isPull && !p.deleted);
  }

  // The commit `sha` names in `repo`, by full SHA or unique prefix of 7+.
  commitIn(repo, sha) {
    const wanted = sha.toLowerCase();
    const commit = repo.commits.get(wanted);
    if (commit || wanted.length < 7) return commit;
    const matches = [...repo.commits.values()].filter((c) => c.sha.startsWith(wanted));
    return matches.length === 1 ? matches[0] : undefined;
  }

  findCommit(sha) {
    for (const repo of this.repos.values()) {
      const commit = repo.commits.get(sha.toLowerCase());
      if (commit) return commit;
    }
    return undefined;
  }

  #warn(message) {
    this.warnings.push(message);
  }

  #register(prefix, key, kind, value) {
    const id = nodeId(prefix, key);
    if (this.nodes.has(id)) throw new WorldError(`node id collision for ${key}; rename something`);
    this.nodes.set(id, { kind, value });
    return id;
  }

  // ---- construction --------------------------------------------------------

  #addRepo(fullName, raw, worldName) {
    const key = fullName.toLowerCase();
    if (this.repos.has(key)) {
      throw new WorldError(`world ${worldName}: repositories "${this.repos.get(key).fullName}" and "${fullName}" differ only in case`);
    }
    const [owner, name] = fullName.split('/');
    const repo = {
      fullName, owner, name,
      private: raw.private === true,
      movedTo: raw.moved_to ?? null,
      defaultBranch: raw.default_branch ?? null, // extension: enforce the default-branch rule for keywords
      id: numericId(`repo:${key}`),
      items: new Map(),
      commits: new Map(),
    };
    repo.nodeId = this.#register('R', `repo:${key}`, 'repo', repo);
    this.repos.set(key, repo);
    if (repo.movedTo && raw.items.length) {
      this.#warn(`${fullName} has moved to ${repo.movedTo}; its ${raw.items.length} item(s) are only reachable through references`);
    }
    for (const rawItem of raw.items) {
      if (repo.items.has(rawItem.number)) {
        throw new WorldError(`world ${worldName}: ${fullName}#${rawItem.number} is defined twice`);
      }
      repo.items.set(rawItem.number, this.#makeItem(repo, rawItem));
    }
    for (const c of raw.commits ?? []) {
      const pull = c.pull == null ? null : repo.items.get(c.pull);
      if (c.pull != null && !pull?.isPull) this.#warn(`${fullName}: commit ${c.sha} names pull #${c.pull}, which is not a pull in the world`);
      this.#commit(repo, c.sha, { message: c.message ?? '', author: c.author ?? null, pull });
    }
  }

  #commit(repo, sha, fields = {}) {
    const key = sha.toLowerCase();
    let commit = repo.commits.get(key);
    if (!commit) {
      commit = { sha: key, repo, message: '', author: null, pulls: [] };
      repo.commits.set(key, commit);
    }
    if (fields.message) commit.message = fields.message;
    if (fields.author) commit.author = fields.author;
    if (fields.pull && !commit.pulls.includes(fields.pull)) commit.pulls.push(fields.pull);
    return commit;
  }

  #makeItem(repo, raw) {
    const ref = `${repo.fullName}#${raw.number}`;
    const isPull = raw.type === 'pull';
    const comments = (raw.comments ?? []).map((c, index) => ({
      index,
      author: c.author,
      authorAssociation: c.author_association ?? 'NONE',
      createdAt: c.created_at,
      updatedAt: c.updated_at ?? c.created_at,
      body: c.body,
    }));
    const closedEvents = (raw.events ?? []).filter((e) => e.type === 'closed');
    const pull = isPull ? {
      merged: raw.pull?.merged === true,
      mergedAt: raw.pull?.merged_at ?? null,
      draft: raw.pull?.draft === true,
      base: raw.pull?.base ?? 'main',
      head: raw.pull?.head ?? `topic-${raw.number}`,
    } : null;
    if (!isPull && raw.pull) this.#warn(`${ref} is an issue but has a "pull" object; it is ignored`);
    const closed = raw.state === 'closed';
    const closedAt = closed
      ? (raw.closed_at ?? closedEvents.at(-1)?.created_at ?? pull?.mergedAt ?? raw.updated_at ?? raw.created_at)
      : null;
    if (pull?.merged && !pull.mergedAt) pull.mergedAt = closedAt ?? raw.created_at;
    const item = {
      repo, ref, number: raw.number, isPull, type: raw.type,
      key: ref.toLowerCase(),
      title: raw.title, body: raw.body,
      state: raw.state, stateReason: closed ? (raw.state_reason ?? 'completed') : (raw.state_reason ?? null),
      author: raw.author, authorAssociation: raw.author_association ?? 'NONE',
      labels: raw.labels ?? [],
      createdAt: raw.created_at,
      closedAt,
      deleted: raw.deleted === true,
      pull,
      rawEvents: raw.events ?? [],
      rawParent: raw.parent ?? null,
      comments,
      id: numericId(`item:${ref.toLowerCase()}`),
      pullId: numericId(`pull:${ref.toLowerCase()}`),
      // filled in by the derivation passes
      parent: null, children: [], crossRefs: [],
      closingTargets: new Set(), closingPulls: new Set(), connected: new Set(), connectedFrom: new Set(),
      events: [], timeline: [],
    };
    item.updatedAt = raw.updated_at ?? maxTime(raw.created_at, closedAt, pull?.mergedAt,
      ...comments.map((c) => c.updatedAt), ...item.rawEvents.map((e) => e.created_at));
    item.nodeId = this.#register(isPull ? 'PR' : 'I', `item:${item.key}`, 'item', item);
    for (const c of comments) {
      c.item = item;
      c.id = numericId(`comment:${item.key}:${c.index}`);
      c.nodeId = this.#register('IC', `comment:${item.key}:${c.index}`, 'comment', c);
    }
    return item;
  }

  // Parent links, closers and world events become item references.
  #resolveItemLinks(item) {
    if (item.rawParent) {
      item.parent = this.resolveRef(item.rawParent, item.repo) ?? null;
      if (item.parent) item.parent.children.push(item);
      else this.#warn(`${item.ref}: parent ${item.rawParent} is not in the world`);
    }
    const events = item.rawEvents.map((raw, index) => this.#makeEvent(item, raw, `event:${item.key}:${index}`));
    if (item.state === 'closed' && !events.some((e) => e.type === 'closed')) {
      // GitHub always records who closed an item; the world may leave it implicit.
      events.push(this.#makeEvent(item, { type: 'closed', actor: item.author, created_at: item.closedAt }, `event:${item.key}:closed`));
    }
    if (item.pull?.merged) {
      const sha = mergeSha(item.ref);
      const mergeCommit = this.#commit(item.repo, sha, { pull: item, message: `Merge pull request #${item.number}` });
      const worldMerges = events.filter((e) => e.type === 'merged');
      for (const event of worldMerges) event.commit ??= mergeCommit;
      if (!worldMerges.length) {
        const merged = this.#makeEvent(item,
          { type: 'merged', actor: item.author, created_at: item.pull.mergedAt, commit: sha }, `event:${item.key}:merged`);
        // A merge comes right before its close, at the same second.
        const closeIndex = events.findIndex((e) => e.type === 'closed' && e.createdAt === merged.createdAt);
        events.splice(closeIndex < 0 ? events.length : closeIndex, 0, merged);
      }
    }
    item.events = events;
  }

  #makeEvent(item, raw, key) {
    const typename = graphqlEventType(raw.type);
    const event = {
      key, type: raw.type, raw, item,
      actor: raw.actor ?? item.author,
      createdAt: raw.created_at,
      id: numericId(key),
      typename,
    };
    event.nodeId = this.#register(typePrefix(typename ?? 'Event'), key, 'event', event);
    if (raw.type === 'closed' && raw.closer) {
      if (raw.closer.startsWith('commit:')) {
        const sha = raw.closer.slice('commit:'.length).toLowerCase();
        const home = this.findCommit(sha)?.repo ?? item.repo;
        event.commit = this.#commit(home, sha);
      } else {
        const closer = this.resolveRef(raw.closer, item.repo);
        if (!closer) this.#warn(`${item.ref}: closer ${raw.closer} is not in the world`);
        event.closer = closer ?? null;
        const home = closer?.repo ?? item.repo;
        event.commit = this.#commit(home, mergeSha(closer?.ref ?? raw.closer), { pull: closer });
      }
    }
    if ((raw.type === 'referenced' || raw.type === 'merged') && raw.commit) {
      const home = this.findCommit(raw.commit)?.repo ?? item.repo;
      event.commit = this.#commit(home, raw.commit, { message: raw.message });
    }
    for (const field of ['subject', 'canonical']) {
      if (raw[field]) {
        event[field] = this.resolveRef(raw[field], item.repo) ?? null;
        if (!event[field]) this.#warn(`${item.ref}: ${raw.type} ${field} ${raw[field]} is not in the world`);
      }
    }
    return event;
  }

  // Mentions and closing keywords in bodies and comments.
  #deriveFromText(source) {
    if (source.deleted) return;
    if (source.isPull) {
      const base = source.pull.base;
      const defaultBranch = source.repo.defaultBranch;
      if (!defaultBranch || base === defaultBranch) {
        for (const ref of findClosingRefs(source.body, this.htmlHost)) {
          const target = this.resolveRef(ref, source.repo);
          if (target && target !== source && !target.deleted) {
            source.closingTargets.add(target);
            target.closingPulls.add(source);
          }
        }
      }
    }
    const texts = [
      { body: source.body, createdAt: source.createdAt, actor: source.author, key: 'body' },
      ...source.comments.map((c) => ({ body: c.body, createdAt: c.createdAt, actor: c.author, key: `comment:${c.index}` })),
    ];
    for (const text of texts) {
      const targets = new Set();
      for (const ref of findMentions(text.body, this.htmlHost)) {
        const target = this.resolveRef(ref, source.repo);
        if (target && target !== source && !target.deleted) targets.add(target);
      }
      for (const target of targets) {
        const key = `xref:${target.key}:${source.key}:${text.key}`;
        const event = {
          key, type: 'cross-referenced', item: target, source,
          actor: text.actor, createdAt: text.createdAt,
          typename: 'CrossReferencedEvent',
        };
        event.nodeId = this.#register('CRE', key, 'event', event);
        target.crossRefs.push(event);
      }
    }
  }

  // The chronological timeline of one item, shared by REST and GraphQL.
  #buildTimeline(item) {
    // Manual links: connected minus later disconnected, per subject.
    for (const event of [...item.events].sort(byTime)) {
      if (!event.subject) continue;
      if (event.type === 'connected') item.connected.add(event.subject);
      if (event.type === 'disconnected') item.connected.delete(event.subject);
    }
    for (const subject of item.connected) subject.connectedFrom.add(item);
    const comments = item.comments.map((c) => ({
      key: `comment:${item.key}:${c.index}`, type: 'commented', item, comment: c,
      actor: c.author, createdAt: c.createdAt, id: c.id, nodeId: c.nodeId, typename: 'IssueComment',
    }));
    // Sub-issue events exist in GraphQL; REST clients read parent/sub_issues.
    const subIssueEvents = [];
    const register = (typename, key, fields) => {
      const event = { key, item, actor: item.author, graphqlOnly: true, typename, ...fields };
      event.nodeId = this.#register(typePrefix(typename), key, 'event', event);
      subIssueEvents.push(event);
    };
    for (const child of item.children) {
      register('SubIssueAddedEvent', `subissue:${item.key}:${child.key}`,
        { type: 'sub_issue_added', subIssue: child, createdAt: child.createdAt });
    }
    if (item.parent) {
      register('ParentIssueAddedEvent', `parentissue:${item.key}`,
        { type: 'parent_issue_added', parent: item.parent, createdAt: item.createdAt });
    }
    item.timeline = [...item.events, ...comments, ...item.crossRefs, ...subIssueEvents].sort(byTime);
  }
}

function byTime(a, b) {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

// REST event name → GraphQL timeline type (null when GraphQL has none).
const EVENT_TYPES = {
  closed: 'ClosedEvent', reopened: 'ReopenedEvent', referenced: 'ReferencedEvent',
  connected: 'ConnectedEvent', disconnected: 'DisconnectedEvent',
  marked_as_duplicate: 'MarkedAsDuplicateEvent', unmarked_as_duplicate: 'UnmarkedAsDuplicateEvent',
  labeled: 'LabeledEvent', unlabeled: 'UnlabeledEvent', renamed: 'RenamedTitleEvent',
  merged: 'MergedEvent', transferred: 'TransferredEvent', locked: 'LockedEvent', unlocked: 'UnlockedEvent',
  assigned: 'AssignedEvent', unassigned: 'UnassignedEvent', pinned: 'PinnedEvent', unpinned: 'UnpinnedEvent',
  milestoned: 'MilestonedEvent', demilestoned: 'DemilestonedEvent', mentioned: 'MentionedEvent',
  subscribed: 'SubscribedEvent', unsubscribed: 'UnsubscribedEvent',
  sub_issue_added: 'SubIssueAddedEvent', sub_issue_removed: 'SubIssueRemovedEvent',
  parent_issue_added: 'ParentIssueAddedEvent', parent_issue_removed: 'ParentIssueRemovedEvent',
  ready_for_review: 'ReadyForReviewEvent', convert_to_draft: 'ConvertToDraftEvent',
  head_ref_deleted: 'HeadRefDeletedEvent', review_requested: 'ReviewRequestedEvent',
};

function graphqlEventType(type) {
  return EVENT_TYPES[type] ?? null;
}
