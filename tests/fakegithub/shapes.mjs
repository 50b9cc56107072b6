// REST representations: world objects → the JSON GitHub's REST API sends, with
// the same keys in the same order as the recorded responses. `ctx` carries the
// API base URL of this server (every `url` points back at the fake), the HTML
// host, and whether the caller is authenticated (which hides private sources).

import { numericId, nodeId, sha1Hex, mergeSha, labelColor } from './ids.mjs';

const REACTIONS = ['+1', '-1', 'laugh', 'hooray', 'confused', 'heart', 'rocket', 'eyes'];

function reactions(url) {
  return { url, total_count: 0, ...Object.fromEntries(REACTIONS.map((r) => [r, 0])) };
}

export function userJson(login, ctx) {
  if (!login) return null;
  const id = numericId(`user:${login.toLowerCase()}`);
  const url = `${ctx.base}/users/${login}`;
  return {
    login, id, node_id: nodeId('U', `user:${login.toLowerCase()}`),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '',
    url, html_url: `https://${ctx.htmlHost}/${login}`,
    followers_url: `${url}/followers`, following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`, starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`, organizations_url: `${url}/orgs`, repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`, received_events_url: `${url}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User', user_view_type: 'public', site_admin: false,
  };
}

// The templated URLs every repository object lists, in GitHub's order.
const REPO_URLS = [
  ['forks_url', '/forks'], ['keys_url', '/keys{/key_id}'], ['collaborators_url', '/collaborators{/collaborator}'],
  ['teams_url', '/teams'], ['hooks_url', '/hooks'], ['issue_events_url', '/issues/events{/number}'],
  ['events_url', '/events'], ['assignees_url', '/assignees{/user}'], ['branches_url', '/branches{/branch}'],
  ['tags_url', '/tags'], ['blobs_url', '/git/blobs{/sha}'], ['git_tags_url', '/git/tags{/sha}'],
  ['git_refs_url', '/git/refs{/sha}'], ['trees_url', '/git/trees{/sha}'], ['statuses_url', '/statuses/{sha}'],
  ['languages_url', '/languages'], ['stargazers_url', '/stargazers'], ['contributors_url', '/contributors'],
  ['subscribers_url', '/subscribers'], ['subscription_url', '/subscription'], ['commits_url', '/commits{/sha}'],
  ['git_commits_url', '/git/commits{/sha}'], ['comments_url', '/comments{/number}'],
  ['issue_comment_url', '/issues/comments{/number}'], ['contents_url', '/contents/{+path}'],
  ['compare_url', '/compare/{base}...{head}'], ['merges_url', '/merges'], ['archive_url', '/{archive_format}{/ref}'],
  ['downloads_url', '/downloads'], ['issues_url', '/issues{/number}'], ['pulls_url', '/pulls{/number}'],
  ['milestones_url', '/milestones{/number}'], ['notifications_url', '/notifications{?since,all,participating}'],
  ['labels_url', '/labels{/name}'], ['releases_url', '/releases{/id}'], ['deployments_url', '/deployments'],
];

export function repoJson(repo, ctx) {
  const url = `${ctx.base}/repos/${repo.fullName}`;
  const html = `https://${ctx.htmlHost}/${repo.fullName}`;
  const openIssues = [...repo.items.values()].filter((i) => i.state === 'open' && !i.deleted).length;
  return {
    id: repo.id, node_id: repo.nodeId, name: repo.name, full_name: repo.fullName, private: repo.private,
    owner: userJson(repo.owner, ctx), html_url: html, description: null, fork: false, url,
    ...Object.fromEntries(REPO_URLS.map(([key, suffix]) => [key, `${url}${suffix}`])),
    created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-01T00:00:00Z', pushed_at: '2020-01-01T00:00:00Z',
    git_url: `git://${ctx.htmlHost}/${repo.fullName}.git`, ssh_url: `git@${ctx.htmlHost}:${repo.fullName}.git`,
    clone_url: `${html}.git`, svn_url: html,
    homepage: null, size: 0, stargazers_count: 0, watchers_count: 0, language: null,
    has_issues: true, has_projects: false, has_downloads: false, has_wiki: false, has_pages: false,
    has_discussions: false, forks_count: 0, mirror_url: null, archived: false, disabled: false,
    open_issues_count: openIssues, license: null, allow_forking: true, is_template: false,
    web_commit_signoff_required: false, topics: [], visibility: repo.private ? 'private' : 'public',
    forks: 0, open_issues: openIssues, watchers: 0, default_branch: repo.defaultBranch ?? 'main',
  };
}

