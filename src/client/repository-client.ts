/**
 * The client side of the signed repository: tuf-js does the verification (signatures,
 * thresholds, expiry, version monotonicity, lengths, hashes); this adapter supplies the
 * pinned trust anchor, the persisted trusted metadata (rollback protection across runs),
 * a fetcher for HTTP(S) and local paths, and exit codes a user can act on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { BaseFetcher, Updater, type TargetFile } from 'tuf-js';
import {
  CryptoError,
  LengthOrHashMismatchError,
  RepositoryError as ModelsRepositoryError,
  UnsignedMetadataError,
  ValueError as ModelsValueError,
} from '@tufjs/models/dist/error.js';
import {
  BadVersionError,
  DownloadHTTPError,
  DownloadLengthMismatchError,
  EqualVersionError,
  ExpiredMetadataError,
  RepositoryError,
  RuntimeError,
  ValueError as TufValueError,
} from 'tuf-js/dist/error.js';
import {
  badInput,
  isUplevelError,
  unreachable,
  UplevelError,
  verificationFailed,
} from '../core/errors.ts';
import { withDirLock } from './dir-lock.ts';
import { HttpStatusError, httpGetStream, redactUrl, type RepositoryCredentials } from './http.ts';

export { credentialsFromEnv, type RepositoryCredentials } from './http.ts';

export interface RepositoryClientOptions {
  /** http(s) URL or absolute local path of the repository (the folder holding metadata/). */
  repository: string;
  /** The pinned root metadata (the lock's `trust`). */
  trustedRoot: string;
  cacheDir: string;
  credentials?: RepositoryCredentials;
  minRootVersion?: number;
  env?: NodeJS.ProcessEnv;
  onProgress?: (e: { url: string; bytes: number; total?: number }) => void;
}

class RepositoryFetcher extends BaseFetcher {
  constructor(private readonly opts: RepositoryClientOptions) {
    super();
  }

  override async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    let body: Readable;
    let total: number | undefined;
    if (url.startsWith('file:')) {
      const file = fileURLToPath(url);
      const st = await fs.stat(file).catch(() => undefined);
      if (!st?.isFile()) throw new DownloadHTTPError('not found', 404);
      body = (await fs.open(file)).createReadStream({ highWaterMark: 1 << 20 });
      total = st.size;
    } else {
      try {
        const res = await httpGetStream(url, {
          ...(this.opts.credentials ? { credentials: this.opts.credentials } : {}),
          ...(this.opts.env ? { env: this.opts.env } : {}),
        });
        body = res.body;
        total = res.total;
      } catch (e) {
        if (e instanceof HttpStatusError) throw new DownloadHTTPError(e.message, e.statusCode);
        throw e;
      }
    }
    const onProgress = this.opts.onProgress;
    if (onProgress && total !== undefined && total > 4 * 1024 * 1024) {
      let bytes = 0;
      body.on('data', (c: Buffer) => {
        bytes += c.length;
        onProgress({ url: redactUrl(url), bytes, total });
      });
    }
    return Readable.toWeb(body) as unknown as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
}

export class RepositoryClient {
  private updaterInstance: Updater | undefined;
  private readonly base: string;
  private readonly metadataDir: string;
  private readonly targetsDir: string;
  private refreshed = false;

  constructor(private readonly opts: RepositoryClientOptions) {
    // Trusted metadata is kept per trust anchor, not per URL: a mirror of the same repository
    // shares its rollback memory, so a stale mirror cannot roll a client back.
    let anchor: Buffer;
    try {
      anchor = readFileSync(opts.trustedRoot);
    } catch {
      anchor = Buffer.from(opts.repository);
    }
    const id = createHash('sha256').update(anchor).digest('hex').slice(0, 16);
    this.metadataDir = path.join(opts.cacheDir, 'tuf', id);
    this.targetsDir = path.join(opts.cacheDir, 'targets');
    this.base = /^https?:\/\//.test(opts.repository)
      ? opts.repository.replace(/\/+$/, '')
      : pathToFileURL(path.resolve(opts.repository)).toString();
  }

  /** tuf-js reads the trusted root when constructed, so it exists only once seeded. */
  private get updater(): Updater {
    if (!this.updaterInstance) {
      this.updaterInstance = new Updater({
        metadataDir: this.metadataDir,
        metadataBaseUrl: `${this.base}/metadata`,
        targetDir: this.targetsDir,
        targetBaseUrl: `${this.base}/targets`,
        fetcher: new RepositoryFetcher(this.opts),
      });
    }
    return this.updaterInstance;
  }

