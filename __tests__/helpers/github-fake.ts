/**
 * A local stand-in for GitHub's REST API, for the action's end-to-end tests. Every request
 * is matched to an operation of GitHub's published OpenAPI description (@octokit/openapi)
 * and its path parameters, query and JSON body are validated against that operation's
 * schemas; anything that does not conform is answered 404/422 as GitHub would and recorded
 * in `violations`. Behind it, a small in-memory repository: git objects, branches, pull
 * requests, labels, comments, statuses and releases.
 *
 * Git objects: blob shas are git's (sha1 of "blob <len>\0<bytes>"); trees are kept flat
 * (path → blob) and their sha is a sha1 of the sorted entries, commits a sha1 of their
 * fields. Equal content always gives equal shas, which is all a client can rely on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, unknown> };
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Record<string, unknown>;
  $ref?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
}
interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  op: Operation;
}

let loaded: { spec: Spec; routes: Route[]; ajv: Ajv } | undefined;
const validators = new Map<string, ValidateFunction>();

/** The spec is 13 MB: loaded once per process, validators compiled per operation on use. */
function openapi() {
  if (loaded) return loaded;
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const routes: Route[] = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op || typeof op !== 'object' || !('operationId' in op)) continue;
      const names: string[] = [];
      const pattern = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        // A git ref holds slashes (heads/uplevel/x); every other parameter is one segment.
        return name === 'ref' || name === 'basehead' ? '(.+)' : '([^/]+)';
      });
      routes.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${pattern}$`),
        names,
        op,
      });
    }
  }
  // Literal routes before templated ones (…/releases/latest before …/releases/{id}).
  routes.sort((a, b) => a.names.length - b.names.length);
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
  addFormats(ajv);
  // GitHub's own formats: owner/name, and numbers and strings ajv-formats does not name.
  ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
  for (const f of ['int64', 'int32', 'double'])
    ajv.addFormat(f, { type: 'number', validate: () => true });
  for (const f of ['binary', 'timestamp']) ajv.addFormat(f, () => true);
  ajv.addSchema({ components: spec.components }, 'gh');
  loaded = { spec, routes, ajv };
  return loaded;
}

function deref(p: Parameter, spec: Spec): Parameter {
  if (!p.$ref) return p;
  const name = p.$ref.replace('#/components/parameters/', '');
  return spec.components.parameters[name] as Parameter;
}

/** OpenAPI refs point into the document; ajv knows the document's components as "gh". */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) {
      out[k] = k === '$ref' && typeof v === 'string' ? `gh${v}` : rebase(v);
    }
    return out;
  }
  return schema;
}

function validator(key: string, schema: unknown): ValidateFunction {
  let v = validators.get(key);
  if (!v) {
    v = openapi().ajv.compile(rebase(schema) as object);
    validators.set(key, v);
  }
  return v;
}

function coerce(value: string, schema: Record<string, unknown>): unknown {
  if (schema.type === 'integer' || schema.type === 'number') {
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  operationId?: string;
  token?: string;
}

interface Tree {
  sha: string;
  files: Map<string, string>;
}
interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  /** The GitHub account that made the commit: the app behind the token, or a person. */
  login: string;
  verified: boolean;
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
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  comments: string[];
}
export interface FakeStatus {
  sha: string;
  state: string;
  context: string;
  description?: string;
  target_url?: string;
}
export interface FakeRelease {
  id: number;
  tag: string;
  name: string;
  body: string;
  target: string;
  assets: { id: number; name: string; bytes: Buffer; contentType: string }[];
}

export interface FakeGitHub {
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  violations: string[];
  pulls: FakePull[];
  statuses: FakeStatus[];
  releases: FakeRelease[];
  /** Content of a file on a branch (or at a commit), undefined when absent. */
  fileAt(ref: string, file: string): Buffer | undefined;
  branchHead(branch: string): string | undefined;
  /** Commits on a branch, newest first, with who made them. */
  commitsOn(branch: string): { sha: string; message: string; login: string; verified: boolean }[];
  /** A person pushes a commit to a branch (content null deletes a file). */
  pushAsUser(branch: string, files: Record<string, string | null>, login?: string): string;
  /** Someone closes a pull request, merged or not (merging moves the base branch). */
  closePull(number: number, opts: { merged: boolean }): void;
  close(): Promise<void>;
}

const BOT = 'github-actions[bot]';

export async function startFakeGitHub(
  opts: {
    owner?: string;
    repo?: string;
    defaultBranch?: string;
    files?: Record<string, string>;
  } = {},
): Promise<FakeGitHub> {
  const { spec, routes } = openapi();
  const owner = opts.owner ?? 'acme';
  const repo = opts.repo ?? 'platform';
  const defaultBranch = opts.defaultBranch ?? 'main';
  const blobs = new Map<string, Buffer>();
  const trees = new Map<string, Tree>();
  const commits = new Map<string, Commit>();
  const refs = new Map<string, string>();
  const pulls: FakePull[] = [];
  const statuses: FakeStatus[] = [];
  const releases: FakeRelease[] = [];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  let nextId = 1000;
  let clock = Date.UTC(2026, 10, 24);

  const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');
  const putBlob = (b: Buffer) => {
    const sha = sha1(Buffer.concat([Buffer.from(`blob ${b.length}\0`), b]));
    blobs.set(sha, b);
    return sha;
  };
  const putTree = (files: Map<string, string>) => {
    const sorted = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = sha1(`tree\n${sorted.map(([p, s]) => `${p} ${s}`).join('\n')}`);
    trees.set(sha, { sha, files: new Map(sorted) });
    return sha;
  };
  const putCommit = (c: Omit<Commit, 'sha' | 'author'>, name: string) => {
    clock += 60_000;
    const author = {
      name,
      email: `${name}@users.noreply.github.com`,
      date: new Date(clock).toISOString(),
    };
    const sha = sha1(
      `commit\n${c.tree}\n${c.parents.join(',')}\n${c.login}\n${clock}\n${c.message}`,
    );
    commits.set(sha, { ...c, sha, author });
    return sha;
  };
  const ancestors = (sha: string) => {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop() as string;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(commits.get(s)?.parents ?? []));
    }
    return seen;
  };
  const resolve = (ref: string) =>
    refs.get(ref.replace(/^refs\//, '').replace(/^(?!heads\/|tags\/)/, 'heads/')) ??
    (commits.has(ref) ? ref : undefined);

  const initialFiles = new Map<string, string>();
  for (const [p, c] of Object.entries(opts.files ?? { 'README.md': '# platform\n' })) {
    initialFiles.set(p, putBlob(Buffer.from(c)));
  }
  refs.set(
    `heads/${defaultBranch}`,
    putCommit(
      {
        tree: putTree(initialFiles),
        parents: [],
        message: 'Initial commit',
        login: 'octocat',
        verified: false,
      },
      'octocat',
    ),
  );

  let base = '';
  const repoJson = () => ({
    id: 1,
    node_id: 'R_1',
    name: repo,
    full_name: `${owner}/${repo}`,
    private: true,
    owner: { login: owner, id: 1, type: 'Organization' },
    html_url: `https://github.com/${owner}/${repo}`,
    default_branch: defaultBranch,
  });
  const commitJson = (c: Commit) => ({
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${base}/repos/${owner}/${repo}/git/commits/${c.sha}`,
    html_url: `https://github.com/${owner}/${repo}/commit/${c.sha}`,
    message: c.message,
    tree: { sha: c.tree, url: `${base}/repos/${owner}/${repo}/git/trees/${c.tree}` },
    parents: c.parents.map((p) => ({ sha: p, url: '', html_url: '' })),
    author: c.author,
    committer:
      c.login === BOT
        ? { name: 'GitHub', email: 'noreply@github.com', date: c.author.date }
        : c.author,
    verification: c.verified
      ? {
          verified: true,
          reason: 'valid',
          signature: '-----BEGIN PGP SIGNATURE-----',
          payload: '',
          verified_at: c.author.date,
        }
      : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  });
  const pullJson = (p: FakePull) => {
    const headSha = refs.get(`heads/${p.head}`) ?? '';
    return {
      id: p.number + 500,
      number: p.number,
      state: p.state,
      title: p.title,
      body: p.body,
      draft: p.draft,
      merged_at: p.merged ? new Date(clock).toISOString() : null,
      html_url: `https://github.com/${owner}/${repo}/pull/${p.number}`,
      url: `${base}/repos/${owner}/${repo}/pulls/${p.number}`,
      head: { ref: p.head, sha: headSha, label: `${owner}:${p.head}` },
      base: { ref: p.base, sha: refs.get(`heads/${p.base}`) ?? '', label: `${owner}:${p.base}` },
      labels: p.labels.map((name, i) => ({ id: i + 1, name })),
      user: { login: BOT },
    };
  };
  const releaseJson = (r: FakeRelease) => ({
    id: r.id,
    tag_name: r.tag,
    name: r.name,
    body: r.body,
    target_commitish: r.target,
    draft: false,
    prerelease: false,
    html_url: `https://github.com/${owner}/${repo}/releases/tag/${encodeURIComponent(r.tag)}`,
    url: `${base}/repos/${owner}/${repo}/releases/${r.id}`,
    upload_url: `${base}/uploads/repos/${owner}/${repo}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson),
  });
  const assetJson = (a: FakeRelease['assets'][number]) => ({
    id: a.id,
    name: a.name,
    size: a.bytes.length,
    content_type: a.contentType,
    state: 'uploaded',
    browser_download_url: `https://github.com/${owner}/${repo}/releases/download/x/${a.name}`,
  });

  type Reply = [number, unknown];
  const fail = (status: number, message: string): Reply => [
    status,
    { message, documentation_url: 'https://docs.github.com/rest' },
  ];

  function handle(
    opId: string,
    p: Record<string, string>,
    q: Record<string, string>,
    body: Record<string, unknown>,
    raw: Buffer,
    contentType: string,
  ): Reply {
    if ((p.owner && p.owner !== owner) || (p.repo && p.repo !== repo))
      return fail(404, 'Not Found');
    switch (opId) {
      case 'repos/get':
        return [200, repoJson()];
      case 'git/get-ref': {
        const sha = refs.get(p.ref as string);
        if (!sha) return fail(404, 'Not Found');
        return [
          200,
          {
            ref: `refs/${p.ref}`,
            node_id: 'REF',
            url: '',
            object: { sha, type: 'commit', url: '' },
          },
        ];
      }
      case 'git/create-ref': {
        const ref = String(body.ref).replace(/^refs\//, '');
        if (!String(body.ref).startsWith('refs/'))
          return fail(422, 'Reference name must start with refs/');
        if (refs.has(ref)) return fail(422, 'Reference already exists');
        if (!commits.has(String(body.sha))) return fail(422, 'Object does not exist');
        refs.set(ref, String(body.sha));
        return [
          201,
          {
            ref: body.ref,
            node_id: 'REF',
            url: '',
            object: { sha: body.sha, type: 'commit', url: '' },
          },
        ];
      }
      case 'git/update-ref': {
        const old = refs.get(p.ref as string);
        if (!old) return fail(422, 'Reference does not exist');
        const next = String(body.sha);
        if (!commits.has(next)) return fail(422, 'Object does not exist');
        if (!body.force && !ancestors(next).has(old))
          return fail(422, 'Update is not a fast forward');
        refs.set(p.ref as string, next);
        return [
          200,
          {
            ref: `refs/${p.ref}`,
            node_id: 'REF',
            url: '',
            object: { sha: next, type: 'commit', url: '' },
          },
        ];
      }
      case 'git/get-commit': {
        const c = commits.get(p.commit_sha as string);
        return c ? [200, commitJson(c)] : fail(404, 'Not Found');
      }
      case 'git/create-blob': {
        const content = String(body.content);
        const buf =
          body.encoding === 'base64'
            ? Buffer.from(content, 'base64')
            : Buffer.from(content, 'utf8');
        const sha = putBlob(buf);
        return [201, { sha, url: `${base}/repos/${owner}/${repo}/git/blobs/${sha}` }];
      }
      case 'git/get-blob': {
        const b = blobs.get(p.file_sha as string);
        return b
          ? [
              200,
              {
                sha: p.file_sha,
                size: b.length,
                content: b.toString('base64'),
                encoding: 'base64',
                url: '',
                node_id: 'B',
              },
            ]
          : fail(404, 'Not Found');
      }
      case 'git/create-tree': {
        const start = body.base_tree ? trees.get(String(body.base_tree)) : undefined;
        if (body.base_tree && !start) return fail(422, 'base_tree is not a valid tree');
        const files = new Map(start?.files ?? []);
        for (const e of body.tree as Record<string, unknown>[]) {
          const path = String(e.path);
          if (e.content !== undefined) files.set(path, putBlob(Buffer.from(String(e.content))));
          else if (e.sha === null) {
            if (!files.delete(path)) return fail(422, `tree.path ${path} does not exist to delete`);
          } else if (typeof e.sha === 'string' && blobs.has(e.sha)) files.set(path, e.sha);
          else return fail(422, `tree.sha ${String(e.sha)} is not a valid blob`);
        }
        const sha = putTree(files);
        return [
          201,
          {
            sha,
            url: '',
            truncated: false,
            tree: [...files].map(([path, s]) => ({ path, mode: '100644', type: 'blob', sha: s })),
          },
        ];
      }
      case 'git/get-tree': {
        const t = trees.get(p.tree_sha as string);
        return t
          ? [
              200,
              {
                sha: t.sha,
                url: '',
                truncated: false,
                tree: [...t.files].map(([path, s]) => ({
                  path,
                  mode: '100644',
                  type: 'blob',
                  sha: s,
                })),
              },
            ]
          : fail(404, 'Not Found');
      }
      case 'git/create-commit': {
        if (!trees.has(String(body.tree))) return fail(422, 'Tree SHA does not exist');
        const parents = (body.parents as string[] | undefined) ?? [];
        if (parents.some((x) => !commits.has(x))) return fail(422, 'Parent SHA does not exist');
        // No author given: GitHub makes the commit as the token's app and signs it.
        const sha = putCommit(
          {
            tree: String(body.tree),
            parents,
            message: String(body.message),
            login: BOT,
            verified: !body.author && !body.signature,
          },
          BOT,
        );
        return [201, commitJson(commits.get(sha) as Commit)];
      }
      case 'repos/compare-commits-with-basehead': {
        const [b, h] = String(p.basehead).split('...');
        const bs = resolve(b ?? '');
        const hs = resolve(h ?? '');
        if (!bs || !hs) return fail(404, 'Not Found');
        const inBase = ancestors(bs);
        const list: Commit[] = [];
        for (let s: string | undefined = hs; s && !inBase.has(s); s = commits.get(s)?.parents[0]) {
          list.unshift(commits.get(s) as Commit);
        }
        const behind = [...inBase].filter((s) => !ancestors(hs).has(s)).length;
        return [
          200,
          {
            status:
              list.length && behind
                ? 'diverged'
                : list.length
                  ? 'ahead'
                  : behind
                    ? 'behind'
                    : 'identical',
            ahead_by: list.length,
            behind_by: behind,
            total_commits: list.length,
            commits: list.map((c) => ({
              sha: c.sha,
              node_id: `C_${c.sha}`,
              commit: {
                message: c.message,
                author: c.author,
                committer: c.author,
                tree: { sha: c.tree },
              },
              author: { login: c.login, id: 1, type: c.login === BOT ? 'Bot' : 'User' },
              parents: c.parents.map((x) => ({ sha: x })),
            })),
            files: [],
          },
        ];
      }
      case 'pulls/list': {
        const list = pulls.filter(
          (x) =>
            (!q.head || `${owner}:${x.head}` === q.head) &&
            (!q.base || x.base === q.base) &&
            (q.state === 'all' || x.state === (q.state ?? 'open')),
        );
        return [200, list.map(pullJson)];
      }
      case 'pulls/get': {
        const pr = pulls.find((x) => x.number === Number(p.pull_number));
        return pr ? [200, pullJson(pr)] : fail(404, 'Not Found');
      }
      case 'pulls/create': {
        const head = String(body.head).replace(`${owner}:`, '');
        if (!refs.has(`heads/${head}`)) return fail(422, `head ${head} does not exist`);
        if (!refs.has(`heads/${String(body.base)}`))
          return fail(422, `base ${String(body.base)} does not exist`);
        if (pulls.some((x) => x.head === head && x.state === 'open')) {
          return fail(422, `A pull request already exists for ${owner}:${head}.`);
        }
        const pr: FakePull = {
          number: pulls.length + 1,
          title: String(body.title),
          body: String(body.body ?? ''),
          head,
          base: String(body.base),
          draft: Boolean(body.draft),
          state: 'open',
          merged: false,
          labels: [],
          reviewers: [],
          teamReviewers: [],
          comments: [],
        };
        if (pr.body.length > 65_536)
          return fail(422, 'body is too long (maximum is 65536 characters)');
        pulls.push(pr);
        return [201, pullJson(pr)];
      }
      case 'pulls/update': {
        const pr = pulls.find((x) => x.number === Number(p.pull_number));
        if (!pr) return fail(404, 'Not Found');
        if (typeof body.body === 'string' && body.body.length > 65_536) {
          return fail(422, 'body is too long (maximum is 65536 characters)');
        }
        if (typeof body.title === 'string') pr.title = body.title;
        if (typeof body.body === 'string') pr.body = body.body;
        if (body.state === 'closed' || body.state === 'open') pr.state = body.state;
        return [200, pullJson(pr)];
      }
      case 'pulls/request-reviewers': {
        const pr = pulls.find((x) => x.number === Number(p.pull_number));
        if (!pr) return fail(404, 'Not Found');
        pr.reviewers.push(...((body.reviewers as string[] | undefined) ?? []));
        pr.teamReviewers.push(...((body.team_reviewers as string[] | undefined) ?? []));
        return [201, pullJson(pr)];
      }
      case 'issues/add-labels': {
        const pr = pulls.find((x) => x.number === Number(p.issue_number));
        if (!pr) return fail(404, 'Not Found');
        for (const l of (body.labels as string[] | undefined) ?? [])
          if (!pr.labels.includes(l)) pr.labels.push(l);
        return [
          200,
          pr.labels.map((name, i) => ({
            id: i + 1,
            node_id: 'L',
            url: '',
            name,
            color: 'ededed',
            default: false,
            description: null,
          })),
        ];
      }
      case 'issues/list-comments': {
        const pr = pulls.find((x) => x.number === Number(p.issue_number));
        if (!pr) return fail(404, 'Not Found');
        return [200, pr.comments.map((c, i) => ({ id: i + 1, body: c, user: { login: BOT } }))];
      }
      case 'issues/create-comment': {
        const pr = pulls.find((x) => x.number === Number(p.issue_number));
        if (!pr) return fail(404, 'Not Found');
        pr.comments.push(String(body.body));
        return [201, { id: pr.comments.length, body: body.body, user: { login: BOT } }];
      }
      case 'repos/create-commit-status': {
        if (!commits.has(p.sha as string)) return fail(422, 'No commit found for SHA');
        const s: FakeStatus = {
          sha: p.sha as string,
          state: String(body.state),
          context: String(body.context ?? 'default'),
        };
        if (typeof body.description === 'string') s.description = body.description;
        if (typeof body.target_url === 'string') s.target_url = body.target_url;
        statuses.push(s);
        return [201, { id: statuses.length, ...s }];
      }
      case 'repos/get-release-by-tag': {
        const r = releases.find((x) => x.tag === p.tag);
        return r ? [200, releaseJson(r)] : fail(404, 'Not Found');
      }
      case 'repos/create-release': {
        if (releases.some((x) => x.tag === body.tag_name))
          return fail(422, 'tag_name already_exists');
        const r: FakeRelease = {
          id: ++nextId,
          tag: String(body.tag_name),
          name: String(body.name ?? body.tag_name),
          body: String(body.body ?? ''),
          target: String(body.target_commitish ?? defaultBranch),
          assets: [],
        };
        if (r.body.length > 125_000) return fail(422, 'body is too long');
        releases.push(r);
        return [201, releaseJson(r)];
      }
      case 'repos/list-release-assets': {
        const r = releases.find((x) => x.id === Number(p.release_id));
        return r ? [200, r.assets.map(assetJson)] : fail(404, 'Not Found');
      }
      case 'repos/upload-release-asset': {
        const r = releases.find((x) => x.id === Number(p.release_id));
        if (!r) return fail(404, 'Not Found');
        if (r.assets.some((a) => a.name === q.name)) return fail(422, 'already_exists');
        const a = { id: ++nextId, name: q.name as string, bytes: raw, contentType };
        r.assets.push(a);
        return [201, assetJson(a)];
      }
      default:
        return fail(501, `the fake does not implement ${opId}`);
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const method = req.method ?? 'GET';
      // Release assets go to another host in real GitHub; here to /uploads on this one.
      const upload = url.pathname.startsWith('/uploads/');
      const pathname = upload ? url.pathname.slice('/uploads'.length) : url.pathname;
      const query = Object.fromEntries(url.searchParams);
      const auth = req.headers.authorization ?? '';
      const rec: RecordedRequest = { method, path: pathname, query, body: undefined };
      const token = /^(?:token|bearer) (.+)$/i.exec(auth)?.[1];
      if (token) rec.token = token;
      requests.push(rec);
      const send = ([status, json]: Reply) => {
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-github-request-id': `FAKE:${requests.length}`,
        });
        res.end(JSON.stringify(json));
      };
      const violation = (status: number, message: string) => {
        violations.push(`${method} ${url.pathname}: ${message}`);
        send(fail(status, message));
      };
      if (!token) return violation(401, 'Requires authentication');
      const route = routes.find((r) => r.method === method && r.regex.test(pathname));
      if (!route) return violation(404, 'no such operation in GitHub’s OpenAPI description');
      const op = route.op;
      rec.operationId = op.operationId;
      if (upload !== (op.operationId === 'repos/upload-release-asset')) {
        return violation(404, `${op.operationId} is not served on this host`);
      }
      const m = route.regex.exec(pathname) as RegExpExecArray;
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] as string)));
      const problems: string[] = [];
      const declared = new Set<string>();
      for (const raw0 of op.parameters ?? []) {
        const prm = deref(raw0, spec);
        if (prm.in === 'header') continue;
        const value = prm.in === 'path' ? params[prm.name] : query[prm.name];
        if (prm.in === 'query') declared.add(prm.name);
        if (value === undefined) {
          if (prm.required) problems.push(`${prm.in} parameter ${prm.name} is required`);
          continue;
        }
        const v = validator(`${op.operationId}#${prm.in}.${prm.name}`, prm.schema);
        if (!v(coerce(value, prm.schema)))
          problems.push(`${prm.in} parameter ${prm.name}: ${openapi().ajv.errorsText(v.errors)}`);
      }
      for (const k of Object.keys(query))
        if (!declared.has(k)) problems.push(`unknown query parameter ${k}`);
      let body: Record<string, unknown> = {};
      const contentType = String(req.headers['content-type'] ?? '');
      const json = op.requestBody?.content['application/json'];
      if (json) {
        if (raw.length === 0) {
          if (op.requestBody?.required) problems.push('a JSON body is required');
        } else {
          try {
            body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
            rec.body = body;
            const v = validator(`${op.operationId}#body`, json.schema);
            if (!v(body))
              problems.push(`body: ${openapi().ajv.errorsText(v.errors, { dataVar: 'body' })}`);
          } catch {
            problems.push('body is not JSON');
          }
        }
      } else if (op.requestBody && raw.length === 0 && op.requestBody.required) {
        problems.push('a body is required');
      }
      if (problems.length) return violation(422, `${op.operationId}: ${problems.join('; ')}`);
      try {
        send(handle(op.operationId, params, query, body, raw, contentType));
      } catch (e) {
        violation(500, `fake failed: ${(e as Error).stack ?? String(e)}`);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    owner,
    repo,
    requests,
    violations,
    pulls,
    statuses,
    releases,
    fileAt(ref, file) {
      const sha = resolve(ref);
      const c = sha ? commits.get(sha) : undefined;
      const blob = c ? trees.get(c.tree)?.files.get(file) : undefined;
      return blob ? blobs.get(blob) : undefined;
    },
    branchHead: (branch) => refs.get(`heads/${branch}`),
    commitsOn(branch) {
      const out: { sha: string; message: string; login: string; verified: boolean }[] = [];
      for (let s = refs.get(`heads/${branch}`); s; s = commits.get(s)?.parents[0]) {
        const c = commits.get(s) as Commit;
        out.push({ sha: c.sha, message: c.message, login: c.login, verified: c.verified });
      }
      return out;
    },
    pushAsUser(branch, files, login = 'octocat') {
      const head = refs.get(`heads/${branch}`);
      if (!head) throw new Error(`no branch ${branch}`);
      const tree = new Map(trees.get((commits.get(head) as Commit).tree)?.files ?? []);
      for (const [p, c] of Object.entries(files)) {
        if (c === null) tree.delete(p);
        else tree.set(p, putBlob(Buffer.from(c)));
      }
      const sha = putCommit(
        {
          tree: putTree(tree),
          parents: [head],
          message: `Edit by ${login}`,
          login,
          verified: false,
        },
        login,
      );
      refs.set(`heads/${branch}`, sha);
      return sha;
    },
    closePull(number, o) {
      const pr = pulls.find((x) => x.number === number);
      if (!pr) throw new Error(`no pull request #${number}`);
      pr.state = 'closed';
      pr.merged = o.merged;
      if (o.merged) {
        const head = refs.get(`heads/${pr.head}`) as string;
        const baseHead = refs.get(`heads/${pr.base}`) as string;
        const merged = putCommit(
          {
            tree: (commits.get(head) as Commit).tree,
            parents: [baseHead, head],
            message: `Merge pull request #${number}`,
            login: 'octocat',
            verified: true,
          },
          'octocat',
        );
        refs.set(`heads/${pr.base}`, merged);
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
