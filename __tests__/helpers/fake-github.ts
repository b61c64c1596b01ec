/**
 * A local stand-in for GitHub's REST API, for tests that run the action against it.
 *
 * Every request is matched to an operation of GitHub's published OpenAPI description
 * (@octokit/openapi) and its path parameters, query and body are validated with ajv against
 * that operation's schemas. What GitHub would refuse is answered as GitHub would (404, 422,
 * 401) and recorded in `violations`; so is anything the fake does not implement (501).
 * Responses are filled out to the operation's response schema (every required field is
 * present), so a client sees GitHub's shapes, and are validated against that schema too.
 *
 * Behind it, one in-memory repository with real git objects: blob, tree and commit shas
 * are exactly git's (sha1 of "<type> <size>\0<body>", nested trees, commits with
 * `author`/`committer` lines in UTC), so `git` itself computes the same shas from the same
 * content. Commits made through the API without author and committer are the token's bot,
 * committed by GitHub (web-flow) and verified, as GitHub signs them; commits pushed with
 * `pushCommitAsUser` are a person's and unsigned.
 *
 * Release assets are uploaded to `${url}/uploads/repos/...`: the `upload_url` of a release
 * points there, as it points to uploads.github.com on GitHub.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// ---------------------------------------------------------------------------------------
// GitHub's OpenAPI description: routes, request validators, response schemas
// ---------------------------------------------------------------------------------------

type Schema = { [k: string]: unknown };
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
  'x-multi-segment'?: boolean;
}
interface MediaTypes {
  [type: string]: { schema?: Schema };
}
interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: MediaTypes };
  responses: Record<string, { $ref?: string; content?: MediaTypes }>;
}
interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  op: Operation;
  params: Parameter[];
  /** How specific the template is: literal characters, then fewer multi-segment params. */
  rank: number;
}
interface LoadedSpec {
  routes: Route[];
  ajv: Ajv;
  schemas: Record<string, Schema>;
  responses: Record<string, { content?: MediaTypes }>;
  millis: number;
}

let loaded: LoadedSpec | undefined;
const validators = new Map<string, ValidateFunction>();
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null;

/**
 * The undereferenced description (13 MB) rather than `.deref.json` (73 MB): it parses in a
 * fifth of the time and memory, and ajv resolves its `$ref`s itself.
 */
function openapi(): LoadedSpec {
  if (loaded) return loaded;
  const started = performance.now();
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
    components: {
      parameters: Record<string, Parameter>;
      schemas: Record<string, Schema>;
      responses: Record<string, { content?: MediaTypes }>;
    };
  };
  toAjv(doc.components);
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // GitHub's own formats, which only name what the type already says.
  ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
  ajv.addFormat('timestamp', () => true);
  ajv.addSchema({ components: doc.components }, 'gh');
  const routes: Route[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      const operation = op as unknown as Operation;
      const params = (operation.parameters ?? []).map((p) =>
        '$ref' in p ? (doc.components.parameters[p.$ref.split('/').pop() ?? ''] as Parameter) : p,
      );
      const names: string[] = [];
      let multi = 0;
      const pattern = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{(.+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(name);
          // A ref, a file path or a tag may hold slashes: clients send them raw or as %2F.
          const many = params.some((p) => p.name === name && p['x-multi-segment']);
          if (many) multi++;
          return many ? '(.*)' : '([^/]+)';
        })
        .join('');
      const literal = template.replace(/\{[^}]+\}/g, '').length;
      routes.push({
        method: method.toUpperCase(),
        regex: new RegExp(`^${pattern}$`),
        names,
        op: operation,
        params,
        rank: literal * 10 - multi,
      });
    }
  }
  // `/releases/latest` before `/releases/{id}`, `/commits/{ref}/statuses` before `/commits/{ref}`.
  routes.sort((a, b) => b.rank - a.rank);
  loaded = {
    routes,
    ajv,
    schemas: doc.components.schemas,
    responses: doc.components.responses,
    millis: performance.now() - started,
  };
  return loaded;
}

/** Milliseconds it took to load GitHub's description, once per process (undefined before). */
export function openapiLoadMillis(): number | undefined {
  return loaded?.millis;
}

/**
 * OpenAPI 3.0 into what ajv reads: `$ref`s into the document registered as "gh", and
 * `nullable` without a `type` (which ajv refuses) as "null or the schema". In place.
 */
function toAjv(node: unknown): unknown {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = toAjv(node[i]);
    return node;
  }
  if (!isObject(node)) return node;
  for (const [k, v] of Object.entries(node)) {
    node[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `gh${v}` : toAjv(v);
  }
  if (node.nullable === true && node.type === undefined) {
    const { nullable: _, ...rest } = node;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) {
    node.enum.push(null);
  }
  return node;
}

function validator(key: string, schema: Schema): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    v = openapi().ajv.compile(toAjv(structuredClone(schema)) as Schema);
    validators.set(key, v);
  }
  return v;
}

const errorsText = (errors: ErrorObject[] | null | undefined, name: string) =>
  openapi().ajv.errorsText(errors, { dataVar: name });

/** The operation a request is for and its path parameters, decoded. */
function findRoute(method: string, pathname: string) {
  for (const route of openapi().routes) {
    const m = route.method === method ? route.regex.exec(pathname) : null;
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const raw = m[i + 1] ?? '';
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw;
      }
    });
    return { route, params };
  }
  return undefined;
}

/** What is wrong with a request's path and query parameters, by the operation's schemas. */
function checkParameters(
  route: Route,
  params: Record<string, string>,
  query: Record<string, string>,
) {
  const out = { path: [] as string[], query: [] as string[], unknown: [] as string[] };
  const op = route.op.operationId;
  for (const p of route.params) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const value = p.in === 'path' ? params[p.name] : query[p.name];
    const problems = p.in === 'path' ? out.path : out.query;
    // The root of the repository is the one empty path GitHub serves.
    const empty = value === '' && p.in === 'path' && op !== 'repos/get-content';
    if (value === undefined || empty) {
      if (p.required) problems.push(`${p.in} parameter ${p.name} is required`);
      continue;
    }
    const v = validator(`${op} ${p.in} ${p.name}`, p.schema);
    if (!v(coerce(value, p.schema)))
      problems.push(errorsText(v.errors, `${p.in} parameter ${p.name}`));
  }
  const known = new Set(route.params.filter((p) => p.in === 'query').map((p) => p.name));
  out.unknown = Object.keys(query).filter((k) => !known.has(k));
  return out;
}

/** Query and path values arrive as text; the schema says what they stand for. */
function coerce(value: string, schema: Schema): unknown {
  if (schema.type === 'integer' || schema.type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function responseSchema(op: Operation, status: number): Schema | undefined {
  let r = op.responses[String(status)];
  if (r?.$ref) r = openapi().responses[r.$ref.split('/').pop() ?? ''];
  return r?.content?.['application/json']?.schema;
}

// ---------------------------------------------------------------------------------------
// Responses in GitHub's shape: the fake's values, completed with every field the schema
// requires (placeholders: null where allowed, else '', 0, false, [], a fixed date)
// ---------------------------------------------------------------------------------------

function deref(s: Schema): Schema {
  let out = s;
  for (let i = 0; typeof out.$ref === 'string' && i < 10; i++) {
    out = openapi().schemas[out.$ref.split('/').pop() ?? ''] ?? {};
  }
  return out;
}

const isNullSchema = (s: Schema) => deref(s).type === 'null';
const PLACEHOLDER: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  uri: 'https://github.com',
  email: 'noreply@github.com',
};

/** The least value a schema accepts: required fields only, null wherever null is allowed. */
function skeleton(s0: Schema, depth = 0): unknown {
  const s = deref(s0);
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (depth > 20) return null;
  if (alternatives) {
    if (alternatives.some(isNullSchema)) return null;
    return alternatives[0] ? skeleton(alternatives[0], depth + 1) : null;
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...(s.allOf as Schema[]).map((p) => skeleton(p, depth + 1)));
  }
  if (s.nullable === true) return null;
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case 'string':
      return PLACEHOLDER[String(s.format)] ?? '';
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
  }
  if (s.type !== 'object' && !s.properties) return null;
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const out: Schema = {};
  for (const name of (s.required ?? []) as string[])
    out[name] = skeleton(props[name] ?? {}, depth + 1);
  return out;
}