function labelJson(name, repo, ctx) {
  return {
    id: numericId(`label:${repo.fullName.toLowerCase()}:${name}`),
    node_id: nodeId('LA', `label:${repo.fullName.toLowerCase()}:${name}`),
    url: `${ctx.base}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name, color: labelColor(name), default: false, description: null,
  };
}

export function issueApiUrl(item, ctx) {
  return `${ctx.base}/repos/${item.repo.fullName}/issues/${item.number}`;
}

export function itemHtmlUrl(item, ctx) {
  return `https://${ctx.htmlHost}/${item.repo.fullName}/${item.isPull ? 'pull' : 'issues'}/${item.number}`;
}

// Children GitHub would list: deleted ones are gone, private ones hidden from anonymous callers.
export function visibleChildren(item, ctx) {
  return item.children.filter((c) => !c.deleted && (ctx.authed || !c.repo.private));
}

export function subIssuesSummary(item, ctx) {
  const children = visibleChildren(item, ctx);
  const completed = children.filter((c) => c.state === 'closed').length;
  return {
    total: children.length, completed,
    percent_completed: children.length ? Math.floor((completed * 100) / children.length) : 0,
  };
}

function lastCloser(item) {
  if (item.state !== 'closed') return null;
  return item.events.filter((e) => e.type === 'closed').at(-1)?.actor ?? item.author;
}

// The issue object (also what /issues/N returns for a pull request).
export function issueJson(item, ctx, { withRepository = false } = {}) {
  const url = issueApiUrl(item, ctx);
  const json = {
    url, repository_url: `${ctx.base}/repos/${item.repo.fullName}`,
    labels_url: `${url}/labels{/name}`, comments_url: `${url}/comments`, events_url: `${url}/events`,
    html_url: itemHtmlUrl(item, ctx),
    id: item.id, node_id: item.nodeId, number: item.number, title: item.title,
    user: userJson(item.author, ctx),
    labels: item.labels.map((name) => labelJson(name, item.repo, ctx)),
    state: item.state, locked: false, assignee: null, assignees: [], milestone: null,
    comments: item.comments.length,
    created_at: item.createdAt, updated_at: item.updatedAt, closed_at: item.closedAt,
    author_association: item.authorAssociation, type: null, active_lock_reason: null,
  };
  if (item.isPull) {
    json.draft = item.pull.draft;
    json.pull_request = {
      url: `${ctx.base}/repos/${item.repo.fullName}/pulls/${item.number}`,
      html_url: itemHtmlUrl(item, ctx),
      diff_url: `${itemHtmlUrl(item, ctx)}.diff`, patch_url: `${itemHtmlUrl(item, ctx)}.patch`,
      merged_at: item.pull.merged ? item.pull.mergedAt : null,
    };
  }
  json.sub_issues_summary = subIssuesSummary(item, ctx);
  json.issue_dependencies_summary = { blocked_by: 0, total_blocked_by: 0, blocking: 0, total_blocking: 0 };
  if (item.parent) json.parent_issue_url = issueApiUrl(item.parent, ctx);
  Object.assign(json, {
    body: item.body,
    closed_by: userJson(lastCloser(item), ctx),
    reactions: reactions(`${url}/reactions`),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: item.isPull ? null : item.stateReason,
  });
  if (withRepository) json.repository = repoJson(item.repo, ctx);
  return json;
}

function branchJson(item, which, ref, ctx) {
  return {
    label: `${item.repo.owner}:${ref}`, ref, sha: sha1Hex(`${which}:${item.key}`),
    user: userJson(item.repo.owner, ctx), repo: repoJson(item.repo, ctx),
  };
}

// `simple`: the shorter list shape (commits/{sha}/pulls), which has no
// merged/mergeable/comments counters, exactly as on GitHub.
export function pullJson(item, ctx, { simple = false } = {}) {
  const repoUrl = `${ctx.base}/repos/${item.repo.fullName}`;
  const url = `${repoUrl}/pulls/${item.number}`;
  const html = itemHtmlUrl(item, ctx);
  const issueUrl = issueApiUrl(item, ctx);
  const head = branchJson(item, 'head', item.pull.head, ctx);
  const json = {
    url, id: item.pullId, node_id: item.nodeId, html_url: html,
    diff_url: `${html}.diff`, patch_url: `${html}.patch`, issue_url: issueUrl,
    number: item.number, state: item.state, locked: false, title: item.title,
    user: userJson(item.author, ctx), body: item.body,
    created_at: item.createdAt, updated_at: item.updatedAt, closed_at: item.closedAt,
    merged_at: item.pull.merged ? item.pull.mergedAt : null,
    merge_commit_sha: mergeSha(item.ref),
    assignee: null, assignees: [], requested_reviewers: [], requested_teams: [],
    labels: item.labels.map((name) => labelJson(name, item.repo, ctx)), milestone: null,
    draft: item.pull.draft,
    commits_url: `${url}/commits`, review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`, comments_url: `${issueUrl}/comments`,
    statuses_url: `${repoUrl}/statuses/${head.sha}`,
    head, base: branchJson(item, 'base', item.pull.base, ctx),
    _links: {
      self: { href: url }, html: { href: html }, issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` }, review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoUrl}/pulls/comments{/number}` }, commits: { href: `${url}/commits` },
      statuses: { href: `${repoUrl}/statuses/${head.sha}` },
    },
    author_association: item.authorAssociation, auto_merge: null, active_lock_reason: null,
  };
  if (simple) return json;
  const mergeEvent = item.events.find((e) => e.type === 'merged');
  return Object.assign(json, {
    merged: item.pull.merged, mergeable: null, rebaseable: null, mergeable_state: 'unknown',
    merged_by: item.pull.merged ? userJson(mergeEvent?.actor ?? item.author, ctx) : null,
    comments: item.comments.length, review_comments: 0, maintainer_can_modify: false,
    commits: 1, additions: 0, deletions: 0, changed_files: 0,
  });
}

export function commentJson(comment, ctx) {
  const item = comment.item;
  const url = `${ctx.base}/repos/${item.repo.fullName}/issues/comments/${comment.id}`;
  return {
    url, html_url: `${itemHtmlUrl(item, ctx)}#issuecomment-${comment.id}`, issue_url: issueApiUrl(item, ctx),
    id: comment.id, node_id: comment.nodeId, user: userJson(comment.author, ctx),
    created_at: comment.createdAt, updated_at: comment.updatedAt,
    author_association: comment.authorAssociation, body: comment.body,
    reactions: reactions(`${url}/reactions`), performed_via_github_app: null,
  };
}

