/**
 * Resolves a plan's file sources to the zip entries that hold their bytes, and reads or
 * streams them with their integrity checked.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { badInput, verificationFailed } from '../core/errors.ts';
import type { FileSource } from '../core/plan.ts';
import { crc32 } from '../zip/crc32.ts';
import type { SafeZip, ZipEntryInfo } from '../zip/reader.ts';
import type { OpenPack } from './pack-input.ts';
import type { OpenPayload } from './payloads.ts';

export interface Located {
  zip: SafeZip;
  entry: ZipEntryInfo;
  /** sha256 the content must have: checked whenever the content is decompressed. */
  sha256?: string;
  /** The vendor's sha256 of the file, recorded in the pack state. */
  vendorSha256?: string;
  /**
   * sha256 of these very bytes, when signed for them: a payload's file, or a file of the
   * verified GA pack (its hashes are the signed file manifest's). A pack with a state records
   * the vendor's hashes, and its bytes may carry local edits: unknown there.
   */
  contentSha256?: string;
  /**
   * The zip it comes from was verified as a whole (signed or pinned sha256), so its bytes
   * can be copied without decompressing them to check their CRC.
   */
  trusted: boolean;
  /** Unix permission bits for the output. */
  mode: number;
  label: string;
}

export class PackContents {
  constructor(
    readonly pack: OpenPack,
    readonly payloads: ReadonlyMap<number, OpenPayload>,
    /** The input pack's own sha256 was verified (it came signed, or pinned by the lock). */
    readonly packTrusted: boolean,
  ) {}

  locate(source: FileSource): Located {
    if (source.kind === 'pack') {
      const entry = this.pack.files.get(source.path);
      if (!entry) throw new Error(`bug: ${source.path} not in pack`);
      // A pack's recorded hashes are the vendor's; its content may carry local edits, so
      // they name the file in the state but are not what its bytes must hash to.
      const located: Located = {
        zip: this.pack.zip,
        entry,
        trusted: this.packTrusted,
        mode: entry.mode & 0o777 || 0o644,
        label: `${this.pack.zip.label}: ${entry.name}`,
      };
      if (source.sha256) located.vendorSha256 = source.sha256;
      if (source.sha256 && this.packTrusted && !this.pack.state)
        located.contentSha256 = source.sha256;
      return located;
    }
    const payload = this.payloads.get(source.level);
    if (!payload) throw new Error(`bug: payload of level ${source.level} not open`);
    return {
      zip: payload.zip,
      entry: payload.fileEntry(source.path),
      sha256: source.sha256,
      vendorSha256: source.sha256,
      contentSha256: source.sha256,
      trusted: true,
      mode: source.mode & 0o777,
      label: `${payload.zip.label}: files/${source.path}`,
    };
  }

  /** The whole content of a (small) file, checked against the vendor's sha256 when known. */
  async read(source: FileSource): Promise<Buffer> {
    const loc = this.locate(source);
    const buf = await loc.zip.readBuffer(loc.entry, 64 * 1024 * 1024);
    const expected = loc.sha256 ?? loc.vendorSha256;
    if (expected && createHash('sha256').update(buf).digest('hex') !== expected) {
      throw verificationFailed(
        `${loc.label}: content differs from the vendor's file (sha256 mismatch)`,
      );
    }
    return buf;
  }

  /**
   * The vendor's content of `path` just before `level` changed it, from the payload's merge
   * base when it carries one (the pack's own copy may hold local edits).
   */
  async baseBefore(level: number, path: string): Promise<Buffer | undefined> {
    const payload = this.payloads.get(level);
    const entry = payload?.baseEntry(path);
    if (!payload || !entry) return undefined;
    const buf = await payload.zip.readBuffer(entry, 64 * 1024 * 1024);
    const modified = payload.manifest.files.modified.find((f) => f.path === path);
    if (modified && createHash('sha256').update(buf).digest('hex') !== modified.replaces) {
      throw verificationFailed(
        `${payload.zip.label}: base/${path} is not the content the update replaces`,
      );
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
  const inflate = loc.entry.compressionMethod === 8 ? createInflateRaw() : undefined;
  const decoded = inflate
    ? pipeline(toCheck, inflate, counter, sink())
    : pipeline(toCheck, counter, sink());
  await Promise.all([consume(toConsumer), decoded]);
  // Java's ZipInputStream reads on where the deflate stream ends: bytes after it are not data.
  if (inflate && inflate.bytesWritten !== loc.entry.compressedSize)
    throw badInput(`${loc.label}: its deflate stream ends before its compressed size`);
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
