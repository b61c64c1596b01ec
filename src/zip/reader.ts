/**
 * A zip reader that trusts nothing: every name, type, size and offset in the central
 * directory is checked before a caller sees an entry, and every byte read is checked
 * against its CRC-32 and size. yauzl parses; the checks it leaves to us live here.
 */
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { badInput, UplevelError, verificationFailed } from '../core/errors.ts';
import { crc32 } from './crc32.ts';
import type { EntryMeta } from './entry.ts';

export interface ZipEntryInfo extends EntryMeta {
  isDirectory: boolean;
  generalPurposeBitFlag: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxEntrySize: number;
  maxTotalSize: number;
  /** Largest uncompressed/compressed ratio for entries over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntrySize: 8 * 1024 ** 3,
  maxTotalSize: 32 * 1024 ** 3,
  maxRatio: 1000,
};

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

interface Internal {
  info: ZipEntryInfo;
  raw: yauzl.Entry;
  /** Where the next local header (or the central directory) starts: this entry's limit. */
  limit: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const RAW_CHUNK = 4 << 20;
const WINDOW = 4 << 20;
const SMALL_READ = 64 << 10;
const MAX_LIVE_WINDOWS = 2;
const LIVE_WINDOWS: SafeZip[] = [];

export class SafeZip {
  private readonly byName = new Map<string, Internal>();
  private readonly internals: Internal[] = [];
  private handle: Promise<FileHandle> | undefined;
  private window: { start: number; data: Buffer } | undefined;
  /** Where the last read from the file ended, to tell sequential reading from jumps. */
  private readEnd: number | undefined;

  private constructor(
    private readonly zipfile: yauzl.ZipFile,
    readonly file: string,
    readonly label: string,
  ) {}

  get entries(): readonly ZipEntryInfo[] {
    return this.internals.map((i) => i.info);
  }

