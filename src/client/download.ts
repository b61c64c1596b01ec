/**
 * Downloads a file that is pinned by sha256 (the lock's `pack.url`), verified before use and
 * cached by hash, so a pack is fetched once per machine.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { verificationFailed } from '../core/errors.ts';
import { BlockHasher, pin, verifyAndPin } from '../zip/pinned.ts';
import { httpGetStream, redactUrl } from './http.ts';

export async function downloadVerified(
  url: string,
  sha256: string,
  opts: {
    dir: string;
    onProgress?: (bytes: number, total?: number) => void;
    env?: NodeJS.ProcessEnv;
  },
): Promise<string> {
  await fs.mkdir(opts.dir, { recursive: true });
  const file = path.join(opts.dir, `${sha256}.zip`);
  // Pinned: this process then reads the file only as the bytes verified here.
  if (await verifyAndPin(file, { sha256 })) return file;
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
  try {
    const { body, total } = await httpGetStream(url, opts.env ? { env: opts.env } : {});
    const hash = createHash('sha256');
    const blocks = new BlockHasher();
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _e, cb) {
        hash.update(chunk);
        blocks.update(chunk);
        bytes += chunk.length;
        opts.onProgress?.(bytes, total);
        cb(null, chunk);
      },
    });
    await pipeline(body, count, createWriteStream(tmp, { flags: 'wx' }));
    const got = hash.digest('hex');
    if (got !== sha256)
      throw verificationFailed(`pack.sha256 does not match the download from ${redactUrl(url)}`);
    await fs.rename(tmp, file);
    pin(file, blocks.finish());
    return file;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
