/**
 * Files whose hash this run verified, read so that they stay verified.
 *
 * Verifying a file's hash and then reading it by its path again leaves a window: the file
 * can be rewritten or swapped between the two (a cache any workflow can write, another
 * process of the same user). So the pass that checks a file's signed hashes (or the download
 * that writes it) also records a tag of every 256 KiB block, and every later read of that
 * file in this process goes through a PinnedReader, which checks each block it reads against
 * that record: a byte that differs from the verified ones is exit 3 when it is read, before
 * anything is built from it.
 *
 * A block's tag is a GMAC (AES-256-GCM with the block as additional data, no plaintext)
 * under a key drawn at random for each pinned file, the block's index as its nonce. The key
 * and the tags stay in this process, so whoever rewrites the file cannot compute a tag; a
 * changed block passes with probability about 2^-100. GMAC costs a third of a sha256 here,
 * and the file's signed sha256 is taken once, in the same pass.
 *
 * The record is per process and keyed by absolute path: `pin()` registers a file, SafeZip.open
 * reads a registered file through its pin.
 */
import { createCipheriv, createHash, randomBytes, type CipherGCM, type Hash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { verificationFailed } from '../core/errors.ts';

export const PIN_BLOCK = 256 * 1024;

export interface FilePin {
  size: number;
  /** True when `data` is block `index` (PIN_BLOCK bytes from index × PIN_BLOCK) as verified. */
  matches(index: number, data: Buffer): boolean;
}

/** What SafeZip reads through: a FileHandle, or a PinnedReader over one. */
export interface PositionalReader {
  read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
}

const PINS = new Map<string, FilePin>();

export function pin(file: string, p: FilePin): void {
  PINS.set(path.resolve(file), p);
}

export function pinOf(file: string): FilePin | undefined {
  return PINS.get(path.resolve(file));
}

/** The GMAC of one block under `key`, its index as the nonce. */
function blockMac(key: Buffer, index: number): CipherGCM {
  const iv = Buffer.alloc(12);
  iv.writeUIntBE(index, 6, 6);
  return createCipheriv('aes-256-gcm', key, iv);
}

const endMac = (mac: CipherGCM): Buffer => {
  mac.final();
  return mac.getAuthTag();
};

/** Block tags of bytes fed in order (a download as it streams, or a verification pass). */
export class BlockHasher {
  private readonly key = randomBytes(32);
  private mac: CipherGCM = blockMac(this.key, 0);
  private inBlock = 0;
  private readonly tags: Buffer[] = [];
  size = 0;

  update(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      const n = Math.min(PIN_BLOCK - this.inBlock, chunk.length - i);
      this.mac.setAAD(chunk.subarray(i, i + n));
      this.inBlock += n;
      i += n;
      if (this.inBlock === PIN_BLOCK) this.endBlock();
    }
    this.size += chunk.length;
  }

  finish(): FilePin {
    if (this.inBlock > 0) this.endBlock();
    const { key, tags, size } = this;
    return {
      size,
      matches: (index, data) => {
        const want = tags[index];
        return want !== undefined && endMac(blockMac(key, index).setAAD(data)).equals(want);
      },
    };
  }

  private endBlock(): void {
    this.tags.push(endMac(this.mac));
    this.mac = blockMac(this.key, this.tags.length);
    this.inBlock = 0;
  }
}

/**
 * One pass over `file` that checks its signed `hashes` (and `length`, when known) and, only if
 * they match, pins it: every later read of it in this process is checked block by block.
 * False when the file is missing or does not match.
 */
export async function verifyAndPin(
  file: string,
  hashes: Readonly<Record<string, string>>,
  length?: number,
): Promise<boolean> {
  let whole;
  try {
    whole = Object.entries(hashes).map(([alg, hex]) => ({ hex, h: createHash(alg) }));
  } catch {
    return false; // an algorithm this Node lacks: the download names it
  }
  const blocks = await hashBlocks(
    file,
    whole.map(({ h }) => h),
    length,
  );
  if (!blocks || !whole.every(({ hex, h }) => h.digest('hex') === hex)) return false;
  pin(file, blocks);
  return true;
}

/**
 * The sha256 of a file that has no signed hash (a hotfix zip the lock pins), pinned as it is
 * hashed: what is read of it afterwards is the bytes this digest was taken of. Undefined when
 * the file cannot be opened (the caller's own open then says why).
 */
export async function hashAndPin(file: string): Promise<string | undefined> {
  const h = createHash('sha256');
  const blocks = await hashBlocks(file, [h]);
  if (!blocks) return undefined;
  pin(file, blocks);
  return h.digest('hex');
}

/**
 * Feeds the whole file to `hashes` and to a BlockHasher; undefined when missing or past
 * `length`. The next read is under way while a chunk is hashed.
 */
