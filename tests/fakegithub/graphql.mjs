// POST /graphql: queries are parsed and validated with graphql-js against
// GitHub's published schema (@octokit/graphql-schema), so a query GitHub would
// reject fails here too, with GitHub's error shapes; accepted queries are
// charged with GitHub's cost formula and executed over the World
// (graphql-model.mjs).

import { readFileSync } from 'node:fs';
import {
  buildASTSchema, parse, validate, execute, getOperationAST, getNamedType, valueFromAST,
  isNonNullType, isListType, isScalarType, isEnumType, isAbstractType, isObjectType, Kind, visit, getLocation,
} from 'graphql';
import { RepositoryNode, actorNode, itemNode, IssueCommentNode, timelineNode, connection, notFoundError } from './graphql-model.mjs';
import { RateLimits } from './ratelimit.mjs';

const MAX_PAGE = 100;
const MAX_NODES = 500_000;

// GitHub's schema, built once per process from the package's SDL. Not from
// its schema.json: in the version we pin that file lags the SDL (it has no
// Issue.parent or Issue.subIssues). The SDL defines one enterprise field
// twice, which assumeValidSDL tolerates; assumeValid skips re-checking
// GitHub's own schema, and noLocation skips bookkeeping we never read. Both
// only save start-up time.
let cachedSchema = null;
export function githubSchema() {
  if (!cachedSchema) {
    const file = new URL('./schema.graphql', import.meta.resolve('@octokit/graphql-schema'));
    const document = parse(readFileSync(file, 'utf8'), { noLocation: true });
    cachedSchema = buildASTSchema(document, { assumeValidSDL: true, assumeValid: true });
  }
  return cachedSchema;
}

export class GraphQLService {
  constructor(world, { htmlHost = 'github.com' } = {}) {
    this.world = world;
    this.htmlHost = htmlHost;
    this.schema = githubSchema();
    this.checked = new Map();  // query text -> {document, invalid}
  }

  // Runs one request body. `bucket` is the caller's graphql rate-limit bucket.
  // Returns {status, body, points}: GitHub answers query errors, rate limiting
  // included, with HTTP 200.
  // `fetched(fullName, number)`, when given, is told of every item a query
  // looks up by number (the per-item counts of GET /__stats).
  run(rawBody, bucket, fetched = undefined) {
    let request;
    try {
      request = JSON.parse(rawBody || 'null');
    } catch {
      return { status: 400, points: 0, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } };
    }
    if (typeof request?.query !== 'string') {
      return { status: 200, points: 0, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } };
    }
    let checked = this.checked.get(request.query);
    if (!checked) {
      // The same document always parses and validates the same way; a
      // crawler sends a few shapes many times, so remember the verdict.
      try {
        const document = parse(request.query);
        checked = { document, invalid: validate(this.schema, document) };
      } catch (error) {
        return { status: 200, points: 0, body: { errors: [parseErrorJson(error)] } };
      }
      if (this.checked.size > 500) this.checked.clear();
      this.checked.set(request.query, checked);
    }
    const { document, invalid } = checked;
    if (invalid.length) {
      const paths = astPaths(document);
      return { status: 200, points: 0, body: { errors: invalid.map((e) => validationErrorJson(e, paths)) } };
    }
    const operation = getOperationAST(document, request.operationName ?? undefined);
    if (operation && operation.operation !== 'query') {
      // Nothing in the project writes to GitHub; a mutation here is a bug in the caller.
      return { status: 200, points: 0, body: { errors: [{ type: 'FORBIDDEN', message: `The fake GitHub serves queries only, not ${operation.operation}s.` }] } };
    }
    const variables = request.variables ?? {};
    const analysis = operation ? analyzeCost(this.schema, document, operation, variables) : { requests: 0, nodes: 0, errors: [], dryRun: false };
    if (analysis.errors.length) return { status: 200, points: 0, body: { errors: analysis.errors } };

    const cost = Math.max(1, Math.round(analysis.requests / 100));
    if (!analysis.dryRun && !RateLimits.charge(bucket, cost)) {
      return {
        status: 200, points: 0,
        body: { errors: [{ type: 'RATE_LIMITED', code: 'graphql_rate_limit', message: 'API rate limit exceeded for user ID 1.' }] },
      };
    }
    const ctx = { world: this.world, htmlHost: this.htmlHost, schema: this.schema, bucket, cost, nodeCount: analysis.nodes, fetched };
    const result = execute({
      schema: this.schema, document, rootValue: new QueryRoot(ctx), contextValue: ctx,
      variableValues: variables, operationName: request.operationName ?? undefined,
      fieldResolver: resolveField,
    });
    if (result instanceof Promise) throw new Error('resolvers must be synchronous');
    const body = {};
    if ('data' in result) body.data = result.data;
    if (result.errors?.length) body.errors = result.errors.map(executionErrorJson);
    return { status: 200, points: analysis.dryRun ? 0 : cost, body };
  }
}

