/**
 * The one way the client reads a repository: http(s) through http.ts (credentials, proxies,
 * retries, resumed downloads) or a local folder read directly. tuf-js downloads metadata
 * through it; the client streams targets through `open`.
 */
import { promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BaseFetcher } from 'tuf-js';
import { DownloadHTTPError } from 'tuf-js/dist/error.js';
import { HttpStatusError, httpGetStream, type RepositoryCredentials } from './http.ts';

export interface FetcherOptions {
  credentials?: RepositoryCredentials;
  env?: NodeJS.ProcessEnv;
}

const METADATA_NAME = /\/metadata\/((?:\d+\.)?(root|timestamp|snapshot|targets)\.json)$/;
/** Far above any metadata tuf-js accepts (its largest limit is 5 MB). */
const KEEP_AT_MOST = 8 * 1024 * 1024;

export class RepositoryFetcher extends BaseFetcher {
  /** The metadata file most recently asked for, to name it when verification fails. */
  lastMetadata: string | undefined;
  /** The bytes last received per role, to tell the user when an expired file expired. */
  private readonly received = new Map<string, Buffer>();
  /** Every versioned root received (N.root.json), kept so a verified chain can be saved. */
  readonly receivedRoots = new Map<number, Buffer>();

  constructor(private readonly opts: FetcherOptions) {
    super();
  }

  /** Opens a file of the repository; a missing one is tuf-js's DownloadHTTPError(404). */
  async open(url: string): Promise<{ body: Readable; total?: number }> {
    if (url.startsWith('file:')) {
      const file = fileURLToPath(url);
      const st = await fs.stat(file).catch(() => undefined);
      if (!st?.isFile()) throw new DownloadHTTPError('no such file', 404);
      const body = (await fs.open(file)).createReadStream({ highWaterMark: 1 << 20 });
      return { body, total: st.size };
    }
    try {
      return await httpGetStream(url, {
        ...(this.opts.credentials ? { credentials: this.opts.credentials } : {}),
        ...(this.opts.env ? { env: this.opts.env } : {}),
      });
    } catch (e) {
      if (e instanceof HttpStatusError) throw new DownloadHTTPError(e.message, e.statusCode);
      throw e;
    }
  }

  override async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    return this.fetchInto(url, undefined);
  }

  private async fetchInto(
    url: string,
    opened: Set<Readable> | undefined,
  ): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    const name = METADATA_NAME.exec(url);
    if (name) this.lastMetadata = name[1];
    const { body } = await this.open(url);
    opened?.add(body);
    if (name?.[2]) this.remember(name[2], body, name[1]);
    return Readable.toWeb(body) as unknown as ReadableStream<Uint8Array<ArrayBuffer>>;
  }

  /**
   * tuf-js stops reading when a file passes its length limit but never cancels the stream,
   * which would leave the socket or file open (and a CLI waiting on it): close it here.
   */
  override async downloadFile<T>(
    url: string,
    maxLength: number,
    handler: (file: string) => Promise<T>,
  ): Promise<T> {
    const opened = new Set<Readable>();
    // tuf-js calls this.fetch: hand it a view of this fetcher whose fetch remembers what this
    // one download opened. (An AsyncLocalStorage did this before, but once used it turns on
    // promise hooks for the rest of the process: 3% of an apply, on every promise.)
    const view = Object.create(this) as RepositoryFetcher;
    view.fetch = (u: string) => this.fetchInto(u, opened);
    try {
      return (await BaseFetcher.prototype.downloadFile.call(view, url, maxLength, handler)) as T;
    } finally {
      for (const b of opened) b.destroy();
    }
  }

  /** The last bytes received for a role (root, timestamp, snapshot, targets). */
  lastReceived(role: string): Buffer | undefined {
    return this.received.get(role);
  }

  private remember(role: string, body: Readable, file = ''): void {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= KEEP_AT_MOST) chunks.push(c);
    });
    body.on('end', () => {
      if (size > KEEP_AT_MOST) return;
      const data = Buffer.concat(chunks);
      this.received.set(role, data);
      const n = /^(\d+)\.root\.json$/.exec(file)?.[1];
      if (n) this.receivedRoots.set(Number(n), data);
    });
  }
}