function commitUrl(commit, ctx) {
  return commit ? `${ctx.base}/repos/${commit.repo.fullName}/commits/${commit.sha}` : null;
}

// One timeline entry, or null when REST does not show it to this caller.
export function timelineEventJson(event, ctx) {
  if (event.graphqlOnly) return null;
  if (event.type === 'commented') {
    return { ...commentJson(event.comment, ctx), event: 'commented', actor: userJson(event.actor, ctx) };
  }
  if (event.type === 'cross-referenced') {
    if (event.source.repo.private && !ctx.authed) return null;
    // No id: GitHub's cross-referenced events have none.
    return {
      actor: userJson(event.actor, ctx), created_at: event.createdAt, updated_at: event.createdAt,
      source: { type: 'issue', issue: issueJson(event.source, ctx, { withRepository: true }) },
      event: 'cross-referenced',
    };
  }
  return issueEventJson(event, ctx);
}

// The fields every issue event has. REST is stingy: connected, disconnected
// and (un)marked_as_duplicate events say nothing about the other item.
export function issueEventJson(event, ctx) {
  const json = {
    id: event.id, node_id: event.nodeId,
    url: `${ctx.base}/repos/${event.item.repo.fullName}/issues/events/${event.id}`,
    actor: userJson(event.actor, ctx), event: event.type,
    commit_id: event.commit?.sha ?? null, commit_url: commitUrl(event.commit, ctx),
    created_at: event.createdAt,
  };
  switch (event.type) {
    case 'closed': {
      const item = event.item;
      json.state_reason = event.raw.state_reason ?? (item.isPull ? null : (item.state === 'closed' ? item.stateReason : 'completed'));
      break;
    }
    case 'labeled':
    case 'unlabeled':
      json.label = { name: event.raw.label ?? '', color: labelColor(event.raw.label ?? '') };
      break;
    case 'renamed':
      json.rename = { from: event.raw.from ?? '', to: event.raw.to ?? event.item.title };
      break;
    default:
      break;
  }
  json.performed_via_github_app = null;
  return json;
}
