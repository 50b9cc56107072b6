// GraphQL objects over the World. Each class stands for one GitHub GraphQL
// type; a field is a property or a method of the same name (graphql-js calls
// methods with (args, context, info)). Fields not written here get a neutral
// default from graphql.mjs (null, false, 0, an empty list or connection), so
// any query the schema accepts runs.

import { GraphQLError } from 'graphql';
import { nodeId, mergeSha, labelColor } from './ids.mjs';

export function notFoundError(message) {
  return new GraphQLError(message, { extensions: { type: 'NOT_FOUND' } });
}

const ASSOCIATIONS = new Set(['COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR',
  'MANNEQUIN', 'MEMBER', 'NONE', 'OWNER']);

function association(value) {
  return ASSOCIATIONS.has(value) ? value : 'NONE';
}

const STATE_REASONS = { completed: 'COMPLETED', not_planned: 'NOT_PLANNED', duplicate: 'DUPLICATE', reopened: 'REOPENED' };

// ---- connections -----------------------------------------------------------

const CURSOR_PREFIX = 'cursor:v2:';

function encodeCursor(index) {
  return Buffer.from(`${CURSOR_PREFIX}${index}`).toString('base64');
}

function decodeCursor(cursor) {
  const text = Buffer.from(String(cursor), 'base64').toString('utf8');
  const index = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(index) || index < 0) {
    throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, { extensions: { type: 'INVALID_CURSOR_ARGUMENTS' } });
  }
  return index;
}

// A Relay connection over an in-memory list (first/after/last/before/skip),
// with opaque cursors that encode positions in the full list.
export function connection(list, args = {}, toNode = (x) => x) {
  let start = 0;
  let end = list.length;
  if (args.after != null) start = Math.max(start, decodeCursor(args.after) + 1);
  if (args.before != null) end = Math.min(end, decodeCursor(args.before));
  if (args.skip != null) start = Math.min(end, start + Math.max(0, args.skip));
  start = Math.min(start, end);
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = list.slice(start, end).map((value, i) => ({ cursor: encodeCursor(start + i), node: toNode(value) }));
  return {
    totalCount: list.length,
    filteredCount: list.length,
    pageCount: slice.length,
    edges: slice,
    nodes: slice.map((e) => e.node),
    pageInfo: {
      hasNextPage: end < list.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice.at(-1)?.cursor ?? null,
    },
  };
}

// ---- nodes -----------------------------------------------------------------

export function actorNode(login, ctx) {
  if (!login) return null;
  const bot = login.endsWith('[bot]');
  return {
    __typename: bot ? 'Bot' : 'User',
    id: nodeId(bot ? 'BOT' : 'U', `user:${login.toLowerCase()}`),
    login: bot ? login.slice(0, -'[bot]'.length) : login,
    url: `https://${ctx.htmlHost}/${login}`,
    resourcePath: `/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/${login}`,
  };
}

export class RepositoryNode {
  constructor(repo, ctx) {
    this.repo = repo;
    this.ctx = ctx;
    this.__typename = 'Repository';
    this.id = repo.nodeId;
    this.databaseId = repo.id;
    this.name = repo.name;
    this.nameWithOwner = repo.fullName;
    this.url = `https://${ctx.htmlHost}/${repo.fullName}`;
    this.resourcePath = `/${repo.fullName}`;
    this.isPrivate = repo.private;
    this.visibility = repo.private ? 'PRIVATE' : 'PUBLIC';
    this.owner = { __typename: 'User', login: repo.owner, id: nodeId('U', `user:${repo.owner.toLowerCase()}`),
      url: `https://${ctx.htmlHost}/${repo.owner}`, resourcePath: `/${repo.owner}` };
    this.defaultBranchRef = { __typename: 'Ref', name: repo.defaultBranch ?? 'main', prefix: 'refs/heads/' };
  }