async function hashBlocks(
  file: string,
  hashes: Hash[],
  length?: number,
): Promise<FilePin | undefined> {
  let handle: FileHandle;
  try {
    handle = await fsp.open(file, 'r');
  } catch {
    return undefined;
  }
  const chunk = 4 * PIN_BLOCK;
  const bufs = [Buffer.allocUnsafe(chunk), Buffer.allocUnsafe(chunk)];
  const readAt = (i: number, at: number) => handle.read(bufs[i % 2] as Buffer, 0, chunk, at);
  let next = readAt(0, 0);
  try {
    const blocks = new BlockHasher();
    for (let i = 0; ; i++) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) break;
      next = readAt(i + 1, blocks.size + bytesRead);
      const data = buffer.subarray(0, bytesRead);
      for (const h of hashes) h.update(data);
      blocks.update(data);
      if (length !== undefined && blocks.size > length) return undefined;
    }
    if (length !== undefined && blocks.size !== length) return undefined;
    return blocks.finish();
  } finally {
    await next.catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

/** The whole content of a pinned file (small files: index.json), read through its pin. */
export async function readPinned(file: string, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await eachPinnedChunk(file, label, async (c) => void chunks.push(Buffer.from(c)));
  return Buffer.concat(chunks);
}

/** Copies a pinned file to a new file `dest` (created exclusively), checked as it is read. */
export async function copyPinned(file: string, dest: string, label: string): Promise<void> {
  const out = await fsp.open(dest, 'wx');
  try {
    await eachPinnedChunk(file, label, async (c) => void (await out.write(c)));
  } finally {
    await out.close();
  }
}

async function eachPinnedChunk(
  file: string,
  label: string,
  use: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const p = pinOf(file);
  if (!p) throw new Error(`bug: ${file} was not verified in this run`);
  const handle = await fsp.open(file, 'r');
  try {
    const reader = await PinnedReader.over(handle, p, label);
    const buf = Buffer.allocUnsafe(4 * PIN_BLOCK);
    for (let at = 0; at < p.size;) {
      const { bytesRead } = await reader.read(buf, 0, buf.length, at);
      await use(buf.subarray(0, bytesRead));
      at += bytesRead;
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Positional reads of a pinned file, each block checked against its verified digest. */
export class PinnedReader implements PositionalReader {
  /** The last blocks read for a partial request (sequential small reads share them). */
  private readonly cache: { index: number; data: Buffer }[] = [];

  private constructor(
    private readonly handle: FileHandle,
    private readonly p: FilePin,
    private readonly label: string,
  ) {}

  static async over(handle: FileHandle, p: FilePin, label: string): Promise<PinnedReader> {
    const { size } = await handle.stat();
    if (size !== p.size)
      throw verificationFailed(
        `verification failed: ${label}: changed on disk after its hash was verified (${size} bytes, verified ${p.size})`,
      );
    return new PinnedReader(handle, p, label);
  }

  get size(): number {
    return this.p.size;
  }

  async read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }> {
    const end = Math.min(position + length, this.p.size);
    let at = position;
    while (at < end) {
      const index = Math.floor(at / PIN_BLOCK);
      const start = index * PIN_BLOCK;
      const blockEnd = Math.min(start + PIN_BLOCK, this.p.size);
      const into = offset + (at - position);
      if (at === start && blockEnd <= end) {
        // A whole block: straight into the caller's buffer, checked there.
        await this.fill(buffer.subarray(into, into + blockEnd - start), index);
      } else {
        const data = await this.block(index);
        data.copy(buffer, into, at - start, Math.min(blockEnd, end) - start);
      }
      at = Math.min(blockEnd, end);
    }
    return { bytesRead: Math.max(0, end - position) };
  }

  private async block(index: number): Promise<Buffer> {
    const hit = this.cache.find((c) => c.index === index);
    if (hit) return hit.data;
    const start = index * PIN_BLOCK;
    const data = Buffer.allocUnsafe(Math.min(PIN_BLOCK, this.p.size - start));
    await this.fill(data, index);
    this.cache.push({ index, data });
    if (this.cache.length > 2) this.cache.shift();
    return data;
  }

  /** Reads block `index` into `into` (exactly its length) and checks its digest. */
  private async fill(into: Buffer, index: number): Promise<void> {
    const start = index * PIN_BLOCK;
    let got = 0;
    while (got < into.length) {
      const { bytesRead } = await this.handle.read(into, got, into.length - got, start + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    if (got !== into.length || !this.p.matches(index, into)) {
      throw verificationFailed(
        `verification failed: ${this.label}: changed on disk after its hash was verified (bytes ${start}–${start + into.length}); not using it`,
      );
    }
  }
}