  /** Seeds the trusted metadata from the pinned root unless the cache already trusts a newer one. */
  private async seed(): Promise<void> {
    let pinned: Buffer;
    try {
      pinned = await fs.readFile(this.opts.trustedRoot);
    } catch {
      throw badInput(`trust: ${this.opts.trustedRoot} cannot be read`);
    }
    const pinnedVersion = rootVersion(pinned, this.opts.trustedRoot);
    await fs.mkdir(this.metadataDir, { recursive: true });
    await fs.mkdir(this.targetsDir, { recursive: true });
    const cachedFile = path.join(this.metadataDir, 'root.json');
    let cachedVersion: number;
    try {
      cachedVersion = rootVersion(readFileSync(cachedFile), cachedFile);
    } catch {
      cachedVersion = -1; // nothing trusted yet (or unreadable): start from the pin
    }
    if (cachedVersion < pinnedVersion) {
      await fs.writeFile(cachedFile, pinned);
    }
  }

  async refresh(): Promise<void> {
    if (this.refreshed) return;
    await withDirLock(this.metadataDir, async () => {
      await this.seed();
      const before = this.roleKeys();
      try {
        await this.guard('refreshing metadata', () => this.updater.refresh());
      } catch (e) {
        // TUF 5.3.11: once the vendor rotates the timestamp or snapshot keys, versions trusted
        // under the old keys (possibly fast-forwarded by whoever stole them) are dropped.
        const after = this.roleKeys();
        const rotated = (['timestamp', 'snapshot'] as const).some((r) => before[r] !== after[r]);
        if (!rotated) throw e;
        await fs.rm(path.join(this.metadataDir, 'timestamp.json'), { force: true });
        await fs.rm(path.join(this.metadataDir, 'snapshot.json'), { force: true });
        this.updaterInstance = undefined;
        await this.guard('refreshing metadata', () => this.updater.refresh());
      }
    });
    const root = rootVersion(readFileSync(path.join(this.metadataDir, 'root.json')), 'root.json');
    if (this.opts.minRootVersion !== undefined && root < this.opts.minRootVersion) {
      throw verificationFailed(
        `root metadata is version ${root}, below the lock's minRootVersion ${this.opts.minRootVersion} (rolled back?)`,
      );
    }
    this.refreshed = true;
  }

  /** The trusted root's key ids per role, to notice a rotation. */
  private roleKeys(): Record<string, string> {
    try {
      const root = JSON.parse(readFileSync(path.join(this.metadataDir, 'root.json'), 'utf8')) as {
        signed: { roles: Record<string, { keyids: string[] }> };
      };
      return Object.fromEntries(
        Object.entries(root.signed.roles).map(([r, v]) => [r, [...v.keyids].sort().join(',')]),
      );
    } catch {
      return {};
    }
  }

  async targetInfo(targetPath: string): Promise<{ length: number; sha256: string } | undefined> {
    await this.refresh();
    const info = await this.guard(targetPath, () => this.updater.getTargetInfo(targetPath));
    if (!info) return undefined;
    return { length: info.length, sha256: info.hashes.sha256 ?? '' };
  }

  /** A verified local copy of a target, downloaded once and cached by its sha256. */
  async fetchTarget(targetPath: string): Promise<string> {
    await this.refresh();
    const info: TargetFile | undefined = await this.guard(targetPath, () =>
      this.updater.getTargetInfo(targetPath),
    );
    if (!info) throw badInput(`${targetPath}: not in the repository's signed targets`);
    const sha = info.hashes.sha256;
    if (!sha) throw verificationFailed(`${targetPath}: signed metadata carries no sha256`);
    const file = path.join(this.targetsDir, sha);
    if (await stillVerified(file, sha)) return file;
    const cached = await this.updater.findCachedTarget(info, file);
    if (cached) {
      await markVerified(file, sha);
      return cached;
    }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    await this.guard(targetPath, () => this.updater.downloadTarget(info, tmp));
    await fs.rename(tmp, file);
    await markVerified(file, sha);
    return file;
  }

  /**
   * A metadata file exactly as the repository serves it (for offline bundles; whoever reads
   * the bundle verifies it as usual). Undefined when the repository has no such file.
   */
  async rawMetadata(name: string): Promise<Buffer | undefined> {
    const fetcher = new RepositoryFetcher(this.opts);
    try {
      return await fetcher.downloadBytes(`${this.base}/metadata/${name}`, 64 * 1024 * 1024);
    } catch (e) {
      if (e instanceof DownloadHTTPError && (e.statusCode === 404 || e.statusCode === 403))
        return undefined;
      throw this.explain(`reading metadata/${name}`, e);
    }
  }