  #item(number) {
    this.ctx.fetched?.(this.repo.fullName, number);
    const item = this.repo.items.get(number);
    return item && !item.deleted ? item : undefined;
  }

  issue({ number }) {
    const item = this.#item(number);
    if (!item || item.isPull) throw notFoundError(`Could not resolve to an Issue with the number of ${number}.`);
    return itemNode(item, this.ctx);
  }

  pullRequest({ number }) {
    const item = this.#item(number);
    if (!item?.isPull) throw notFoundError(`Could not resolve to a PullRequest with the number of ${number}.`);
    return itemNode(item, this.ctx);
  }

  issueOrPullRequest({ number }) {
    const item = this.#item(number);
    if (!item) throw notFoundError(`Could not resolve to an issue or pull request with the number of ${number}.`);
    return itemNode(item, this.ctx);
  }

  #items(isPull, args) {
    const states = args.states?.map((s) => s.toLowerCase());
    const items = [...this.repo.items.values()].filter((i) => i.isPull === isPull && !i.deleted)
      .filter((i) => !states || states.includes(stateOf(i).toLowerCase()));
    return connection(items, args, (i) => itemNode(i, this.ctx));
  }

  issues(args) {
    return this.#items(false, args);
  }

  pullRequests(args) {
    return this.#items(true, args);
  }

  // A git object by id: the commits the world lists (unique prefixes of 7+
  // characters too, as GitHub accepts); null for anything else.
  object({ oid, expression }) {
    const commit = this.ctx.world.commitIn(this.repo, oid ?? expression ?? '');
    return commit ? new CommitNode(commit, this.ctx) : null;
  }
}

function stateOf(item) {
  if (item.isPull && item.pull.merged) return 'MERGED';
  return item.state === 'closed' ? 'CLOSED' : 'OPEN';
}

function itemUrl(item, ctx) {
  return `https://${ctx.htmlHost}/${item.repo.fullName}/${item.isPull ? 'pull' : 'issues'}/${item.number}`;
}

export function itemNode(item, ctx) {
  return item.isPull ? new PullRequestNode(item, ctx) : new IssueNode(item, ctx);
}

// Fields Issue and PullRequest share.
class ItemNode {
  constructor(item, ctx) {
    this.item = item;
    this.ctx = ctx;
    this.id = item.nodeId;
    this.number = item.number;
    this.title = item.title;
    this.body = item.body;
    this.bodyText = item.body;
    this.url = itemUrl(item, ctx);
    this.resourcePath = `/${item.repo.fullName}/${item.isPull ? 'pull' : 'issues'}/${item.number}`;
    this.state = stateOf(item);
    this.closed = item.state === 'closed';
    this.createdAt = item.createdAt;
    this.publishedAt = item.createdAt;
    this.updatedAt = item.updatedAt;
    this.closedAt = item.closedAt;
    this.authorAssociation = association(item.authorAssociation);
    this.locked = false;
  }

  author() {
    return actorNode(this.item.author, this.ctx);
  }

  repository() {
    return new RepositoryNode(this.item.repo, this.ctx);
  }

  labels(args) {
    const labels = this.item.labels.map((name) => ({
      __typename: 'Label', name, id: nodeId('LA', `label:${this.item.repo.fullName.toLowerCase()}:${name}`),
      color: labelColor(name), description: null, isDefault: false,
    }));
    return connection(labels, args);
  }

  comments(args) {
    return connection(this.item.comments, args, (c) => new IssueCommentNode(c, this.ctx));
  }

  timelineItems(args, ctx, info) {
    const union = info.schema.getType(this.item.isPull ? 'PullRequestTimelineItems' : 'IssueTimelineItems');
    const allowed = new Set(union.getTypes().map((t) => t.name));
    const wanted = args.itemTypes ? new Set(args.itemTypes.map(enumToTypename)) : null;
    const entries = this.item.timeline.filter((e) => e.typename && allowed.has(e.typename)
      && (!wanted || wanted.has(e.typename))
      && (args.since == null || e.createdAt >= args.since)
      && eventIsComplete(e));
    const result = connection(entries, args, (e) => timelineNode(e, this.ctx));
    result.updatedAt = this.item.updatedAt;
    return result;
  }
}

