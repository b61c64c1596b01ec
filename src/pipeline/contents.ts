/**
 * Resolves a plan's file sources to the zip entries that hold their bytes, and reads or
 * streams them with their integrity checked.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { verificationFailed } from '../core/errors.ts';
import type { FileSource } from '../core/plan.ts';
import { crc32 } from '../zip/crc32.ts';
import type { SafeZip, ZipEntryInfo } from '../zip/reader.ts';
import type { OpenPack } from './pack-input.ts';
import type { OpenPayload } from './payloads.ts';

export interface Located {
  zip: SafeZip;
  entry: ZipEntryInfo;
  /** sha256 the content must have, when known. */
  sha256?: string;
  /** Unix permission bits for the output. */
  mode: number;
  label: string;
}

export class PackContents {
  constructor(
    readonly pack: OpenPack,
    readonly payloads: ReadonlyMap<number, OpenPayload>,
  ) {}

  locate(source: FileSource): Located {
    if (source.kind === 'pack') {
      const entry = this.pack.files.get(source.path);
      if (!entry) throw new Error(`bug: ${source.path} not in pack`);
      const located: Located = {
        zip: this.pack.zip,
        entry,
        mode: entry.mode & 0o777 || 0o644,
        label: `${this.pack.zip.label}: ${entry.name}`,
      };
      if (source.sha256) located.sha256 = source.sha256;
      return located;
    }
    const payload = this.payloads.get(source.level);
    if (!payload) throw new Error(`bug: payload of level ${source.level} not open`);
    return {
      zip: payload.zip,
      entry: payload.fileEntry(source.path),
      sha256: source.sha256,
      mode: source.mode & 0o777,
      label: `${payload.zip.label}: files/${source.path}`,
    };
  }

  /** The whole content of a (small) file, checked against its known sha256. */
  async read(source: FileSource): Promise<Buffer> {
    const loc = this.locate(source);
    const buf = await loc.zip.readBuffer(loc.entry, 64 * 1024 * 1024);
    if (loc.sha256) {
      const got = createHash('sha256').update(buf).digest('hex');
      if (got !== loc.sha256) throw verificationFailed(`${loc.label}: sha256 mismatch`);
    }
    return buf;
  }
}

/** Hashes and counts what flows through, passing it on unchanged. */
class HashingCounter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  crc = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.crc = crc32(chunk, this.crc);
    this.bytes += chunk.length;
    cb(null, chunk);
  }
}

/**
 * Streams an entry's compressed bytes to `consume` unchanged while inflating a copy to check
 * its size and CRC-32 and compute its sha256.
 * Returns the sha256. Both sides are read from one raw stream, so the file is read once.
 */
export async function teeRawVerified(
  loc: Located,
  consume: (raw: Readable) => Promise<void>,
): Promise<string> {
  const raw = await loc.zip.openRaw(loc.entry);
  const toConsumer = new PassThrough({ highWaterMark: 1 << 20 });
  const toCheck = new PassThrough({ highWaterMark: 1 << 20 });
  raw.pipe(toConsumer);
  raw.pipe(toCheck);
  raw.on('error', (e) => {
    toConsumer.destroy(e);
    toCheck.destroy(e);
  });
  const counter = new HashingCounter();
  const decoded =
    loc.entry.compressionMethod === 8
      ? pipeline(toCheck, createInflateRaw(), counter, sink())
      : pipeline(toCheck, counter, sink());
  await Promise.all([consume(toConsumer), decoded]);
  if (counter.bytes !== loc.entry.uncompressedSize) {
    throw verificationFailed(`${loc.label}: size does not match its zip header`);
  }
  if (counter.crc >>> 0 !== loc.entry.crc32 >>> 0) {
    throw verificationFailed(`${loc.label}: CRC-32 does not match its zip header`);
  }
  const sha = counter.hash.digest('hex');
  if (loc.sha256 && sha !== loc.sha256) throw verificationFailed(`${loc.label}: sha256 mismatch`);
  return sha;
}

/** Streams decompressed, CRC-checked content to `consume` and returns its sha256. */
export async function readVerified(
  loc: Located,
  consume: (data: Readable) => Promise<void>,
): Promise<string> {
  const data = await loc.zip.openData(loc.entry);
  const counter = new HashingCounter();
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  await Promise.all([pipeline(data, counter, out), consume(out)]);
  const sha = counter.hash.digest('hex');
  if (loc.sha256 && sha !== loc.sha256) throw verificationFailed(`${loc.label}: sha256 mismatch`);
  return sha;
}

function sink() {
  return async function (source: AsyncIterable<unknown>) {
    for await (const _ of source) {
      // drain
    }
  };
}
