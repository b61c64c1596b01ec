/**
 * The checks yauzl leaves to us, on what the central directory and end records say:
 * names, types, sizes, limits, overlaps, and records that disagree with each other (where
 * two zip tools could see two different archives in one file).
 */
import type yauzl from 'yauzl';
import { badInput } from '../core/errors.ts';
import type { EntryMeta } from './entry.ts';

export interface ZipEntryInfo extends EntryMeta {
  isDirectory: boolean;
  generalPurposeBitFlag: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxEntrySize: number;
  maxTotalSize: number;
  /**
   * Largest uncompressed/compressed ratio: of each entry over 1 MiB, and of all entries
   * together once they hold over 1 MiB (a bomb of many small entries).
   */
  maxRatio: number;
  /** Largest ratio of all entries together once they hold over 1 GiB. */
  maxTotalRatio: number;
}

/** One validated central-directory entry and what the reader needs to find its data. */
export interface CentralEntry {
  info: ZipEntryInfo;
  rawName: Buffer;
  localHeaderOffset: number;
  /** Where the next local header (or the central directory) starts: this entry's limit. */
  limit: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const HOST_UNIX = 3;
const HOST_OSX = 19;
const RATIO_FLOOR = 1024 * 1024;
const TOTAL_RATIO_FLOOR = 1024 ** 3;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function validateEntry(raw: yauzl.Entry, label: string, limits: ZipLimits): CentralEntry {
  const rawName = raw.fileName as unknown as Buffer;
  const name = decodeName(rawName, raw.generalPurposeBitFlag, label);
  validateName(name, label);
  checkUnicodePathField(raw, name, label);
  const isDirectory = name.endsWith('/');
  // Info-ZIP's unzip reads the high 16 bits as a Unix mode from any host when they hold a
  // file type, so a "DOS" entry can still be a symlink there: judge the type the same way.
  const high = raw.externalFileAttributes >>> 16;
  const host = raw.versionMadeBy >> 8;
  const mode = host === HOST_UNIX || host === HOST_OSX || (high & S_IFMT) !== 0 ? high : 0;
  const type = mode & S_IFMT;
  if (type === S_IFLNK) throw badInput(`${label}: ${name} is a symbolic link`);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    throw badInput(`${label}: ${name} is not a regular file or folder`);
  if (type !== 0 && (type === S_IFDIR) !== isDirectory)
    throw badInput(`${label}: ${name}: folder flag and name disagree`);
  if (raw.generalPurposeBitFlag & 0x1) throw badInput(`${label}: ${name} is encrypted`);
  if (raw.compressionMethod === 8 && raw.compressedSize === 0)
    throw badInput(`${label}: ${name} is deflated but has no data (not a deflate stream)`);
  if (raw.compressionMethod === 0 && raw.generalPurposeBitFlag & 0x8)
    throw badInput(`${label}: ${name} is stored with a data descriptor, which Java cannot read`);
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
    raw.uncompressedSize > RATIO_FLOOR &&
    raw.uncompressedSize / Math.max(raw.compressedSize, 1) > limits.maxRatio
  ) {
    throw badInput(
      `${label}: ${name} has a compression ratio above ${limits.maxRatio} (a zip bomb?)`,
    );
  }
  return {
    info: {
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
    },
    rawName,
    localHeaderOffset: raw.relativeOffsetOfLocalHeader,
    limit: 0,
  };
}

function decodeName(bytes: Buffer, flags: number, label: string): string {
  if (bytes.length === 0) throw badInput(`${label}: an entry has an empty name`);
  if (bytes.length > 4096) throw badInput(`${label}: an entry name is longer than 4096 bytes`);
  if (flags & 0x800) {
    try {
      return utf8.decode(bytes);
    } catch {
      throw badInput(`${label}: entry name is not valid UTF-8 (${printable(bytes)})`);
    }
  }
  // Without the UTF-8 flag the encoding is CP437 or anything at all: accept plain ASCII only.
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e) {
      throw badInput(
        `${label}: entry name is not plain ASCII and not flagged as UTF-8 (${printable(bytes)})`,
      );
    }
  }
  return bytes.toString('latin1');
}

