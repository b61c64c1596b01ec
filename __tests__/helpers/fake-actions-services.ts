/**
 * A local stand-in for the GitHub Actions results service, as @actions/artifact@6 and
 * @actions/cache@6 (cache service v2) talk to it: Twirp JSON under /twirp/..., and Azure
 * block blobs behind the signed URLs it hands out (what @azure/storage-blob's uploadStream,
 * upload and the libraries' plain GETs use). It refuses what the real service refuses where
 * a client could get it wrong (backend ids that are not the token's, unsigned or read-only
 * blob URLs, a blocklist naming unstaged blocks) and records every such thing in
 * `violations`, so a test can assert the client behaved, not only that it did not crash.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import yauzl from 'yauzl';

export interface FakeArtifact {
  id: number;
  name: string;
  /** Bytes of the uploaded blob (a zip @actions/artifact built, unless skipArchive). */
  size: number;
  bytes: Buffer;
  /** `sha256:<hex>` of `bytes`, as ListArtifacts reports it. */
  digest: string;
  mimeType?: string;
  expiresAt?: string;
  createdAt: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

export interface FakeCacheEntry {
  id: number;
  key: string;
  version: string;
  size: number;
  /** The archive (tar, zstd or gzip compressed) @actions/cache uploaded. */
  bytes: Buffer;
  createdAt: string;
}

export interface FakeActionsServices {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  /** What a runner gives a step for both libraries (see envFor). */
  env: Record<string, string>;
  /** Finalized artifacts, oldest first; DeleteArtifact removes them. */
  artifacts: FakeArtifact[];
  /** Finalized cache entries, oldest first. */
  caches: FakeCacheEntry[];
  /** Every request that a real service would have refused or that the client got wrong. */
  violations: string[];
  /** `METHOD /path` of every request, signatures left out, for asserting what was asked. */
  requests: string[];
  close(): Promise<void>;
}

export const RUN_BACKEND_ID = 'b7f2a0c4-1111-4aaa-9bbb-000000000001';
export const JOB_BACKEND_ID = 'c8e3b1d5-2222-4bbb-8ccc-000000000002';

/**
 * An unsigned JWT of the shape the runner hands out. @actions/artifact decodes it (never
 * verifies it) and takes the backend ids from the `Actions.Results:<run>:<job>` scope.
 */
