/**
 * The client side of the signed repository: tuf-js verifies the metadata (signatures,
 * thresholds, expiry, version monotonicity, lengths, hashes) and so the length and hashes
 * every target must have; this adapter supplies the pinned trust anchor, the persisted
 * trusted metadata (rollback protection across runs), a fetcher for HTTP(S) and local
 * paths, target downloads checked against those signed lengths and hashes as they stream,
 * and exit codes a user can act on (tuf-errors.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { Updater, type TargetFile } from 'tuf-js';
import './tuf-models-linear.ts';
import { DownloadHTTPError } from 'tuf-js/dist/error.js';
import { badInput, UplevelError, verificationFailed } from '../core/errors.ts';
import { BlockHasher, pin, readPinned, verifyAndPin, type FilePin } from '../zip/pinned.ts';
import { withDirLock } from './dir-lock.ts';
import { RepositoryFetcher } from './fetcher.ts';
import { chainsFrom } from './root-chain.ts';
import { redactUrl, type RepositoryCredentials } from './http.ts';
import { classify, describeFailure, explainOther } from './tuf-errors.ts';

export { credentialsFromEnv, type RepositoryCredentials } from './http.ts';

export interface RepositoryClientOptions {
  /** http(s) URL or absolute local path of the repository (the folder holding metadata/). */
  repository: string;
  /** The pinned root metadata (the lock's `trust`). */
  trustedRoot: string;
  /** Trusted metadata goes under tuf/<anchor>/, verified targets under targets/. */
  cacheDir: string;
  credentials?: RepositoryCredentials;
  /** Refuse (exit 3) a repository whose root, after refresh, is older than this. */
  minRootVersion?: number;
  /** Proxy variables and UPLEVEL_RETRIES / UPLEVEL_RETRY_BASE_MS / UPLEVEL_HTTP_TIMEOUT_MS. */
  env?: NodeJS.ProcessEnv;
  /** Called as a target larger than 4 MiB downloads. */
  onProgress?: (e: { url: string; bytes: number; total?: number }) => void;
}

const PROGRESS_FROM = 4 * 1024 * 1024;