function printable(bytes: Buffer): string {
  return JSON.stringify(bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '?'));
}

/** Bidi overrides and isolates, zero-width and other invisible format characters. */
const INVISIBLE = /[\u061c\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const WINDOWS_RESERVED =
  /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)(\..*)?$/i;

function validateName(name: string, label: string): void {
  const bad = (why: string) => badInput(`${label}: entry ${JSON.stringify(name)} ${why}`);
  if (/[\x00-\x1f\x7f-\x9f]/.test(name)) throw bad('has control characters');
  if (INVISIBLE.test(name)) throw bad('has a bidirectional or zero-width character');
  if (name.includes('\\')) throw bad('has a backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw bad('is an absolute path');
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  for (const s of segments) {
    if (s === '..') throw bad('escapes the top folder (..)');
    if (s === '' || s === '.') throw bad('has an empty or "." path segment');
    if (WINDOWS_RESERVED.test(s)) throw bad('uses a name Windows reserves');
    // On NTFS a colon names a drive (C:x) or an alternate data stream: x.jar::$DATA is x.jar
    // itself, x.jar:s hides bytes beside it. No archive on a Linux machine here has one.
    if (s.includes(':'))
      throw bad('has a ":" (on Windows a drive or an alternate data stream of another file)');
    if (/[<>"|?*]|[. ]$/.test(s))
      throw bad('cannot be unpacked on Windows (<>"|?* or a trailing dot or space)');
  }
}

/** Other tools prefer an Info-ZIP Unicode path field (0x7075) to the name: it must agree. */
function checkUnicodePathField(raw: yauzl.Entry, name: string, label: string): void {
  for (const f of raw.extraFields) {
    if (f.id !== 0x7075) continue;
    const other = f.data.length > 5 ? f.data.subarray(5).toString('utf8') : '';
    if (other !== name)
      throw badInput(`${label}: ${name}: its Unicode path extra field names another file`);
  }
}

/**
 * Packs are unpacked on macOS (which normalises names, NFD) and Windows (case-insensitive)
 * too: two paths that differ only in Unicode normalisation or case would be one file there.
 */
export function checkFoldedNames(entries: CentralEntry[], label: string): void {
  const seen = new Map<string, string>();
  for (const { info } of entries) {
    const p = info.isDirectory ? info.name.slice(0, -1) : info.name;
    for (let i = p.indexOf('/'); ; i = p.indexOf('/', i + 1)) {
      const prefix = i < 0 ? p : p.slice(0, i);
      const key = prefix.normalize('NFC').toLowerCase().normalize('NFC');
      const other = seen.get(key);
      if (other === undefined) seen.set(key, prefix);
      else if (other !== prefix)
        throw badInput(
          `${label}: ${JSON.stringify(other)} and ${JSON.stringify(prefix)} are one name on macOS or Windows`,
        );
      if (i < 0) break;
    }
  }
}

/** A file and a folder of the same path, or a file used as a folder, are ambiguous. */
export function checkTree(entries: CentralEntry[], label: string): void {
  const files = new Set<string>();
  for (const { info } of entries) if (!info.isDirectory) files.add(info.name);
  for (const { info } of entries) {
    const p = info.isDirectory ? info.name.slice(0, -1) : info.name;
    if (info.isDirectory && files.has(p))
      throw badInput(`${label}: ${p} is both a file and a folder`);
    for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
      if (files.has(p.slice(0, i)))
        throw badInput(`${label}: ${p.slice(0, i)} is both a file and a folder`);
    }
  }
}

/**
 * Entries whose data overlap (the trick behind non-recursive zip bombs) are rejected: each
 * local header plus its data must end before the next one starts. The local extra field's
 * length is only known when the entry is read; the reader checks again then, with `limit`.
 */
export function checkOverlaps(entries: CentralEntry[], cdStart: number, label: string): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  // Java's ZipInputStream reads from the first byte: anything before the first entry is
  // something other readers would see and this one would not.
  if (sorted[0] && sorted[0].localHeaderOffset !== 0)
    throw badInput(`${label}: not a valid zip (bytes before the first entry)`);
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i] as CentralEntry;
    const next = sorted[i + 1];
    cur.limit = next ? next.localHeaderOffset : cdStart;
    const end = cur.localHeaderOffset + 30 + cur.rawName.length + cur.info.compressedSize;
    if (end > cur.limit) {
      throw badInput(
        `${label}: ${cur.info.name} overlaps ${next ? next.info.name : 'the central directory'}`,
      );
    }
  }
}

