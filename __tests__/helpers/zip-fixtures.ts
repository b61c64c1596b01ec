/**
 * Builds zips byte by byte, so tests can produce exactly the malformed archives an attacker
 * would: lying headers, overlapping entries, odd names and types, inconsistent end records.
 * HOSTILE_ZIPS lists every case the reader must refuse, for any test file to reuse.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/zip/crc32.ts';

export interface CraftEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 0 stored, 8 deflated (default when there is data); any other value stores the data as is. */
  method?: number;
  /** Unix mode; 0o100644 by default (0o040755 for names ending in '/'). */
  mode?: number;
  /** The "version made by" host: 3 (Unix) by default, 0 for MS-DOS. */
  host?: number;
  /** General purpose flags; 0x0800 (UTF-8) by default. */
  flags?: number;
  crcOverride?: number;
  /** The stored (compressed) bytes as they are, instead of `data` deflated or stored. */
  body?: Buffer;
  /** Declared uncompressed size, when it should lie. */
  sizeOverride?: number;
  /** Declared compressed size, when it should lie. */
  compressedSizeOverride?: number;
  /** Point this central entry at an earlier entry's local header (overlap). */
  offsetOf?: number;
  /** Extra field bytes of the local header only. */
  localExtra?: Buffer;
  /** Extra field bytes of the central header only. */
  centralExtra?: Buffer;
  /** The local header's compression method, when it should disagree with the central one. */
  localMethod?: number;
  /** The local header's flags, when they should disagree with the central ones. */
  localFlags?: number;
  /** The local header's CRC-32, compressed size or size, when they should disagree. */
  localCrc?: number;
  localCompressedSize?: number;
  localSize?: number;
  /** Bytes after this entry's data (a data descriptor, or a gap before the next entry). */
  after?: Buffer;
}

export interface CraftOptions {
  /** Bytes before the first local header. */
  prefix?: Buffer;
  /** Keep only the first bytes of the archive. */
  truncate?: number;
  /** Archive comment. */
  comment?: Buffer;
  /** Bytes between the central directory and the end records. */
  afterCentralDirectory?: Buffer;
  /** Bytes put just before the classic end record (e.g. a hand-made ZIP64 locator). */
  beforeEnd?: Buffer;
  /** Write ZIP64 end records; fields may be overridden to lie. */
  zip64?: Partial<Zip64Fields> & { sentinels?: boolean };
  /** Override the classic end record's fields. */
  end?: Partial<{ diskEntries: number; entries: number; cdSize: number; cdOffset: number }>;
}

export interface Zip64Fields {
  recordSize: bigint;
  diskEntries: bigint;
  entries: bigint;
  cdSize: bigint;
  cdOffset: bigint;
  /** Where the locator says the record is. */
  recordOffset: bigint;
  signature: number;
}

const DOS_DATE = 0x5c21; // 2026-01-01
const DOS_TIME = 0x6000; // 12:00:00

