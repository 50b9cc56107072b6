import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse, getOperationAST } from 'graphql';
import { startServer, worldPath, graphql, stats } from './helpers.mjs';
import { githubSchema, analyzeCost } from '../graphql.mjs';

const ISSUE_QUERY = `
query($owner: String!, $name: String!, $number: Int!) {
  rateLimit { cost limit remaining used resetAt nodeCount }
  repository(owner: $owner, name: $name) {
    nameWithOwner url
    issueOrPullRequest(number: $number) {
      __typename
      ... on Issue {
        id number title body url state stateReason createdAt updatedAt closedAt
        author { login } authorAssociation
        labels(first: 10) { nodes { name } }
        comments(first: 100) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { id databaseId url author { login } authorAssociation createdAt body }
        }
        timelineItems(first: 100, itemTypes: [CROSS_REFERENCED_EVENT, CONNECTED_EVENT, DISCONNECTED_EVENT,
                                              CLOSED_EVENT, REFERENCED_EVENT, MARKED_AS_DUPLICATE_EVENT]) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes {
            __typename
            ... on CrossReferencedEvent { createdAt willCloseTarget
              source { __typename ... on Issue { number repository { nameWithOwner } }
                                  ... on PullRequest { number merged repository { nameWithOwner } } } }
            ... on ConnectedEvent { subject { ... on PullRequest { number } ... on Issue { number } } }
            ... on ClosedEvent { stateReason closer { __typename ... on PullRequest { number }
              ... on Commit { oid associatedPullRequests(first: 5) { nodes { number repository { nameWithOwner } } } } } }
            ... on ReferencedEvent { commit { oid } }
            ... on MarkedAsDuplicateEvent { canonical { ... on Issue { number } } duplicate { ... on Issue { number } } }
          }
        }
        closedByPullRequestsReferences(first: 25, includeClosedPrs: true) { totalCount nodes { number state merged } }
        parent { number }
        subIssues(first: 50) { totalCount nodes { number state } }
        subIssuesSummary { total completed percentCompleted }
      }
      ... on PullRequest {
        number merged mergedAt isDraft baseRefName headRefName pullState: state
        closingIssuesReferences(first: 25) { nodes { number } }
      }
    }
  }
}`;