export function makeRuntimeToken(runId = RUN_BACKEND_ID, jobId = JOB_BACKEND_ID): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runId}:${jobId}`,
    iat: now,
    nbf: now,
    exp: now + 6 * 3600,
  };
  return `${b64({ typ: 'JWT', alg: 'none' })}.${b64(claims)}.`;
}

export type ActionsService = 'artifact' | 'cache';

/**
 * The variables each library reads. A GITHUB_SERVER_URL other than github.com, *.ghe.com
 * or *.localhost means GHES: the artifact client then throws, and the cache silently speaks
 * the retired v1 protocol even with ACTIONS_CACHE_SERVICE_V2 set, so it is pinned here.
 * Both take only the origin of ACTIONS_RESULTS_URL. The cache also needs
 * ACTIONS_CACHE_SERVICE_V2 (any non-empty value), RUNNER_TEMP, and reads GITHUB_WORKSPACE
 * (tar's -C); those last two are the run's own paths and so not set here.
 */
export function envFor(
  service: ActionsService,
  url: string,
  token = makeRuntimeToken(),
): Record<string, string> {
  const common = {
    ACTIONS_RUNTIME_TOKEN: token,
    ACTIONS_RESULTS_URL: `${url}/`,
    GITHUB_SERVER_URL: 'https://github.com',
  };
  return service === 'cache' ? { ...common, ACTIONS_CACHE_SERVICE_V2: 'True' } : common;
}

// ---------------------------------------------------------------------------------------
// Pure pieces: token scope, cache matching, blob URL signatures, blocklist bodies, ranges.

/** The `Actions.Results` scope of a bearer token, or why there is none. */
function backendIdsOf(authorization: string | undefined): { run: string; job: string } | string {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) return 'no bearer token';
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as { scp?: unknown };
    for (const scope of String(payload.scp ?? '').split(' ')) {
      const [kind, run, job, ...rest] = scope.split(':');
      if (kind === 'Actions.Results' && run && job && rest.length === 0) return { run, job };
    }
    return 'token has no Actions.Results:<run>:<job> scope';
  } catch {
    return 'bearer token is not a JWT';
  }
}

/**
 * The entry a restore gets: for the key and then each restore key in order, an exact match,
 * else the newest entry whose key starts with it; always of the same version.
 */
export function matchCache<T extends { key: string; version: string }>(
  entries: readonly T[],
  version: string,
  keys: readonly string[],
): T | undefined {
  const same = entries.filter((e) => e.version === version);
  for (const k of keys) {
    const hit = same.findLast((e) => e.key === k) ?? same.findLast((e) => e.key.startsWith(k));
    if (hit) return hit;
  }
  return undefined;
}

/** Query parameters read as Azure does: percent-decoded, '+' left alone. */
function rawQuery(search: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    out.set(decodeURIComponent(name), eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1)));
  }
  return out;
}

/** The block ids of a Put Block List body, in order, with where to look each one up. */
function parseBlockList(xml: string): { list: string; id: string }[] {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map((m) => ({
    list: m[1] as string,
    id: unescape(m[2] as string),
  }));
}

/** `bytes=a-b` / `bytes=a-` against a blob of `size`; undefined means the whole blob. */
function parseRange(header: string | undefined, size: number) {
  const m = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  return start > end || start >= size ? ('unsatisfiable' as const) : { start, end };
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const TWIRP_STATUS: Record<string, number> = {
  bad_route: 404,
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
};
class TwirpError extends Error {
  constructor(
    readonly code: string,
    msg: string,
  ) {
    super(msg);
  }
}

// ---------------------------------------------------------------------------------------

interface Blob {
  uncommitted: Map<string, Buffer>;
  committedBlocks: Map<string, Buffer>;
  blockIdLength?: number;
  committed?: Buffer;
  contentType?: string;
  etag: string;
  lastModified: Date;
}

interface PendingArtifact {
  name: string;
  run: string;
  job: string;
  blobPath: string;
  mimeType?: string;
  expiresAt?: string;
}

export async function startFakeActionsServices(): Promise<FakeActionsServices> {
  const artifacts: FakeArtifact[] = [];
  const caches: FakeCacheEntry[] = [];
  const violations: string[] = [];
  const requests: string[] = [];
  const blobs = new Map<string, Blob>();
  const pendingArtifacts = new Map<string, PendingArtifact>();
  const pendingCaches = new Map<string, { key: string; version: string; blobPath: string }>();
  const secret = randomBytes(32);
  let nextId = 1000;
  let etagCounter = 0x8dc0000;
  let base = '';

  const signature = (perm: string, expiry: string, path: string) =>
    createHmac('sha256', secret).update(`${perm}\n${expiry}\n${path}`).digest('base64');
  /** A SAS-shaped URL: `sp` is what it allows (c+w to upload, r to read). */
  function signedUrl(path: string, perm: 'cw' | 'r') {
    const se = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const q = `sv=2023-11-03&se=${encodeURIComponent(se)}&sr=b&sp=${perm}`;
    return `${base}${path}?${q}&sig=${encodeURIComponent(signature(perm, se, path))}`;
  }
  function newBlob(path: string) {
    blobs.set(path, {
      uncommitted: new Map(),
      committedBlocks: new Map(),
      etag: `"0x${(++etagCounter).toString(16).toUpperCase()}"`,
      lastModified: new Date(),
    });
  }

  // --- ArtifactService -----------------------------------------------------------------
  function artifactService(
    method: string,
    msg: Record<string, unknown>,
    ids: { run: string; job: string },
  ) {
    const name = typeof msg.name === 'string' ? msg.name : '';
    const sameJob = msg.workflow_job_run_backend_id === ids.job;
    if (msg.workflow_run_backend_id !== ids.run) {
      throw new TwirpError(
        'permission_denied',
        `workflow run ${String(msg.workflow_run_backend_id)} is not the token's`,
      );
    }
    const inRun = (a: FakeArtifact) => a.workflowRunBackendId === ids.run;
    const describe = (a: FakeArtifact) => ({
      workflow_run_backend_id: a.workflowRunBackendId,
      workflow_job_run_backend_id: a.workflowJobRunBackendId,
      database_id: String(a.id),
      name: a.name,
      size: String(a.size),
      created_at: a.createdAt,
      digest: a.digest,
    });
    switch (method) {
      case 'CreateArtifact': {
        if (!sameJob) throw new TwirpError('permission_denied', "job is not the token's");
        if (!name) throw new TwirpError('invalid_argument', 'name is required');
        if (artifacts.some((a) => inRun(a) && a.name === name)) {
          throw new TwirpError(
            'already_exists',
            'an artifact with this name already exists on the workflow run',
          );
        }
        const blobPath = `/devstoreaccount1/actions-results/${randomUUID()}/${encodeURIComponent(name)}.zip`;
        newBlob(blobPath);
        const pending: PendingArtifact = { name, run: ids.run, job: ids.job, blobPath };
        if (typeof msg.mime_type === 'string') pending.mimeType = msg.mime_type;
        if (typeof msg.expires_at === 'string') pending.expiresAt = msg.expires_at;
        pendingArtifacts.set(`${ids.run}\0${name}`, pending);
        return { ok: true, signed_upload_url: signedUrl(blobPath, 'cw') };
      }
      case 'FinalizeArtifact': {
        if (!sameJob) throw new TwirpError('permission_denied', "job is not the token's");
        const p = pendingArtifacts.get(`${ids.run}\0${name}`);
        const bytes = p && blobs.get(p.blobPath)?.committed;
        if (!p || !bytes) {
          violations.push(
            `FinalizeArtifact ${name}: ${p ? 'nothing was uploaded' : 'never created'}`,
          );
          throw new TwirpError('not_found', 'artifact upload not found');
        }
        if (String(msg.size) !== String(bytes.length)) {
          violations.push(
            `FinalizeArtifact ${name}: size ${String(msg.size)}, uploaded ${bytes.length}`,
          );
        }
        const digest = sha256(bytes);
        if (msg.hash !== undefined && msg.hash !== digest) {
          violations.push(`FinalizeArtifact ${name}: hash ${String(msg.hash)}, uploaded ${digest}`);
        }
        const a: FakeArtifact = {
          id: ++nextId,
          name,
          size: bytes.length,
          bytes,
          digest,
          createdAt: new Date().toISOString(),
          workflowRunBackendId: p.run,
          workflowJobRunBackendId: p.job,
        };
        if (p.mimeType) a.mimeType = p.mimeType;
        if (p.expiresAt) a.expiresAt = p.expiresAt;
        artifacts.push(a);
        pendingArtifacts.delete(`${ids.run}\0${name}`);
        return { ok: true, artifact_id: String(a.id) };
      }
      case 'ListArtifacts': {
        const found = artifacts.filter(
          (a) =>
            inRun(a) &&
            (msg.name_filter === undefined || a.name === msg.name_filter) &&
            (msg.id_filter === undefined || String(a.id) === String(msg.id_filter)),
        );
        return { artifacts: found.map(describe) };
      }
      case 'GetSignedArtifactURL': {
        const a = artifacts.find((x) => inRun(x) && x.name === name);
        if (!a) throw new TwirpError('not_found', `artifact ${name} not found`);
        const blobPath = `/devstoreaccount1/actions-results/${a.id}/${encodeURIComponent(a.name)}.zip`;
        if (!blobs.has(blobPath)) {
          newBlob(blobPath);
          const b = blobs.get(blobPath) as Blob;
          b.committed = a.bytes;
          if (a.mimeType) b.contentType = a.mimeType;
        }
        return { signed_url: signedUrl(blobPath, 'r') };
      }
      case 'DeleteArtifact': {
        const i = artifacts.findIndex((x) => inRun(x) && x.name === name);
        if (i < 0) throw new TwirpError('not_found', `artifact ${name} not found`);
        const [gone] = artifacts.splice(i, 1);
        return { ok: true, artifact_id: String(gone?.id) };
      }
    }
    throw new TwirpError('bad_route', `no ArtifactService/${method}`);
  }

  // --- CacheService (v2) ---------------------------------------------------------------
  function cacheService(method: string, msg: Record<string, unknown>) {
    const key = typeof msg.key === 'string' ? msg.key : '';
    const version = typeof msg.version === 'string' ? msg.version : '';
    if (!key || key.length > 512 || key.includes(',')) {
      throw new TwirpError('invalid_argument', `bad key ${JSON.stringify(key)}`);
    }
    if (!/^[0-9a-f]{64}$/.test(version)) {
      throw new TwirpError(
        'invalid_argument',
        `version ${JSON.stringify(version)} is not a sha256`,
      );
    }
    const id = `${key}\0${version}`;
    switch (method) {
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(msg.restore_keys) ? msg.restore_keys.map(String) : [];
        const hit = matchCache(caches, version, [key, ...restoreKeys]);
        if (!hit) return { ok: false };
        const blobPath = `/devstoreaccount1/actions-cache/${hit.id}`;
        return { ok: true, signed_download_url: signedUrl(blobPath, 'r'), matched_key: hit.key };
      }
      case 'CreateCacheEntry': {
        if (pendingCaches.has(id) || caches.some((c) => c.key === key && c.version === version)) {
          throw new TwirpError(
            'already_exists',
            'cache entry with the same key, version, and scope already exists',
          );
        }
        const blobPath = `/devstoreaccount1/actions-cache/upload-${randomUUID()}`;
        newBlob(blobPath);
        pendingCaches.set(id, { key, version, blobPath });
        return { ok: true, signed_upload_url: signedUrl(blobPath, 'cw') };
      }
      case 'FinalizeCacheEntryUpload': {
        const p = pendingCaches.get(id);
        const bytes = p && blobs.get(p.blobPath)?.committed;
        if (!p || !bytes) {
          violations.push(
            `FinalizeCacheEntryUpload ${key}: ${p ? 'nothing was uploaded' : 'never created'}`,
          );
          throw new TwirpError('not_found', 'cache entry upload not found');
        }
        if (String(msg.size_bytes) !== String(bytes.length)) {
          violations.push(
            `FinalizeCacheEntryUpload ${key}: size ${String(msg.size_bytes)}, uploaded ${bytes.length}`,
          );
        }
        const entry: FakeCacheEntry = {
          id: ++nextId,
          key,
          version,
          size: bytes.length,
          bytes,
          createdAt: new Date().toISOString(),
        };
        caches.push(entry);
        pendingCaches.delete(id);
        const blobPath = `/devstoreaccount1/actions-cache/${entry.id}`;
        newBlob(blobPath);
        (blobs.get(blobPath) as Blob).committed = bytes;
        return { ok: true, entry_id: String(entry.id) };
      }
    }
    throw new TwirpError('bad_route', `no CacheService/${method}`);
  }

  function twirp(
    service: string,
    method: string,
    req: http.IncomingMessage,
    body: Buffer,
    res: http.ServerResponse,
  ) {
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    try {
      if (req.method !== 'POST')
        throw new TwirpError('bad_route', `Twirp is POST only, not ${req.method}`);
      if (!String(req.headers['content-type']).startsWith('application/json')) {
        throw new TwirpError(
          'bad_route',
          `unexpected Content-Type ${String(req.headers['content-type'])}`,
        );
      }
      const ids = backendIdsOf(req.headers.authorization);
      if (typeof ids === 'string') throw new TwirpError('unauthenticated', ids);
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        throw new TwirpError('malformed', 'the body is not JSON');
      }
      if (service === 'ArtifactService') return reply(200, artifactService(method, msg, ids));
      if (service === 'CacheService') return reply(200, cacheService(method, msg));
      throw new TwirpError('bad_route', `no service ${service}`);
    } catch (e) {
      if (!(e instanceof TwirpError)) throw e;
      // not_found and already_exists are answers a client must handle, not its mistakes.
      if (e.code !== 'not_found' && e.code !== 'already_exists') {
        violations.push(`${service}/${method}: ${e.message}`);
      }
      reply(TWIRP_STATUS[e.code] ?? 500, { code: e.code, msg: e.message });
    }
  }

  // --- Azure Blob storage behind the signed URLs ----------------------------------------
  function blobStorage(
    req: http.IncomingMessage,
    url: URL,
    body: Buffer,
    res: http.ServerResponse,
  ) {
    const q = rawQuery(url.search);
    const headers: Record<string, string> = {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? '2025-01-05'),
      date: new Date().toUTCString(),
    };
    if (req.headers['x-ms-client-request-id']) {
      headers['x-ms-client-request-id'] = String(req.headers['x-ms-client-request-id']);
    }
    const fail = (status: number, code: string, message: string) => {
      violations.push(`${req.method} ${url.pathname}: ${code}: ${message}`);
      const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
      res.writeHead(status, {
        ...headers,
        'x-ms-error-code': code,
        'content-type': 'application/xml',
      });
      res.end(req.method === 'HEAD' ? undefined : xml);
    };
    const perm = q.get('sp') ?? '';
    const se = q.get('se') ?? '';
    if (q.get('sig') !== signature(perm, se, url.pathname) || !(Date.parse(se) > Date.now())) {
      return fail(403, 'AuthenticationFailed', 'signature or expiry does not match');
    }
    const blob = blobs.get(url.pathname);
    if (!blob) return fail(404, 'BlobNotFound', 'The specified blob does not exist.');
    const writing = req.method === 'PUT';
    if (writing ? !perm.includes('w') : !perm.includes('r')) {
      return fail(
        403,
        'AuthorizationPermissionMismatch',
        `sp=${perm} does not allow ${req.method}`,
      );
    }
    if (writing) {
      // Not the default for these libraries; decoding it here would hide a config change.
      if (req.headers['x-ms-structured-body']) {
        return fail(400, 'UnsupportedHeader', 'structured message bodies are not supported here');
      }
      const md5 = req.headers['content-md5'];
      if (md5 && md5 !== createHash('md5').update(body).digest('base64')) {
        return fail(400, 'Md5Mismatch', 'Content-MD5 does not match the body');
      }
      const touched = () => {
        blob.etag = `"0x${(++etagCounter).toString(16).toUpperCase()}"`;
        blob.lastModified = new Date();
        const ct = req.headers['x-ms-blob-content-type'];
        if (ct) blob.contentType = String(ct);
      };
      const comp = q.get('comp');
      if (comp === 'block') {
        const id = q.get('blockid') ?? '';
        const raw = Buffer.from(id, 'base64');
        if (!id || raw.toString('base64') !== id || raw.length > 64) {
          return fail(
            400,
            'InvalidQueryParameterValue',
            `blockid ${id} is not base64 of at most 64 bytes`,
          );
        }
        if ((blob.blockIdLength ?? id.length) !== id.length) {
          return fail(
            400,
            'InvalidBlobOrBlock',
            'block ids of one blob must all have the same length',
          );
        }
        blob.blockIdLength = id.length;
        blob.uncommitted.set(id, body);
        res.writeHead(201, {
          ...headers,
          'x-ms-request-server-encrypted': 'true',
          'content-length': '0',
        });
        return res.end();
      }
      if (comp === 'blocklist') {
        const parts: Buffer[] = [];
        const next = new Map<string, Buffer>();
        for (const { list, id } of parseBlockList(body.toString('utf8'))) {
          const found =
            list === 'Committed'
              ? blob.committedBlocks.get(id)
              : list === 'Uncommitted'
                ? blob.uncommitted.get(id)
                : (blob.uncommitted.get(id) ?? blob.committedBlocks.get(id));
          if (!found) return fail(400, 'InvalidBlockList', `block ${id} (${list}) was not staged`);
          parts.push(found);
          next.set(id, found);
        }
        blob.committed = Buffer.concat(parts);
        blob.committedBlocks = next;
        blob.uncommitted.clear();
        blob.blockIdLength = undefined;
        touched();
      } else if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
        blob.committed = body;
        blob.committedBlocks.clear();
        blob.uncommitted.clear();
        touched();
      } else {
        return fail(
          400,
          'UnsupportedQueryParameter',
          `PUT ${comp ?? '(no comp)'} is not implemented here`,
        );
      }
      res.writeHead(201, {
        ...headers,
        etag: blob.etag,
        'last-modified': blob.lastModified.toUTCString(),
        'x-ms-request-server-encrypted': 'true',
        'content-length': '0',
      });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return fail(405, 'UnsupportedHttpVerb', `${req.method} is not implemented here`);
    }
    const all = blob.committed;
    if (!all) return fail(404, 'BlobNotFound', 'The blob has no committed content.');
    const range = parseRange(
      String(req.headers['x-ms-range'] ?? req.headers.range ?? ''),
      all.length,
    );
    if (range === 'unsatisfiable')
      return fail(416, 'InvalidRange', 'The range specified is invalid.');
    const part = range ? all.subarray(range.start, range.end + 1) : all;
    res.writeHead(range ? 206 : 200, {
      ...headers,
      etag: blob.etag,
      'last-modified': blob.lastModified.toUTCString(),
      'content-type': blob.contentType ?? 'application/octet-stream',
      'content-length': String(part.length),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-server-encrypted': 'true',
      ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${all.length}` } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : part);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(
        `${req.method} ${url.pathname}${url.searchParams.has('comp') ? `?comp=${url.searchParams.get('comp')}` : ''}`,
      );
      const body = Buffer.concat(chunks);
      const route = /^\/twirp\/github\.actions\.results\.api\.v1\.(\w+)\/(\w+)$/.exec(url.pathname);
      if (route) return twirp(route[1] as string, route[2] as string, req, body, res);
      if (url.pathname.startsWith('/devstoreaccount1/')) return blobStorage(req, url, body, res);
      violations.push(`${req.method} ${url.pathname}: not a results-service or blob request`);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'bad_route', msg: `no route ${url.pathname}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    env: { ...envFor('artifact', base), ...envFor('cache', base) },
    artifacts,
    caches,
    violations,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The files inside an artifact's zip, by the path @actions/artifact gave them. */
export function artifactFiles(artifact: { bytes: Buffer }): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(artifact.bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const out: Record<string, Buffer> = {};
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (entry.fileName in out)
          return reject(new Error(`${entry.fileName} is in the zip twice`));
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('error', reject);
          stream.on('end', () => {
            out[entry.fileName] = Buffer.concat(parts);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
