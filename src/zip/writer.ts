/**
 * A deterministic zip writer that can copy an entry's compressed bytes as they are, which
 * is what makes applying an update to a large pack cost about a file copy. No zip library
 * on npm both passes bytes through and lets us fix every header field, so this is ours.
 *
 * Every entry has its sizes and CRC in the local header (no data descriptors), the UTF-8
 * flag, Unix permissions, no extra fields but ZIP64 ones when a size or offset needs them.
 */
import { promises as fs, type promises as fsp } from 'node:fs';
import type { Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { withPath } from '../core/errors.ts';
import { crc32 } from './crc32.ts';
import type { EntryMeta } from './entry.ts';
import { inlineHasher, type OutputHasher, workerHasher } from './output-hasher.ts';
import type { Lease } from './slabs.ts';

export type RawEntryMeta = EntryMeta;

interface CentralRecord extends RawEntryMeta {
  offset: number;
  isDirectory: boolean;
}

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const FLAG_UTF8 = 0x0800;
const BUFFER_SIZE = 1 << 20;
const MAX_IN_FLIGHT = 4;

/**
 * MS-DOS date and time fields from the UTC fields of `d`, so a pack written anywhere has
 * the same bytes. DOS time counts 2-second steps from 1980 to 2107; outside that range the
 * nearest end is used.
 */
export function toDosDateTime(d: Date): { dosDate: number; dosTime: number } {
  const t = Math.min(
    Math.max(d.getTime(), Date.UTC(1980, 0, 1)),
    Date.UTC(2107, 11, 31, 23, 59, 58),
  );
  const u = new Date(t);
  return {
    dosDate: ((u.getUTCFullYear() - 1980) << 9) | ((u.getUTCMonth() + 1) << 5) | u.getUTCDate(),
    dosTime: (u.getUTCHours() << 11) | (u.getUTCMinutes() << 5) | (u.getUTCSeconds() >> 1),
  };
}

export class ZipWriter {
  private readonly central: CentralRecord[] = [];
  private readonly names = new Set<string>();
  /** Bytes of the archive so far (headers and data), i.e. the next entry's offset. */
  private offset = 0;
  /** Bytes handed to the file so far. */
  private written = 0;
  /** Writes not yet known to be done, oldest first, with where each ends. */
  private inFlight: { done: Promise<void>; end: number }[] = [];
  private pending: Buffer[] = [];
  /** Leases on the pending pieces' read buffers, given back once they are written. */
  private pendingReleases: (() => void)[] = [];
  private pendingBytes = 0;
  private finished = false;
  /** Set when an entry failed half-written: the file is unusable, only abort() remains. */
  private broken: Error | undefined;
  private constructor(
    private readonly handle: fsp.FileHandle,
    readonly file: string,
    /** Tests use this to exercise ZIP64 records without writing 4 GiB. */
    private readonly forceZip64: boolean,
    /** fsync before finishing: for files whose loss after a power cut would matter. */
    private readonly durable: boolean,
    /** The file's sha256, computed as it is written so nobody has to read it all again. */
    private readonly hash: OutputHasher,
  ) {}

  static async create(
    file: string,
    opts: { forceZip64?: boolean; durable?: boolean; hashOnWorker?: boolean } = {},
  ): Promise<ZipWriter> {
    const handle = await fs.open(file, 'w');
    let hash: OutputHasher;
    try {
      hash = opts.hashOnWorker ? workerHasher(file) : inlineHasher();
    } catch (e) {
      await handle.close();
      await fs.rm(file, { force: true });
      throw e;
    }
    return new ZipWriter(handle, file, Boolean(opts.forceZip64), Boolean(opts.durable), hash);
  }

  async addDirectory(
    name: string,
    opts: { mode?: number; dosDate: number; dosTime: number },
  ): Promise<void> {
    const dirName = name.endsWith('/') ? name : `${name}/`;
    const mode = opts.mode ?? 0o755;
    await this.writeEntry(
      {
        name: dirName,
        compressionMethod: 0,
        crc32: 0,
        compressedSize: 0,
        uncompressedSize: 0,
        mode: (mode & 0o170000) === 0 ? 0o040000 | mode : mode,
        dosDate: opts.dosDate,
        dosTime: opts.dosTime,
      },
      true,
      async () => undefined,
    );
  }

  /** Copies already-compressed bytes; their count must match the declared compressed size. */
  /**
   * Copies already-compressed bytes; their count must match the declared compressed size.
   * Pieces may be leases on read buffers (SafeZip.readRawChunks): each is released once
   * its write has completed.
   */
  async addRaw(
    meta: RawEntryMeta,
    compressed: Readable | AsyncIterable<Buffer> | AsyncIterable<Lease>,
  ): Promise<void> {
    if (meta.compressionMethod !== 0 && meta.compressionMethod !== 8) {
      throw new Error(`zip writer: unsupported compression method ${meta.compressionMethod}`);
    }
    if (meta.compressionMethod === 0 && meta.compressedSize !== meta.uncompressedSize) {
      throw new Error(`zip writer: ${meta.name}: stored entry with two different sizes`);
    }
    await this.writeEntry(meta, false, async () => {
      let copied = 0;
      for await (const item of compressed) {
        const piece: { data: Buffer; release?: () => void } = Buffer.isBuffer(item)
          ? { data: item }
          : (item as Lease);
        copied += piece.data.length;
        if (copied > meta.compressedSize) {
          piece.release?.();
          break;
        }
        await this.write(piece.data, piece.release);
      }
      if (copied !== meta.compressedSize) {
        if ('destroy' in compressed) compressed.destroy();
        throw new Error(
          `zip writer: ${meta.name}: got ${copied} compressed bytes, expected ${meta.compressedSize}`,
        );
      }
    });
  }

  async addBuffer(
    name: string,
    data: Buffer,
    opts: { mode?: number; dosDate: number; dosTime: number; compress?: boolean },
  ): Promise<void> {
    let body = data;
    let method = 0;
    if (opts.compress !== false && data.length > 0) {
      const deflated = deflateRawSync(data, { level: 6 });
      if (deflated.length < data.length) {
        body = deflated;
        method = 8;
      }
    }
    await this.writeEntry(
      {
        name,
        compressionMethod: method,
        crc32: crc32(data),
        compressedSize: body.length,
        uncompressedSize: data.length,
        mode: opts.mode ?? 0o644,
        dosDate: opts.dosDate,
        dosTime: opts.dosTime,
      },
      false,
      () => this.write(body),
    );
  }

  async finish(): Promise<{ bytes: number; entries: number; sha256: string }> {
    this.usable();
    this.finished = true;
    const cdStart = this.offset;
    for (const r of this.central) await this.write(centralHeader(r, this.forceZip64));
    const cdSize = this.offset - cdStart;
    const count = this.central.length;
    const zip64 = this.forceZip64 || count >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
    if (zip64) {
      const eocd64Offset = this.offset;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      rec.writeBigUInt64LE(44n, 4); // size of the rest of this record
      rec.writeUInt16LE((3 << 8) | 45, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeUInt32LE(0, 16);
      rec.writeUInt32LE(0, 20);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdStart), 48);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeUInt32LE(0, 4);
      loc.writeBigUInt64LE(BigInt(eocd64Offset), 8);
      loc.writeUInt32LE(1, 16);
      await this.write(rec);
      await this.write(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(zip64 ? MAX16 : count, 8);
    end.writeUInt16LE(zip64 ? MAX16 : count, 10);
    end.writeUInt32LE(zip64 ? MAX32 : cdSize, 12);
    end.writeUInt32LE(zip64 ? MAX32 : cdStart, 16);
    end.writeUInt16LE(0, 20);
    await this.write(end);
    await this.flush();
    await this.drain();
    if (this.durable) await this.handle.sync();
    const sha256 = await this.hash.digest(this.written);
    await this.handle.close();
    return { bytes: this.offset, entries: count, sha256 };
  }

  /** Closes and deletes the partial file. */
  async abort(): Promise<void> {
    this.finished = true;
    await Promise.allSettled(this.inFlight.map((w) => w.done));
    for (const release of this.pendingReleases) release();
    this.pendingReleases = [];
    this.pending = [];
    await this.hash.abort();
    await this.handle.close().catch(() => undefined);
    await fs.rm(this.file, { force: true });
  }

  private async writeEntry(
    meta: RawEntryMeta,
    isDirectory: boolean,
    body: () => Promise<void>,
  ): Promise<void> {
    this.usable();
    checkName(meta.name, isDirectory);
    if (this.names.has(meta.name)) throw new Error(`zip writer: duplicate entry ${meta.name}`);
    this.names.add(meta.name);
    const mode =
      (meta.mode & 0o170000) === 0 ? (isDirectory ? 0o040000 : 0o100000) | meta.mode : meta.mode;
    const record: CentralRecord = { ...meta, mode, offset: this.offset, isDirectory };
    try {
      await this.write(localHeader(record, this.forceZip64));
      await body();
    } catch (e) {
      this.broken = e instanceof Error ? e : new Error(String(e));
      throw e;
    }
    this.central.push(record);
  }

  private usable(): void {
    if (this.finished) throw new Error('zip writer: already finished');
    if (this.broken)
      throw new Error(`zip writer: an earlier entry failed (${this.broken.message})`);
  }

  /** `release`, when given, is called once the bytes are in the file (or the write failed). */
  private async write(buf: Buffer, release?: () => void): Promise<void> {
    this.offset += buf.length;
    if (buf.length >= BUFFER_SIZE) {
      await this.flush();
      await this.issue([buf], release ? [release] : []);
      return;
    }
    this.pending.push(buf);
    if (release) this.pendingReleases.push(release);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= BUFFER_SIZE) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const bufs = this.pending;
    const releases = this.pendingReleases;
    this.pending = [];
    this.pendingReleases = [];
    this.pendingBytes = 0;
    await this.issue(bufs, releases);
  }

  /**
   * Writes at a fixed position without waiting, keeping a few writes in flight so reading
   * the next entry overlaps writing this one (and the hashing, wherever it runs).
   * Small pieces go out in one writev rather than being copied into one buffer: that copy
   * allocated the whole pack a second time, and collecting it was a sixth of the run.
   */
  private async issue(list: Buffer[], releases: (() => void)[]): Promise<void> {
    let length = 0;
    for (const b of list) length += b.length;
    this.hash.issued(list);
    const position = this.written;
    this.written += length;
    const done = writeAllAt(this.handle, list, position).catch((e: unknown) => {
      throw withPath(e, this.file);
    });
    const free = () => {
      for (const release of releases) release();
    };
    void done.then(free, free); // and the rejection is observed below, never unhandled
    this.inFlight.push({ done, end: this.written });
    while (this.inFlight.length > MAX_IN_FLIGHT) await this.settleOldest();
  }

  private async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.settleOldest();
  }

  /** Waits for the oldest write; everything before its end is then in the file. */
  private async settleOldest(): Promise<void> {
    const w = this.inFlight.shift() as { done: Promise<void>; end: number };
    await w.done;
    this.hash.written(w.end);
  }
}

