/**
 * A local stand-in for the Actions results service that @actions/artifact talks to: the
 * Twirp JSON endpoints (CreateArtifact, FinalizeArtifact) and the Azure block-blob upload
 * behind the signed URL, enough for the real client library to upload as it does on a
 * runner. It checks what the client finalizes (size and sha256) against what it uploaded.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import yauzl from 'yauzl';

export interface StoredArtifact {
  id: number;
  name: string;
  expiresAt?: string;
  bytes: Buffer;
}

export interface FakeActionsServices {
  url: string;
  /** The environment a runner gives an action for the results service. */
  env: Record<string, string>;
  artifacts: StoredArtifact[];
  violations: string[];
  close(): Promise<void>;
}

const RUN = 'b7f2a0c4-1111-4aaa-9bbb-000000000001';
const JOB = 'c8e3b1d5-2222-4bbb-8ccc-000000000002';

/** An unsigned JWT with the scope @actions/artifact reads its backend ids from. */
export function runtimeToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead Actions.Results:${RUN}:${JOB}` })}.sig`;
}

export async function startFakeActionsServices(): Promise<FakeActionsServices> {
  const artifacts: StoredArtifact[] = [];
  const violations: string[] = [];
  const pending = new Map<
    string,
    { name: string; expiresAt?: string; blocks: Map<string, Buffer>; committed?: Buffer }
  >();
  let nextId = 7000;
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(
        url.pathname,
      );
      if (twirp) {
        if (!/^Bearer .+/.test(req.headers.authorization ?? '')) {
          violations.push(`${twirp[1]}: no bearer token`);
          return json(401, { code: 'unauthenticated', msg: 'no token' });
        }
        const msg = JSON.parse(body.toString('utf8') || '{}') as Record<string, string>;
        if (msg.workflow_run_backend_id !== RUN || msg.workflow_job_run_backend_id !== JOB) {
          violations.push(
            `${twirp[1]}: backend ids ${msg.workflow_run_backend_id}/${msg.workflow_job_run_backend_id}`,
          );
        }
        if (twirp[1] === 'CreateArtifact') {
          const key = `${msg.name}`;
          if (artifacts.some((a) => a.name === key)) {
            return json(409, {
              code: 'already_exists',
              msg: 'an artifact with this name already exists on the workflow run',
            });
          }
          pending.set(key, {
            name: key,
            blocks: new Map(),
            ...(msg.expires_at ? { expiresAt: msg.expires_at } : {}),
          });
          const blob = `${base}/devstoreaccount1/artifacts/${encodeURIComponent(key)}.zip?sv=2023-11-03&sig=stand-in`;
          return json(200, { ok: true, signed_upload_url: blob });
        }
        if (twirp[1] === 'FinalizeArtifact') {
          const p = pending.get(`${msg.name}`);
          if (!p?.committed) {
            violations.push(`FinalizeArtifact ${msg.name}: nothing was uploaded`);
            return json(404, { code: 'not_found', msg: 'no upload' });
          }
          if (Number(msg.size) !== p.committed.length) {
            violations.push(
              `FinalizeArtifact ${msg.name}: size ${msg.size}, uploaded ${p.committed.length}`,
            );
          }
          const sha = `sha256:${createHash('sha256').update(p.committed).digest('hex')}`;
          if (msg.hash !== sha)
            violations.push(`FinalizeArtifact ${msg.name}: hash ${msg.hash}, uploaded ${sha}`);
          const a: StoredArtifact = { id: ++nextId, name: p.name, bytes: p.committed };
          if (p.expiresAt) a.expiresAt = p.expiresAt;
          artifacts.push(a);
          pending.delete(p.name);
          return json(200, { ok: true, artifact_id: String(a.id) });
        }
        return json(404, { code: 'bad_route', msg: `not implemented: ${twirp[1]}` });
      }
      // Azure block blobs: stage blocks, then commit the list.
      const blob = /^\/devstoreaccount1\/artifacts\/(.+)\.zip$/.exec(url.pathname);
      if (blob && req.method === 'PUT') {
        const p = pending.get(decodeURIComponent(blob[1] as string));
        const headers = {
          'x-ms-request-id': `req-${Date.now()}`,
          'x-ms-version': '2023-11-03',
          'x-ms-request-server-encrypted': 'true',
          etag: '"0x1"',
          'last-modified': new Date().toUTCString(),
          date: new Date().toUTCString(),
        };
        if (!p || url.searchParams.get('sig') !== 'stand-in') {
          violations.push(`blob ${url.pathname}: no pending artifact or bad signature`);
          res.writeHead(403, headers);
          return res.end();
        }
        const comp = url.searchParams.get('comp');
        if (comp === 'block') {
          p.blocks.set(url.searchParams.get('blockid') ?? '', body);
          res.writeHead(201, headers);
          return res.end();
        }
        if (comp === 'blocklist') {
          const ids = [
            ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g),
          ].map((m) => m[1] as string);
          const missing = ids.filter((id) => !p.blocks.has(id));
          if (missing.length)
            violations.push(`blocklist names unknown blocks ${missing.join(',')}`);
          p.committed = Buffer.concat(ids.map((id) => p.blocks.get(id) ?? Buffer.alloc(0)));
          res.writeHead(201, headers);
          return res.end();
        }
        if (!comp) {
          p.committed = body;
          res.writeHead(201, headers);
          return res.end();
        }
      }
      violations.push(`${req.method} ${url.pathname}${url.search}: not a results-service request`);
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${base}/` },
    artifacts,
    violations,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The files of an uploaded artifact (the client zips them). */
export function artifactFiles(a: StoredArtifact): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(a.bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, Buffer>();
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2 ?? new Error('no stream'));
          const parts: Buffer[] = [];
          s.on('data', (d: Buffer) => parts.push(d));
          s.on('end', () => {
            out.set(e.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