describe('GraphQL over the basic world', () => {
  let server;
  let base;
  before(async () => {
    server = await startServer({ world: worldPath('basic.json') });
    base = server.base;
  });
  after(() => server.stop());

  const issue = async (number, owner = 'acme', name = 'app') => {
    const r = await graphql(base, ISSUE_QUERY, { variables: { owner, name, number } });
    assert.equal(r.status, 200);
    assert.equal(r.json.errors, undefined, JSON.stringify(r.json.errors));
    return r.json.data;
  };

  it('requires a token', async () => {
    const r = await graphql(base, '{ viewer { login } }', { token: null });
    assert.equal(r.status, 401);
    assert.match(r.json.message, /requires you to be authenticated/);
  });

  it('answers an issue with comments, timeline and closing pulls in one query', async () => {
    const data = await issue(1);
    const node = data.repository.issueOrPullRequest;
    assert.equal(node.__typename, 'Issue');
    assert.equal(node.state, 'CLOSED');
    assert.equal(node.stateReason, 'COMPLETED');
    assert.equal(node.url, 'https://github.com/acme/app/issues/1');
    assert.equal(node.comments.totalCount, 2);
    assert.equal(node.comments.nodes[0].url, `https://github.com/acme/app/issues/1#issuecomment-${node.comments.nodes[0].databaseId}`);
    const types = node.timelineItems.nodes.map((n) => n.__typename);
    assert.deepEqual(types, ['ConnectedEvent', 'CrossReferencedEvent', 'CrossReferencedEvent', 'CrossReferencedEvent',
      'ClosedEvent', 'CrossReferencedEvent']);
    assert.equal(node.timelineItems.totalCount, types.length);
    assert.equal(node.timelineItems.nodes[0].subject.number, 4);
    const fromPull = node.timelineItems.nodes.find((n) => n.source?.__typename === 'PullRequest');
    assert.equal(fromPull.willCloseTarget, true);
    assert.equal(fromPull.source.merged, true);
    const others = node.timelineItems.nodes.filter((n) => n.source?.__typename === 'Issue');
    assert.ok(others.every((n) => n.willCloseTarget === false));
    // GraphQL callers hold a token, so the private source shows.
    assert.ok(others.some((n) => n.source.repository.nameWithOwner === 'acme/secret'));
    const closed = node.timelineItems.nodes.find((n) => n.__typename === 'ClosedEvent');
    assert.deepEqual(closed.closer, { __typename: 'PullRequest', number: 4 });
    assert.deepEqual(node.closedByPullRequestsReferences, { totalCount: 1, nodes: [{ number: 4, state: 'MERGED', merged: true }] });
  });

  it('the rateLimit field and headers agree with the cost formula', async () => {
    const r = await graphql(base, ISSUE_QUERY, { variables: { owner: 'acme', name: 'app', number: 1 }, token: 'cost-token' });
    const rate = r.json.data.rateLimit;
    assert.equal(rate.cost, 1);
    assert.equal(rate.limit, 5000);
    assert.equal(rate.remaining, 4999);
    assert.equal(rate.used, 1);
    assert.match(rate.resetAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(r.headers.get('x-ratelimit-resource'), 'graphql');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '4999');
    assert.equal(r.headers.get('x-ratelimit-used'), '1');
  });

  it('closed by a commit: the closer is a Commit with its pull', async () => {
    const node = (await issue(7)).repository.issueOrPullRequest;
    const closed = node.timelineItems.nodes.find((n) => n.__typename === 'ClosedEvent');
    assert.equal(closed.closer.__typename, 'Commit');
    assert.equal(closed.closer.oid, 'a'.repeat(40));
    assert.deepEqual(closed.closer.associatedPullRequests.nodes, [{ number: 8, repository: { nameWithOwner: 'acme/app' } }]);
    const referenced = node.timelineItems.nodes.find((n) => n.__typename === 'ReferencedEvent');
    assert.equal(referenced.commit.oid, 'a'.repeat(40));
  });

  it('duplicates name their canonical item; stateReason hides DUPLICATE unless asked', async () => {
    const node = (await issue(2)).repository.issueOrPullRequest;
    const marked = node.timelineItems.nodes.find((n) => n.__typename === 'MarkedAsDuplicateEvent');
    assert.deepEqual(marked, { __typename: 'MarkedAsDuplicateEvent', canonical: { number: 1 }, duplicate: { number: 2 } });
    assert.equal(node.stateReason, 'NOT_PLANNED');
    const r = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 2) { stateReason(enableDuplicate: true) } } }');
    assert.equal(r.json.data.repository.issue.stateReason, 'DUPLICATE');
  });

  it('pulls: merged state, branches and the issues they close', async () => {
    const pull = (await issue(4)).repository.issueOrPullRequest;
    assert.equal(pull.__typename, 'PullRequest');
    assert.equal(pull.pullState, 'MERGED');
    assert.equal(pull.merged, true);
    assert.equal(pull.baseRefName, 'main');
    assert.equal(pull.headRefName, 'fix/empty-config');
    assert.deepEqual(pull.closingIssuesReferences.nodes, [{ number: 1 }]);
  });

  it('parent and sub-issues', async () => {
    const parent = (await issue(3)).repository.issueOrPullRequest;
    assert.deepEqual(parent.subIssues, { totalCount: 1, nodes: [{ number: 5, state: 'OPEN' }] });
    assert.deepEqual(parent.subIssuesSummary, { total: 1, completed: 0, percentCompleted: 0 });
    assert.equal(parent.parent, null);
    assert.deepEqual((await issue(5)).repository.issueOrPullRequest.parent, { number: 3 });
  });

  it('renamed repositories resolve to their new name', async () => {
    const data = await issue(7, 'acme', 'old-name');
    assert.equal(data.repository.nameWithOwner, 'acme/lib');
  });

  it('missing things are NOT_FOUND errors next to partial data, as GitHub sends them', async () => {
    const r = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 4) { title } pullRequest(number: 999) { title } } }');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.data, { repository: { issue: null, pullRequest: null } });
    assert.deepEqual(r.json.errors.map((e) => [e.type, e.path, e.message]), [
      ['NOT_FOUND', ['repository', 'issue'], 'Could not resolve to an Issue with the number of 4.'],
      ['NOT_FOUND', ['repository', 'pullRequest'], 'Could not resolve to a PullRequest with the number of 999.'],
    ]);
    const deleted = await graphql(base, '{ repository(owner: "acme", name: "app") { issueOrPullRequest(number: 6) { __typename } } }');
    assert.equal(deleted.json.errors[0].type, 'NOT_FOUND');
    const repo = await graphql(base, '{ repository(owner: "nobody", name: "nothing") { id } }');
    assert.equal(repo.json.errors[0].message, "Could not resolve to a Repository with the name 'nobody/nothing'.");
  });

  it('node and nodes resolve the node_ids REST hands out', async () => {
    const rest = await fetch(`${base}/repos/acme/app/issues/1/comments`, { headers: { Authorization: 'token t' } }).then((r) => r.json());
    const issueId = (await issue(1)).repository.issueOrPullRequest.id;
    const r = await graphql(base, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on IssueComment { body } ... on Issue { number } } }`,
      { variables: { ids: [issueId, rest[0].node_id, 'nope'] } });
    assert.deepEqual(r.json.data.nodes.map((n) => n?.__typename ?? null), ['Issue', 'IssueComment', null]);
    assert.equal(r.json.data.nodes[1].body, rest[0].body);
    assert.deepEqual(r.json.errors.map((e) => [e.type, e.path]), [['NOT_FOUND', ['nodes', 2]]]);
  });

  it('connections page with cursors', async () => {
    const q = `query($after: String) { repository(owner: "acme", name: "app") { issue(number: 1) {
      comments(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { body } } } } }`;
    const page1 = (await graphql(base, q)).json.data.repository.issue.comments;
    assert.equal(page1.pageInfo.hasNextPage, true);
    const page2 = (await graphql(base, q, { variables: { after: page1.pageInfo.endCursor } })).json.data.repository.issue.comments;
    assert.equal(page2.pageInfo.hasNextPage, false);
    assert.notEqual(page2.nodes[0].body, page1.nodes[0].body);
  });

  it('rejects what GitHub rejects, in GitHub\'s error shape', async () => {
    const r = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 1) { titel } } }');
    assert.equal(r.status, 200);
    assert.equal(r.json.data, undefined);
    assert.deepEqual(r.json.errors, [{
      path: ['query', 'repository', 'issue', 'titel'],
      extensions: { code: 'undefinedField', typeName: 'Issue', fieldName: 'titel' },
      locations: [{ line: 1, column: 63 }],
      message: "Field 'titel' doesn't exist on type 'Issue'",
    }]);
    const args = await graphql(base, '{ repository(owner: "acme") { id } }');
    assert.equal(args.json.errors[0].extensions.code, 'missingRequiredArguments');
    assert.equal(args.json.errors[0].message, "Field 'repository' is missing required arguments: name");
    // GitHub's own validation: the same field name with two types needs an alias.
    const conflict = await graphql(base, `{ repository(owner: "acme", name: "app") { issueOrPullRequest(number: 1) {
      ... on Issue { state } ... on PullRequest { state } } } }`);
    assert.equal(conflict.json.errors[0].extensions.code, 'fieldConflict');
    const parseError = await graphql(base, '{ repository(owner: "acme", name: "app") { id }');
    assert.match(parseError.json.errors[0].message, /^Parse error on /);
  });

  it('enforces pagination boundaries', async () => {
    const missing = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 1) { comments { nodes { body } } } } }');
    assert.equal(missing.json.errors[0].type, 'MISSING_PAGINATION_BOUNDARIES');
    const tooMany = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 1) { comments(first: 101) { nodes { body } } } } }');
    assert.equal(tooMany.json.errors[0].type, 'EXCESSIVE_PAGINATION');
    // totalCount alone needs no boundary.
    const count = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 1) { comments { totalCount } } } }');
    assert.equal(count.json.data.repository.issue.comments.totalCount, 2);
  });

  it('fields the fake does not model still answer with neutral values', async () => {
    const r = await graphql(base, '{ repository(owner: "acme", name: "app") { issue(number: 1) { viewerCanClose reactions(first: 5) { totalCount } milestone { title } } } }');
    assert.equal(r.json.errors, undefined);
    assert.deepEqual(r.json.data.repository.issue, { viewerCanClose: false, reactions: { totalCount: 0 }, milestone: null });
  });

  it('counts GraphQL requests and points in /__stats', async () => {
    const before = await stats(base);
    await graphql(base, '{ rateLimit { cost } }');
    const after = await stats(base);
    assert.equal(after.by_kind.graphql, before.by_kind.graphql + 1);
    assert.equal(after.graphql_points, before.graphql_points + 1);
  });
});

describe('GraphQL cost', () => {
  const cost = (query) => {
    const document = parse(query);
    const r = analyzeCost(githubSchema(), document, getOperationAST(document), {});
    return { requests: r.requests, nodes: r.nodes, points: Math.max(1, Math.round(r.requests / 100)) };
  };

  it('matches the worked example in GitHub\'s documentation', () => {
    // 100 repositories × 50 issues × 60 labels: 1 + 100 + 5,000 requests → 51 points.
    const r = cost(`{ viewer { repositories(first: 100) { nodes { issues(first: 50) { nodes {
      labels(first: 60) { nodes { name } } } } } } } }`);
    assert.deepEqual(r, { requests: 5101, nodes: 100 + 5000 + 300000, points: 51 });
  });

  it('a batch of issues with full connections stays cheap', () => {
    const one = (n) => `i${n}: issue(number: ${n}) { comments(first: 100) { nodes { body } }
      timelineItems(first: 100) { nodes { __typename } } }`;
    const r = cost(`{ repository(owner: "a", name: "b") { ${[1, 2, 3, 4, 5].map(one).join(' ')} } }`);
    assert.equal(r.requests, 10);
    assert.equal(r.points, 1);
  });
});

describe('GraphQL primary rate limit', () => {
  let server;
  before(async () => {
    server = await startServer({ world: worldPath('basic.json'), args: ['--rate-limit', '2'] });
  });
  after(() => server.stop());

  it('answers HTTP 200 with RATE_LIMITED once the points are spent', async () => {
    await graphql(server.base, '{ rateLimit { cost } }');
    await graphql(server.base, '{ rateLimit { cost } }');
    const r = await graphql(server.base, '{ rateLimit { cost } }');
    assert.equal(r.status, 200);
    assert.equal(r.json.errors[0].type, 'RATE_LIMITED');
    assert.match(r.json.errors[0].message, /^API rate limit exceeded/);
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
  });
});
