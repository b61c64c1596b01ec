/**
 * The verified-reading figure of `npm run bench`: what it costs that a cached target is read
 * only as the bytes whose hash this run verified (src/zip/pinned.ts). A 128 MiB zip of
 * 1 MiB jars is read the way `apply --out` copies a trusted pack (every entry's raw bytes):
 * - plain: no hash at all (what nothing would cost);
 * - hash, then read: sha256 of the file, then the read (the code before the pin);
 * - pinned: the verifying pass records block digests and every read is checked against them.
 * Prints one JSON line: median seconds of each over RUNS runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256File } from '../src/core/hash.ts';
import { verifyAndPin } from '../src/zip/pinned.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { toDosDateTime, ZipWriter } from '../src/zip/writer.ts';

const RUNS = Number(process.env.UPLEVEL_BENCH_RUNS ?? 5);
const MIB = 1 << 20;
const SIZE_MIB = 128;

async function makeZip(file: string): Promise<void> {
  const w = await ZipWriter.create(file);
  const time = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));
  const data = Buffer.alloc(MIB);
  let x = 1;
  for (let i = 0; i < SIZE_MIB; i++) {
    for (let j = 0; j < MIB; j += 4) data.writeUInt32LE((x = (x * 1103515245 + 12345) >>> 0), j);
    await w.addBuffer(`top/lib/jar-${i}.jar`, data, { ...time, compress: false });
  }
  await w.finish();
}

async function readAll(file: string): Promise<void> {
  const zip = await SafeZip.open(file, { label: file });
  try {
    for (const e of zip.entries) {
      for await (const lease of zip.readRawChunks(e)) lease.release();
    }
  } finally {
    await zip.close();
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'uplevel-bench-pin-'));
const file = path.join(dir, 'pack.zip');
await makeZip(file);
const sha256 = await sha256File(file);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = async (fn: () => Promise<unknown>) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
const plain: number[] = [];
const hashThenRead: number[] = [];
const pinned: number[] = [];
// Alternating; the pinned run goes last so the plain runs read an unpinned file.
for (let i = 0; i < RUNS; i++) {
  plain.push(await time(() => readAll(file)));
  hashThenRead.push(await time(async () => (await sha256File(file)) === sha256 && readAll(file)));
}
for (let i = 0; i < RUNS; i++) {
  pinned.push(
    await time(async () => {
      if (!(await verifyAndPin(file, { sha256 }))) throw new Error('bench: hash mismatch');
      await readAll(file);
    }),
  );
}
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    mib: SIZE_MIB,
    plain: median(plain),
    hashThenRead: median(hashThenRead),
    pinned: median(pinned),
  }),
);