// ---- execution -------------------------------------------------------------

class QueryRoot {
  constructor(ctx) {
    this.ctx = ctx;
  }

  repository({ owner, name, followRenames = true }) {
    const world = this.ctx.world;
    const repo = followRenames ? world.resolveRepo(owner, name) : world.findRepo(owner, name);
    if (!repo || repo.movedTo) throw notFoundError(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
    return new RepositoryNode(repo, this.ctx);
  }

  node({ id }) {
    const node = nodeFor(id, this.ctx);
    if (!node) throw notFoundError(`Could not resolve to a node with the global id of '${id}'`);
    return node;
  }

  // Unknown ids become null entries, each with its own NOT_FOUND error.
  nodes({ ids }) {
    return ids.map((id) => nodeFor(id, this.ctx) ?? notFoundError(`Could not resolve to a node with the global id of '${id}'`));
  }

  rateLimit() {
    const { bucket, cost, nodeCount } = this.ctx;
    return {
      cost, nodeCount, limit: bucket.limit, used: bucket.used, remaining: RateLimits.remaining(bucket),
      resetAt: new Date(bucket.reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
  }

  viewer() {
    return actorNode('viewer', this.ctx);
  }
}

function nodeFor(id, ctx) {
  const entry = ctx.world.nodes.get(id);
  if (!entry) return null;
  switch (entry.kind) {
    case 'repo': return entry.value.movedTo ? null : new RepositoryNode(entry.value, ctx);
    case 'item': return entry.value.deleted ? null : itemNode(entry.value, ctx);
    case 'comment': return new IssueCommentNode(entry.value, ctx);
    case 'event': return entry.value.typename ? timelineNode(entry.value, ctx) : null;
    default: return null;
  }
}

// A field is a method or property of the same name on the source object;
// anything the model does not implement gets a neutral value of the right
// type, so the whole schema stays queryable.
function resolveField(source, args, ctx, info) {
  const value = source?.[info.fieldName];
  if (typeof value === 'function') return value.call(source, args, ctx, info);
  if (value !== undefined) return value;
  return neutralValue(info.returnType, info.schema, ctx);
}

function neutralValue(type, schema, ctx) {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) {
    const byName = {
      Boolean: false, Int: 0, Float: 0, DateTime: '1970-01-01T00:00:00Z', Date: '1970-01-01',
      URI: `https://${ctx.htmlHost}/`, GitObjectID: '0'.repeat(40),
    };
    return byName[inner.name] ?? '';
  }
  if (isAbstractType(inner)) return { __typename: schema.getPossibleTypes(inner)[0].name };
  if (inner.name.endsWith('Connection')) return connection([], {});
  return {};
}

// ---- cost ------------------------------------------------------------------

// GitHub's formula: every connection costs one request per time it would be
// fetched (the product of the `first`/`last` of the connections above it);
// points = requests / 100, rounded, at least 1. Also enforces GitHub's
// pagination rules: a connection whose nodes or edges are selected needs
// `first` or `last`, at most 100; at most 500,000 nodes per query.
export function analyzeCost(schema, document, operation, variables) {
  const fragments = Object.fromEntries(document.definitions
    .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const result = { requests: 0, nodes: 0, errors: [], dryRun: false };
  const root = schema.getRootType(operation.operation);

  const argValue = (fieldDef, fieldNode, name) => {
    const argNode = fieldNode.arguments?.find((a) => a.name.value === name);
    const argDef = fieldDef.args.find((a) => a.name === name);
    if (!argNode || !argDef) return undefined;
    return valueFromAST(argNode.value, argDef.type, variables);
  };
  const selectsPage = (selectionSet, type, seen = new Set()) => (selectionSet?.selections ?? []).some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === 'nodes' || s.name.value === 'edges';
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsPage(s.selectionSet, type, seen);
    const fragment = fragments[s.name.value];
    if (!fragment || seen.has(fragment)) return false;
    seen.add(fragment);
    return selectsPage(fragment.selectionSet, type, seen);
  });

  const walk = (selectionSet, parentType, multiplier, path) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        walk(selection.selectionSet, type, multiplier, path);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), multiplier, path);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || !parentType.getFields) continue;
      const fieldDef = parentType.getFields()[name];
      if (!fieldDef) continue;
      const type = getNamedType(fieldDef.type);
      const fieldPath = [...path, selection.alias?.value ?? name];
      if (name === 'rateLimit' && argValue(fieldDef, selection, 'dryRun') === true) result.dryRun = true;
      let childMultiplier = multiplier;
      if (name === 'nodes' && parentType === root) {
        childMultiplier = multiplier * Math.max(1, (argValue(fieldDef, selection, 'ids') ?? []).length);
      }
      if (isObjectType(type) && type.name.endsWith('Connection')) {
        const first = argValue(fieldDef, selection, 'first');
        const last = argValue(fieldDef, selection, 'last');
        const size = first ?? last;
        const where = { path: fieldPath, locations: [locationOf(selection)] };
        if (size == null && selectsPage(selection.selectionSet, type)) {
          result.errors.push({ type: 'MISSING_PAGINATION_BOUNDARIES', ...where,
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.` });
        } else if (size != null && (size < 0 || size > MAX_PAGE)) {
          const which = first != null ? 'first' : 'last';
          result.errors.push({ type: 'EXCESSIVE_PAGINATION', ...where,
            message: `Requesting ${size} records on the \`${name}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.` });
        }
        result.requests += multiplier;
        result.nodes += multiplier * (size ?? 0);
        childMultiplier = multiplier * Math.max(1, size ?? 0);
      }
      walk(selection.selectionSet, type, childMultiplier, fieldPath);
    }
  };
  walk(operation.selectionSet, root, 1, [operation.operation]);
  if (result.nodes > MAX_NODES) {
    result.errors.push({ type: 'MAX_NODE_LIMIT_EXCEEDED',
      message: `This query requests up to ${result.nodes.toLocaleString('en-US')} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString('en-US')}.` });
  }
  return result;
}

