/**
 * Writes the updated pack as a zip: unchanged and updated files are copied as compressed
 * bytes (never recompressed), only merged overlay files and the state file are deflated.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../core/hash.ts';
import { removeOnExit } from './exit-cleanup.ts';
import type { ZipEntryInfo } from '../zip/reader.ts';
import { toDosDateTime, ZipWriter, type RawEntryMeta } from '../zip/writer.ts';
import { teeRawVerified } from './contents.ts';
import type { OutputLayout } from './output.ts';
import { PACK_STATE_PATH } from '../core/types.ts';

export interface WriteResult {
  /** sha256 of every file written, by path relative to the top folder. */
  hashes: Map<string, string>;
  /** sha256 of the bytes written, by path, where known (not the vendor's hash of an edited file). */
  contents?: Map<string, string>;
  bytes: number;
  /** sha256 of the zip file written (zip output only). */
  sha256?: string;
}

export interface WriteOptions {
  /** Timestamp of entries uplevel creates (the target level's release time). */
  time: Date;
  /** Produces the state file once every file's hash is known. */
  stateFile: (hashes: Map<string, string>) => Buffer;
  onProgress?: (done: number, total: number) => void;
}

/** A zip entry copied as it is stored: its compressed bytes, sizes, CRC and time. */
export function rawEntryMeta(name: string, e: ZipEntryInfo, mode: number): RawEntryMeta {
  return {
    name,
    compressionMethod: e.compressionMethod,
    crc32: e.crc32,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
    mode,
    dosDate: e.dosDate,
    dosTime: e.dosTime,
  };
}

export async function writeUpdatedZip(
  out: string,
  layout: OutputLayout,
  opts: WriteOptions,
): Promise<WriteResult> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.uplevel-${process.pid}.tmp`);
  const keep = removeOnExit(tmp);
  // A pack is hundreds of megabytes: hash it on another thread.
  const writer = await ZipWriter.create(tmp, { hashOnWorker: true });
  const dos = toDosDateTime(opts.time);
  const hashes = new Map<string, string>();
  const contents = new Map<string, string>();
  try {
    await writer.addDirectory(`${layout.top}/`, { mode: 0o755, ...dos });
    for (const d of layout.dirs)
      await writer.addDirectory(`${layout.top}/${d}/`, { mode: 0o755, ...dos });
    let done = 0;
    for (const f of layout.files) {
      const name = `${layout.top}/${f.path}`;
      if (f.kind === 'bytes') {
        await writer.addBuffer(name, f.data, { mode: f.mode, ...dos });
        const sha = sha256(f.data);
        hashes.set(f.path, sha);
        contents.set(f.path, sha);
      } else {
        const e = f.from.entry;
        const meta = rawEntryMeta(name, e, f.from.mode);
        if (f.from.trusted && f.from.vendorSha256) {
          // Verified bytes with a known hash: a straight copy, never decompressed.
          await writer.addRaw(meta, f.from.zip.readRawChunks(e));
          hashes.set(f.path, f.from.vendorSha256);
          if (f.from.contentSha256) contents.set(f.path, f.from.contentSha256);
        } else {
          const sha = await teeRawVerified(f.from, (raw) => writer.addRaw(meta, raw));
          hashes.set(f.path, f.from.vendorSha256 ?? sha);
          contents.set(f.path, sha);
        }
      }
      opts.onProgress?.(++done, layout.files.length);
    }
    await writer.addBuffer(`${layout.top}/${PACK_STATE_PATH}`, opts.stateFile(hashes), {
      mode: 0o644,
      ...dos,
    });
    const { bytes, sha256: fileSha256 } = await writer.finish();
    await fs.rename(tmp, out);
    keep();
    return { hashes, contents, bytes, sha256: fileSha256 };
  } catch (e) {
    await writer.abort().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    keep();
    // The user named `out`; the temporary file beside it is ours.
    const err = e as NodeJS.ErrnoException;
    if (err?.path === tmp) err.path = out;
    throw e;
  }
}