  /** The version of a top-level role this client trusts now (after refresh). */
  trustedVersion(role: 'root' | 'timestamp' | 'snapshot' | 'targets'): number {
    const json = JSON.parse(readFileSync(path.join(this.metadataDir, `${role}.json`), 'utf8')) as {
      signed: { version: number };
    };
    return json.signed.version;
  }

  async readTarget(targetPath: string): Promise<Buffer> {
    return fs.readFile(await this.fetchTarget(targetPath));
  }

  /** Maps tuf-js's errors onto exit codes: verification failures 3, the network 6. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.explain(what, e);
    }
  }

  private explain(what: string, e: unknown): UplevelError {
    if (isUplevelError(e)) return e;
    const message = e instanceof Error ? e.message : String(e);
    // instanceof, not class names: a bundler may rename classes.
    if (e instanceof DownloadHTTPError) {
      if (e.statusCode === 401 || e.statusCode === 403) {
        return unreachable(
          `${what}: the repository refused access (HTTP ${e.statusCode}); check UPLEVEL_TOKEN or UPLEVEL_USERNAME/UPLEVEL_PASSWORD`,
        );
      }
      return verificationFailed(
        `${what}: the repository does not serve a file its signed metadata names (HTTP ${e.statusCode})`,
      );
    }
    if (e instanceof RuntimeError) {
      // tuf-js wraps whatever failed while loading snapshot or targets, download or check.
      if (/UplevelError:/.test(message))
        return unreachable(`${what}: ${message.replace(/.*UplevelError: /, '')}`);
      return verificationFailed(
        `verification failed while ${what}: ${message.replace(/ error Error: /, ': ')}`,
      );
    }
    const kind = VERIFICATION_ERRORS.find(([cls]) => e instanceof cls)?.[1];
    if (kind)
      return verificationFailed(`verification failed while ${what}: ${describe(kind, message)}`);
    if (e instanceof SyntaxError)
      return verificationFailed(
        `verification failed while ${what}: unreadable metadata (${message})`,
      );
    if (['ENOENT', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? ''))
      return badInput(`${what}: ${message}`);
    return unreachable(`${what}: ${message}`);
  }
}

const VERIFICATION_ERRORS: [abstract new (...args: never[]) => Error, string][] = [
  [ExpiredMetadataError, 'expired'],
  [EqualVersionError, 'rollback'],
  [BadVersionError, 'rollback'],
  [UnsignedMetadataError, 'signature'],
  [LengthOrHashMismatchError, 'length'],
  [DownloadLengthMismatchError, 'length'],
  [CryptoError, 'signature'],
  [ModelsValueError, 'invalid'],
  [TufValueError, 'invalid'],
  [RepositoryError, 'invalid'],
  [ModelsRepositoryError, 'invalid'],
];

function describe(kind: string, message: string): string {
  switch (kind) {
    case 'expired':
      return `metadata has expired (${message}); the vendor must re-sign, or this is a freeze attack`;
    case 'rollback':
      return `metadata version went backwards (${message}): a rollback`;
    case 'signature':
      return `bad or missing signature (${message})`;
    case 'length':
      return `length or hash does not match the signed metadata (${message})`;
    default:
      return message;
  }
}

function rootVersion(data: Buffer, label: string): number {
  try {
    const json = JSON.parse(data.toString('utf8')) as {
      signed?: { _type?: string; version?: number };
    };
    if (json.signed?._type !== 'root' || typeof json.signed.version !== 'number')
      throw new Error('not root metadata');
    return json.signed.version;
  } catch {
    throw badInput(`trust: ${label} is not a TUF root metadata file`);
  }
}

/**
 * A cached target was hashed when it was stored; re-hashing a 300 MB pack on every run costs
 * more than the apply itself. The stamp records the file's identity (inode, size, mtime) at
 * that moment, like git's index: any change to the file sends it back through verification.
 */
interface VerifiedStamp {
  sha256: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

async function stillVerified(file: string, sha256: string): Promise<boolean> {
  try {
    const [st, stamp] = await Promise.all([
      fs.stat(file),
      fs.readFile(`${file}.verified`, 'utf8').then((t) => JSON.parse(t) as VerifiedStamp),
    ]);
    return (
      stamp.sha256 === sha256 &&
      stamp.size === st.size &&
      stamp.mtimeMs === st.mtimeMs &&
      stamp.ino === st.ino
    );
  } catch {
    return false;
  }
}

async function markVerified(file: string, sha256: string): Promise<void> {
  const st = await fs.stat(file);
  const stamp: VerifiedStamp = { sha256, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  await fs.writeFile(`${file}.verified`, JSON.stringify(stamp));
}
