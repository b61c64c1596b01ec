/**
 * A zip reader that trusts nothing: every name, type, size and offset in the central
 * directory is checked before a caller sees an entry, and every byte read is checked
 * against its CRC-32 and size. yauzl parses; the checks it leaves to us live here and in
 * ./validate.ts.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { badInput, UplevelError, verificationFailed } from '../core/errors.ts';
import { crc32 } from './crc32.ts';
import { pinOf, PinnedReader, type PositionalReader } from './pinned.ts';
import { type Lease, Slab } from './slabs.ts';
import {
  checkEndRecords,
  checkOverlaps,
  checkFoldedNames,
  checkTotalRatio,
  checkTree,
  validateEntry,
  type CentralEntry,
  type ZipEntryInfo,
  type ZipLimits,
} from './validate.ts';

export type { ZipEntryInfo, ZipLimits } from './validate.ts';

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntrySize: 8 * 1024 ** 3,
  maxTotalSize: 32 * 1024 ** 3,
  maxRatio: 1000,
  maxTotalRatio: 100,
};

const RAW_CHUNK = 2 << 20;
const CD_READ = 256 << 10;
const WINDOW = 2 << 20;
const SMALL_READ = 64 << 10;
/** All read-ahead windows together, over every open zip. */
const WINDOW_BUDGET = 8 << 20;
const LIVE_WINDOWS: SafeZip[] = [];

/** Marks a zip's window as just used; a new window also drops the least recently used over the budget. */
function touch(zip: SafeZip, newWindow: boolean): void {
  const at = LIVE_WINDOWS.lastIndexOf(zip);
  if (at !== LIVE_WINDOWS.length - 1) {
    if (at >= 0) LIVE_WINDOWS.splice(at, 1);
    LIVE_WINDOWS.push(zip);
  }
  if (!newWindow) return; // a hit: the total did not grow
  let total = 0;
  for (const z of LIVE_WINDOWS) total += z.windowBytes();
  while (total > WINDOW_BUDGET && LIVE_WINDOWS.length > 1) {
    const old = LIVE_WINDOWS.shift() as SafeZip;
    total -= old.windowBytes();
    old.dropWindow();
  }
}

export class SafeZip {
  private readonly byName = new Map<string, CentralEntry>();
  /** Central-directory order. */
  readonly entries: readonly ZipEntryInfo[];
  private window: { start: number; data: Buffer; slab: Slab } | undefined;
  /** Where the last read from the file ended, to tell sequential reading from jumps. */
  private readEnd: number | undefined;
  /** How far the next read-ahead reads (adapts between SMALL_READ and WINDOW). */
  private ahead = SMALL_READ;
  private closed = false;

  private constructor(
    private readonly zipfile: yauzl.ZipFile,
    private readonly handle: FileHandle,
    /** Every read goes through this: the handle, or its pin when this run verified the file. */
    private readonly source: PositionalReader,
    readonly file: string,
    readonly label: string,
    central: CentralEntry[],
  ) {
    for (const c of central) this.byName.set(c.info.name, c);
    this.entries = Object.freeze(central.map((c) => c.info));
  }