function kindOf(v: unknown) {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function fits(s0: Schema, v: unknown): boolean {
  const s = deref(s0);
  const type = s.type ?? (s.properties || s.allOf ? 'object' : s.items ? 'array' : undefined);
  const kind = kindOf(v);
  if (type === undefined) return true;
  if (type === 'integer') return kind === 'number';
  return type === kind;
}

/** The branch of an anyOf/oneOf a value was built for: its kind, then most shared names. */
function branchFor(alternatives: Schema[], v: unknown): Schema | undefined {
  const candidates = alternatives.filter((b) => !isNullSchema(b) && fits(b, v));
  if (!isObject(v) || Array.isArray(v)) return candidates[0];
  const overlap = (b: Schema) =>
    Object.keys(v).filter((k) => k in ((deref(b).properties as Schema | undefined) ?? {})).length;
  return candidates.sort((a, b) => overlap(b) - overlap(a))[0];
}

/** The fake's value with every field the schema requires and it left out filled in. */
function shape(s0: Schema | undefined, v: unknown, depth = 0): unknown {
  if (!s0 || depth > 40) return v;
  if (v === undefined) return skeleton(s0);
  if (v === null) return null;
  const s = deref(s0);
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives) return shape(branchFor(alternatives, v), v, depth + 1);
  if (Array.isArray(s.allOf)) {
    return (s.allOf as Schema[]).reduce<unknown>((out, part) => shape(part, out, depth + 1), v);
  }
  if (Array.isArray(v))
    return isObject(s.items) ? v.map((x) => shape(s.items as Schema, x, depth + 1)) : v;
  if (!isObject(v) || !(s.properties || s.type === 'object')) return v;
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const out: Schema = { ...v };
  for (const name of new Set([...((s.required ?? []) as string[]), ...Object.keys(v)])) {
    const prop = props[name];
    if (v[name] === undefined && !((s.required ?? []) as string[]).includes(name)) delete out[name];
    else if (prop) out[name] = shape(prop, v[name], depth + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Git objects, computed as git computes them
// ---------------------------------------------------------------------------------------

type ObjectType = 'blob' | 'tree' | 'commit';
interface TreeEntry {
  name: string;
  /** As the API shows it: 100644, 100755, 120000, 160000 or 040000. */
  mode: string;
  type: ObjectType;
  sha: string;
}
type Leaf = Omit<TreeEntry, 'name'>;
interface Person {
  name: string;
  email: string;
  date: string;
}
interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: Person;
  committer: Person;
  /** Made through the API without author and committer: GitHub signs it. */
  verified: boolean;
  signature?: string;
  /** Creation order: GitHub lists commits newest first. */
  seq: number;
}

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const objectSha = (type: ObjectType, body: Buffer) =>
  createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');
/** git sorts a tree's entries by name, a subtree's name as if it ended in "/". */
const treeOrder = (a: TreeEntry, b: TreeEntry) =>
  Buffer.compare(
    Buffer.from(a.type === 'tree' ? `${a.name}/` : a.name),
    Buffer.from(b.type === 'tree' ? `${b.name}/` : b.name),
  );
const gitDate = (iso: string) => `${Math.floor(Date.parse(iso) / 1000)} +0000`;

class GitObjects {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, TreeEntry[]>([[EMPTY_TREE, []]]);
  readonly commits = new Map<string, Commit>();
  private seq = 0;

  blob(bytes: Buffer): string {
    const sha = objectSha('blob', bytes);
    this.blobs.set(sha, bytes);
    return sha;
  }

  tree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(treeOrder);
    const body = Buffer.concat(
      sorted.flatMap((e) => [
        Buffer.from(`${e.mode.replace(/^0/, '')} ${e.name}\0`),
        Buffer.from(e.sha, 'hex'),
      ]),
    );
    const sha = objectSha('tree', body);
    this.trees.set(sha, sorted);
    return sha;
  }

  commit(c: Omit<Commit, 'sha' | 'seq'>): Commit {
    const text =
      `tree ${c.tree}\n` +
      c.parents.map((p) => `parent ${p}\n`).join('') +
      `author ${c.author.name} <${c.author.email}> ${gitDate(c.author.date)}\n` +
      `committer ${c.committer.name} <${c.committer.email}> ${gitDate(c.committer.date)}\n` +
      (c.signature ? `gpgsig ${c.signature.trimEnd().replace(/\n/g, '\n ')}\n` : '') +
      `\n${c.message}`;
    const commit = { ...c, sha: objectSha('commit', Buffer.from(text)), seq: ++this.seq };
    if (!this.commits.has(commit.sha)) this.commits.set(commit.sha, commit);
    return this.commits.get(commit.sha) as Commit;
  }

  /** Files (and submodules) under a tree, by path. */
  leaves(tree: string, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
    for (const e of this.trees.get(tree) ?? []) {
      if (e.type === 'tree') this.leaves(e.sha, `${prefix}${e.name}/`, out);
      else out.set(`${prefix}${e.name}`, { mode: e.mode, type: e.type, sha: e.sha });
    }
    return out;
  }

  /** Entries of a tree with their paths; with `recursive`, those of its subtrees too. */
  walk(tree: string, recursive: boolean, prefix = ''): (TreeEntry & { path: string })[] {
    return (this.trees.get(tree) ?? []).flatMap((e) => [
      { ...e, path: `${prefix}${e.name}` },
      ...(recursive && e.type === 'tree' ? this.walk(e.sha, true, `${prefix}${e.name}/`) : []),
    ]);
  }

  /** Nested trees holding these files; the root tree's sha. */
  build(leaves: Map<string, Leaf>): string {
    const here: TreeEntry[] = [];
    const below = new Map<string, Map<string, Leaf>>();
    for (const [path, leaf] of leaves) {
      const slash = path.indexOf('/');
      if (slash < 0) {
        here.push({ name: path, ...leaf });
        continue;
      }
      const dir = path.slice(0, slash);
      const sub = below.get(dir) ?? new Map<string, Leaf>();
      sub.set(path.slice(slash + 1), leaf);
      below.set(dir, sub);
    }
    for (const [dir, sub] of below) {
      here.push({ name: dir, mode: '040000', type: 'tree', sha: this.build(sub) });
    }
    return this.tree(here);
  }

  /** The entry at a path in a tree ('' is the tree itself). */
  entryAt(tree: string, path: string): Leaf | undefined {
    let at: Leaf = { mode: '040000', type: 'tree', sha: tree };
    for (const name of path.split('/').filter(Boolean)) {
      if (at.type !== 'tree') return undefined;
      const e = this.trees.get(at.sha)?.find((x) => x.name === name);
      if (!e) return undefined;
      at = e;
    }
    return at;
  }

  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop() as string;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  /** Commits reachable from `sha`, newest first. */
  history(sha: string): Commit[] {
    return [...this.ancestors(sha)]
      .map((s) => this.commits.get(s) as Commit)
      .sort((a, b) => b.seq - a.seq);
  }
}

// ---------------------------------------------------------------------------------------
// The fake's state, as tests see it
// ---------------------------------------------------------------------------------------

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, or the raw bytes of an upload. */
  body: unknown;
  operationId?: string;
  token?: string;
  status?: number;
}

export interface FakePull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  draft: boolean;
  state: 'open' | 'closed';
  merged: boolean;
  mergeCommitSha: string | null;
  /** Who opened it (the token's login). */
  user: string;
  maintainerCanModify: boolean;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  /** Bodies of the comments on it, oldest first (from `comments`). */
  readonly comments: string[];
  /** Last head commit, kept when the branch goes. */
  headSha: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  createdAt: string;
}

export interface FakeStatus {
  id: number;
  sha: string;
  state: string;
  context: string;
  description?: string;
  target_url?: string;
  creator: string;
  createdAt: string;
}

export interface FakeAsset {
  id: number;
  name: string;
  label: string | null;
  bytes: Buffer;
  contentType: string;
  createdAt: string;
}

export interface FakeRelease {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  target: string;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: string;
  publishedAt: string | null;
  assets: FakeAsset[];
}