function checkName(name: string, isDirectory: boolean): void {
  const length = Buffer.byteLength(name, 'utf8');
  if (length === 0 || length > MAX16)
    throw new Error(`zip writer: bad entry name length ${length}`);
  if (name.endsWith('/') !== isDirectory)
    throw new Error(`zip writer: ${name}: only folder names end with '/'`);
}

async function writeAllAt(handle: fsp.FileHandle, bufs: Buffer[], position: number): Promise<void> {
  let rest = bufs;
  let at = position;
  while (rest.length > 0) {
    const { bytesWritten } =
      rest.length === 1
        ? await handle.write(rest[0] as Buffer, 0, (rest[0] as Buffer).length, at)
        : await handle.writev(rest, at);
    at += bytesWritten;
    rest = afterWritten(rest, bytesWritten);
  }
}

/** What is left of `bufs` once the first `n` bytes are written (a short write is allowed). */
export function afterWritten(bufs: Buffer[], n: number): Buffer[] {
  let skip = n;
  let i = 0;
  while (i < bufs.length && skip >= (bufs[i] as Buffer).length)
    skip -= (bufs[i++] as Buffer).length;
  const rest = bufs.slice(i);
  if (skip > 0 && rest.length > 0) rest[0] = (rest[0] as Buffer).subarray(skip);
  return rest;
}