  static async open(
    file: string,
    opts: { label?: string; limits?: Partial<ZipLimits> } = {},
  ): Promise<SafeZip> {
    const label = opts.label ?? file;
    const limits = { ...DEFAULT_LIMITS, ...opts.limits };
    const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      yauzl.open(
        file,
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
        (err, zf) => (err || !zf ? reject(structural(label, err)) : resolve(zf)),
      );
    });
    const zip = new SafeZip(zipfile, file, label);
    try {
      if (zipfile.entryCount > limits.maxEntries) {
        throw badInput(
          `${label}: ${zipfile.entryCount} entries is more than the limit of ${limits.maxEntries}`,
        );
      }
      // yauzl starts reading entries at the central directory; nothing may lie beyond it.
      const centralDirectory = (zipfile as unknown as { readEntryCursor: number }).readEntryCursor;
      const raws = await readAllEntries(zipfile, label);
      let total = 0;
      for (const raw of raws) {
        const info = validateEntry(raw, label, limits);
        total += info.uncompressedSize;
        if (total > limits.maxTotalSize) {
          throw badInput(
            `${label}: uncompressed size exceeds the limit of ${limits.maxTotalSize} bytes`,
          );
        }
        if (zip.byName.has(info.name)) throw badInput(`${label}: duplicate entry ${info.name}`);
        const internal = { info, raw, limit: centralDirectory };
        zip.byName.set(info.name, internal);
        zip.internals.push(internal);
      }
      checkTree(zip.internals, label);
      checkOverlaps(zip.internals, centralDirectory, label);
      return zip;
    } catch (e) {
      zipfile.close();
      throw e;
    }
  }

  get(name: string): ZipEntryInfo | undefined {
    return this.byName.get(name)?.info;
  }

  /** The one top-level folder every entry lives in, if there is exactly one. */
  topFolder(): string | undefined {
    let top: string | undefined;
    for (const { info } of this.internals) {
      const slash = info.name.indexOf('/');
      if (slash <= 0) return undefined; // a file at the root
      const first = info.name.slice(0, slash);
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
    const stream = await this.open(entry, entry.compressionMethod === 8);
    const check = new CheckingStream(entry, `${this.label}: ${entry.name}`);
    stream.on('error', (e) => check.destroy(asDataError(this.label, entry, e)));
    return stream.pipe(check);
  }

  async readBuffer(entry: ZipEntryInfo, maxBytes = 256 * 1024 * 1024): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes) {
      throw badInput(`${this.label}: ${entry.name} is larger than ${maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of await this.openData(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * The entry's compressed bytes as large buffers read straight from the file: the fast
   * path for copying an entry into another zip as it is.
   */
  async *readRawChunks(entry: ZipEntryInfo): AsyncGenerator<Buffer> {
    const start = await this.dataStart(entry);
    let done = 0;
    while (done < entry.compressedSize) {
      const want = Math.min(RAW_CHUNK, entry.compressedSize - done);
      yield await this.readAt(start + done, want);
      done += want;
    }
  }

  /**
   * Bytes at a position, through a read-ahead window: entries are usually copied in the
   * order they are stored, so one large read serves many small entries and their headers.
   */
  private async readAt(position: number, length: number): Promise<Buffer> {
    const w = this.window;
    if (w && position >= w.start && position + length <= w.start + w.data.length) {
      this.readEnd = w.start + w.data.length;
      return w.data.subarray(position - w.start, position - w.start + length);
    }
    // Read ahead only when reading on from where the last read ended (copying entries in
    // stored order); a jump elsewhere reads little more than what was asked.
    const sequential =
      this.readEnd !== undefined && position >= this.readEnd && position - this.readEnd <= 4096;
    const size = Math.max(length, sequential ? WINDOW : SMALL_READ);
    const data = Buffer.allocUnsafe(size);
    const handle = await this.fileHandle();
    let got = 0;
    while (got < size) {
      const { bytesRead } = await handle.read(data, got, size - got, position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got < length)
      throw badInput(`${this.label}: the archive ends before byte ${position + length}`);
    this.window = { start: position, data: data.subarray(0, got) };
    this.readEnd = position + got;
    // Many zips may be open at once (one per level); only the most recent large windows stay.
    if (size < WINDOW) return this.window.data.subarray(0, length);
    LIVE_WINDOWS.push(this);
    while (LIVE_WINDOWS.length > MAX_LIVE_WINDOWS) {
      const old = LIVE_WINDOWS.shift();
      if (old && old !== this && !LIVE_WINDOWS.includes(old)) old.window = undefined;
    }
    return this.window.data.subarray(0, length);
  }

  /** Bytes [start, start + length) in chunks of up to 1 MiB, bypassing the read-ahead window. */
  private async *readSpan(start: number, length: number): AsyncGenerator<Buffer> {
    const handle = await this.fileHandle();
    let done = 0;
    while (done < length) {
      const want = Math.min(1 << 20, length - done);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, start + done);
      if (bytesRead === 0) throw badInput(`${this.label}: the archive ends inside an entry`);
      done += bytesRead;
      yield bytesRead === want ? buf : buf.subarray(0, bytesRead);
    }
  }

  async close(): Promise<void> {
    this.zipfile.close();
    const h = this.handle;
    this.handle = undefined;
    if (h) await (await h).close().catch(() => undefined);
  }

  private fileHandle(): Promise<FileHandle> {
    this.handle ??= fsp.open(this.file, 'r');
    return this.handle;
  }

  /** Where the entry's data starts, after checking its local header against the central one. */
  private async dataStart(entry: ZipEntryInfo): Promise<number> {
    const internal = this.byName.get(entry.name);
    if (!internal || internal.info !== entry)
      throw new Error(`bug: ${entry.name} is not an entry of ${this.label}`);
    const offset = internal.raw.relativeOffsetOfLocalHeader;
    const cdName = internal.raw.fileName as unknown as Buffer;
    const head = await this.readAt(offset, 30 + cdName.length).catch(() => Buffer.alloc(0));
    if (head.length < 30 + cdName.length || head.readUInt32LE(0) !== 0x04034b50) {
      throw badInput(
        `${this.label}: ${entry.name}: no local header where the central directory says`,
      );
    }
    const nameLength = head.readUInt16LE(26);
    const extraLength = head.readUInt16LE(28);
    if (nameLength !== cdName.length || !head.subarray(30).equals(cdName)) {
      throw badInput(`${this.label}: ${entry.name}: local header names a different file`);
    }
    const start = offset + 30 + nameLength + extraLength;
    if (start + entry.compressedSize > internal.limit) {
      throw badInput(`${this.label}: ${entry.name} overlaps the next entry`);
    }
    return start;
  }

  private async open(entry: ZipEntryInfo, decompress: boolean): Promise<Readable> {
    const dataStart = await this.dataStart(entry);
    if (entry.compressedSize === 0) return Readable.from([]);
    // Positional reads on the zip's one open handle: no open and close per entry.
    const raw = Readable.from(this.readSpan(dataStart, entry.compressedSize), {
      objectMode: false,
    });
    if (!decompress) return raw;
    const inflate = createInflateRaw({ chunkSize: 1 << 18 });
    raw.on('error', (e) => inflate.destroy(e));
    return raw.pipe(inflate);
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
    zipfile.readEntry();
  });
}

function decodeName(raw: yauzl.Entry, label: string): string {
  const bytes = raw.fileName as unknown as Buffer;
  if (bytes.length === 0) throw badInput(`${label}: an entry has an empty name`);
  if (bytes.length > 4096) throw badInput(`${label}: an entry name is longer than 4096 bytes`);
  if (raw.generalPurposeBitFlag & 0x800) {
    try {
      return utf8.decode(bytes);
    } catch {
      throw badInput(`${label}: entry name is not valid UTF-8 (${printable(bytes)})`);
    }
  }
  // Without the UTF-8 flag the encoding is CP437 or anything at all: accept plain ASCII only.
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e)
      throw badInput(`${label}: entry name is not valid UTF-8 (${printable(bytes)})`);
  }
  return bytes.toString('latin1');
}

function printable(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '?'));
}

function validateName(name: string, label: string): void {
  const bad = (why: string) => badInput(`${label}: entry ${JSON.stringify(name)} ${why}`);
  if (/[\x00-\x1f\x7f]/.test(name)) throw bad('has control characters');
  if (name.includes('\\')) throw bad('has a backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw bad('is an absolute path');
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  for (const s of segments) {
    if (s === '..') throw bad('escapes the top folder (..)');
    if (s === '' || s === '.') throw bad('has an empty or "." path segment');
  }
}

function validateEntry(raw: yauzl.Entry, label: string, limits: ZipLimits): ZipEntryInfo {
  const name = decodeName(raw, label);
  validateName(name, label);
  const isDirectory = name.endsWith('/');
  const unix = raw.versionMadeBy >> 8 === 3;
  const mode = unix ? raw.externalFileAttributes >>> 16 : 0;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) throw badInput(`${label}: ${name} is a symbolic link`);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    throw badInput(`${label}: ${name} is not a regular file or folder`);
  if ((type === S_IFDIR) !== isDirectory && type !== 0)
    throw badInput(`${label}: ${name}: folder flag and name disagree`);
  if (raw.generalPurposeBitFlag & 0x1) throw badInput(`${label}: ${name} is encrypted`);
  if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
    throw badInput(
      `${label}: ${name} uses unsupported compression method ${raw.compressionMethod}`,
    );
  }
  if (isDirectory && raw.uncompressedSize !== 0)
    throw badInput(`${label}: folder ${name} has content`);
  if (raw.uncompressedSize > limits.maxEntrySize) {
    throw badInput(
      `${label}: ${name} declares ${raw.uncompressedSize} bytes, more than the limit of ${limits.maxEntrySize}`,
    );
  }
  if (
    raw.uncompressedSize > 1024 * 1024 &&
    raw.uncompressedSize / Math.max(raw.compressedSize, 1) > limits.maxRatio
  ) {
    throw badInput(
      `${label}: ${name} has a compression ratio above ${limits.maxRatio} (a zip bomb?)`,
    );
  }
  return {
    name,
    isDirectory,
    compressionMethod: raw.compressionMethod,
    crc32: raw.crc32 >>> 0,
    compressedSize: raw.compressedSize,
    uncompressedSize: raw.uncompressedSize,
    mode,
    dosDate: raw.lastModFileDate,
    dosTime: raw.lastModFileTime,
    generalPurposeBitFlag: raw.generalPurposeBitFlag,
  };
}

/** A file and a folder of the same path, or a file used as a folder, are ambiguous. */
function checkTree(internals: Internal[], label: string): void {
  const files = new Set<string>();
  const dirs = new Set<string>();
  for (const { info } of internals) {
    if (info.isDirectory) dirs.add(info.name.slice(0, -1));
    else files.add(info.name);
  }
  for (const f of files) {
    if (dirs.has(f)) throw badInput(`${label}: ${f} is both a file and a folder`);
    for (let i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
      if (files.has(f.slice(0, i)))
        throw badInput(`${label}: ${f.slice(0, i)} is both a file and a folder`);
    }
  }
}

/**
 * Entries whose data overlap (the trick behind non-recursive zip bombs) are rejected: each
 * local header plus its data must end before the next one starts.
 */
function checkOverlaps(internals: Internal[], centralDirectory: number, label: string): void {
  const sorted = [...internals].sort(
    (a, b) => a.raw.relativeOffsetOfLocalHeader - b.raw.relativeOffsetOfLocalHeader,
  );
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i] as Internal;
    const next = sorted[i + 1];
    const limit = next ? next.raw.relativeOffsetOfLocalHeader : centralDirectory;
    cur.limit = limit;
    const end =
      cur.raw.relativeOffsetOfLocalHeader +
      30 +
      (cur.raw.fileName as unknown as Buffer).length +
      cur.info.compressedSize;
    if (end > limit)
      throw badInput(
        `${label}: ${cur.info.name} overlaps ${next ? next.info.name : 'the central directory'}`,
      );
  }
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

function structural(label: string, err: unknown): UplevelError {
  if (err instanceof UplevelError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return badInput(`${label}: not a valid zip (${msg})`);
}

function asDataError(label: string, entry: ZipEntryInfo, err: unknown): UplevelError {
  if (err instanceof UplevelError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return verificationFailed(`${label}: ${entry.name}: corrupt data (${msg})`);
}
