// REST routes over a World. Pure: a request description in, {status, body,
// headers} out; the HTTP layer (server.mjs) adds rate limits, ETags, gzip and
// faults around it.
//
// ctx: {world, method, path, query: URLSearchParams, base, htmlHost, authed}

import {
  issueJson, pullJson, commentJson, repoJson, timelineEventJson, issueEventJson, visibleChildren,
} from './shapes.mjs';

const DOCS = 'https://docs.github.com/rest';

export function notFound() {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

function gone() {
  return { status: 410, body: { message: 'This issue was deleted', documentation_url: DOCS, status: '410' } };
}

function moved(location) {
  return {
    status: 301,
    headers: { Location: location },
    body: { message: 'Moved Permanently', url: location, documentation_url: 'https://docs.github.com/v3/#http-redirects' },
  };
}

const REPO_PATH = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/;

// Which counter a request adds to in /__stats (by route, whatever the answer).
export function requestKind(method, path) {
  if (path === '/graphql') return 'graphql';
  if (path === '/rate_limit') return 'rate_limit';
  const m = REPO_PATH.exec(path);
  if (!m) return 'other';
  const rest = m[3] ?? '';
  const routes = [
    [/^$/, 'repo'],
    [/^\/issues\/\d+$/, 'issue'],
    [/^\/issues\/\d+\/comments$/, 'comments'],
    [/^\/issues\/\d+\/timeline$/, 'timeline'],
    [/^\/issues\/\d+\/events$/, 'events'],
    [/^\/issues\/\d+\/sub_issues$/, 'sub_issues'],
    [/^\/issues\/\d+\/parent$/, 'parent'],
    [/^\/pulls\/\d+$/, 'pull'],
    [/^\/commits\/[^/]+\/pulls$/, 'commit_pulls'],
  ];
  return routes.find(([pattern]) => pattern.test(rest))?.[1] ?? 'other';
}

export function handleRest(ctx) {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return notFound();
  const m = REPO_PATH.exec(ctx.path);
  if (!m) return notFound();
  const [, owner, name, rest = ''] = m;
  const repo = ctx.world.findRepo(safeDecode(owner), safeDecode(name));
  if (!repo || (repo.private && !ctx.authed)) return notFound();
  if (repo.movedTo) {
    const search = ctx.query.toString();
    return moved(`${ctx.base}/repos/${repo.movedTo}${rest}${search ? `?${search}` : ''}`);
  }
  if (rest === '') return { status: 200, body: repoJson(repo, ctx) };

  const commit = /^\/commits\/([^/]+)\/pulls$/.exec(rest);
  if (commit) return commitPulls(repo, safeDecode(commit[1]), ctx);

  const route = /^\/(issues|pulls)\/(\d+)(?:\/(comments|timeline|events|sub_issues|parent))?$/.exec(rest);
  if (!route) return notFound();
  const [, collection, number, sub] = route;
  if (collection === 'pulls' && sub) return notFound();
  const item = repo.items.get(Number(number));
  if (!item) return notFound();
  if (item.deleted) return gone();

  if (collection === 'pulls') return item.isPull ? { status: 200, body: pullJson(item, ctx) } : notFound();
  switch (sub) {
    case undefined:
      return { status: 200, body: issueJson(item, ctx) };
    case 'comments':
      return paginate(item.comments.map((c) => commentJson(c, ctx)), ctx);
    case 'timeline':
      return paginate(item.timeline.map((e) => timelineEventJson(e, ctx)).filter(Boolean), ctx);
    case 'events':
      // The issue-events API omits comments and cross-references.
      return paginate(item.events.map((e) => issueEventJson(e, ctx)), ctx);
    case 'sub_issues':
      return paginate(visibleChildren(item, ctx).map((c) => issueJson(c, ctx)), ctx);
    case 'parent': {
      const parent = item.parent;
      if (!parent || parent.deleted || (parent.repo.private && !ctx.authed)) return notFound();
      return { status: 200, body: issueJson(parent, ctx) };
    }
    default:
      return notFound();
  }
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function commitPulls(repo, sha, ctx) {
  const pulls = ctx.world.commitPulls(repo, sha);
  if (!pulls) {
    return {
      status: 422,
      body: { message: `No commit found for SHA: ${sha}`, documentation_url: DOCS, status: '422' },
    };
  }
  return paginate(pulls.filter((p) => ctx.authed || !p.repo.private).map((p) => pullJson(p, ctx, { simple: true })), ctx);
}

function intParam(value, fallback) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

// GitHub's page-number pagination: per_page (default 30, at most 100) and
// page, with a Link header of absolute URLs (first/prev/next/last as they apply).
export function paginate(all, ctx) {
  const perPage = Math.min(100, intParam(ctx.query.get('per_page'), 30));
  const page = intParam(ctx.query.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const body = all.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (n) => {
    const params = new URLSearchParams(ctx.query);
    params.set('page', String(n));
    return `${ctx.base}${ctx.path}?${params}`;
  };
  const links = [];
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return { status: 200, body, headers: links.length ? { Link: links.join(', ') } : {} };
}