// ---- errors, in GitHub's shapes ----------------------------------------------

function locationOf(node) {
  const { line, column } = getLocation(node.loc.source, node.loc.start);
  return { line, column };
}

// graphql-ruby says `Parse error on "}" (RCURLY) at [1, 23]`; name the token
// graphql-js stopped at the same way.
const TOKEN_NAMES = { '{': 'LCURLY', '}': 'RCURLY', '(': 'LPAREN', ')': 'RPAREN', '[': 'LBRACKET', ']': 'RBRACKET',
  ':': 'COLON', '=': 'EQUALS', '!': 'BANG', '$': 'VAR_SIGN', '...': 'ELLIPSIS', '@': 'DIR_SIGN', '|': 'PIPE' };

function parseErrorJson(error) {
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  const found = /(?:found|Unexpected) (.+?)\.?$/.exec(error.message)?.[1] ?? '';
  const quoted = /^"(.*)"$/.exec(found)?.[1];
  let token;
  if (found === '<EOF>') token = 'end of file';
  else if (quoted !== undefined && TOKEN_NAMES[quoted]) token = `"${quoted}" (${TOKEN_NAMES[quoted]})`;
  else token = found || 'input';
  return { message: `Parse error on ${token} at [${location.line}, ${location.column}]`, locations: [location] };
}

// GitHub (graphql-ruby) names each validation error's place by the path of
// fields from the operation: ["query", "repository", "issue", "bogus"].
function astPaths(document) {
  const paths = new Map();
  const stack = [];
  const push = (node, label) => {
    stack.push(label);
    paths.set(node, [...stack]);
  };
  const pop = () => {
    stack.pop();
  };
  visit(document, {
    OperationDefinition: { enter: (n) => push(n, n.name ? `${n.operation} ${n.name.value}` : n.operation), leave: pop },
    FragmentDefinition: { enter: (n) => push(n, `fragment ${n.name.value}`), leave: pop },
    Field: { enter: (n) => push(n, n.alias?.value ?? n.name.value), leave: pop },
    InlineFragment: { enter: (n) => push(n, n.typeCondition ? `... on ${n.typeCondition.name.value}` : '...'), leave: pop },
    FragmentSpread: { enter: (n) => push(n, `... ${n.name.value}`), leave: pop },
    Argument: { enter: (n) => push(n, n.name.value), leave: pop },
    VariableDefinition: { enter: (n) => push(n, `$${n.variable.name.value}`), leave: pop },
  });
  return paths;
}

