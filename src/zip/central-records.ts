/**
 * The end records and central directory of a zip held only in part (its last bytes), and
 * local headers: for reading a jar's directory while the jar streams past, without the
 * jar on disk or in memory. Positions are those Java's ZipFile uses: the directory is
 * where the end record says it ends, and bytes before the first entry shift every offset.
 * Pure: `read(position, length)` answers from the caller's bytes.
 */
import { badInput } from '../core/errors.ts';

export interface CentralRecord {
  name: string;
  rawName: Buffer;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where its local header is, in the file. */
  localOffset: number;
}

export interface EndRecords {
  /** Where the central directory starts and ends in the file. */
  cdStart: number;
  cdEnd: number;
  entries: number;
  /** Bytes before the first entry (the directory's offsets are relative to it). */
  prefix: number;
}

export type Read = (position: number, length: number) => Buffer | undefined;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** The end records of a zip of `size` bytes; undefined when it has none (not a zip). */
export function findEndRecords(size: number, read: Read, label: string): EndRecords | undefined {
  const span = Math.min(size, 22 + 0xffff);
  const end = read(size - span, span);
  if (!end) throw badInput(`${label}: the end records were not kept`);
  for (let i = end.length - 22; i >= 0; i--) {
    if (end.readUInt32LE(i) !== EOCD || i + 22 + end.readUInt16LE(i + 20) !== end.length) continue;
    const at = size - span + i;
    let entries = end.readUInt16LE(i + 10);
    let cdSize = end.readUInt32LE(i + 12);
    let cdOffset = end.readUInt32LE(i + 16);
    let cdEnd = at;
    const locator = at >= 20 ? read(at - 20, 20) : undefined;
    if (locator?.readUInt32LE(0) === ZIP64_LOCATOR) {
      const recordAt = Number(locator.readBigUInt64LE(8));
      const record = read(recordAt, 56);
      if (!record || record.readUInt32LE(0) !== ZIP64_EOCD)
        throw badInput(`${label}: not a valid zip (no ZIP64 end record where its locator says)`);
      entries = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
      cdEnd = recordAt;
    }
    const cdStart = cdEnd - cdSize;
    if (cdStart < 0 || cdOffset > cdStart)
      throw badInput(`${label}: not a valid zip (the central directory does not fit)`);
    return { cdStart, cdEnd, entries, prefix: cdStart - cdOffset };
  }
  return undefined;
}

/** The directory's records that `want` picks by name (others are walked over, not decoded). */
export function centralRecords(
  cd: Buffer,
  end: EndRecords,
  want: (name: string) => boolean,
  label: string,
): CentralRecord[] {
  const out: CentralRecord[] = [];
  let p = 0;
  for (let n = 0; n < end.entries; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL)
      throw badInput(`${label}: not a valid zip (central directory record ${n} is broken)`);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const next = p + 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
    if (next > cd.length)
      throw badInput(`${label}: not a valid zip (central directory record ${n} is cut short)`);
    const flags = cd.readUInt16LE(p + 8);
    const rawName = cd.subarray(p + 46, p + 46 + nameLength);
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (want(name)) {
      const r: CentralRecord = {
        name,
        rawName: Buffer.from(rawName),
        method: cd.readUInt16LE(p + 10),
        flags,
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      };
      zip64Sizes(r, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      r.localOffset += end.prefix;
      out.push(r);
    }
    p = next;
  }
  if (p !== cd.length)
    throw badInput(`${label}: not a valid zip (the central directory has trailing bytes)`);
  return out;
}

/** Sizes and offset saturated at 0xffffffff come from the ZIP64 extra field, in this order. */
function zip64Sizes(r: CentralRecord, extra: Buffer): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let q = i + 4;
      const take = () => {
        const v = q + 8 <= i + 4 + len ? Number(extra.readBigUInt64LE(q)) : MAX32;
        q += 8;
        return v;
      };
      if (r.size === MAX32) r.size = take();
      if (r.compressedSize === MAX32) r.compressedSize = take();
      if (r.localOffset === MAX32) r.localOffset = take();
      return;
    }
    i += 4 + len;
  }
}

export interface LocalHeader {
  rawName: Buffer;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** 30 + name + extra: where the data starts, from the header's start. */
  length: number;
}

/** A local header from its first 30 bytes and, once known, the rest (`full`). */
export function localHeaderLength(head: Buffer): number {
  return 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
}

export function parseLocalHeader(full: Buffer): LocalHeader {
  const nameLength = full.readUInt16LE(26);
  return {
    rawName: full.subarray(30, 30 + nameLength),
    flags: full.readUInt16LE(6),
    method: full.readUInt16LE(8),
    crc32: full.readUInt32LE(14),
    compressedSize: full.readUInt32LE(18),
    size: full.readUInt32LE(22),
    length: localHeaderLength(full),
  };
}

/** What a central record's local header must agree on for its data to be the record's. */
export function localAgrees(local: LocalHeader, record: CentralRecord): boolean {
  return (
    local.rawName.equals(record.rawName) &&
    local.method === record.method &&
    (local.flags & 0x9) === (record.flags & 0x9)
  );
}
