/**
 * Builds zips byte by byte, so tests can produce exactly the malformed archives an attacker
 * would: lying headers, overlapping entries, odd names and types.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/zip/crc32.ts';

export interface CraftEntry {
  name: string | Buffer;
  data?: Buffer;
  method?: 0 | 8;
  /** Unix mode; 0o100644 by default (0o040755 for names ending in '/'). */
  mode?: number;
  flags?: number;
  crcOverride?: number;
  /** Declared uncompressed size, when it should lie. */
  sizeOverride?: number;
  /** Point this central entry at another entry's local header (overlap). */
  offsetOf?: number;
  /** Declared compressed size, when it should lie. */
  compressedSizeOverride?: number;
}

export function craftZip(
  entries: CraftEntry[],
  opts: { zip64Eocd?: Buffer; truncate?: number } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? (data.length ? 8 : 0);
    const body = method === 8 ? deflateRawSync(data) : data;
    const crc = e.crcOverride ?? crc32(data);
    const size = e.sizeOverride ?? data.length;
    const csize = e.compressedSizeOverride ?? body.length;
    const flags = e.flags ?? 0x0800;
    const isDir = name.toString('latin1').endsWith('/');
    const mode = e.mode ?? (isDir ? 0o040755 : 0o100644);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt16LE(0, 10);
    lh.writeUInt16LE(0x5c21, 12);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(csize, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    offsets.push(offset);
    const local = Buffer.concat([lh, name, body]);
    locals.push(local);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt16LE(0, 12);
    ch.writeUInt16LE(0x5c21, 14);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(csize, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt16LE(0, 30);
    ch.writeUInt32LE(((mode << 16) | (isDir ? 0x10 : 0)) >>> 0, 38);
    ch.writeUInt32LE(e.offsetOf !== undefined ? (offsets[e.offsetOf] as number) : offset, 42);
    centrals.push(Buffer.concat([ch, name]));
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const parts = [...locals, cd];
  if (opts.zip64Eocd) {
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    parts.push(opts.zip64Eocd);
  }
  parts.push(end);
  const all = Buffer.concat(parts);
  return opts.truncate !== undefined ? all.subarray(0, opts.truncate) : all;
}

/** A ZIP64 end-of-central-directory locator pointing nowhere sensible. */
export function badZip64Locator(): Buffer {
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(0xffffffffn, 8);
  loc.writeUInt32LE(1, 16);
  return loc;
}