function needsZip64Sizes(r: RawEntryMeta, force: boolean): boolean {
  return force || r.uncompressedSize >= MAX32 || r.compressedSize >= MAX32;
}

function localHeader(r: CentralRecord, force: boolean): Buffer {
  const name = Buffer.from(r.name, 'utf8');
  const zip64 = needsZip64Sizes(r, force);
  const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(r.uncompressedSize), 4);
    extra.writeBigUInt64LE(BigInt(r.compressedSize), 12);
  }
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(zip64 ? 45 : 20, 4);
  h.writeUInt16LE(FLAG_UTF8, 6);
  h.writeUInt16LE(r.compressionMethod, 8);
  h.writeUInt16LE(r.dosTime, 10);
  h.writeUInt16LE(r.dosDate, 12);
  h.writeUInt32LE(r.crc32 >>> 0, 14);
  h.writeUInt32LE(zip64 ? MAX32 : r.compressedSize, 18);
  h.writeUInt32LE(zip64 ? MAX32 : r.uncompressedSize, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, name, extra]);
}

function centralHeader(r: CentralRecord, force: boolean): Buffer {
  const name = Buffer.from(r.name, 'utf8');
  const sizes64 = needsZip64Sizes(r, force);
  const offset64 = force || r.offset >= MAX32;
  const fields: bigint[] = [];
  if (sizes64) fields.push(BigInt(r.uncompressedSize), BigInt(r.compressedSize));
  if (offset64) fields.push(BigInt(r.offset));
  const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
  if (fields.length) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
  }
  const version = sizes64 || offset64 ? 45 : 20;
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | version, 4);
  h.writeUInt16LE(version, 6);
  h.writeUInt16LE(FLAG_UTF8, 8);
  h.writeUInt16LE(r.compressionMethod, 10);
  h.writeUInt16LE(r.dosTime, 12);
  h.writeUInt16LE(r.dosDate, 14);
  h.writeUInt32LE(r.crc32 >>> 0, 16);
  h.writeUInt32LE(sizes64 ? MAX32 : r.compressedSize, 20);
  h.writeUInt32LE(sizes64 ? MAX32 : r.uncompressedSize, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt16LE(0, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(0, 36);
  h.writeUInt32LE(((r.mode << 16) | (r.isDirectory ? 0x10 : 0)) >>> 0, 38);
  h.writeUInt32LE(offset64 ? MAX32 : r.offset, 42);
  return Buffer.concat([h, name, extra]);
}
