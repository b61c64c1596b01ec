/**
 * A static file server for a repository's metadata/ and targets/ on 127.0.0.1: what any web
 * server or object store would do, for the demo, tests and a vendor's local preview. keys/
 * and everything else is never served.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { badInput } from '../core/errors.ts';

/** `repo serve`'s port when --port is not given: fixed, so a lock's URL survives restarts. */
export const DEFAULT_PORT = 8470;

/** Refuses a folder that is not a repository made by repo init (missing, empty, or other). */
export async function checkServable(dir: string): Promise<void> {
  const ts = path.join(dir, 'metadata', 'timestamp.json');
  const st = await fs.stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw badInput(`--dir ${dir}: no such folder`);
  if (!(await fs.stat(ts).catch(() => undefined))?.isFile())
    throw badInput(`--dir ${dir}: not a repository (no metadata/timestamp.json; run repo init)`);
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Require these credentials (bearer token or basic), as a private repository would. */
  auth?: { token?: string; username?: string; password?: string };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const SERVED = ['metadata', 'targets'];

export async function serveDirectory(dir: string, opts: ServeOptions = {}): Promise<RunningServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    handle(root, opts, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? badInput(
              `--port ${opts.port}: ${e.code === 'EADDRINUSE' ? 'already in use' : 'not allowed'} on ${host}; choose another with --port`,
            )
          : e,
      ),
    );
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function authorised(req: http.IncomingMessage, auth: ServeOptions['auth']): boolean {
  if (!auth) return true;
  const header = req.headers.authorization ?? '';
  if (auth.token && header === `Bearer ${auth.token}`) return true;
  if (auth.username !== undefined) {
    const expected = `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}`;
    if (header === expected) return true;
  }
  return false;
}

async function handle(
  root: string,
  opts: ServeOptions,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!authorised(req, opts.auth)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="uplevel"' }).end();
    return;
  }
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = path.resolve(root, rel);
  const top = rel.split('/')[0] ?? '';
  if (!SERVED.includes(top) || !file.startsWith(path.join(root, top) + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  const fd = await openInside(path.join(root, top), file);
  if (!fd) {
    res.writeHead(404).end();
    return;
  }
  let st;
  try {
    st = await fd.stat();
    if (!st.isFile()) throw new Error('not a file');
  } catch {
    await fd.close();
    res.writeHead(404).end();
    return;
  }
  const headers: http.OutgoingHttpHeaders = {
    'Accept-Ranges': 'bytes',
    'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    'Cache-Control': file.endsWith('timestamp.json') ? 'no-cache' : 'max-age=300',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = st.size - 1;
  let status = 200;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(Number(range[2]), st.size - 1);
    } else {
      start = Math.max(0, st.size - Number(range[2]));
    }
    if (start > end || start >= st.size) {
      await fd.close();
      res.writeHead(416, { 'Content-Range': `bytes */${st.size}` }).end();
      return;
    }
    status = 206;
    headers['Content-Range'] = `bytes ${start}-${end}/${st.size}`;
  }
  headers['Content-Length'] = st.size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || st.size === 0) {
    await fd.close();
    res.end();
    return;
  }
  fd.createReadStream({ start, end, highWaterMark: 1 << 20 }).pipe(res);
}

/**
 * Opens `file` only if it is, symlinks resolved, inside `dir` (metadata/ or targets/): a link
 * to /etc/passwd or to keys/ is not served. The path checked is the path opened, with
 * O_NOFOLLOW, so a link swapped in afterwards is not followed either.
 */
async function openInside(dir: string, file: string): Promise<FileHandle | undefined> {
  try {
    const [realDir, real] = await Promise.all([fs.realpath(dir), fs.realpath(file)]);
    if (!real.startsWith(realDir + path.sep)) return undefined;
    return await fs.open(real, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
}
