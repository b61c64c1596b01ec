/**
 * GET over HTTP(S) the way a CI job needs it: credentials from the environment in a header
 * (never in a URL or a message), the proxy variables honoured, redirects followed without
 * leaking credentials to another host, and transient faults retried with backoff.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { unreachable, UplevelError } from '../core/errors.ts';

export interface RepositoryCredentials {
  token?: string;
  username?: string;
  password?: string;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): RepositoryCredentials {
  if (env.UPLEVEL_TOKEN) return { token: env.UPLEVEL_TOKEN };
  if (env.UPLEVEL_USERNAME)
    return { username: env.UPLEVEL_USERNAME, password: env.UPLEVEL_PASSWORD ?? '' };
  return {};
}

export interface HttpOptions {
  credentials?: RepositoryCredentials;
  env?: NodeJS.ProcessEnv;
  /** Extra attempts after the first. */
  retries?: number;
  baseDelayMs?: number;
  /** Idle time on a socket before the attempt fails. */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** A definite answer from the server that retrying will not change (404, 401, 403…). */
export class HttpStatusError extends Error {
  constructor(
    readonly statusCode: number,
    readonly url: string,
  ) {
    super(`HTTP ${statusCode} from ${url}`);
    this.name = 'HttpStatusError';
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = u.search ? '?…' : '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

export function retrySettings(env: NodeJS.ProcessEnv = process.env): {
  retries: number;
  baseDelayMs: number;
  timeoutMs: number;
  minRate: RateLimits;
} {
  const num = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return {
    retries: num(env.UPLEVEL_RETRIES, 4),
    baseDelayMs: num(env.UPLEVEL_RETRY_BASE_MS, 500),
    timeoutMs: num(env.UPLEVEL_HTTP_TIMEOUT_MS, 30_000),
    minRate: {
      bytesPerSecond: num(env.UPLEVEL_MIN_RATE_BPS, 4096),
      windowMs: num(env.UPLEVEL_RATE_WINDOW_MS, 60_000),
      deadlineMs: num(env.UPLEVEL_DOWNLOAD_DEADLINE_MS, 60 * 60_000),
    },
  };
}

/**
 * Slow retrieval (TUF): a server that trickles bytes just fast enough to beat the idle
 * timeout would hold a run for ever. Each download must average this rate over every window
 * and finish by the deadline, or it fails (exit 6) without retrying.
 */
export interface RateLimits {
  bytesPerSecond: number;
  windowMs: number;
  deadlineMs: number;
}

function rateGuard(url: string, limits: RateLimits): (bytes: number) => void {
  const started = Date.now();
  let windowStart = started;
  let windowBytes = 0;
  return (bytes) => {
    const now = Date.now();
    windowBytes += bytes;
    if (now - started > limits.deadlineMs)
      throw unreachable(
        `download of ${redactUrl(url)} took longer than ${limits.deadlineMs} ms (UPLEVEL_DOWNLOAD_DEADLINE_MS)`,
      );
    if (now - windowStart < limits.windowMs) return;
    const rate = (windowBytes * 1000) / (now - windowStart);
    if (rate < limits.bytesPerSecond)
      throw unreachable(
        `download of ${redactUrl(url)} is too slow (${Math.round(rate)} bytes/s, below UPLEVEL_MIN_RATE_BPS ${limits.bytesPerSecond})`,
      );
    windowStart = now;
    windowBytes = 0;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failed attempt that will be retried after `delayMs`: the CLI says so instead of silence. */
export interface RetryNotice {
  url: string;
  problem: string;
  /** The attempt about to be made (2 for the first retry) and how many there will be at most. */
  attempt: number;
  attempts: number;
  delayMs: number;
}
let retryListener: ((n: RetryNotice) => void) | undefined;

/** One listener per process (the CLI's); undefined removes it. */
export function setRetryListener(fn: ((n: RetryNotice) => void) | undefined): void {
  retryListener = fn;
}

const attempts = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

function retryAfter(url: string, problem: string, attempt: number, attempts: number, ms: number) {
  retryListener?.({ url: redactUrl(url), problem, attempt, attempts, delayMs: Math.round(ms) });
  return sleep(ms);
}

export async function httpGetStream(
  url: string,
  opts: HttpOptions = {},
): Promise<{ body: Readable; total?: number }> {
  const env = opts.env ?? process.env;
  const defaults = retrySettings(env);
  const retries = opts.retries ?? defaults.retries;
  const base = opts.baseDelayMs ?? defaults.baseDelayMs;
  let lastError = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const ms = base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
      await retryAfter(url, lastError, attempt + 1, retries + 1, ms);
    }
    try {
      const res = await getFollowingRedirects(url, opts, defaults.timeoutMs, env);
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        const len = Number(res.headers['content-length']);
        const total = Number.isFinite(len) ? len : undefined;
        const body = Readable.from(
          resumableBody(url, opts, res, total, {
            retries,
            base,
            timeoutMs: defaults.timeoutMs,
            env,
            guard: rateGuard(url, defaults.minRate),
          }),
        );
        return total === undefined ? { body } : { body, total };
      }
      res.resume();
      if (status === 429 || status >= 500) {
        lastError = `HTTP ${status}`;
        continue;
      }
      throw new HttpStatusError(status, redactUrl(url));
    } catch (e) {
      if (e instanceof HttpStatusError) throw e;
      lastError = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
  throw unreachable(
    `cannot reach ${redactUrl(url)}: ${lastError} (after ${attempts(retries + 1)})`,
  );
}

/**
 * The response body, continued with a Range request from where it broke when the connection
 * resets, stalls or ends early; If-Range makes sure the rest belongs to the same file.
 */
async function* resumableBody(
  url: string,
  opts: HttpOptions,
  first: http.IncomingMessage,
  total: number | undefined,
  s: {
    retries: number;
    base: number;
    timeoutMs: number;
    env: NodeJS.ProcessEnv;
    guard: (bytes: number) => void;
  },
): AsyncGenerator<Buffer> {
  const validator = first.headers.etag ?? first.headers['last-modified'];
  let res = first;
  let received = 0;
  let failures = 0;
  for (;;) {
    let problem: string;
    try {
      for await (const chunk of res) {
        received += (chunk as Buffer).length;
        s.guard((chunk as Buffer).length);
        yield chunk as Buffer;
      }
      if (total === undefined || received >= total) return;
      problem = `connection closed after ${received} of ${total} bytes`;
    } catch (e) {
      if (e instanceof UplevelError) {
        res.destroy();
        throw e;
      }
      problem = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
    if (++failures > s.retries) {
      throw unreachable(
        `download of ${redactUrl(url)} failed: ${problem} (after ${attempts(failures)})`,
      );
    }
    await retryAfter(url, problem, failures + 1, s.retries + 1, s.base * 2 ** (failures - 1));
    const headers: Record<string, string> = { ...opts.headers };
    if (received > 0) {
      headers.Range = `bytes=${received}-`;
      if (typeof validator === 'string') headers['If-Range'] = validator;
    }
    try {
      res = await getFollowingRedirects(url, { ...opts, headers }, s.timeoutMs, s.env);
    } catch (e) {
      res = emptyFailure(e);
      continue;
    }
    const range = /^bytes (\d+)-/.exec(String(res.headers['content-range'] ?? ''));
    const resumed = res.statusCode === 206 && range !== null && Number(range[1]) === received;
    const restarted = res.statusCode === 200 && received === 0;
    if (!resumed && !restarted) {
      res.resume();
      if ((res.statusCode ?? 0) >= 500 || res.statusCode === 429) {
        res = emptyFailure(new Error(`HTTP ${res.statusCode}`));
        continue;
      }
      throw unreachable(
        `download of ${redactUrl(url)} broke after ${received} bytes and the server cannot resume it (HTTP ${res.statusCode})`,
      );
    }
  }
}

/** A response stand-in whose reading fails at once, to go round the retry loop again. */
function emptyFailure(e: unknown): http.IncomingMessage {
  const r = new Readable({ read() {} }) as unknown as http.IncomingMessage;
  process.nextTick(() =>
    (r as unknown as Readable).destroy(e instanceof Error ? e : new Error(String(e))),
  );
  return r;
}

async function getFollowingRedirects(
  url: string,
  opts: HttpOptions,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<http.IncomingMessage> {
  let current = new URL(url);
  // Scheme, host and port: URL.host alone would let https://h redirect to http://h.
  const origin = current.origin;
  for (let hop = 0; hop < 6; hop++) {
    const headers: Record<string, string> = { 'User-Agent': 'uplevel', ...opts.headers };
    // Credentials go only to the origin the user named, never to a redirect target elsewhere
    // (another scheme, host or port).
    if (current.origin === origin) Object.assign(headers, authHeader(opts.credentials, current));
    const res = await request(current, headers, timeoutMs, env);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.resume();
      current = new URL(res.headers.location, current);
      continue;
    }
    return res;
  }
  throw new Error('too many redirects');
}

function authHeader(c: RepositoryCredentials | undefined, url: URL): Record<string, string> {
  if (c?.token) return { Authorization: `Bearer ${c.token}` };
  if (c?.username)
    return {
      Authorization: `Basic ${Buffer.from(`${c.username}:${c.password ?? ''}`).toString('base64')}`,
    };
  if (url.username) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    return { Authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
  }
  return {};
}

function proxyFor(url: URL, env: NodeJS.ProcessEnv): URL | undefined {
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const host = url.hostname.toLowerCase();
  for (const n of noProxy) {
    if (
      n === '*' ||
      host === n.replace(/^\./, '') ||
      host.endsWith(n.startsWith('.') ? n : `.${n}`)
    )
      return undefined;
  }
  const value =
    url.protocol === 'https:'
      ? (env.HTTPS_PROXY ?? env.https_proxy)
      : (env.HTTP_PROXY ?? env.http_proxy);
  if (!value) return undefined;
  try {
    return new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    return undefined;
  }
}

function request(
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const proxy = proxyFor(url, env);
    const proxyAuth = proxy?.username
      ? {
          'Proxy-Authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`,
        }
      : {};
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const path = `${url.pathname}${url.search}`;
    const onResponse = (res: http.IncomingMessage) => {
      res.setTimeout(timeoutMs, () => res.destroy(new Error(`no data for ${timeoutMs} ms`)));
      resolve(res);
    };
    let req: http.ClientRequest;
    if (!proxy) {
      const mod = url.protocol === 'https:' ? https : http;
      req = mod.request({ host: url.hostname, port, path, headers, method: 'GET' }, onResponse);
    } else if (url.protocol === 'http:') {
      req = http.request(
        {
          host: proxy.hostname,
          port: Number(proxy.port) || 80,
          path: url.toString().replace(/\/\/[^@/]*@/, '//'),
          headers: { ...headers, ...proxyAuth, Host: url.host },
          method: 'GET',
        },
        onResponse,
      );
    } else {
      // HTTPS through a proxy: a CONNECT tunnel, then TLS to the real host inside it.
      const connect = http.request({
        host: proxy.hostname,
        port: Number(proxy.port) || 80,
        method: 'CONNECT',
        path: `${url.hostname}:${port}`,
        headers: { Host: `${url.hostname}:${port}`, ...proxyAuth },
      });
      connect.setTimeout(timeoutMs, () => connect.destroy(new Error('proxy timed out')));
      connect.once('connect', (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          reject(new Error(`proxy CONNECT answered ${res.statusCode}`));
          return;
        }
        const inner = https.request(
          {
            host: url.hostname,
            port,
            path,
            headers,
            method: 'GET',
            createConnection: () => tls.connect({ socket, servername: url.hostname }),
          },
          onResponse,
        );
        inner.setTimeout(timeoutMs, () =>
          inner.destroy(new Error(`no answer for ${timeoutMs} ms`)),
        );
        inner.once('error', reject);
        inner.end();
      });
      connect.once('error', reject);
      connect.end();
      return;
    }
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer for ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end();
  });
}