// graphql-js message → GitHub's wording and extensions.code.
const TRANSLATIONS = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (m) => ({
    message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
    extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] } })],
  [/^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./, (m) => ({
    message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`,
    extensions: { code: 'argumentNotAccepted', name: m[3], typeName: 'Field', argumentName: m[1] } })],
  [/^Field "(?:(\w+)\.)?(\w+)" argument "(\w+)" of type "([^"]+)" is required/, (m) => ({
    message: `Field '${m[2]}' is missing required arguments: ${m[3]}`,
    extensions: { code: 'missingRequiredArguments', className: 'Field', name: m[2], arguments: m[3] } })],
  [/^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./, (m) => ({
    message: `Selections can't be made on scalars (field '${m[1]}' returns ${m[2].replace(/!$/, '')} but has selections [...])`,
    extensions: { code: 'selectionMismatch', nodeName: `field '${m[1]}'`, typeName: m[2].replace(/!$/, '') } })],
  [/^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./, (m) => ({
    message: `Field must have selections (field '${m[1]}' returns ${m[2].replace(/!$/, '')} but has no selections. Did you mean '${m[1]} { ... }'?)`,
    extensions: { code: 'selectionMismatch', nodeName: `field '${m[1]}'`, typeName: m[2].replace(/!$/, '') } })],
  [/^Unknown type "(\w+)"\./, (m) => ({
    message: `No such type ${m[1]}, so it can't be a fragment condition`,
    extensions: { code: 'undefinedType', typeName: m[1] } })],
  [/^Fragment cannot be spread here as objects of type "(\w+)" can never be of type "(\w+)"\./, (m) => ({
    message: `Fragment on ${m[2]} can't be spread inside ${m[1]}`,
    extensions: { code: 'cannotSpreadFragment', typeName: m[2], parentName: m[1] } })],
  [/^Variable "\$(\w+)" is never used(?: in operation "(\w+)")?\./, (m) => ({
    message: `Variable $${m[1]} is declared by ${m[2] ?? 'anonymous query'} but not used`,
    extensions: { code: 'variableNotUsed', variableName: m[1] } })],
  [/^Variable "\$(\w+)" is not defined(?: by operation "(\w+)")?\./, (m) => ({
    message: `Variable $${m[1]} is used by ${m[2] ?? 'anonymous query'} but not declared`,
    extensions: { code: 'variableNotDefined', variableName: m[1] } })],
  [/^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./, (m) => ({
    message: `Type mismatch on variable $${m[1]} and argument (${m[2]} / ${m[3]})`,
    extensions: { code: 'variableMismatch', variableName: m[1], typeName: m[2] } })],
  [/^Fields "(\w+)" conflict because/, (m) => ({
    message: `Field '${m[1]}' has a field conflict: ${m[1]} or ${m[1]}?`,
    extensions: { code: 'fieldConflict', fieldName: m[1], conflicts: `${m[1]} or ${m[1]}` } })],
  [/^(?:Int|String|Boolean|ID|Float|Enum "\w+") cannot represent|^Expected value of type "([^"]+)"/, () => ({
    extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Argument' } })],
];

function validationErrorJson(error, paths) {
  const node = error.nodes?.[0];
  let translated = { extensions: { code: 'validationError' } };
  for (const [pattern, build] of TRANSLATIONS) {
    const m = pattern.exec(error.message);
    if (m) {
      translated = build(m);
      break;
    }
  }
  const json = {};
  const path = node ? paths.get(node) ?? nearestPath(node, paths) : undefined;
  if (path) json.path = path;
  json.extensions = translated.extensions;
  if (error.locations) json.locations = error.locations;
  json.message = translated.message ?? error.message;
  return json;
}

// Value nodes (a bad literal) are not in the map: use the enclosing argument.
function nearestPath(node, paths) {
  let best = null;
  for (const [candidate, path] of paths) {
    if (candidate.loc && node.loc && candidate.loc.start <= node.loc.start && node.loc.end <= candidate.loc.end) {
      if (!best || path.length > best.length) best = path;
    }
  }
  return best ?? undefined;
}

// Resolver errors: NOT_FOUND and friends carry a top-level `type`, as on GitHub.
function executionErrorJson(error) {
  const json = {};
  const type = error.extensions?.type ?? error.originalError?.extensions?.type;
  if (type) json.type = type;
  if (error.path) json.path = error.path;
  if (error.locations) json.locations = error.locations;
  json.message = error.message;
  return json;
}