export function craftZip(entries: CraftEntry[], opts: CraftOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = opts.prefix?.length ?? 0;
  if (opts.prefix) locals.push(opts.prefix);
  for (const e of entries) {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? (data.length ? 8 : 0);
    const body = e.body ?? (method === 8 ? deflateRawSync(data) : data);
    const crc = e.crcOverride ?? crc32(data);
    const size = e.sizeOverride ?? data.length;
    const csize = e.compressedSizeOverride ?? body.length;
    const flags = e.flags ?? 0x0800;
    const isDir = name.toString('latin1').endsWith('/');
    const mode = e.mode ?? (isDir ? 0o040755 : 0o100644);
    const localExtra = e.localExtra ?? Buffer.alloc(0);
    const centralExtra = e.centralExtra ?? Buffer.alloc(0);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.localFlags ?? flags, 6);
    lh.writeUInt16LE(e.localMethod ?? method, 8);
    lh.writeUInt16LE(DOS_TIME, 10);
    lh.writeUInt16LE(DOS_DATE, 12);
    lh.writeUInt32LE((e.localCrc ?? crc) >>> 0, 14);
    lh.writeUInt32LE(e.localCompressedSize ?? csize, 18);
    lh.writeUInt32LE(e.localSize ?? size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(localExtra.length, 28);
    offsets.push(offset);
    const local = Buffer.concat([lh, name, localExtra, body, e.after ?? Buffer.alloc(0)]);
    locals.push(local);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(((e.host ?? 3) << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(DOS_TIME, 12);
    ch.writeUInt16LE(DOS_DATE, 14);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(csize, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(centralExtra.length, 30);
    ch.writeUInt32LE(((mode << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
    ch.writeUInt32LE(e.offsetOf !== undefined ? (offsets[e.offsetOf] as number) : offset, 42);
    centrals.push(Buffer.concat([ch, name, centralExtra]));
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const cdOffset = offset;
  const parts = [...locals, cd];
  if (opts.afterCentralDirectory) parts.push(opts.afterCentralDirectory);
  const count = entries.length;
  const z = opts.zip64;
  if (z) {
    const recordOffset = cdOffset + cd.length + (opts.afterCentralDirectory?.length ?? 0);
    parts.push(
      zip64End({
        recordSize: 44n,
        diskEntries: BigInt(count),
        entries: BigInt(count),
        cdSize: BigInt(cd.length),
        cdOffset: BigInt(cdOffset),
        recordOffset: BigInt(recordOffset),
        signature: 0x06064b50,
        ...z,
      }),
    );
  }
  if (opts.beforeEnd) parts.push(opts.beforeEnd);
  const sentinels = Boolean(z && z.sentinels !== false);
  const comment = opts.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.end?.diskEntries ?? (sentinels ? 0xffff : count), 8);
  end.writeUInt16LE(opts.end?.entries ?? (sentinels ? 0xffff : count), 10);
  end.writeUInt32LE(opts.end?.cdSize ?? (sentinels ? 0xffffffff : cd.length), 12);
  end.writeUInt32LE(opts.end?.cdOffset ?? (sentinels ? 0xffffffff : cdOffset), 16);
  end.writeUInt16LE(comment.length, 20);
  parts.push(end, comment);
  const all = Buffer.concat(parts);
  return opts.truncate !== undefined ? all.subarray(0, opts.truncate) : all;
}

/** A ZIP64 end-of-central-directory record followed by its locator. */
export function zip64End(f: Zip64Fields): Buffer {
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(f.signature, 0);
  rec.writeBigUInt64LE(f.recordSize, 4);
  rec.writeUInt16LE((3 << 8) | 45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(f.diskEntries, 24);
  rec.writeBigUInt64LE(f.entries, 32);
  rec.writeBigUInt64LE(f.cdSize, 40);
  rec.writeBigUInt64LE(f.cdOffset, 48);
  return Buffer.concat([rec, zip64Locator(f.recordOffset)]);
}

export function zip64Locator(recordOffset: bigint): Buffer {
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(recordOffset, 8);
  loc.writeUInt32LE(1, 16);
  return loc;
}

/** A ZIP64 extended-information extra field holding the given 64-bit values. */
export function zip64Extra(...values: bigint[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(v, 4 + 8 * i));
  return b;
}

/** An Info-ZIP Unicode path extra field (0x7075) naming `name`. */
export function unicodePathExtra(stored: Buffer, name: string): Buffer {
  const utf = Buffer.from(name, 'utf8');
  const b = Buffer.alloc(9 + utf.length);
  b.writeUInt16LE(0x7075, 0);
  b.writeUInt16LE(5 + utf.length, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(crc32(stored), 5);
  utf.copy(b, 9);
  return b;
}

export const file = (name: string, data = 'x\n', extra: Partial<CraftEntry> = {}): CraftEntry => ({
  name,
  data: Buffer.from(data),
  ...extra,
});

/** A small valid pack-like zip: a top folder, a deflated file, a stored file, a script. */
export function validZip(opts: CraftOptions = {}): Buffer {
  return craftZip(
    [
      { name: 'top/' },
      file('top/a.txt', 'hello hello hello\n'.repeat(20)),
      file('top/b.bin', 'stored', { method: 0 }),
      file('top/bin/run.sh', '#!/bin/sh\n', { mode: 0o100755 }),
    ],
    opts,
  );
}

export interface HostileZip {
  name: string;
  zip: () => Buffer;
  /** 2 (bad input) or 3 (verification failed). */
  exitCode: 2 | 3;
  message: RegExp;
  /** Where it is caught: opening (central directory) or reading the entry's data. */
  at: 'open' | 'read';
}

const hostile = (
  name: string,
  zip: () => Buffer,
  exitCode: 2 | 3,
  message: RegExp,
  at: 'open' | 'read' = 'open',
): HostileZip => ({ name, zip, exitCode, message, at });

export const HOSTILE_ZIPS: HostileZip[] = [
  hostile('../ path', () => craftZip([{ name: 'top/' }, file('top/../../evil.sh')]), 2, /escapes/),
  hostile('.. as the whole name', () => craftZip([file('..')]), 2, /escapes/),
  hostile('absolute path', () => craftZip([file('/etc/passwd')]), 2, /absolute/),
  hostile('Windows drive path', () => craftZip([file('C:/evil')]), 2, /absolute/),
  hostile('backslash', () => craftZip([file('top\\..\\evil')]), 2, /backslash/),
  hostile('empty path segment', () => craftZip([file('top//a')]), 2, /empty/),
  hostile('"." path segment', () => craftZip([file('top/./a')]), 2, /empty or "\."/),
  hostile('NUL in a name', () => craftZip([file('top/a\0.txt')]), 2, /control/),
  hostile('newline in a name', () => craftZip([file('top/a\nb')]), 2, /control/),
  hostile('name over 4096 bytes', () => craftZip([file(`top/${'a'.repeat(4100)}`)]), 2, /4096/),
  hostile('empty name', () => craftZip([file('')]), 2, /empty name/),
  hostile(
    'name that is not valid UTF-8',
    () => craftZip([{ name: Buffer.from([0x74, 0x2f, 0xc3, 0x28]), data: Buffer.from('x') }]),
    2,
    /UTF-8/,
  ),
  hostile(
    'non-ASCII name without the UTF-8 flag',
    () => craftZip([{ name: Buffer.from([0x74, 0x2f, 0xe9]), data: Buffer.from('x'), flags: 0 }]),
    2,
    /ASCII/,
  ),
  hostile(
    'Unicode path extra field naming another file',
    () =>
      craftZip([
        file('top/a', 'x', {
          centralExtra: unicodePathExtra(Buffer.from('top/a'), '../../evil'),
        }),
      ]),
    2,
    /Unicode path/,
  ),
  hostile(
    'symlink entry inside the tree',
    () => craftZip([{ name: 'top/' }, file('top/link', 'x', { mode: 0o120777 })]),
    2,
    /symbolic link/,
  ),
  hostile(
    'symlink entry out of the tree',
    () => craftZip([file('top/etc', '/etc', { mode: 0o120777 })]),
    2,
    /symbolic link/,
  ),
  hostile(
    'symlink mode from a non-Unix host',
    () => craftZip([file('top/etc', '/etc', { mode: 0o120777, host: 0 })]),
    2,
    /symbolic link/,
  ),
  hostile(
    'fifo entry',
    () => craftZip([file('top/fifo', '', { mode: 0o010644 })]),
    2,
    /not a regular file/,
  ),
  hostile(
    'block device entry',
    () => craftZip([file('top/sda', '', { mode: 0o060600 })]),
    2,
    /not a regular file/,
  ),
  hostile(
    'folder mode on a file name',
    () => craftZip([file('top/a', '', { mode: 0o040755 })]),
    2,
    /folder flag/,
  ),
  hostile(
    'duplicate names with different content',
    () => craftZip([file('top/a', 'one'), file('top/a', 'two')]),
    2,
    /duplicate/,
  ),
  hostile(
    'a file and a folder of one name',
    () => craftZip([file('top/a'), { name: 'top/a/' }]),
    2,
    /both a file and a folder/,
  ),
  hostile(
    'a file used as a folder',
    () => craftZip([file('top/a'), file('top/a/b')]),
    2,
    /both a file and a folder/,
  ),
  hostile(
    'a folder under a file',
    () => craftZip([file('top/a'), { name: 'top/a/b/' }]),
    2,
    /both a file and a folder/,
  ),
  hostile('folder with content', () => craftZip([file('top/d/', 'data')]), 2, /has content/),
  hostile(
    'overlapping entries (two central entries, one local header)',
    () => craftZip([file('top/a', 'aaaa'), file('top/b', 'aaaa', { offsetOf: 0 })]),
    2,
    /overlaps/,
  ),
  hostile(
    'overlapping entries (compressed size reaching into the next entry)',
    () =>
      craftZip([
        file('top/a', 'aaaa', { method: 0, compressedSizeOverride: 40, sizeOverride: 40 }),
        file('top/b', 'bbbb'),
      ]),
    2,
    /overlaps/,
  ),
  hostile(
    'data reaching into the central directory',
    () =>
      craftZip([
        file('top/a', 'aaaa', { method: 0, compressedSizeOverride: 60, sizeOverride: 60 }),
      ]),
    2,
    /overlaps the central directory/,
  ),
  hostile(
    'local extra field length pushing data into the next entry',
    () => {
      const z = craftZip([file('top/a', 'aaaa'), file('top/b', 'bbbb')]);
      z.writeUInt16LE(200, 28); // the first local header's extra field length
      return z;
    },
    2,
    /data overlaps the next entry/,
    'read',
  ),
  hostile(
    'central entry pointing where there is no local header',
    () => craftZip([file('top/a', 'aaaa')]).fill(0, 0, 4),
    2,
    /no local header/,
    'read',
  ),
  hostile(
    'local header with another compression method',
    () => craftZip([file('top/a', 'hello', { localMethod: 0 })]),
    2,
    /compression method/,
    'read',
  ),
  hostile(
    'local header flagged encrypted',
    () => craftZip([file('top/a', 'hello', { localFlags: 0x0801 })]),
    2,
    /encrypted/,
    'read',
  ),
  hostile(
    'ratio bomb',
    () => craftZip([file('top/bomb', '', { data: Buffer.alloc(50 * 1024 * 1024), method: 8 })]),
    2,
    /ratio/,
  ),
  hostile(
    'declared size over the entry limit (1 TiB in a ZIP64 field)',
    () =>
      craftZip([
        file('top/a', 'x', { sizeOverride: 0xffffffff, centralExtra: zip64Extra(1n << 40n) }),
      ]),
    2,
    /declares 1099511627776 bytes, more than the limit/,
  ),
  hostile(
    'declared size smaller than the content',
    () => craftZip([file('top/a', 'hello world', { sizeOverride: 5 })]),
    3,
    /longer than/,
    'read',
  ),
  hostile(
    'declared size larger than the content',
    () => craftZip([file('top/a', 'hello world', { sizeOverride: 50 })]),
    3,
    /content is 11 bytes, its header says 50/,
    'read',
  ),
  hostile(
    'stored entry whose two sizes differ',
    () => craftZip([file('top/a', 'hello world', { method: 0, sizeOverride: 50 })]),
    2,
    /size mismatch/,
  ),
  hostile(
    'CRC mismatch',
    () => craftZip([file('top/a', 'hello world', { crcOverride: 0x12345678 })]),
    3,
    /CRC/,
    'read',
  ),
  hostile(
    'compressed bytes that are not deflate',
    () => craftZip([file('top/a', 'hello', { method: 8, body: Buffer.alloc(32, 0xff) })]),
    3,
    /corrupt data|CRC|bytes/,
    'read',
  ),
  hostile(
    'truncated deflate stream',
    () => {
      const data = Buffer.from('hello world '.repeat(50));
      return craftZip([
        { name: 'top/a', data, method: 8, body: deflateRawSync(data).subarray(0, 10) },
      ]);
    },
    3,
    /corrupt data|bytes|CRC/,
    'read',
  ),
  hostile(
    'truncated archive',
    () => craftZip([file('top/a', 'hello world'.repeat(100))], { truncate: 60 }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'truncated end record',
    () => {
      const z = validZip();
      return z.subarray(0, z.length - 5);
    },
    2,
    /not a valid zip/,
  ),
  hostile(
    'garbage after the end record',
    () => Buffer.concat([validZip(), Buffer.from('trailing')]),
    2,
    /not a valid zip/,
  ),
  hostile(
    'bytes hidden between the central directory and the end record',
    () => validZip({ afterCentralDirectory: Buffer.alloc(16) }),
    2,
    /does not end where the end record starts/,
  ),
  hostile(
    'end record counting fewer entries than the central directory holds',
    () => validZip({ end: { entries: 3, diskEntries: 3 } }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'end record with a wrong central directory size',
    () => validZip({ end: { cdSize: 10 } }),
    2,
    /disagrees/,
  ),
  hostile(
    'bad ZIP64 locator pointing past the end',
    () => craftZip([file('top/a')], { beforeEnd: zip64Locator(0xffffffffn) }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'ZIP64 locator pointing beyond 2^53',
    () => craftZip([file('top/a')], { beforeEnd: zip64Locator(1n << 63n) }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'ZIP64 record putting the central directory beyond 2^53',
    () => craftZip([file('top/a')], { zip64: { cdOffset: 1n << 60n } }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'bad ZIP64 record signature',
    () => craftZip([file('top/a')], { zip64: { signature: 0x12345678 } }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'ZIP64 record counting more entries than there are',
    () => craftZip([file('top/a')], { zip64: { entries: 2n, diskEntries: 2n } }),
    2,
    /not a valid zip/,
  ),
  hostile(
    'ZIP64 record with a huge entry count',
    () => craftZip([file('top/a')], { zip64: { entries: 1n << 40n } }),
    2,
    /entries is more than the limit/,
  ),
  hostile(
    'ZIP64 record disagreeing with the classic end record',
    () =>
      craftZip([file('top/a'), file('top/b')], {
        zip64: { sentinels: false },
        end: { entries: 1 },
      }),
    2,
    /disagrees with the ZIP64 end record/,
  ),
  hostile(
    'ZIP64 record size that does not reach its locator',
    () => craftZip([file('top/a')], { zip64: { recordSize: 100n } }),
    2,
    /ZIP64 end record does not end at its locator/,
  ),
  hostile(
    'ZIP64 extra field missing the size it stands for',
    () =>
      craftZip([
        file('top/a', 'x', { compressedSizeOverride: 0xffffffff, centralExtra: zip64Extra() }),
      ]),
    2,
    /not a valid zip/,
  ),
  hostile(
    'ZIP64 extra field declaring a huge compressed size',
    () =>
      craftZip([
        file('top/a', 'x', {
          compressedSizeOverride: 0xffffffff,
          centralExtra: zip64Extra(1n << 40n),
        }),
      ]),
    2,
    /overlaps/,
  ),
  hostile(
    'encrypted entry',
    () => craftZip([file('top/a', 'x', { flags: 0x0801 })]),
    2,
    /encrypted/,
  ),
  hostile(
    'strong encryption',
    () => craftZip([file('top/a', 'x', { flags: 0x0841 })]),
    2,
    /not a valid zip|encrypt/,
  ),
  hostile(
    'unsupported compression method (bzip2)',
    () => craftZip([file('top/a', 'x', { method: 12 })]),
    2,
    /compression method 12/,
  ),
  hostile('not a zip at all', () => Buffer.from('just some text\n'), 2, /not a valid zip/),
  hostile('empty file', () => Buffer.alloc(0), 2, /not a valid zip/),
  // Readers that disagree with Java's ZipInputStream, which believes the local headers.
  hostile(
    "local header's CRC-32 differs from the central directory's",
    () => craftZip([file('top/a', 'hello\n', { localCrc: 0x1234 })]),
    2,
    /local header's CRC-32 differs/,
    'read',
  ),
  hostile(
    "local header's size differs from the central directory's",
    () => craftZip([file('top/a', 'hello\n', { localSize: 99 })]),
    2,
    /local header's size differs/,
    'read',
  ),
  hostile(
    "local header's compressed size differs from the central directory's",
    () => craftZip([file('top/a', 'hello\n', { localCompressedSize: 3 })]),
    2,
    /local header's compressed size differs/,
    'read',
  ),
  hostile(
    'bytes before the first entry',
    () => craftZip([file('top/a')], { prefix: Buffer.from('PK\x03\x04 hidden') }),
    2,
    /bytes before the first entry/,
  ),
  hostile(
    'bytes between two entries',
    () => craftZip([file('top/a', 'aaaa', { after: Buffer.from('gap!') }), file('top/b')]),
    2,
    /4 bytes between its data and the next entry/,
    'read',
  ),
  hostile(
    'a deflate stream that ends before the compressed size',
    () =>
      craftZip([
        {
          name: 'top/a',
          data: Buffer.from('hello\n'),
          method: 8,
          body: Buffer.concat([
            deflateRawSync(Buffer.from('hello\n')),
            Buffer.from('PK\x03\x04evil'),
          ]),
        },
      ]),
    2,
    /deflate stream ends after/,
    'read',
  ),
  hostile(
    'data descriptor flag (bit 3) in the local header only',
    () => craftZip([file('top/a', 'hello\n', { localFlags: 0x0808 })]),
    2,
    /disagree on a data descriptor/,
    'read',
  ),
  hostile(
    'data descriptor flag (bit 3) in the central header only',
    () => craftZip([file('top/a', 'hello\n', { flags: 0x0808, localFlags: 0x0800 })]),
    2,
    /disagree on a data descriptor/,
    'read',
  ),
  hostile(
    'a data descriptor that differs from the central directory',
    () => craftZip([file('top/a', 'hello\n', { flags: 0x0808, after: descriptor(0x1234, 8, 6) })]),
    2,
    /data descriptor differs/,
    'read',
  ),
  hostile(
    'a deflated entry with no data at all',
    () => craftZip([{ name: 'top/e', method: 8, body: Buffer.alloc(0) }]),
    2,
    /deflated but has no data/,
  ),
  // Names that are one file on macOS (NFD) or Windows (case-insensitive), or unsafe there.
  hostile(
    'names equal after Unicode normalisation',
    () => craftZip([file('top/caf\u00e9.txt'), file('top/cafe\u0301.txt')]),
    2,
    /are one name on macOS or Windows/,
  ),
  hostile(
    'names equal after case folding',
    () => craftZip([file('top/conf/App.xml'), file('top/conf/app.xml')]),
    2,
    /are one name/,
  ),
  hostile(
    'folders equal after case folding',
    () => craftZip([file('top/Lib/a.jar'), file('top/lib/b.jar')]),
    2,
    /"top\/Lib" and "top\/lib" are one name/,
  ),
  hostile(
    'a Windows reserved name',
    () => craftZip([file('top/bin/CON.txt')]),
    2,
    /Windows reserves/,
  ),
  hostile('a Windows reserved device', () => craftZip([file('top/lpt1')]), 2, /Windows reserves/),
  hostile('a trailing dot', () => craftZip([file('top/run.sh.')]), 2, /trailing dot/),
  // Java's ZipInputStream takes a size of 0xffffffff from the local header's ZIP64 field.
  hostile(
    'a local ZIP64 size that differs from the central one',
    () =>
      craftZip([
        file('top/a', 'x', {
          sizeOverride: 0xffffffff,
          centralExtra: zip64Extra(1n),
          localExtra: zip64Extra(1n << 33n),
        }),
      ]),
    2,
    /local header's size \(ZIP64 8589934592\) differs from the central directory's/,
    'read',
  ),
  hostile(
    'a local size deferred to a ZIP64 field that is not there',
    () =>
      craftZip([file('top/a', 'x', { sizeOverride: 0xffffffff, centralExtra: zip64Extra(1n) })]),
    2,
    /local header's size \(ZIP64 field missing\)/,
    'read',
  ),
  hostile(
    'an NTFS alternate data stream naming another entry',
    () => craftZip([file('top/lib/a.jar', 'genuine'), file('top/lib/a.jar::$DATA', 'evil')]),
    2,
    /top\/lib\/a\.jar::\$DATA.*has a ":" \(on Windows a drive or an alternate data stream/,
  ),
  hostile('a drive-relative segment', () => craftZip([file('top/C:evil.bat')]), 2, /has a ":"/),
  hostile(
    'a bidi override in a name',
    () => craftZip([file('top/invoice\u202etxt.sh')]),
    2,
    /bidirectional or zero-width/,
  ),
  hostile(
    'a zero-width space in a name',
    () => craftZip([file('top/ru\u200bn.sh')]),
    2,
    /bidirectional or zero-width/,
  ),
];

/** A data descriptor (with its signature) stating these values. */
export function descriptor(crc: number, compressedSize: number, size: number): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(crc >>> 0, 4);
  d.writeUInt32LE(compressedSize, 8);
  d.writeUInt32LE(size, 12);
  return d;
}
