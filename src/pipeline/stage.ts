/** Writing files into an in-place change's staging folder, durably and verified. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { verificationFailed } from '../core/errors.ts';
import type { SafeZip } from '../zip/reader.ts';
import { step } from './in-place/steps.ts';

/** Extracts a zip entry to `dest`, checks its sha256, and fsyncs it. */
export async function stageEntry(
  zip: SafeZip,
  entryName: string,
  dest: string,
  sha256: string,
  mode: number,
): Promise<void> {
  const entry = zip.get(entryName);
  if (!entry) throw verificationFailed(`${zip.label}: ${entryName} is missing`);
  await fs.mkdir(path.dirname(dest), { recursive: true });
  const h = createHash('sha256');
  const data = await zip.openData(entry);
  data.on('data', (c: Buffer) => h.update(c));
  await pipeline(data, createWriteStream(dest, { mode: mode & 0o777 }));
  if (h.digest('hex') !== sha256)
    throw verificationFailed(`${zip.label}: ${entryName}: sha256 mismatch`);
  const fh = await fs.open(dest, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await step(`staged ${dest}`);
}

export async function sha256OfFile(file: string): Promise<string | undefined> {
  try {
    const h = createHash('sha256');
    for await (const c of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(c as Buffer);
    return h.digest('hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