export interface CommitSummary {
  sha: string;
  message: string;
  /** The GitHub account behind the author email: the bot, a person, or null if none. */
  login: string | null;
  committerLogin: string | null;
  verified: boolean;
  parents: string[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Files of the first commit on the default branch (default: a README.md). */
  files?: Record<string, string>;
  /** Accepted tokens and whose they are; by default any token is the Actions bot's. */
  tokens?: Record<string, string>;
  /**
   * Validate every answer against the operation's response schema too, a mismatch being a
   * violation (the fake's own bug). Default true; costs a few ms per operation, once.
   */
  checkResponses?: boolean;
}

export interface FakeGitHub {
  /** API base URL, e.g. http://127.0.0.1:PORT (GITHUB_API_URL). */
  url: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  requests: RecordedRequest[];
  /** One line per request GitHub would have refused, or the fake could not answer. */
  violations: string[];
  /** The repository's refs ("heads/main", "tags/v1") → commit sha; tests may change them. */
  refs: Map<string, string>;
  /** Branch name → head sha (a snapshot). */
  readonly branches: Record<string, string>;
  pulls: FakePull[];
  comments: FakeComment[];
  statuses: FakeStatus[];
  releases: FakeRelease[];
  /** A file's bytes at a branch, tag or commit; undefined when absent. */
  fileAt(ref: string, path: string): Buffer | undefined;
  branchHead(branch: string): string | undefined;
  /** Commits on a branch following first parents, newest first. */
  commitsOn(branch: string): CommitSummary[];
  labelsOf(number: number): string[];
  /** A person pushes one commit to a branch (null deletes a file); its sha. */
  pushCommitAsUser(
    branch: string,
    files: Record<string, string | Buffer | null>,
    login?: string,
    message?: string,
  ): string;
  /** Same as pushCommitAsUser (the name the earlier github-fake.ts used). */
  pushAsUser(branch: string, files: Record<string, string | null>, login?: string): string;
  /** Someone closes a pull request, merged (a merge commit moves the base) or not. */
  closePull(number: number, opts: { merged: boolean }): void;
  /** The next `times` requests for an operation get this status (retries, outages). */
  failNext(operationId: string, status: number, times?: number): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------

const BOT = 'github-actions[bot]';
const ACCOUNTS: Record<string, { id: number; type: 'Bot' | 'User' | 'Organization' }> = {
  [BOT]: { id: 41898282, type: 'Bot' },
  'web-flow': { id: 19864447, type: 'User' },
  octocat: { id: 583231, type: 'User' },
};

function account(login: string) {
  const known = ACCOUNTS[login];
  if (known) return known;
  // Stable ids for everyone else, so the same login always gets the same noreply email.
  const id =
    1_000_000 +
    (parseInt(createHash('sha1').update(login).digest('hex').slice(0, 6), 16) % 9_000_000);
  return { id, type: 'User' as const };
}

function userJson(login: string, type?: 'Organization') {
  const { id, type: t } = account(login);
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    type: type ?? t,
    site_admin: false,
  };
}

const noreply = (login: string) => `${account(login).id}+${login}@users.noreply.github.com`;
/** The account GitHub links a commit to: by the author's noreply email. */
function loginOf(email: string): string | null {
  if (email === 'noreply@github.com') return 'web-flow';
  return /^(?:\d+\+)?(.+)@users\.noreply\.github\.com$/.exec(email)?.[1] ?? null;
}
const personOf = (login: string, date: string): Person =>
  login === 'web-flow'
    ? { name: 'GitHub', email: 'noreply@github.com', date }
    : { name: login, email: noreply(login), date };

// ---------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------

interface Call {
  op: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Schema;
  raw: Buffer;
  contentType: string;
  login: string;
  path: string;
}
interface Reply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Schema[],
  ) {
    super(message);
  }
}
const notFound = () => new HttpError(404, 'Not Found');
const invalid = (message: string, errors?: Schema[]) => new HttpError(422, message, errors);

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  openapi();
  const owner = opts.owner ?? 'acme';
  const repo = opts.repo ?? 'platform';
  const defaultBranch = opts.defaultBranch ?? 'main';
  const nwo = `${owner}/${repo}`;
  const git = new GitObjects();
  const refs = new Map<string, string>();
  const pulls: FakePull[] = [];
  const comments: FakeComment[] = [];
  const statuses: FakeStatus[] = [];
  const releases: FakeRelease[] = [];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const labelIds = new Map<string, number>();
  const faults = new Map<string, { status: number; times: number }>();
  let nextId = 1000;
  let nextNumber = 1;
  // A clock of its own: every event a second later, so runs give the same shas and order.
  let clock = Date.UTC(2026, 0, 1) / 1000;
  const now = () => new Date(++clock * 1000).toISOString().replace('.000', '');
  let base = '';
  const api = () => `${base}/repos/${nwo}`;
  const web = `https://github.com/${nwo}`;

  // ---- the first commit ----
  const initial = new Map<string, Leaf>();
  for (const [path, content] of Object.entries(opts.files ?? { 'README.md': `# ${repo}\n` })) {
    initial.set(path, { mode: '100644', type: 'blob', sha: git.blob(Buffer.from(content)) });
  }
  const first = personOf('octocat', now());
  refs.set(
    `heads/${defaultBranch}`,
    git.commit({
      tree: git.build(initial),
      parents: [],
      message: 'Initial commit',
      author: first,
      committer: first,
      verified: false,
    }).sha,
  );

  /** A branch, tag, "heads/x", "refs/heads/x", full or abbreviated sha → commit. */
  function commitish(ref: string): Commit | undefined {
    const name = ref.replace(/^refs\//, '');
    const sha =
      refs.get(`heads/${name}`) ??
      refs.get(`tags/${name}`) ??
      refs.get(name) ??
      (/^[0-9a-f]{7,40}$/.test(ref)
        ? [...git.commits.keys()].filter((s) => s.startsWith(ref)).at(0)
        : undefined);
    return sha ? git.commits.get(sha) : undefined;
  }
  const pullOf = (n: string | number | undefined) => {
    const pr = pulls.find((p) => p.number === Number(n));
    if (!pr) throw notFound();
    return pr;
  };
  const headOf = (pr: FakePull) => refs.get(`heads/${pr.head}`) ?? pr.headSha;
  /** A merge commit of the head into the base, made by GitHub for `login`; its sha. */
  const mergePull = (pr: FakePull, login: string): string => {
    const at = now();
    const head = headOf(pr);
    const baseHead = refs.get(`heads/${pr.base}`) as string;
    const sha = git.commit({
      tree: (git.commits.get(head) as Commit).tree,
      parents: [baseHead, head],
      message: `Merge pull request #${pr.number} from ${owner}/${pr.head}`,
      author: personOf(login, at),
      committer: personOf('web-flow', at),
      verified: true,
    }).sha;
    refs.set(`heads/${pr.base}`, sha);
    pr.state = 'closed';
    pr.closedAt = pr.updatedAt = at;
    pr.merged = true;
    pr.mergedAt = at;
    pr.mergeCommitSha = sha;
    return sha;
  };

  // ---- JSON the way GitHub writes it (shape() adds the remaining required fields) ----
  const repoJson = () => ({
    id: 1296269,
    node_id: 'R_1296269',
    name: repo,
    full_name: nwo,
    owner: userJson(owner, 'Organization'),
    private: true,
    visibility: 'private',
    html_url: web,
    url: api(),
    clone_url: `${web}.git`,
    git_url: `git://github.com/${nwo}.git`,
    ssh_url: `git@github.com:${nwo}.git`,
    default_branch: defaultBranch,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    pushed_at: '2026-01-01T00:00:00Z',
  });
  const refJson = (name: string) => ({
    ref: `refs/${name}`,
    node_id: `REF_${Buffer.from(name).toString('base64url')}`,
    url: `${api()}/git/refs/${name}`,
    object: { type: 'commit', sha: refs.get(name), url: `${api()}/git/commits/${refs.get(name)}` },
  });
  const verification = (c: Commit) =>
    c.verified
      ? {
          verified: true,
          reason: 'valid',
          signature: '-----BEGIN PGP SIGNATURE-----\n\n(fake)\n-----END PGP SIGNATURE-----\n',
          payload: `tree ${c.tree}\n`,
          verified_at: c.committer.date,
        }
      : {
          verified: false,
          reason: c.signature ? 'unknown_key' : 'unsigned',
          signature: c.signature ?? null,
          payload: c.signature ? `tree ${c.tree}\n` : null,
          verified_at: null,
        };
  const gitCommitJson = (c: Commit) => ({
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${api()}/git/commits/${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${api()}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api()}/git/commits/${p}`,
      html_url: `${web}/commit/${p}`,
    })),
    verification: verification(c),
  });
  const linkedUser = (email: string) => {
    const login = loginOf(email);
    return login ? userJson(login) : null;
  };
  const commitJson = (c: Commit) => ({
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${api()}/commits/${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    comments_url: `${api()}/commits/${c.sha}/comments`,
    commit: {
      url: `${api()}/git/commits/${c.sha}`,
      author: c.author,
      committer: c.committer,
      message: c.message,
      comment_count: 0,
      tree: { sha: c.tree, url: `${api()}/git/trees/${c.tree}` },
      verification: verification(c),
    },
    author: linkedUser(c.author.email),
    committer: linkedUser(c.committer.email),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${api()}/commits/${p}`,
      html_url: `${web}/commit/${p}`,
    })),
  });
  const treeEntryJson = (e: TreeEntry & { path: string }) => ({
    path: e.path,
    mode: e.mode,
    type: e.type,
    sha: e.sha,
    ...(e.type === 'blob'
      ? { size: git.blobs.get(e.sha)?.length ?? 0, url: `${api()}/git/blobs/${e.sha}` }
      : e.type === 'tree'
        ? { url: `${api()}/git/trees/${e.sha}` }
        : {}),
  });
  const treeJson = (sha: string, recursive: boolean) => ({
    sha,
    url: `${api()}/git/trees/${sha}`,
    tree: git.walk(sha, recursive).map(treeEntryJson),
    truncated: false,
  });
  const labelJson = (name: string) => {
    const id = labelIds.get(name) ?? ++nextId;
    labelIds.set(name, id);
    return {
      id,
      node_id: `LA_${id}`,
      url: `${api()}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
    };
  };
  const branchRefJson = (branch: string, sha: string) => ({
    label: `${owner}:${branch}`,
    ref: branch,
    sha,
    user: userJson(owner, 'Organization'),
    repo: repoJson(),
  });
  const pullJson = (p: FakePull) => ({
    url: `${api()}/pulls/${p.number}`,
    id: 100_000 + p.number,
    node_id: `PR_${p.number}`,
    html_url: `${web}/pull/${p.number}`,
    diff_url: `${web}/pull/${p.number}.diff`,
    patch_url: `${web}/pull/${p.number}.patch`,
    issue_url: `${api()}/issues/${p.number}`,
    commits_url: `${api()}/pulls/${p.number}/commits`,
    review_comments_url: `${api()}/pulls/${p.number}/comments`,
    review_comment_url: `${api()}/pulls/comments{/number}`,
    comments_url: `${api()}/issues/${p.number}/comments`,
    statuses_url: `${api()}/statuses/${headOf(p)}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: userJson(p.user),
    body: p.body || null,
    labels: p.labels.map(labelJson),
    milestone: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: p.reviewers.map((l) => userJson(l)),
    requested_teams: p.teamReviewers.map((slug, i) => ({
      id: 500 + i,
      node_id: `T_${slug}`,
      name: slug,
      slug,
      url: `https://api.github.com/orgs/${owner}/teams/${slug}`,
      html_url: `https://github.com/orgs/${owner}/teams/${slug}`,
      members_url: `https://api.github.com/orgs/${owner}/teams/${slug}/members{/member}`,
      repositories_url: `https://api.github.com/orgs/${owner}/teams/${slug}/repos`,
      permission: 'pull',
      description: null,
      parent: null,
    })),
    head: branchRefJson(p.head, headOf(p)),
    base: branchRefJson(p.base, refs.get(`heads/${p.base}`) ?? ''),
    _links: {
      self: { href: `${api()}/pulls/${p.number}` },
      html: { href: `${web}/pull/${p.number}` },
      issue: { href: `${api()}/issues/${p.number}` },
      comments: { href: `${api()}/issues/${p.number}/comments` },
      review_comments: { href: `${api()}/pulls/${p.number}/comments` },
      review_comment: { href: `${api()}/pulls/comments{/number}` },
      commits: { href: `${api()}/pulls/${p.number}/commits` },
      statuses: { href: `${api()}/statuses/${headOf(p)}` },
    },
    author_association: p.user === BOT ? 'NONE' : 'MEMBER',
    auto_merge: null,
    draft: p.draft,
    merged: p.merged,
    mergeable: p.state === 'open' ? true : null,
    rebaseable: p.state === 'open' ? true : null,
    mergeable_state: p.state === 'open' ? (p.draft ? 'draft' : 'clean') : 'unknown',
    merged_by: p.merged ? userJson('octocat') : null,
    comments: comments.filter((c) => c.issue === p.number).length,
    review_comments: 0,
    maintainer_can_modify: p.maintainerCanModify,
    commits: compare(refs.get(`heads/${p.base}`) ?? headOf(p), headOf(p)).ahead.length,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  });
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${api()}/issues/comments/${c.id}`,
    html_url: `${web}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${api()}/issues/${c.issue}`,
    body: c.body,
    user: userJson(c.login),
    created_at: c.createdAt,
    updated_at: c.createdAt,
    author_association: c.login === BOT ? 'NONE' : 'MEMBER',
  });
  const statusJson = (s: FakeStatus) => ({
    url: `${api()}/statuses/${s.sha}`,
    avatar_url: null,
    id: s.id,
    node_id: `SC_${s.id}`,
    state: s.state,
    description: s.description ?? null,
    target_url: s.target_url ?? null,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    creator: userJson(s.creator),
  });
  const assetJson = (r: FakeRelease, a: FakeAsset) => ({
    url: `${api()}/releases/assets/${a.id}`,
    browser_download_url: `${web}/releases/download/${encodeURIComponent(r.tag)}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: `RA_${a.id}`,
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.contentType,
    size: a.bytes.length,
    digest: `sha256:${createHash('sha256').update(a.bytes).digest('hex')}`,
    download_count: 0,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    uploader: userJson(r.author),
  });
  const releaseJson = (r: FakeRelease) => ({
    url: `${api()}/releases/${r.id}`,
    html_url: `${web}/releases/tag/${encodeURIComponent(r.tag)}`,
    assets_url: `${api()}/releases/${r.id}/assets`,
    upload_url: `${base}/uploads/repos/${nwo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${api()}/tarball/${encodeURIComponent(r.tag)}`,
    zipball_url: `${api()}/zipball/${encodeURIComponent(r.tag)}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tag,
    target_commitish: r.target,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: userJson(r.author),
    assets: r.assets.map((a) => assetJson(r, a)),
  });

  /** What `head` has that `base` has not (oldest first), and the other way round. */
  function compare(baseSha: string, headSha: string) {
    const inBase = git.ancestors(baseSha);
    const inHead = git.ancestors(headSha);
    const ahead = git.history(headSha).filter((c) => !inBase.has(c.sha));
    const behind = git.history(baseSha).filter((c) => !inHead.has(c.sha));
    const mergeBase = git.history(headSha).find((c) => inBase.has(c.sha));
    return { ahead: ahead.reverse(), behind, mergeBase };
  }

  function fileChanges(fromTree: string | undefined, toTree: string) {
    const before = fromTree ? git.leaves(fromTree) : new Map<string, Leaf>();
    const after = git.leaves(toTree);
    const lines = (sha: string | undefined) =>
      sha ? (git.blobs.get(sha)?.toString('utf8').split('\n').filter(Boolean).length ?? 0) : 0;
    const out = [];
    for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const a = before.get(path)?.sha;
      const b = after.get(path)?.sha;
      if (a === b) continue;
      const status = !a ? 'added' : !b ? 'removed' : 'modified';
      // Line counts are whole-file, not a diff: enough for a summary, not for a review.
      const additions = status === 'removed' ? 0 : lines(b);
      const deletions = status === 'added' ? 0 : lines(a);
      out.push({
        sha: b ?? a,
        filename: path,
        status,
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `${web}/blob/${b ?? a}/${path}`,
        raw_url: `${web}/raw/${b ?? a}/${path}`,
        contents_url: `${api()}/contents/${path}`,
      });
    }
    return out;
  }

  /** per_page/page as GitHub reads them, with the Link header Octokit's paginate follows. */
  function page<T>(items: T[], c: Call): Reply & { json: T[] } {
    const per = Math.min(Number(c.query.per_page ?? 30), 100);
    const n = Number(c.query.page ?? 1);
    const last = Math.max(1, Math.ceil(items.length / per));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams({ ...c.query, page: String(p) });
      return `<${base}${c.path}?${q}>; rel="${rel}"`;
    };
    const links = [
      ...(n < last ? [link(n + 1, 'next'), link(last, 'last')] : []),
      ...(n > 1 ? [link(1, 'first'), link(n - 1, 'prev')] : []),
    ];
    return {
      status: 200,
      json: items.slice((n - 1) * per, n * per),
      ...(links.length ? { headers: { link: links.join(', ') } } : {}),
    };
  }

  const commitOrThrow = (sha: string, status = 404) => {
    const c = commitish(sha);
    if (!c) throw status === 404 ? notFound() : invalid(`No commit found for SHA: ${sha}`);
    return c;
  };
  const checkBody = (text: unknown, max: number, field = 'body') => {
    if (typeof text === 'string' && text.length > max) {
      throw invalid('Validation Failed', [
        {
          resource: 'Issue',
          field,
          code: 'custom',
          message: `${field} is too long (maximum is ${max} characters)`,
        },
      ]);
    }
  };
  const refName = (ref: string) => {
    if (!/^(heads|tags)\/./.test(ref)) throw invalid('Reference does not exist');
    return ref;
  };

  // ---- the operations ----
  const handlers: Record<string, (c: Call) => Reply> = {
    'repos/get': () => ({ status: 200, json: repoJson() }),

    'repos/get-branch': (c) => {
      const sha = refs.get(`heads/${c.params.branch}`);
      if (!sha) throw notFound();
      return {
        status: 200,
        json: {
          name: c.params.branch,
          commit: commitJson(git.commits.get(sha) as Commit),
          _links: {
            html: `${web}/tree/${c.params.branch}`,
            self: `${api()}/branches/${c.params.branch}`,
          },
          protected: false,
          protection: {
            enabled: false,
            required_status_checks: { enforcement_level: 'off', contexts: [] },
          },
          protection_url: `${api()}/branches/${c.params.branch}/protection`,
        },
      };
    },

    'git/get-ref': (c) => {
      if (!refs.has(c.params.ref ?? '')) throw notFound();
      return { status: 200, json: refJson(c.params.ref as string) };
    },

    'git/list-matching-refs': (c) =>
      page(
        [...refs.keys()]
          .filter((r) => r.startsWith(c.params.ref ?? ''))
          .sort()
          .map(refJson),
        c,
      ),

    'git/create-ref': (c) => {
      const full = String(c.body.ref);
      if (!/^refs\/[^/]+\/./.test(full)) {
        throw invalid("Reference name must start with 'refs/' and have at least two slashes.");
      }
      const name = full.slice('refs/'.length);
      if (refs.has(name)) throw invalid('Reference already exists');
      if (!git.commits.has(String(c.body.sha))) throw invalid('Object does not exist');
      refs.set(name, String(c.body.sha));
      return { status: 201, json: refJson(name) };
    },

    'git/update-ref': (c) => {
      const name = refName(c.params.ref ?? '');
      const old = refs.get(name);
      if (!old) throw invalid('Reference does not exist');
      const sha = String(c.body.sha);
      if (!git.commits.has(sha)) throw invalid('Object does not exist');
      if (c.body.force !== true && !git.ancestors(sha).has(old)) {
        throw invalid('Update is not a fast forward');
      }
      refs.set(name, sha);
      return { status: 200, json: refJson(name) };
    },

    'git/delete-ref': (c) => {
      const name = refName(c.params.ref ?? '');
      if (!refs.delete(name)) throw invalid('Reference does not exist');
      // Deleting a head branch closes the pull requests from it, as on GitHub.
      for (const pr of pulls) {
        if (`heads/${pr.head}` === name && pr.state === 'open') {
          pr.state = 'closed';
          pr.closedAt = pr.updatedAt = now();
        }
      }
      return { status: 204 };
    },

    'git/get-commit': (c) => {
      const commit = git.commits.get(c.params.commit_sha ?? '');
      if (!commit) throw notFound();
      return { status: 200, json: gitCommitJson(commit) };
    },

    'git/create-blob': (c) => {
      const encoding = c.body.encoding ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'base64') {
        throw invalid(`encoding must be one of utf-8 or base64, not ${String(encoding)}`);
      }
      const sha = git.blob(
        Buffer.from(String(c.body.content), encoding === 'base64' ? 'base64' : 'utf8'),
      );
      return { status: 201, json: { sha, url: `${api()}/git/blobs/${sha}` } };
    },

    'git/get-blob': (c) => {
      const bytes = git.blobs.get(c.params.file_sha ?? '');
      if (!bytes) throw notFound();
      return {
        status: 200,
        json: {
          sha: c.params.file_sha,
          node_id: `B_${c.params.file_sha}`,
          url: `${api()}/git/blobs/${c.params.file_sha}`,
          size: bytes.length,
          content: bytes.toString('base64').replace(/.{60}/g, '$&\n'),
          encoding: 'base64',
        },
      };
    },

    'git/create-tree': (c) => {
      const baseTree = c.body.base_tree === undefined ? undefined : String(c.body.base_tree);
      if (baseTree !== undefined && !git.trees.has(baseTree)) {
        throw invalid('base_tree is not a valid tree oid');
      }
      const leaves = baseTree ? git.leaves(baseTree) : new Map<string, Leaf>();
      const removeUnder = (path: string) => {
        let removed = leaves.delete(path);
        for (const p of [...leaves.keys()])
          if (p.startsWith(`${path}/`)) removed = leaves.delete(p);
        return removed;
      };
      for (const e of c.body.tree as Schema[]) {
        const path = String(e.path ?? '');
        if (!path) throw invalid('Must supply tree.path');
        if (path.startsWith('/')) throw invalid('tree.path cannot start with a slash');
        if (path.split('/').some((s) => s === '' || s === '.' || s === '..' || s === '.git')) {
          throw invalid(`tree.path contains a malformed path component: ${path}`);
        }
        if (e.sha !== undefined && e.content !== undefined) {
          throw invalid('Must supply either tree.sha or tree.content, not both');
        }
        const mode = String(e.mode ?? '');
        const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
        if (!mode) throw invalid('Must supply a valid tree.mode');
        if (e.type !== undefined && e.type !== type) {
          throw invalid(`tree.type ${String(e.type)} does not match tree.mode ${mode}`);
        }
        if (e.sha === null) {
          if (!removeUnder(path))
            throw invalid(`tree.path ${path} does not exist, so it cannot be deleted`);
        } else if (e.content !== undefined) {
          if (type !== 'blob') throw invalid('tree.content can only be used for blobs');
          removeUnder(path);
          leaves.set(path, { mode, type, sha: git.blob(Buffer.from(String(e.content))) });
        } else {
          const sha = String(e.sha ?? '');
          const exists =
            type === 'blob'
              ? git.blobs.has(sha)
              : type === 'tree'
                ? git.trees.has(sha)
                : /^[0-9a-f]{40}$/.test(sha);
          if (!exists) throw invalid(`tree.sha ${sha} is not a valid ${type}`);
          removeUnder(path);
          if (type === 'tree') for (const [p, l] of git.leaves(sha)) leaves.set(`${path}/${p}`, l);
          else leaves.set(path, { mode, type, sha });
        }
      }
      return { status: 201, json: treeJson(git.build(leaves), false) };
    },

    'git/get-tree': (c) => {
      const ref = c.params.tree_sha ?? '';
      const sha = git.trees.has(ref) ? ref : commitish(ref)?.tree;
      if (!sha) throw notFound();
      return { status: 200, json: treeJson(sha, c.query.recursive !== undefined) };
    },

    'git/create-commit': (c) => {
      const tree = String(c.body.tree);
      if (!git.trees.has(tree)) throw invalid('Tree SHA does not exist');
      const parents = ((c.body.parents as string[] | undefined) ?? []).map(String);
      for (const p of parents) {
        if (!git.commits.has(p))
          throw invalid('Parent SHA does not exist or is not a commit object');
      }
      const date = now();
      const given = (p: unknown): Person | undefined =>
        isObject(p) && typeof p.name === 'string' && typeof p.email === 'string'
          ? { name: p.name, email: p.email, date: typeof p.date === 'string' ? p.date : date }
          : undefined;
      const author = given(c.body.author);
      const committer = given(c.body.committer) ?? author;
      const signature = typeof c.body.signature === 'string' ? c.body.signature : undefined;
      const commit = git.commit({
        tree,
        parents,
        message: String(c.body.message),
        author: author ?? personOf(c.login, date),
        committer: committer ?? personOf('web-flow', date),
        // GitHub signs only what it authors itself: no author, committer or signature given.
        verified: !author && !committer && !signature,
        ...(signature ? { signature } : {}),
      });
      return { status: 201, json: gitCommitJson(commit) };
    },

    'repos/get-content': (c) => {
      const commit = commitish(c.query.ref ?? defaultBranch);
      if (!commit) throw notFound();
      const path = (c.params.path ?? '').replace(/\/+$/, '');
      const entry = git.entryAt(commit.tree, path);
      if (!entry) throw notFound();
      const ref = encodeURIComponent(c.query.ref ?? defaultBranch);
      const item = (p: string, e: Leaf) => {
        const kind =
          e.type === 'tree'
            ? 'dir'
            : e.type === 'commit'
              ? 'submodule'
              : e.mode === '120000'
                ? 'symlink'
                : 'file';
        const url = `${api()}/contents/${p}?ref=${ref}`;
        const gitUrl = `${api()}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`;
        const htmlUrl = `${web}/${e.type === 'tree' ? 'tree' : 'blob'}/${ref}/${p}`;
        return {
          type: kind,
          name: p.split('/').pop() ?? p,
          path: p,
          sha: e.sha,
          size: e.type === 'blob' ? (git.blobs.get(e.sha)?.length ?? 0) : 0,
          url,
          git_url: gitUrl,
          html_url: htmlUrl,
          download_url:
            e.type === 'blob' ? `https://raw.githubusercontent.com/${nwo}/${ref}/${p}` : null,
          _links: { self: url, git: gitUrl, html: htmlUrl },
        };
      };
      if (entry.type === 'tree') {
        const entries = git.walk(entry.sha, false, path ? `${path}/` : '');
        return { status: 200, json: entries.map((e) => item(e.path, e)) };
      }
      const bytes = git.blobs.get(entry.sha) ?? Buffer.alloc(0);
      // Over 1 MB GitHub sends no content in this form, only the metadata.
      const big = bytes.length > 1024 * 1024;
      return {
        status: 200,
        json: {
          ...item(path, entry),
          encoding: big ? 'none' : 'base64',
          content: big ? '' : bytes.toString('base64').replace(/.{60}/g, '$&\n'),
          ...(entry.mode === '120000' ? { target: bytes.toString('utf8') } : {}),
        },
      };
    },

    'repos/list-commits': (c) => {
      const head = commitish(c.query.sha ?? defaultBranch);
      if (!head) throw notFound();
      let list = git.history(head.sha);
      const who = (p: Person, q: string | undefined) =>
        q === undefined || loginOf(p.email)?.toLowerCase() === q.toLowerCase() || p.email === q;
      list = list.filter(
        (x) => who(x.author, c.query.author) && who(x.committer, c.query.committer),
      );
      if (c.query.since) list = list.filter((x) => x.committer.date >= String(c.query.since));
      if (c.query.until) list = list.filter((x) => x.committer.date <= String(c.query.until));
      const path = c.query.path?.replace(/^\/+|\/+$/g, '');
      if (path) {
        const at = (x: Commit | undefined) => (x ? git.entryAt(x.tree, path)?.sha : undefined);
        list = list.filter((x) => at(x) !== at(git.commits.get(x.parents[0] ?? '')));
      }
      return page(list.map(commitJson), c);
    },

    'repos/get-commit': (c) => {
      const commit = commitOrThrow(c.params.ref ?? '', 422);
      const files = fileChanges(git.commits.get(commit.parents[0] ?? '')?.tree, commit.tree);
      const additions = files.reduce((n, f) => n + f.additions, 0);
      const deletions = files.reduce((n, f) => n + f.deletions, 0);
      return {
        status: 200,
        json: {
          ...commitJson(commit),
          stats: { additions, deletions, total: additions + deletions },
          files,
        },
      };
    },

    'repos/compare-commits-with-basehead': (c) => {
      const [b, h] = (c.params.basehead ?? '').split(/\.{2,3}/);
      const strip = (s: string | undefined) => (s ?? '').replace(new RegExp(`^${owner}:`, 'i'), '');
      const baseCommit = commitish(strip(b));
      const headCommit = commitish(strip(h));
      if (!baseCommit || !headCommit) throw notFound();
      const { ahead, behind, mergeBase } = compare(baseCommit.sha, headCommit.sha);
      const status =
        ahead.length && behind.length
          ? 'diverged'
          : ahead.length
            ? 'ahead'
            : behind.length
              ? 'behind'
              : 'identical';
      return {
        status: 200,
        json: {
          url: `${api()}/compare/${c.params.basehead}`,
          html_url: `${web}/compare/${c.params.basehead}`,
          permalink_url: `${web}/compare/${baseCommit.sha}...${headCommit.sha}`,
          diff_url: `${web}/compare/${c.params.basehead}.diff`,
          patch_url: `${web}/compare/${c.params.basehead}.patch`,
          base_commit: commitJson(baseCommit),
          merge_base_commit: commitJson(mergeBase ?? baseCommit),
          status,
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          commits: ahead.map(commitJson),
          files: fileChanges(mergeBase?.tree, headCommit.tree),
        },
      };
    },

    // The older template (`{base}...{head}`) of the same operation.
    'repos/compare-commits': (c) =>
      (handlers['repos/compare-commits-with-basehead'] as (c: Call) => Reply)({
        ...c,
        params: { ...c.params, basehead: `${c.params.base}...${c.params.head}` },
      }),

    'pulls/list': (c) => {
      // A head without "owner:" is ignored by GitHub, which then lists every pull request.
      const [headOwner, headBranch] = c.query.head?.includes(':')
        ? c.query.head.split(/:(.*)/)
        : [];
      const state = c.query.state ?? 'open';
      const list = pulls.filter(
        (p) =>
          (headBranch === undefined ||
            (headOwner?.toLowerCase() === owner.toLowerCase() && p.head === headBranch)) &&
          (c.query.base === undefined || p.base === c.query.base) &&
          (state === 'all' || p.state === state),
      );
      const sorted = list.sort((a, b) => a.number - b.number);
      const created = !c.query.sort || c.query.sort === 'created';
      if ((c.query.direction ?? (created ? 'desc' : 'asc')) === 'desc') sorted.reverse();
      return page(sorted.map(pullJson), c);
    },

    'pulls/get': (c) => ({ status: 200, json: pullJson(pullOf(c.params.pull_number)) }),

    'repos/list-pull-requests-associated-with-commit': (c) => {
      const sha = commitOrThrow(c.params.commit_sha ?? '', 422).sha;
      // The pull requests that bring the commit: on their head, not yet on their base.
      const list = pulls.filter(
        (p) =>
          git.ancestors(headOf(p)).has(sha) &&
          !git.ancestors(refs.get(`heads/${p.base}`) ?? '').has(sha),
      );
      return page(list.map(pullJson), c);
    },

    'pulls/merge': (c) => {
      const pr = pullOf(c.params.pull_number);
      if (pr.state !== 'open' || pr.draft)
        throw new HttpError(405, 'Pull Request is not mergeable');
      if (c.body.sha !== undefined && c.body.sha !== headOf(pr)) {
        throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
      }
      const sha = mergePull(pr, c.login);
      return {
        status: 200,
        json: { sha, merged: true, message: 'Pull Request successfully merged' },
      };
    },

    'pulls/create': (c) => {
      const rawHead = String(c.body.head);
      const head = rawHead.includes(':') ? (rawHead.split(/:(.*)/)[1] ?? '') : rawHead;
      const fail = (field: string, code = 'invalid') =>
        invalid('Validation Failed', [{ resource: 'PullRequest', field, code }]);
      if (rawHead.includes(':') && rawHead.split(':')[0]?.toLowerCase() !== owner.toLowerCase())
        throw fail('head');
      const headSha = refs.get(`heads/${head}`);
      if (!headSha) throw fail('head');
      const baseSha = refs.get(`heads/${String(c.body.base)}`);
      if (!baseSha) throw fail('base');
      if (typeof c.body.title !== 'string' && c.body.issue === undefined)
        throw fail('title', 'missing_field');
      checkBody(c.body.body, 65_536);
      if (pulls.some((p) => p.head === head && p.base === c.body.base && p.state === 'open')) {
        throw invalid('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${owner}:${head}.`,
          },
        ]);
      }
      if (compare(baseSha, headSha).ahead.length === 0) {
        throw invalid('Validation Failed', [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `No commits between ${String(c.body.base)} and ${head}`,
          },
        ]);
      }
      const created = now();
      const number = nextNumber++;
      const pr: FakePull = {
        number,
        title: String(c.body.title ?? ''),
        body: typeof c.body.body === 'string' ? c.body.body : '',
        head,
        base: String(c.body.base),
        draft: c.body.draft === true,
        state: 'open',
        merged: false,
        mergeCommitSha: null,
        user: c.login,
        maintainerCanModify: c.body.maintainer_can_modify !== false,
        labels: [],
        reviewers: [],
        teamReviewers: [],
        get comments() {
          return comments.filter((x) => x.issue === number).map((x) => x.body);
        },
        headSha,
        createdAt: created,
        updatedAt: created,
        closedAt: null,
        mergedAt: null,
      };
      pulls.push(pr);
      return { status: 201, json: pullJson(pr) };
    },

    'pulls/update': (c) => {
      const pr = pullOf(c.params.pull_number);
      checkBody(c.body.body, 65_536);
      if (typeof c.body.base === 'string' && !refs.has(`heads/${c.body.base}`)) {
        throw invalid('Validation Failed', [
          { resource: 'PullRequest', field: 'base', code: 'invalid' },
        ]);
      }
      if (c.body.state === 'open' && pr.state === 'closed') {
        if (pr.merged) throw invalid('state cannot be changed. The pull request has been merged.');
        if (!refs.has(`heads/${pr.head}`))
          throw invalid('state cannot be changed. The head branch was deleted.');
        if (
          pulls.some(
            (p) => p !== pr && p.head === pr.head && p.base === pr.base && p.state === 'open',
          )
        ) {
          throw invalid(`A pull request already exists for ${owner}:${pr.head}.`);
        }
      }
      if (typeof c.body.title === 'string') pr.title = c.body.title;
      if (typeof c.body.body === 'string') pr.body = c.body.body;
      if (typeof c.body.base === 'string') pr.base = c.body.base;
      if (typeof c.body.maintainer_can_modify === 'boolean')
        pr.maintainerCanModify = c.body.maintainer_can_modify;
      if (c.body.state === 'closed' && pr.state === 'open') {
        pr.state = 'closed';
        pr.closedAt = now();
      } else if (c.body.state === 'open' && pr.state === 'closed') {
        pr.state = 'open';
        pr.closedAt = null;
      }
      pr.updatedAt = now();
      return { status: 200, json: pullJson(pr) };
    },

    'pulls/request-reviewers': (c) => {
      const pr = pullOf(c.params.pull_number);
      const reviewers = (c.body.reviewers as string[] | undefined) ?? [];
      const teams = (c.body.team_reviewers as string[] | undefined) ?? [];
      if (!reviewers.length && !teams.length)
        throw invalid('Reviews may only be requested from collaborators.');
      if (reviewers.some((r) => r.toLowerCase() === pr.user.toLowerCase())) {
        throw invalid('Review cannot be requested from pull request author.');
      }
      for (const r of reviewers) if (!pr.reviewers.includes(r)) pr.reviewers.push(r);
      for (const t of teams) if (!pr.teamReviewers.includes(t)) pr.teamReviewers.push(t);
      return { status: 201, json: pullJson(pr) };
    },

    'issues/add-labels': (c) => {
      const pr = pullOf(c.params.issue_number);
      for (const l of (c.body.labels as unknown[] | undefined) ?? []) {
        const name = isObject(l) ? String(l.name) : String(l);
        if (!pr.labels.includes(name)) pr.labels.push(name);
      }
      return { status: 200, json: pr.labels.map(labelJson) };
    },

    'issues/list-labels-on-issue': (c) =>
      page(pullOf(c.params.issue_number).labels.map(labelJson), c),

    'issues/create-comment': (c) => {
      const pr = pullOf(c.params.issue_number);
      checkBody(c.body.body, 65_536);
      const comment: FakeComment = {
        id: ++nextId,
        issue: pr.number,
        body: String(c.body.body),
        login: c.login,
        createdAt: now(),
      };
      comments.push(comment);
      return { status: 201, json: commentJson(comment) };
    },

    'issues/list-comments': (c) => {
      const pr = pullOf(c.params.issue_number);
      const list = comments.filter(
        (x) =>
          x.issue === pr.number && (c.query.since === undefined || x.createdAt >= c.query.since),
      );
      return page(list.map(commentJson), c);
    },

    'repos/create-commit-status': (c) => {
      const sha = c.params.sha ?? '';
      if (!git.commits.has(sha)) throw invalid(`No commit found for SHA: ${sha}`);
      const context = String(c.body.context ?? 'default');
      if (statuses.filter((s) => s.sha === sha && s.context === context).length >= 1000) {
        throw invalid('This SHA and context has reached the maximum number of statuses.');
      }
      const s: FakeStatus = {
        id: ++nextId,
        sha,
        state: String(c.body.state),
        context,
        creator: c.login,
        createdAt: now(),
      };
      if (typeof c.body.description === 'string') s.description = c.body.description;
      if (typeof c.body.target_url === 'string') s.target_url = c.body.target_url;
      statuses.push(s);
      return { status: 201, json: statusJson(s) };
    },

    'repos/list-commit-statuses-for-ref': (c) => {
      const commit = commitOrThrow(c.params.ref ?? '');
      return page(
        statuses
          .filter((s) => s.sha === commit.sha)
          .reverse()
          .map(statusJson),
        c,
      );
    },

    'repos/get-combined-status-for-ref': (c) => {
      const commit = commitOrThrow(c.params.ref ?? '');
      const latest = new Map<string, FakeStatus>();
      for (const s of statuses) if (s.sha === commit.sha) latest.set(s.context, s);
      const states = [...latest.values()].map((s) => s.state);
      const state = states.some((s) => s === 'failure' || s === 'error')
        ? 'failure'
        : states.length && states.every((s) => s === 'success')
          ? 'success'
          : 'pending';
      return {
        status: 200,
        json: {
          state,
          statuses: [...latest.values()].map(statusJson),
          sha: commit.sha,
          total_count: latest.size,
          repository: repoJson(),
          commit_url: `${api()}/commits/${commit.sha}`,
          url: `${api()}/commits/${commit.sha}/status`,
        },
      };
    },

    'repos/create-release': (c) => {
      const tag = String(c.body.tag_name);
      if (releases.some((r) => r.tag === tag)) {
        throw invalid('Validation Failed', [
          { resource: 'Release', code: 'already_exists', field: 'tag_name' },
        ]);
      }
      checkBody(c.body.body, 125_000);
      const target = String(c.body.target_commitish ?? defaultBranch);
      const draft = c.body.draft === true;
      if (!refs.has(`tags/${tag}`)) {
        const commit = commitish(target);
        if (!commit) {
          throw invalid('Validation Failed', [
            { resource: 'Release', code: 'invalid', field: 'target_commitish' },
          ]);
        }
        // Publishing makes the tag; a draft's tag is made when it is published.
        if (!draft) refs.set(`tags/${tag}`, commit.sha);
      }
      const created = now();
      const r: FakeRelease = {
        id: ++nextId,
        tag,
        name: typeof c.body.name === 'string' ? c.body.name : null,
        body: typeof c.body.body === 'string' ? c.body.body : null,
        target,
        draft,
        prerelease: c.body.prerelease === true,
        author: c.login,
        createdAt: created,
        publishedAt: draft ? null : created,
        assets: [],
      };
      releases.push(r);
      return { status: 201, json: releaseJson(r) };
    },

    'repos/get-release-by-tag': (c) => {
      // Drafts are not found by tag.
      const r = releases.find((x) => x.tag === c.params.tag && !x.draft);
      if (!r) throw notFound();
      return { status: 200, json: releaseJson(r) };
    },

    'repos/get-release': (c) => {
      const r = releases.find((x) => x.id === Number(c.params.release_id));
      if (!r) throw notFound();
      return { status: 200, json: releaseJson(r) };
    },

    'repos/list-release-assets': (c) => {
      const r = releases.find((x) => x.id === Number(c.params.release_id));
      if (!r) throw notFound();
      return page(
        r.assets.map((a) => assetJson(r, a)),
        c,
      );
    },

    'repos/upload-release-asset': (c) => {
      const r = releases.find((x) => x.id === Number(c.params.release_id));
      if (!r) throw notFound();
      if (!c.contentType) throw invalid('Content-Type header is required');
      // GitHub renames what it will not keep: special characters, leading or trailing dots.
      const name = (c.query.name ?? '').replace(/[^\w.+@-]+/g, '.').replace(/^\.+|\.+$/g, '');
      if (!name)
        throw invalid('Validation Failed', [
          { resource: 'ReleaseAsset', code: 'missing_field', field: 'name' },
        ]);
      if (r.assets.some((a) => a.name === name)) {
        throw invalid('Validation Failed', [
          { resource: 'ReleaseAsset', code: 'already_exists', field: 'name' },
        ]);
      }
      const asset: FakeAsset = {
        id: ++nextId,
        name,
        label: c.query.label ?? null,
        bytes: c.raw,
        contentType: c.contentType,
        createdAt: now(),
      };
      r.assets.push(asset);
      return { status: 201, json: assetJson(r, asset) };
    },
  };

  // ---- one request: authenticate, route, validate, answer ----
  function serve(req: http.IncomingMessage, raw: Buffer): Reply & { rec: RecordedRequest } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    // Uploads come to /uploads, the stand-in for uploads.github.com.
    const upload = url.pathname.startsWith('/uploads/');
    const pathname = upload ? url.pathname.slice('/uploads'.length) : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const rec: RecordedRequest = { method, path: url.pathname, query, body: undefined };
    requests.push(rec);
    const refuse = (
      status: number,
      message: string,
      detail = message,
    ): Reply & { rec: RecordedRequest } => {
      violations.push(`${method} ${url.pathname}${url.search}: ${detail}`);
      return { rec, ...errorReply(new HttpError(status, message)) };
    };

    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token) rec.token = token;
    if (!token)
      return refuse(
        401,
        'Requires authentication',
        'no authorization header (token X or Bearer X)',
      );
    const login = opts.tokens ? opts.tokens[token] : BOT;
    if (!login) return refuse(401, 'Bad credentials', `unknown token ${token.slice(0, 4)}…`);

    if (pathname === '/graphql') return { rec, ...graphql(method, raw, rec) };
    const found = findRoute(method, pathname);
    if (!found)
      return refuse(404, 'Not Found', 'no such operation in GitHub’s OpenAPI description');
    const { route, params } = found;
    const op = route.op.operationId;
    rec.operationId = op;
    const isUpload = op === 'repos/upload-release-asset';
    if (upload !== isUpload) {
      const host = isUpload ? 'the upload host (upload_url)' : 'the API host';
      return refuse(404, 'Not Found', `${op} is served by ${host}`);
    }
    const other = (name: 'owner' | 'repo', ours: string) =>
      params[name] !== undefined && params[name].toLowerCase() !== ours.toLowerCase();
    if (other('owner', owner) || other('repo', repo)) {
      return refuse(404, 'Not Found', `${op}: this fake serves ${nwo} only`);
    }
    const problems = checkParameters(route, params, query);
    if (problems.path.length) return refuse(404, 'Not Found', `${op}: ${problems.path.join('; ')}`);
    if (problems.query.length) {
      return refuse(422, 'Validation Failed', `${op}: ${problems.query.join('; ')}`);
    }
    // GitHub ignores query parameters it does not know; a caller relying on one has a bug.
    if (problems.unknown.length) {
      const names = problems.unknown.join(', ');
      violations.push(
        `${method} ${url.pathname}: ${op}: unknown query parameter ${names} (ignored)`,
      );
    }

    let body: Schema = {};
    const requestBody = route.op.requestBody;
    const json = requestBody?.content['application/json']?.schema;
    if (isUpload) {
      rec.body = raw;
    } else if (json && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8')) as Schema;
      } catch {
        return refuse(400, 'Problems parsing JSON');
      }
      rec.body = body;
      const v = validator(`${op} body`, json);
      if (!v(body))
        return refuse(
          422,
          `Invalid request.\n\n${errorsText(v.errors, 'body')}`,
          `${op}: ${errorsText(v.errors, 'body')}`,
        );
    } else if (requestBody?.required && !raw.length) {
      return refuse(
        422,
        'Invalid request.\n\nA request body is required.',
        `${op}: a request body is required`,
      );
    } else if (raw.length && !json) {
      return refuse(422, 'Invalid request.', `${op}: takes no request body`);
    }

    const fault = faults.get(op);
    if (fault && fault.times > 0) {
      fault.times--;
      return { rec, ...errorReply(new HttpError(fault.status, 'Injected failure')) };
    }
    const handler = handlers[op];
    if (!handler) return refuse(501, `the fake does not implement ${op}`);
    try {
      const reply = handler({
        op,
        params,
        query,
        body,
        raw,
        contentType: String(req.headers['content-type'] ?? ''),
        login,
        path: url.pathname,
      });
      const schema = responseSchema(route.op, reply.status);
      if (reply.json === undefined || !schema) return { rec, ...reply };
      const shaped = shape(schema, reply.json);
      if (opts.checkResponses !== false) {
        const v = validator(`${op} response ${reply.status}`, schema);
        if (!v(shaped))
          violations.push(
            `fake response to ${op} (${reply.status}): ${errorsText(v.errors, 'response')}`,
          );
      }
      return { rec, ...reply, json: shaped };
    } catch (e) {
      if (e instanceof HttpError) return { rec, ...errorReply(e) };
      return refuse(
        500,
        'Server Error',
        `the fake failed on ${op}: ${(e as Error).stack ?? String(e)}`,
      );
    }
  }

  /**
   * GraphQL, for what REST cannot do. Only the mutations the action sends are known; any
   * other query is a violation. Answers have GraphQL's shape: 200 with `data` or `errors`.
   */
  function graphql(method: string, raw: Buffer, rec: RecordedRequest): Reply {
    const fail = (message: string): Reply => {
      violations.push(`${method} /graphql: ${message}`);
      return { status: 200, json: { errors: [{ message }] } };
    };
    if (method !== 'POST') return fail('GraphQL takes POST only');
    let body: { query?: unknown; variables?: Record<string, unknown> };
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body;
    } catch {
      return { status: 400, json: { message: 'Problems parsing JSON' } };
    }
    rec.body = body;
    const query = typeof body.query === 'string' ? body.query : '';
    // mutation($id: ID!) { NAME(input: { pullRequestId: $id }) { pullRequest { isDraft } } }
    const m =
      /^\s*mutation\s*\(\s*\$(\w+)\s*:\s*ID!\s*\)\s*\{\s*(convertPullRequestToDraft|markPullRequestReadyForReview)\s*\(\s*input\s*:\s*\{\s*pullRequestId\s*:\s*\$(\w+)\s*\}\s*\)\s*\{\s*pullRequest\s*\{\s*isDraft\s*\}\s*\}\s*\}\s*$/.exec(
        query,
      );
    if (!m || m[1] !== m[3])
      return fail(`the fake does not know this query: ${query.slice(0, 200)}`);
    const mutation = m[2] as string;
    rec.operationId = `graphql/${mutation}`;
    const id = body.variables?.[m[1] as string];
    const pr = pulls.find((p) => `PR_${p.number}` === id);
    if (!pr) {
      return {
        status: 200,
        json: {
          data: { [mutation]: null },
          errors: [
            {
              type: 'NOT_FOUND',
              message: `Could not resolve to a node with the global id of '${String(id)}'`,
            },
          ],
        },
      };
    }
    if (pr.state !== 'open') return fail(`pull request #${pr.number} is closed`);
    const draft = mutation === 'convertPullRequestToDraft';
    // Asking for what it already is means the caller did not look first.
    if (pr.draft === draft)
      return fail(`pull request #${pr.number} is ${draft ? 'already' : 'not'} a draft`);
    pr.draft = draft;
    pr.updatedAt = now();
    return {
      status: 200,
      json: { data: { [mutation]: { pullRequest: { isDraft: draft } } } },
    };
  }

  function errorReply(e: HttpError): Reply {
    return {
      status: e.status,
      json: {
        message: e.message,
        ...(e.errors ? { errors: e.errors } : {}),
        documentation_url: 'https://docs.github.com/rest',
        status: String(e.status),
      },
    };
  }

  let served = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { rec, status, json, headers } = serve(req, Buffer.concat(chunks));
      rec.status = status;
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        'x-github-request-id': `FAKE:${++served}`,
        'x-github-api-version-selected': '2022-11-28',
        ...headers,
      });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // ---- what tests read and do ----
  const summary = (c: Commit): CommitSummary => ({
    sha: c.sha,
    message: c.message,
    login: loginOf(c.author.email),
    committerLogin: loginOf(c.committer.email),
    verified: c.verified,
    parents: c.parents,
  });
  function pushCommitAsUser(
    branch: string,
    files: Record<string, string | Buffer | null>,
    login = 'octocat',
    message = `Edit by ${login}`,
  ): string {
    const head = refs.get(`heads/${branch}`);
    if (!head) throw new Error(`no branch ${branch}`);
    const leaves = git.leaves((git.commits.get(head) as Commit).tree);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) leaves.delete(path);
      else leaves.set(path, { mode: '100644', type: 'blob', sha: git.blob(Buffer.from(content)) });
    }
    // A push from a person's clone: their name and noreply email, no GitHub signature.
    const who = personOf(login, now());
    const sha = git.commit({
      tree: git.build(leaves),
      parents: [head],
      message,
      author: who,
      committer: who,
      verified: false,
    }).sha;
    refs.set(`heads/${branch}`, sha);
    return sha;
  }

  return {
    url: base,
    owner,
    repo,
    defaultBranch,
    requests,
    violations,
    refs,
    get branches() {
      const out: Record<string, string> = {};
      for (const [name, sha] of refs)
        if (name.startsWith('heads/')) out[name.slice('heads/'.length)] = sha;
      return out;
    },
    pulls,
    comments,
    statuses,
    releases,
    fileAt(ref, path) {
      const c = commitish(ref);
      const entry = c ? git.entryAt(c.tree, path) : undefined;
      return entry?.type === 'blob' ? git.blobs.get(entry.sha) : undefined;
    },
    branchHead: (branch) => refs.get(`heads/${branch}`),
    commitsOn(branch) {
      const out: CommitSummary[] = [];
      for (let s = refs.get(`heads/${branch}`); s; s = git.commits.get(s)?.parents[0]) {
        out.push(summary(git.commits.get(s) as Commit));
      }
      return out;
    },
    labelsOf: (number) => [...(pulls.find((p) => p.number === number)?.labels ?? [])],
    pushCommitAsUser,
    pushAsUser: (branch, files, login) => pushCommitAsUser(branch, files, login),
    closePull(number, { merged }) {
      const pr = pulls.find((p) => p.number === number);
      if (!pr) throw new Error(`no pull request #${number}`);
      if (merged) mergePull(pr, 'octocat');
      else pr.state = 'closed';
      pr.closedAt = pr.updatedAt = now();
    },
    failNext(operationId, status, times = 1) {
      faults.set(operationId, { status, times });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