// CLOSED_EVENT → ClosedEvent, ISSUE_COMMENT → IssueComment.
function enumToTypename(value) {
  return value.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

// Events whose other side the world does not have cannot be shown: GraphQL
// declares those fields non-null.
function eventIsComplete(event) {
  if (event.type === 'connected' || event.type === 'disconnected') return Boolean(event.subject);
  if (event.type === 'marked_as_duplicate' || event.type === 'unmarked_as_duplicate') return Boolean(event.canonical);
  return true;
}

export class IssueNode extends ItemNode {
  constructor(item, ctx) {
    super(item, ctx);
    this.__typename = 'Issue';
    this.databaseId = item.id;
    this.fullDatabaseId = String(item.id);
  }

  stateReason({ enableDuplicate = false } = {}) {
    const reason = STATE_REASONS[this.item.stateReason] ?? null;
    // Without enableDuplicate GitHub reports duplicates as NOT_PLANNED.
    return reason === 'DUPLICATE' && !enableDuplicate ? 'NOT_PLANNED' : reason;
  }

  parent() {
    const parent = this.item.parent;
    return parent && !parent.deleted ? itemNode(parent, this.ctx) : null;
  }

  subIssues(args) {
    return connection(this.item.children.filter((c) => !c.deleted), args, (c) => itemNode(c, this.ctx));
  }

  subIssuesSummary() {
    const children = this.item.children.filter((c) => !c.deleted);
    const completed = children.filter((c) => c.state === 'closed').length;
    return {
      total: children.length, completed,
      percentCompleted: children.length ? Math.floor((completed * 100) / children.length) : 0,
    };
  }

  // Pulls whose body closes this issue with a keyword, plus pulls linked by
  // hand (connected). Closed unmerged pulls need includeClosedPrs; merged ones
  // are always listed, as GitHub is reported to do.
  closedByPullRequestsReferences({ includeClosedPrs = false, userLinkedOnly = false, ...args }) {
    const manual = manualLinks(this.item);
    const pulls = [...new Set([...(userLinkedOnly ? [] : this.item.closingPulls), ...manual])]
      .filter((p) => p.isPull && !p.deleted)
      .filter((p) => includeClosedPrs || p.state === 'open' || p.pull.merged);
    return connection(pulls, args, (p) => itemNode(p, this.ctx));
  }
}

export class PullRequestNode extends ItemNode {
  constructor(item, ctx) {
    super(item, ctx);
    const pull = item.pull;
    this.__typename = 'PullRequest';
    this.databaseId = item.pullId;
    this.fullDatabaseId = String(item.pullId);
    this.merged = pull.merged;
    this.mergedAt = pull.merged ? pull.mergedAt : null;
    this.isDraft = pull.draft;
    this.baseRefName = pull.base;
    this.headRefName = pull.head;
    this.isCrossRepository = false;
    this.permalink = this.url;
    this.totalCommentsCount = item.comments.length;
  }

  mergeCommit() {
    if (!this.item.pull.merged) return null;
    const commit = this.item.repo.commits.get(mergeSha(this.item.ref));
    return commit ? new CommitNode(commit, this.ctx) : null;
  }

  mergedBy() {
    return this.item.pull.merged ? actorNode(this.item.events.find((e) => e.type === 'merged')?.actor ?? this.item.author, this.ctx) : null;
  }

  closingIssuesReferences({ userLinkedOnly = false, ...args }) {
    const manual = manualLinks(this.item);
    const issues = [...new Set([...(userLinkedOnly ? [] : this.item.closingTargets), ...manual])]
      .filter((i) => !i.isPull && !i.deleted);
    return connection(issues, args, (i) => itemNode(i, this.ctx));
  }
}

// Items linked to `item` by a standing `connected` event on either side.
function manualLinks(item) {
  return new Set([...item.connected, ...item.connectedFrom]);
}

export class IssueCommentNode {
  constructor(comment, ctx) {
    const item = comment.item;
    this.comment = comment;
    this.ctx = ctx;
    this.__typename = 'IssueComment';
    this.id = comment.nodeId;
    this.databaseId = comment.id;
    this.fullDatabaseId = String(comment.id);
    this.url = `${itemUrl(item, ctx)}#issuecomment-${comment.id}`;
    this.authorAssociation = association(comment.authorAssociation);
    this.createdAt = comment.createdAt;
    this.publishedAt = comment.createdAt;
    this.updatedAt = comment.updatedAt;
    this.body = comment.body;
    this.bodyText = comment.body;
    this.isMinimized = false;
  }

  author() {
    return actorNode(this.comment.author, this.ctx);
  }

  issue() {
    return this.comment.item.isPull ? {} : itemNode(this.comment.item, this.ctx);
  }

  pullRequest() {
    return this.comment.item.isPull ? itemNode(this.comment.item, this.ctx) : null;
  }

  repository() {
    return new RepositoryNode(this.comment.item.repo, this.ctx);
  }
}

export class CommitNode {
  constructor(commit, ctx) {
    this.commit = commit;
    this.ctx = ctx;
    this.__typename = 'Commit';
    this.id = nodeId('C', `commit:${commit.sha}`);
    this.oid = commit.sha;
    this.abbreviatedOid = commit.sha.slice(0, 7);
    this.message = commit.message;
    this.messageHeadline = commit.message.split('\n')[0];
    this.messageBody = commit.message.split('\n').slice(1).join('\n').trim();
    this.url = `https://${ctx.htmlHost}/${commit.repo.fullName}/commit/${commit.sha}`;
    this.commitUrl = this.url;
    this.resourcePath = `/${commit.repo.fullName}/commit/${commit.sha}`;
  }

  repository() {
    return new RepositoryNode(this.commit.repo, this.ctx);
  }

  associatedPullRequests(args) {
    const pulls = this.commit.pulls.filter((p) => p.isPull && !p.deleted);
    return connection(pulls, args, (p) => itemNode(p, this.ctx));
  }
}

// One timeline entry as the GraphQL type GitHub uses for it.
export function timelineNode(event, ctx) {
  if (event.type === 'commented') return new IssueCommentNode(event.comment, ctx);
  const item = event.item;
  const node = {
    __typename: event.typename,
    id: event.nodeId,
    createdAt: event.createdAt,
    actor: () => actorNode(event.actor, ctx),
    url: `${itemUrl(item, ctx)}#event-${event.id ?? 0}`,
  };
  const self = () => itemNode(item, ctx);
  const crossRepository = (other) => Boolean(other) && other.repo !== item.repo;
  switch (event.typename) {
    case 'CrossReferencedEvent':
      return Object.assign(node, {
        source: () => itemNode(event.source, ctx),
        target: self,
        referencedAt: event.createdAt,
        isCrossRepository: crossRepository(event.source),
        willCloseTarget: event.source.closingTargets.has(item),
        url: itemUrl(event.source, ctx),
      });
    case 'ClosedEvent':
      return Object.assign(node, {
        closable: self,
        closer: () => {
          if (event.closer) return event.closer.deleted ? null : itemNode(event.closer, ctx);
          return event.commit ? new CommitNode(event.commit, ctx) : null;
        },
        stateReason: STATE_REASONS[event.raw.state_reason ?? (item.state === 'closed' ? item.stateReason : 'completed')] ?? null,
      });
    case 'ReopenedEvent':
      return Object.assign(node, { closable: self, stateReason: null });
    case 'ReferencedEvent':
      return Object.assign(node, {
        commit: () => (event.commit ? new CommitNode(event.commit, ctx) : null),
        commitRepository: () => new RepositoryNode(event.commit?.repo ?? item.repo, ctx),
        isCrossRepository: crossRepository(event.commit),
        isDirectReference: true,
        subject: self,
      });
    case 'ConnectedEvent':
    case 'DisconnectedEvent':
      return Object.assign(node, {
        source: self,
        subject: () => itemNode(event.subject, ctx),
        isCrossRepository: crossRepository(event.subject),
      });
    case 'MarkedAsDuplicateEvent':
    case 'UnmarkedAsDuplicateEvent':
      return Object.assign(node, {
        canonical: () => itemNode(event.canonical, ctx),
        duplicate: self,
        isCrossRepository: crossRepository(event.canonical),
      });
    case 'LabeledEvent':
    case 'UnlabeledEvent':
      return Object.assign(node, {
        label: { __typename: 'Label', name: event.raw.label ?? '', color: labelColor(event.raw.label ?? '') },
        labelable: self,
      });
    case 'RenamedTitleEvent':
      return Object.assign(node, {
        previousTitle: event.raw.from ?? '', currentTitle: event.raw.to ?? item.title, subject: self,
      });
    case 'MergedEvent':
      return Object.assign(node, {
        commit: () => (event.commit ? new CommitNode(event.commit, ctx) : null),
        mergeRefName: item.pull?.base ?? 'main',
        pullRequest: self,
      });
    case 'SubIssueAddedEvent':
      return Object.assign(node, { subIssue: () => itemNode(event.subIssue, ctx) });
    case 'ParentIssueAddedEvent':
      return Object.assign(node, { parent: () => itemNode(event.parent, ctx) });
    default:
      return node;
  }
}