export interface EndRecordFacts {
  fileSize: number;
  commentLength: number;
  /** Entries actually read from the central directory. */
  entryCount: number;
  cdStart: number;
  /** Where reading the central directory ended. */
  cdEnd: number;
}

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/**
 * The central directory must end exactly where the end records begin, and the classic end
 * record must agree with the ZIP64 one wherever it does not defer to it: otherwise tools
 * that read one record would list different entries from tools that read the other.
 */
export async function checkEndRecords(
  read: (position: number, length: number) => Promise<Buffer>,
  f: EndRecordFacts,
  label: string,
): Promise<void> {
  const bad = (why: string) => badInput(`${label}: not a valid zip (${why})`);
  const eocdAt = f.fileSize - 22 - f.commentLength;
  const eocd = await read(eocdAt, 22);
  const cdSize = f.cdEnd - f.cdStart;
  const locatorAt = eocdAt - 20;
  const locator = locatorAt >= 0 ? await read(locatorAt, 20) : undefined;
  const agrees = (value: number, actual: number, max: number) => value === actual || value === max;
  if (locator?.readUInt32LE(0) === 0x07064b50) {
    const recordAt = Number(locator.readBigUInt64LE(8));
    const record = await read(recordAt, 56);
    if (recordAt + 12 + Number(record.readBigUInt64LE(4)) !== locatorAt)
      throw bad('the ZIP64 end record does not end at its locator');
    if (f.cdEnd !== recordAt)
      throw bad('the central directory does not end where the ZIP64 end record starts');
    if (
      Number(record.readBigUInt64LE(24)) !== f.entryCount ||
      Number(record.readBigUInt64LE(32)) !== f.entryCount ||
      Number(record.readBigUInt64LE(40)) !== cdSize
    )
      throw bad('the ZIP64 end record disagrees with the central directory');
    if (
      !agrees(eocd.readUInt16LE(8), f.entryCount, MAX16) ||
      !agrees(eocd.readUInt16LE(10), f.entryCount, MAX16) ||
      !agrees(eocd.readUInt32LE(12), cdSize, MAX32) ||
      !agrees(eocd.readUInt32LE(16), f.cdStart, MAX32)
    )
      throw bad('the end record disagrees with the ZIP64 end record');
    return;
  }
  if (f.cdEnd !== eocdAt)
    throw bad('the central directory does not end where the end record starts');
  if (
    eocd.readUInt16LE(8) !== f.entryCount ||
    eocd.readUInt16LE(10) !== f.entryCount ||
    eocd.readUInt32LE(12) !== cdSize
  )
    throw bad('the end record disagrees with the central directory');
}

/**
 * The compression ratio of the entries together: a bomb can be many entries each too small
 * for the per-entry check (deflate gives at most about 1030:1 per entry, so 30,000 entries of
 * 1 MiB of zeros are 30 GiB from 30 MB). Past 1 GiB the limit is tighter: real packs (jars,
 * already compressed) stay far below 100:1.
 */
export function checkTotalRatio(
  entries: readonly CentralEntry[],
  limits: ZipLimits,
  label: string,
): void {
  let size = 0;
  let compressed = 0;
  for (const { info } of entries) {
    size += info.uncompressedSize;
    compressed += info.compressedSize;
  }
  const ratio = size / Math.max(compressed, 1);
  const limit = size > TOTAL_RATIO_FLOOR ? limits.maxTotalRatio : limits.maxRatio;
  if (size > RATIO_FLOOR && ratio > limit) {
    throw badInput(
      `${label}: its entries together have a compression ratio of ${Math.round(ratio)}, above ${limit} (a zip bomb?)`,
    );
  }
}