  static async open(
    file: string,
    opts: { label?: string; limits?: Partial<ZipLimits> } = {},
  ): Promise<SafeZip> {
    const label = opts.label ?? file;
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    // One descriptor for yauzl and our own reads: the bytes checked are the bytes read,
    // even if someone replaces the file at that path meanwhile.
    const handle = await fsp.open(file, 'r').catch((e: unknown) => {
      throw badInput(`${label}: cannot read (${errorText(e)})`);
    });
    let zipfile: yauzl.ZipFile | undefined;
    try {
      // A file whose hash this run verified is read through its pin: bytes that changed on
      // disk since are exit 3 as they are read (./pinned.ts).
      const pinned = pinOf(file);
      const source = pinned ? await PinnedReader.over(handle, pinned, label) : handle;
      const size = pinned ? pinned.size : (await handle.stat()).size;
      const reader = new BoundedReader(source, size);
      zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
        yauzl.fromRandomAccessReader(
          reader,
          size,
          {
            lazyEntries: true,
            autoClose: false,
            decodeStrings: false,
            strictFileNames: true,
            validateEntrySizes: true,
          },
          (err, zf) => (err || !zf ? reject(structural(label, err)) : resolve(zf)),
        );
      });
      // yauzl emits at most one error per archive, but one arriving after we stopped
      // listening must not become an uncaught exception.
      zipfile.on('error', () => undefined);
      if (zipfile.entryCount > limits.maxEntries) {
        throw badInput(
          `${label}: ${zipfile.entryCount} entries is more than the limit of ${limits.maxEntries}`,
        );
      }
      // yauzl starts at the central directory and leaves its cursor where it ends.
      const cursor = zipfile as unknown as { readEntryCursor: number };
      const cdStart = cursor.readEntryCursor;
      const raws = await readAllEntries(zipfile, label);
      reader.dropCache();
      await checkEndRecords(
        (position, length) => readExactly(source, position, length, label),
        {
          fileSize: zipfile.fileSize,
          commentLength: (zipfile.comment as unknown as Buffer).length,
          entryCount: raws.length,
          cdStart,
          cdEnd: cursor.readEntryCursor,
        },
        label,
      );
      const central: CentralEntry[] = [];
      const names = new Set<string>();
      let total = 0;
      for (const raw of raws) {
        const c = validateEntry(raw, label, limits);
        total += c.info.uncompressedSize;
        if (total > limits.maxTotalSize) {
          throw badInput(
            `${label}: uncompressed size exceeds the limit of ${limits.maxTotalSize} bytes`,
          );
        }
        if (names.has(c.info.name)) throw badInput(`${label}: duplicate entry ${c.info.name}`);
        names.add(c.info.name);
        central.push(c);
      }
      checkTotalRatio(central, limits, label);
      checkTree(central, label);
      checkFoldedNames(central, label);
      checkOverlaps(central, cdStart, label);
      return new SafeZip(zipfile, handle, source, file, label, central);
    } catch (e) {
      zipfile?.close();
      await handle.close().catch(() => undefined);
      throw e;
    }
  }

  get(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name)?.info;
  }

  /** The one top-level folder every entry lives in, if there is exactly one. */
  topFolder(): string | undefined {
    let top: string | undefined;
    for (const { name } of this.entries) {
      const slash = name.indexOf('/');
      if (slash <= 0) return undefined; // a file at the root
      const first = name.slice(0, slash);
      if (top === undefined) top = first;
      else if (top !== first) return undefined;
    }
    return top;
  }

  /** The entry's compressed bytes exactly as stored, for copying without recompression. */
  async openRaw(entry: ZipEntryInfo): Promise<Readable> {
    return this.open(entry, false);
  }

  /** The entry's content, checked against its CRC-32 and size as it streams. */
  async openData(entry: ZipEntryInfo): Promise<Readable> {
    const info = this.central(entry).info;
    const stream = await this.open(info, info.compressionMethod === 8);
    const check = new CheckingStream(info, `${this.label}: ${info.name}`);
    stream.on('error', (e) => check.destroy(asDataError(this.label, info, e)));
    // A reader that stops early (destroys `check`) stops the inflating too.
    check.once('close', () => stream.destroy());
    if (info.compressionMethod === 8 && info.compressedSize > 0) {
      // Java's ZipInputStream reads on where the deflate stream ends: bytes after it are
      // not this entry's data but whatever that reader takes for the next header.
      const inflate = stream as unknown as { bytesWritten: number };
      stream.once('end', () => {
        if (inflate.bytesWritten !== info.compressedSize)
          check.destroy(
            badInput(
              `${this.label}: ${info.name}: its deflate stream ends after ${inflate.bytesWritten} of its ${info.compressedSize} bytes`,
            ),
          );
      });
    }
    return stream.pipe(check);
  }

  /** The whole content, checked; larger than maxBytes (256 MiB by default) is exit 2. */
  async readBuffer(entry: ZipEntryInfo, maxBytes = 256 * 1024 * 1024): Promise<Buffer> {
    const info = this.central(entry).info;
    if (info.uncompressedSize > maxBytes) {
      throw badInput(`${this.label}: ${info.name} is larger than ${maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await this.openData(info)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * The entry's compressed bytes as large buffers read straight from the file: the fast
   * path for copying an entry into another zip as it is. Not CRC-checked (they stay
   * compressed); callers vouch for them otherwise (a signed hash) or use openData. Each
   * piece is a lease on a read buffer: the caller releases it once done with the bytes
   * (the zip writer does when their write has completed).
   */
  async *readRawChunks(entry: ZipEntryInfo): AsyncGenerator<Lease> {
    const info = this.central(entry).info;
    const start = await this.dataStart(info);
    let done = 0;
    while (done < info.compressedSize) {
      const want = Math.min(RAW_CHUNK, info.compressedSize - done);
      yield await this.readAt(start + done, want);
      done += want;
    }
  }

  windowBytes(): number {
    return this.window?.data.length ?? 0;
  }

  dropWindow(): void {
    this.window?.slab.release();
    this.window = undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dropWindow();
    const at = LIVE_WINDOWS.indexOf(this);
    if (at >= 0) LIVE_WINDOWS.splice(at, 1);
    this.zipfile.close();
    await this.handle.close().catch(() => undefined);
  }

  private central(entry: ZipEntryInfo): CentralEntry {
    // Look the entry up by name and use our own validated record, so a caller's copy
    // (or a fabricated entry) cannot steer reads elsewhere.
    const c = this.byName.get(entry.name);
    if (!c) throw new Error(`bug: ${entry.name} is not an entry of ${this.label}`);
    return c;
  }

  /**
   * Bytes at a position, through a read-ahead window: entries are usually copied in the
   * order they are stored, so one large read serves many small entries and their headers.
   * The window grows while reading goes on where it ended and shrinks when a window was
   * dropped before it was used up (many zips taking turns, e.g. one payload per level); all
   * windows together stay within WINDOW_BUDGET, least recently used dropped first.
   */
  private async readAt(position: number, length: number): Promise<Lease> {
    const w = this.window;
    if (w && position >= w.start && position + length <= w.start + w.data.length) {
      touch(this, false);
      return w.slab.lease(position - w.start, position - w.start + length);
    }
    const end = this.readEnd;
    if (end !== undefined && position >= end && position - end <= 4096) {
      this.ahead = Math.min(this.ahead * 2, WINDOW); // read on from the end: read further
    } else if (end !== undefined && position < end && position >= end - this.ahead) {
      this.ahead = Math.max(this.ahead / 2, SMALL_READ); // the window went before it was used
    } else {
      this.ahead = SMALL_READ; // a jump elsewhere
    }
    const { slab, got } = await this.readSlab(position, Math.max(length, this.ahead), length, () =>
      badInput(`${this.label}: the archive ends before byte ${position + length}`),
    );
    if (this.closed) {
      // Closed while reading (a failed run closing everything): answer, keep no window.
      const piece = slab.lease(0, length);
      slab.release();
      return piece;
    }
    this.dropWindow();
    this.window = { start: position, data: slab.buf.subarray(0, got), slab };
    this.readEnd = position + got;
    touch(this, true);
    return slab.lease(0, length);
  }

  /**
   * A pooled slab filled with up to `size` bytes from `position`; fewer than `needed` (the
   * file ends first) is the `short` error. The caller owns the slab's hold.
   */
  private async readSlab(
    position: number,
    size: number,
    needed: number,
    short: () => UplevelError,
  ): Promise<{ slab: Slab; got: number }> {
    const slab = Slab.take(size);
    let got = 0;
    try {
      while (got < size) {
        const { bytesRead } = await this.source.read(slab.buf, got, size - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (got < needed) throw short();
    } catch (e) {
      slab.release();
      throw e;
    }
    return { slab, got };
  }

  /** Bytes [start, start + length) in chunks of up to 1 MiB, bypassing the read-ahead window. */
  private async *readSpan(start: number, length: number): AsyncGenerator<Buffer> {
    let done = 0;
    while (done < length) {
      const want = Math.min(1 << 20, length - done);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await this.source.read(buf, 0, want, start + done);
      if (bytesRead === 0) throw badInput(`${this.label}: the archive ends inside an entry`);
      done += bytesRead;
      yield bytesRead === want ? buf : buf.subarray(0, bytesRead);
    }
  }

  /**
   * Where the entry's data starts. The local header is read now (its extra field may be
   * longer than the central one) and must agree with the central directory on name,
   * method and encryption; its data must still end before the next entry begins.
   */
  private async dataStart(entry: ZipEntryInfo): Promise<number> {
    const c = this.central(entry);
    const offset = c.localHeaderOffset;
    const lease = await this.readAt(offset, 30 + c.rawName.length).catch((e: unknown) => {
      if (e instanceof UplevelError && e.exitCode === 3) throw e; // changed since verified
      return undefined;
    });
    // The header is small: copy it and let the read buffer go at once.
    const head = lease ? Buffer.from(lease.data) : Buffer.alloc(0);
    lease?.release();
    const bad = (why: string) => badInput(`${this.label}: ${entry.name}: ${why}`);
    if (head.length < 30 + c.rawName.length || head.readUInt32LE(0) !== 0x04034b50)
      throw bad('no local header where the central directory says');
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    if (nameLength !== c.rawName.length || !head.subarray(30).equals(c.rawName))
      throw bad('local header names a different file');
    if (head.readUInt16LE(6) & 0x1) throw bad('local header says encrypted');
    if (head.readUInt16LE(8) !== c.info.compressionMethod)
      throw bad('local header has a different compression method');
    const descriptor = (head.readUInt16LE(6) & 0x8) !== 0;
    if (descriptor !== ((c.info.generalPurposeBitFlag & 0x8) !== 0))
      throw bad('local and central headers disagree on a data descriptor (flag bit 3)');
    const zip64 = await this.localZip64(head, offset + 30 + nameLength, extraLength);
    const disagrees = localFieldsDisagree(head, c.info, descriptor, zip64);
    if (disagrees) throw bad(`local header's ${disagrees} differs from the central directory's`);
    const start = offset + 30 + nameLength + extraLength;
    const end = start + c.info.compressedSize;
    if (end > c.limit) throw bad('data overlaps the next entry or the central directory');
    const trailing = c.limit - end;
    if (descriptor) await this.checkDescriptor(c, end, trailing);
    else if (trailing !== 0)
      throw bad(`${trailing} bytes between its data and the next entry or the central directory`);
    return start;
  }

  /**
   * The sizes in the local header's ZIP64 extra field (0x0001), read only when the header
   * defers a size to it (0xffffffff): Java takes the sizes from there. The local record holds
   * both, size first; undefined when there is no such field.
   */
  private async localZip64(
    head: Buffer,
    at: number,
    length: number,
  ): Promise<{ size?: number; compressedSize?: number } | undefined> {
    if (head.readUInt32LE(18) !== 0xffffffff && head.readUInt32LE(22) !== 0xffffffff) return;
    const lease = await this.readAt(at, length);
    const extra = Buffer.from(lease.data);
    lease.release();
    for (let i = 0; i + 4 <= extra.length;) {
      const id = extra.readUInt16LE(i);
      const size = extra.readUInt16LE(i + 2);
      const data = extra.subarray(i + 4, i + 4 + size);
      i += 4 + size;
      if (id !== 0x0001) continue;
      const u64 = (k: number) =>
        data.length >= 8 * (k + 1) ? Number(data.readBigUInt64LE(8 * k)) : undefined;
      const out: { size?: number; compressedSize?: number } = {};
      const s0 = u64(0);
      const s1 = u64(1);
      if (s0 !== undefined) out.size = s0;
      if (s1 !== undefined) out.compressedSize = s1;
      return out;
    }
    return undefined;
  }

  /** The data descriptor after an entry's data: exactly what fills the gap, agreeing with the central directory. */
  private async checkDescriptor(c: CentralEntry, at: number, length: number): Promise<void> {
    const bad = (why: string) => badInput(`${this.label}: ${c.info.name}: ${why}`);
    if (![12, 16, 20, 24].includes(length))
      throw bad(`${length} bytes between its data and the next entry (not a data descriptor)`);
    const lease = await this.readAt(at, length);
    const d = Buffer.from(lease.data);
    lease.release();
    const signed = d.readUInt32LE(0) === 0x08074b50 && (length === 16 || length === 24);
    const base = signed ? 4 : 0;
    const wide = length - base === 20;
    const size = (i: number) =>
      wide ? Number(d.readBigUInt64LE(base + 4 + i * 8)) : d.readUInt32LE(base + 4 + i * 4);
    if (
      d.readUInt32LE(base) !== c.info.crc32 >>> 0 ||
      size(0) !== c.info.compressedSize ||
      size(1) !== c.info.uncompressedSize
    )
      throw bad('data descriptor differs from the central directory');
  }

  private async open(entry: ZipEntryInfo, decompress: boolean): Promise<Readable> {
    if (this.closed) throw new Error(`bug: ${this.label} read after close`);
    const info = this.central(entry).info;
    const dataStart = await this.dataStart(info);
    if (info.compressedSize === 0) return Readable.from([]);
    // Positional reads on the zip's one open handle: no open and close per entry.
    if (!decompress)
      return Readable.from(this.readSpan(dataStart, info.compressedSize), { objectMode: false });
    const inflate = createInflateRaw({ chunkSize: 1 << 18 });
    void this.feedInflate(inflate, dataStart, info.compressedSize);
    return inflate;
  }

  /**
   * Writes the compressed bytes into `inflate` from reused read buffers: zlib calls a
   * write's callback once it has consumed that input, and only then is the buffer let go.
   * (Extracting a pack otherwise allocated every compressed byte anew, for the collector.)
   */
  private async feedInflate(inflate: Writable, start: number, length: number): Promise<void> {
    try {
      let done = 0;
      while (done < length && !inflate.destroyed) {
        const want = Math.min(1 << 20, length - done);
        const { slab, got } = await this.readSlab(start + done, want, want, () =>
          badInput(`${this.label}: the archive ends inside an entry`),
        );
        done += got;
        const piece = slab.lease(0, got);
        slab.release();
        if (!inflate.write(piece.data, () => piece.release())) {
          await new Promise<void>((resolve) => {
            const go = () => {
              inflate.off('drain', go);
              inflate.off('close', go);
              resolve();
            };
            inflate.on('drain', go);
            inflate.on('close', go);
          });
        }
      }
      if (!inflate.destroyed) inflate.end();
    } catch (e) {
      inflate.destroy(e as Error);
    }
  }
}

/**
 * Which of CRC-32, compressed size and size the local header states differently from the
 * central directory (Java's ZipInputStream believes the local header). With a data
 * descriptor they may be zero; 0xffffffff defers to a ZIP64 extra field.
 */
function localFieldsDisagree(
  head: Buffer,
  info: ZipEntryInfo,
  descriptor: boolean,
  zip64: { size?: number; compressedSize?: number } | undefined,
): string | undefined {
  const fields: [number, number, string, number | undefined][] = [
    [14, info.crc32 >>> 0, 'CRC-32', undefined],
    [18, info.compressedSize, 'compressed size', zip64?.compressedSize],
    [22, info.uncompressedSize, 'size', zip64?.size],
  ];
  for (const [at, central, what, wide] of fields) {
    const local = head.readUInt32LE(at);
    if (local === central || (descriptor && local === 0)) continue;
    if (at !== 14 && local === 0xffffffff) {
      // Deferred to the ZIP64 field, which must then say the same; with a data descriptor
      // it may be absent or zero (the descriptor, checked too, carries the sizes).
      if (wide === central || (descriptor && (wide === undefined || wide === 0))) continue;
      return `${what} (ZIP64 ${wide === undefined ? 'field missing' : wide})`;
    }
    return what;
  }
  return undefined;
}

/**
 * yauzl's reads of our descriptor, refusing positions outside the file: fs.read throws
 * synchronously on a position past 2^53 (a forged ZIP64 offset), and inside yauzl's
 * callbacks that would be an uncaught exception rather than an error for the caller.
 */
class BoundedReader extends yauzl.RandomAccessReader {
  /** yauzl reads the central directory 46 bytes at a time: serve those from one large read. */
  private cache: { start: number; data: Buffer } | undefined;
  constructor(
    private readonly handle: PositionalReader,
    private readonly size: number,
  ) {
    super();
  }
  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    const answer = (err: Error | null, bytesRead?: number) =>
      process.nextTick(() => callback(err, bytesRead));
    if (!Number.isSafeInteger(position) || position < 0 || position + length > this.size) {
      answer(new Error(`a record points outside the file (byte ${position})`));
      return;
    }
    this.fill(position, length).then(
      (c) => {
        c.data.copy(buffer, offset, position - c.start, position - c.start + length);
        answer(null, length);
      },
      (e: unknown) => answer(e instanceof Error ? e : new Error(String(e))),
    );
  }
  dropCache(): void {
    this.cache = undefined;
  }
  private async fill(position: number, length: number): Promise<{ start: number; data: Buffer }> {
    const c = this.cache;
    if (c && position >= c.start && position + length <= c.start + c.data.length) return c;
    const want = Math.min(Math.max(length, CD_READ), this.size - position);
    const data = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.handle.read(data, got, want - got, position + got);
      if (bytesRead === 0) throw new Error('unexpected end of file');
      got += bytesRead;
    }
    this.cache = { start: position, data };
    return this.cache;
  }
  override _readStreamForRange(start: number, end: number): Readable {
    // Not used (entries are read by SafeZip itself), but through the same checked reads if it is.
    const handle = this.handle;
    return Readable.from(
      (async function* () {
        for (let at = start; at < end;) {
          const buf = Buffer.allocUnsafe(Math.min(1 << 20, end - at));
          const { bytesRead } = await handle.read(buf, 0, buf.length, at);
          if (bytesRead === 0) throw new Error('unexpected end of file');
          at += bytesRead;
          yield buf.subarray(0, bytesRead);
        }
      })(),
    );
  }
  override close(callback: (err: Error | null) => void): void {
    callback(null); // the descriptor is SafeZip's to close
  }
}

function readAllEntries(zipfile: yauzl.ZipFile, label: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zipfile.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zipfile.readEntry();
    });
    zipfile.once('end', () => resolve(out));
    zipfile.once('error', (err: Error) => reject(structural(label, err)));
    try {
      zipfile.readEntry();
    } catch (e) {
      reject(structural(label, e));
    }
  });
}

async function readExactly(
  handle: PositionalReader,
  position: number,
  length: number,
  label: string,
): Promise<Buffer> {
  if (!Number.isSafeInteger(position) || position < 0)
    throw badInput(`${label}: not a valid zip (a record points outside the file)`);
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, position + got);
    if (bytesRead === 0) throw badInput(`${label}: not a valid zip (truncated end records)`);
    got += bytesRead;
  }
  return buf;
}

/** Checks CRC-32 and size of decompressed content as it passes. */
class CheckingStream extends Transform {
  private crc = 0;
  private bytes = 0;
  constructor(
    private readonly entry: ZipEntryInfo,
    private readonly what: string,
  ) {
    super({ highWaterMark: 1 << 20 });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.entry.uncompressedSize) {
      cb(
        verificationFailed(
          `${this.what}: content is longer than its declared ${this.entry.uncompressedSize} bytes`,
        ),
      );
      return;
    }
    this.crc = crc32(chunk, this.crc);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    if (this.bytes !== this.entry.uncompressedSize) {
      cb(
        verificationFailed(
          `${this.what}: content is ${this.bytes} bytes, its header says ${this.entry.uncompressedSize}`,
        ),
      );
    } else if (this.crc >>> 0 !== this.entry.crc32 >>> 0) {
      cb(verificationFailed(`${this.what}: CRC-32 mismatch`));
    } else cb();
  }
}

function errorText(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0] ?? '';
}

function structural(label: string, err: unknown): UplevelError {
  if (err instanceof UplevelError) return err;
  return badInput(`${label}: not a valid zip (${errorText(err)})`);
}

function asDataError(label: string, entry: ZipEntryInfo, err: unknown): UplevelError {
  if (err instanceof UplevelError) return err;
  return verificationFailed(`${label}: ${entry.name}: corrupt data (${errorText(err)})`);
}