export class RepositoryClient {
  private updaterInstance: Updater | undefined;
  private readonly fetcher: RepositoryFetcher;
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
    this.fetcher = new RepositoryFetcher({
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      ...(opts.env ? { env: opts.env } : {}),
    });
  }

  /** tuf-js reads the trusted root when constructed, so it exists only once seeded. */
  private get updater(): Updater {
    if (!this.updaterInstance) {
      try {
        this.updaterInstance = new Updater({
          metadataDir: this.metadataDir,
          metadataBaseUrl: `${this.base}/metadata`,
          targetDir: this.targetsDir,
          targetBaseUrl: `${this.base}/targets`,
          fetcher: this.fetcher,
        });
      } catch (e) {
        // The trusted root itself fails its own signatures or does not parse.
        throw this.explain('root.json', e);
      }
    }
    return this.updaterInstance;
  }

  /**
   * Every run starts from the pinned root. The cached root (rollback memory from earlier runs)
   * is kept only when the chain from the pin to it verifies; otherwise the cache's metadata for
   * this anchor is discarded and TUF's update walks the chain from the pin again.
   */
  private async seed(): Promise<void> {
    let pinned: Buffer;
    try {
      pinned = await fs.readFile(this.opts.trustedRoot);
    } catch {
      throw badInput(`trust: ${this.opts.trustedRoot} cannot be read`);
    }
    rootVersion(pinned, this.opts.trustedRoot);
    await fs.mkdir(this.metadataDir, { recursive: true });
    await fs.mkdir(this.targetsDir, { recursive: true });
    const cachedFile = path.join(this.metadataDir, 'root.json');
    const cached = await fs.readFile(cachedFile).catch(() => undefined);
    if (cached && (await chainsFrom(pinned, cached, (n) => this.chainRoot(n)))) return;
    if (cached) {
      // Every role's metadata (delegated roles' too) and the saved chain; not the lock.
      for (const f of await fs.readdir(this.metadataDir)) {
        if (f.endsWith('.json') || f === 'roots')
          await fs.rm(path.join(this.metadataDir, f), { recursive: true, force: true });
      }
    }
    await fs.writeFile(cachedFile, pinned);
  }

  /** Root version n for the chain check: as saved by an earlier verified run, else as served. */
  private async chainRoot(n: number): Promise<Buffer | undefined> {
    const saved = await fs
      .readFile(path.join(this.metadataDir, 'roots', `${n}.root.json`))
      .catch(() => undefined);
    if (saved) return saved;
    return this.fetcher
      .downloadBytes(`${this.base}/metadata/${n}.root.json`, 512 * 1024)
      .catch(() => undefined);
  }

  /** Keeps the roots this run verified, so the next run can check its chain without a server. */
  private async saveChain(): Promise<void> {
    const trusted = rootVersion(
      readFileSync(path.join(this.metadataDir, 'root.json')),
      'root.json',
    );
    const dir = path.join(this.metadataDir, 'roots');
    await fs.mkdir(dir, { recursive: true });
    for (const [n, data] of this.fetcher.receivedRoots) {
      if (n <= trusted) await fs.writeFile(path.join(dir, `${n}.root.json`), data);
    }
  }

  /** TUF's update: the root chain, timestamp, snapshot and targets, once per client. */
  async refresh(): Promise<void> {
    if (this.refreshed) return;
    await withDirLock(this.metadataDir, async () => {
      await this.seed();
      const before = this.roleKeys();
      try {
        await this.guard(undefined, () => this.updater.refresh());
      } catch (e) {
        // TUF 5.3.11: once the vendor rotates the timestamp or snapshot keys, versions trusted
        // under the old keys (possibly fast-forwarded by whoever stole them) are dropped.
        const after = this.roleKeys();
        const rotated = (['timestamp', 'snapshot'] as const).some((r) => before[r] !== after[r]);
        if (!rotated) throw e;
        await fs.rm(path.join(this.metadataDir, 'timestamp.json'), { force: true });
        await fs.rm(path.join(this.metadataDir, 'snapshot.json'), { force: true });
        this.updaterInstance = undefined;
        await this.guard(undefined, () => this.updater.refresh());
      }
      await this.saveChain();
    });
    const root = rootVersion(readFileSync(path.join(this.metadataDir, 'root.json')), 'root.json');
    if (this.opts.minRootVersion !== undefined && root < this.opts.minRootVersion) {
      throw verificationFailed(
        `verification failed: root.json is version ${root}, below the lock's minRootVersion ${this.opts.minRootVersion} (rolled back?)`,
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

  /** Length and sha256 of a target as signed, or undefined when the repository has none. */
  async targetInfo(targetPath: string): Promise<{ length: number; sha256: string } | undefined> {
    const info = await this.signedTarget(targetPath);
    if (!info) return undefined;
    return { length: info.length, sha256: info.hashes.sha256 ?? '' };
  }

  private async signedTarget(targetPath: string): Promise<TargetFile | undefined> {
    await this.refresh();
    return this.guard(undefined, () => this.updater.getTargetInfo(targetPath));
  }

  /**
   * A verified local copy of a target, downloaded once and cached by its sha256 under
   * cacheDir/targets/. Exit 2 when signed metadata does not name it. The file is pinned
   * (../zip/pinned.ts): this process reads it only as the bytes verified here.
   */
  async fetchTarget(targetPath: string): Promise<string> {
    const info = await this.signedTarget(targetPath);
    if (!info) throw badInput(`${targetPath}: not in the repository's signed targets`);
    const sha = info.hashes.sha256;
    if (!sha) throw verificationFailed(`verification failed: ${targetPath}: no sha256 is signed`);
    const file = path.join(this.targetsDir, sha);
    // The cache is not trusted: its bytes are hashed again in this run, and fetched again
    // when they no longer match what is signed.
    if (await verifyAndPin(file, info.hashes, info.length)) return file;
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
    try {
      const blocks = await this.download(info, tmp);
      await fs.rename(tmp, file);
      pin(file, blocks);
    } finally {
      await fs.rm(tmp, { force: true });
    }
    return file;
  }

  /** Verified target bytes, for small files (index.json). */
  async readTarget(targetPath: string): Promise<Buffer> {
    return readPinned(await this.fetchTarget(targetPath), `targets/${targetPath}`);
  }

  /**
   * Streams a target into `dest`, checking its signed length as it comes (endless data stops
   * there) and every signed hash at the end: TargetFile.verify's checks, done in the one pass
   * that writes the file rather than tuf-js's download-to-tmp, re-read and copy.
   */
  private async download(info: TargetFile, dest: string): Promise<FilePin> {
    const subject = `targets/${info.path}`;
    const url = this.targetUrl(info);
    const hashes = Object.keys(info.hashes).map((alg) => {
      try {
        return { alg, h: createHash(alg) };
      } catch {
        throw verificationFailed(`verification failed: ${subject}: unsupported hash ${alg}`);
      }
    });
    let opened;
    try {
      opened = await this.fetcher.open(url);
    } catch (e) {
      throw this.explain(subject, e);
    }
    const { body, total } = opened;
    const onProgress = this.opts.onProgress;
    const shown = redactUrl(url);
    let bytes = 0;
    const blocks = new BlockHasher();
    const check = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes > info.length) {
          cb(
            verificationFailed(
              `verification failed: ${subject}: length mismatch (longer than its signed ${info.length} bytes)`,
            ),
          );
          return;
        }
        for (const { h } of hashes) h.update(chunk);
        blocks.update(chunk);
        if (onProgress && info.length > PROGRESS_FROM)
          onProgress({ url: shown, bytes, total: total ?? info.length });
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body, check, createWriteStream(dest, { flags: 'wx' }));
    } catch (e) {
      throw this.explain(subject, e);
    }
    if (bytes !== info.length) {
      throw verificationFailed(
        `verification failed: ${subject}: length mismatch (signed ${info.length} bytes, got ${bytes})`,
      );
    }
    for (const { alg, h } of hashes) {
      const got = h.digest('hex');
      if (got !== info.hashes[alg])
        throw verificationFailed(
          `verification failed: ${subject}: hash mismatch (signed ${alg} ${info.hashes[alg]}, got ${got})`,
        );
    }
    return blocks.finish();
  }

  /** Where tuf-js itself would fetch the target: hash-prefixed under consistent snapshots. */
  private targetUrl(info: TargetFile): string {
    let name = info.path;
    const root = JSON.parse(readFileSync(path.join(this.metadataDir, 'root.json'), 'utf8')) as {
      signed: { consistent_snapshot?: boolean };
    };
    if (root.signed.consistent_snapshot) {
      const slash = name.lastIndexOf('/');
      const first = Object.values(info.hashes)[0];
      name = `${name.slice(0, slash + 1)}${first}.${name.slice(slash + 1)}`;
    }
    return new URL(`${this.base}/targets/${name.replace(/^\/+/, '')}`).toString();
  }

  /**
   * A metadata file exactly as the repository serves it (for offline bundles; whoever reads
   * the bundle verifies it as usual). Undefined when the repository has no such file.
   */
  async rawMetadata(name: string): Promise<Buffer | undefined> {
    try {
      return await this.fetcher.downloadBytes(`${this.base}/metadata/${name}`, 64 * 1024 * 1024);
    } catch (e) {
      if (e instanceof DownloadHTTPError && (e.statusCode === 404 || e.statusCode === 403))
        return undefined;
      throw this.explain(name, e);
    }
  }

  /** The version of a top-level role this client trusts now (after refresh). */
  trustedVersion(role: 'root' | 'timestamp' | 'snapshot' | 'targets'): number {
    const json = JSON.parse(readFileSync(path.join(this.metadataDir, `${role}.json`), 'utf8')) as {
      signed: { version: number };
    };
    return json.signed.version;
  }

  /**
   * The delegated roles this client has loaded and trusts now, as `N.<role>.json` names: what
   * an offline bundle needs besides the top-level roles to reach the same targets.
   */
  async loadedDelegatedMetadata(): Promise<string[]> {
    const top = new Set(['root.json', 'timestamp.json', 'snapshot.json', 'targets.json']);
    const out: string[] = [];
    for (const f of await fs.readdir(this.metadataDir)) {
      if (!f.endsWith('.json') || top.has(f)) continue;
      const json = JSON.parse(await fs.readFile(path.join(this.metadataDir, f), 'utf8')) as {
        signed?: { _type?: string; version?: number };
      };
      if (json.signed?._type === 'targets') out.push(`${json.signed.version}.${f}`);
    }
    return out.sort();
  }

  /** Runs a tuf-js call with its errors mapped; without a subject, the failing metadata is named. */
  private async guard<T>(subject: string | undefined, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.explain(subject, e);
    }
  }

  private explain(subject: string | undefined, e: unknown): UplevelError {
    const failure = classify(e);
    // The file last fetched is the one that failed, except for expiry, which tuf-js checks
    // on what it already trusts too (and then names the file).
    const named = failure?.kind === 'expired' ? failure.file : undefined;
    const name = subject ?? named ?? this.fetcher.lastMetadata ?? failure?.file ?? 'metadata';
    if (!failure) return explainOther(name, e);
    if (failure.kind === 'not-served' && name === 'timestamp.json') {
      // The first file no signed metadata has named yet: a wrong address, not an attack.
      return badInput(
        `repository: ${redactUrl(this.opts.repository)} has no metadata/timestamp.json; is it the repository's URL or folder?`,
      );
    }
    const expires = failure.kind === 'expired' ? this.expiryOf(failure.file ?? name) : undefined;
    return describeFailure(failure, { subject: name, ...(expires ? { expires } : {}) });
  }

  /** When an expired metadata file says it expired: the copy last received, or the trusted one. */
  private expiryOf(file: string): string | undefined {
    const role = /(root|timestamp|snapshot|targets)\.json$/.exec(file)?.[1];
    if (!role) return undefined;
    const candidates = [this.fetcher.lastReceived(role)];
    try {
      candidates.push(readFileSync(path.join(this.metadataDir, `${role}.json`)));
    } catch {
      // nothing trusted for this role yet
    }
    for (const data of candidates) {
      try {
        const expires = (JSON.parse(String(data)) as { signed?: { expires?: unknown } }).signed
          ?.expires;
        if (typeof expires === 'string' && Date.parse(expires) <= Date.now()) return expires;
      } catch {
        // not this one
      }
    }
    return undefined;
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
