/** The raw-copy zip writer, checked by our reader, by Info-ZIP's unzip and by Python's zipfile. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fromSystemError } from '../src/core/errors.ts';
import { crc32 } from '../src/zip/crc32.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { afterWritten, toDosDateTime, ZipWriter, type RawEntryMeta } from '../src/zip/writer.ts';
import { bytes } from './helpers/packs.ts';
import { hasTool, needs } from './helpers/tools.ts';

let dir: string;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-zipw-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const T = toDosDateTime(new Date(Date.UTC(2026, 0, 1, 12, 30, 10)));
const FILES: [string, Buffer, number][] = [
  ['top/bin/run.sh', Buffer.from('#!/bin/sh\necho hi\n'), 0o755],
  ['top/conf/app.properties', Buffer.from('a = 1\n'.repeat(200)), 0o644],
  ['top/lib/x.jar', bytes(7, 100_000), 0o644],
  ['top/empty.txt', Buffer.alloc(0), 0o644],
  ['top/ünïcödé name.txt', Buffer.from('utf8 names\n'), 0o644],
];

async function writeSample(file: string, opts: { forceZip64?: boolean } = {}) {
  const w = await ZipWriter.create(file, opts);
  await w.addDirectory('top/', { ...T });
  for (const [name, data, mode] of FILES) await w.addBuffer(name, data, { mode, ...T });
  return w.finish();
}

interface PyInfo {
  name: string;
  flags: number;
  system: number;
  attr: number;
  extra: string;
  method: number;
  date: number[];
  size: number;
}

/** What Python's zipfile sees, after it has checked every CRC. */
function python(file: string): PyInfo[] {
  const script = [
    'import zipfile, sys, json',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps([dict(name=i.filename, flags=i.flag_bits, system=i.create_system,',
    '  attr=i.external_attr, extra=i.extra.hex(), method=i.compress_type,',
    '  date=list(i.date_time), size=i.file_size) for i in z.infolist()]))',
  ].join('\n');
  return JSON.parse(
    execFileSync('python3', ['-c', script, file], { maxBuffer: 64 << 20 }).toString(),
  ) as PyInfo[];
}

const unzipTest = (file: string) => execFileSync('unzip', ['-tq', file]).toString();
/** Info-ZIP's own check as a second opinion where it is installed (.ci/run installs it). */
const unzipAgrees = (file: string) => {
  if (hasTool('unzip')) assert.match(unzipTest(file), /No errors detected/);
};

describe('ZipWriter', () => {
  for (const forceZip64 of [false, true]) {
    test(
      `round trip${forceZip64 ? ' with ZIP64 records forced' : ''}: our reader, unzip -t and Python agree`,
      { skip: needs('unzip', 'python3') },
      async () => {
        const file = path.join(dir, `rt-${forceZip64}.zip`);
        const { entries, bytes: size } = await writeSample(file, { forceZip64 });
        assert.equal(entries, FILES.length + 1);
        assert.equal(size, (await fs.stat(file)).size);
        const zip = await SafeZip.open(file);
        for (const [name, data, mode] of FILES) {
          const e = zip.get(name);
          assert.ok(e, name);
          assert.ok((await zip.readBuffer(e)).equals(data), name);
          assert.equal(e.mode, 0o100000 | mode);
          assert.equal(e.dosDate, T.dosDate);
          assert.equal(e.dosTime, T.dosTime);
          assert.equal(e.generalPurposeBitFlag, 0x0800, 'UTF-8 flag, no data descriptor');
        }
        assert.equal(zip.get('top/')?.mode, 0o040755);
        await zip.close();
        assert.match(unzipTest(file), /No errors detected/);
        const listed = python(file);
        assert.deepEqual(
          listed.map((i) => i.name),
          ['top/', ...FILES.map(([n]) => n)],
        );
        for (const i of listed) {
          assert.equal(i.flags, 0x0800, `${i.name}: only the UTF-8 flag`);
          assert.equal(i.system, 3, `${i.name}: made by Unix`);
          assert.deepEqual(i.date, [2026, 1, 1, 12, 30, 10]);
          // No extra fields, or only the ZIP64 one when it is forced.
          assert.match(i.extra, forceZip64 ? /^0100/ : /^$/, i.name);
        }
        assert.equal(listed[0]?.attr, ((0o040755 << 16) | 0x10) >>> 0, 'folder: mode and DOS bit');
        assert.equal(listed[1]?.attr, (0o100755 << 16) >>> 0);
        assert.equal(listed.find((i) => i.name === 'top/lib/x.jar')?.method, 0, 'stored: random');
        assert.equal(listed.find((i) => i.name.endsWith('.properties'))?.method, 8);
      },
    );
  }

  test('copying compressed bytes reproduces the archive byte for byte', async () => {
    const a = path.join(dir, 'a.zip');
    const b = path.join(dir, 'b.zip');
    await writeSample(a);
    const src = await SafeZip.open(a);
    const w = await ZipWriter.create(b);
    for (const e of src.entries) {
      if (e.isDirectory)
        await w.addDirectory(e.name, { mode: e.mode, dosDate: e.dosDate, dosTime: e.dosTime });
      else await w.addRaw({ ...e }, await src.openRaw(e));
    }
    await w.finish();
    await src.close();
    assert.ok((await fs.readFile(a)).equals(await fs.readFile(b)));
  });

  test('raw copies taken in turn from several zips through shared read buffers are intact', async () => {
    // Many small entries and a few larger than a read window, from three zips at once: read
    // buffers are dropped, recycled and handed to other zips while writes of their pieces
    // are still in flight. Every entry must come out with its own bytes.
    const sources: { zip: SafeZip; data: Map<string, Buffer> }[] = [];
    for (let z = 0; z < 3; z++) {
      const file = path.join(dir, `src-${z}.zip`);
      const w = await ZipWriter.create(file);
      const data = new Map<string, Buffer>();
      for (let i = 0; i < 300; i++) {
        const size = i % 50 === 7 ? 3 * 1024 * 1024 + i : 1 + ((i * 7919 + z * 104729) % 60_000);
        const name = `z${z}/f${String(i).padStart(3, '0')}`;
        data.set(name, bytes(z * 1000 + i, size));
        await w.addBuffer(name, data.get(name)!, { compress: i % 3 === 0, ...T });
      }
      await w.finish();
      sources.push({ zip: await SafeZip.open(file), data });
    }
    const out = path.join(dir, 'interleaved.zip');
    const w = await ZipWriter.create(out, { hashOnWorker: true });
    for (let i = 0; i < 300; i++) {
      for (const { zip } of sources) {
        const e = zip.entries[i]!;
        await w.addRaw({ ...e }, zip.readRawChunks(e));
      }
    }
    await w.finish();
    for (const { zip } of sources) await zip.close();
    const result = await SafeZip.open(out);
    for (const { data } of sources) {
      for (const [name, expected] of data) {
        const got = await result.readBuffer(result.get(name)!); // CRC-checked as it reads
        assert.ok(got.equals(expected), `${name} came out with other bytes`);
      }
    }
    await result.close();
  });

  test(
    'a deflated entry from a zip made by Info-ZIP is copied without recompressing',
    { skip: needs('zip', 'unzip') },
    async () => {
      const work = await fs.mkdtemp(path.join(dir, 'infozip-'));
      const text = Buffer.from('line of a config file that compresses well\n'.repeat(500));
      await fs.mkdir(path.join(work, 'top'));
      await fs.writeFile(path.join(work, 'top', 'conf.txt'), text);
      execFileSync('zip', ['-qr', 'src.zip', 'top'], { cwd: work });
      const src = await SafeZip.open(path.join(work, 'src.zip'));
      const e = src.get('top/conf.txt');
      assert.ok(e);
      assert.equal(e.compressionMethod, 8);
      const raw = Buffer.concat(await (await src.openRaw(e)).toArray());
      assert.equal(raw.length, e.compressedSize);

      const out = path.join(work, 'out.zip');
      const w = await ZipWriter.create(out);
      await w.addRaw({ ...e, name: 'renamed/conf.txt' }, Readable.from([raw]));
      await w.finish();
      await src.close();

      const copy = await SafeZip.open(out);
      const c = copy.get('renamed/conf.txt');
      assert.ok(c);
      assert.ok(Buffer.concat(await (await copy.openRaw(c)).toArray()).equals(raw), 'same bytes');
      assert.ok((await copy.readBuffer(c)).equals(text));
      await copy.close();
      assert.match(unzipTest(out), /No errors detected/);
    },
  );

  test('the same inputs give the same bytes', async () => {
    await writeSample(path.join(dir, 'd1.zip'));
    await writeSample(path.join(dir, 'd2.zip'));
    assert.ok(
      (await fs.readFile(path.join(dir, 'd1.zip'))).equals(
        await fs.readFile(path.join(dir, 'd2.zip')),
      ),
    );
  });

  test('DOS times come from UTC, whatever the machine time zone', () => {
    const d = new Date(Date.UTC(2026, 5, 30, 23, 59, 58));
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a different local day
      const inKiritimati = toDosDateTime(d);
      process.env.TZ = 'America/Los_Angeles';
      assert.deepEqual(toDosDateTime(d), inKiritimati);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    assert.deepEqual(toDosDateTime(d), {
      dosDate: (46 << 9) | (6 << 5) | 30,
      dosTime: (23 << 11) | (59 << 5) | 29,
    });
  });

  test('dates outside what DOS can hold are clamped to its range', () => {
    assert.deepEqual(toDosDateTime(new Date(0)), { dosDate: (0 << 9) | (1 << 5) | 1, dosTime: 0 });
    assert.deepEqual(toDosDateTime(new Date(Date.UTC(2300, 0, 1))), {
      dosDate: (127 << 9) | (12 << 5) | 31,
      dosTime: (23 << 11) | (59 << 5) | 29,
    });
  });

  test('entries larger than the write buffer are written whole and in order', async () => {
    const file = path.join(dir, 'big.zip');
    const big = bytes(11, 5 * 1024 * 1024 + 3);
    const text = Buffer.from('compressible line\n'.repeat(300_000));
    const w = await ZipWriter.create(file);
    await w.addBuffer('top/small-1', Buffer.from('a'), T);
    await w.addBuffer('top/big.bin', big, { ...T, compress: false });
    await w.addBuffer('top/small-2', Buffer.from('b'), T);
    await w.addBuffer('top/text.txt', text, T);
    await w.finish();
    const zip = await SafeZip.open(file);
    assert.ok((await zip.readBuffer(zip.get('top/big.bin')!)).equals(big));
    assert.ok((await zip.readBuffer(zip.get('top/text.txt')!)).equals(text));
    assert.equal((await zip.readBuffer(zip.get('top/small-2')!)).toString(), 'b');
    await zip.close();
    unzipAgrees(file);
  });

  test(
    'more than 65,535 entries switch to ZIP64 end records that others can read',
    { skip: needs('unzip', 'python3') },
    async () => {
      const file = path.join(dir, 'many.zip');
      const w = await ZipWriter.create(file);
      const count = 65_536;
      for (let i = 0; i < count; i++)
        await w.addBuffer(`top/f${i}`, Buffer.from(String(i)), { compress: false, ...T });
      const { entries } = await w.finish();
      assert.equal(entries, count);
      const data = await fs.readFile(file);
      assert.equal(data.readUInt16LE(data.length - 22 + 10), 0xffff, 'classic record defers');
      assert.equal(data.readUInt32LE(data.length - 22 - 20), 0x07064b50, 'ZIP64 locator');
      const zip = await SafeZip.open(file);
      assert.equal(zip.entries.length, count);
      assert.equal((await zip.readBuffer(zip.get('top/f65535')!)).toString(), '65535');
      await zip.close();
      assert.match(unzipTest(file), /No errors detected/);
      const pyCount = execFileSync('python3', [
        '-c',
        'import zipfile, sys; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))',
        file,
      ]);
      assert.equal(Number(pyCount.toString()), count);
    },
  );

  test('the sha256 it reports is the file written, hashed on this thread or on a worker', async () => {
    // Thousands of small pieces (written together with writev) between entries larger
    // than the write buffer (written alone), so every path of the writer is in the hash.
    const write = async (file: string, hashOnWorker: boolean) => {
      const w = await ZipWriter.create(file, { hashOnWorker });
      for (let i = 0; i < 3000; i++)
        await w.addBuffer(`top/s${i}`, bytes(i, i % 700), { compress: i % 2 === 0, ...T });
      await w.addBuffer('top/big-1', bytes(1, 3 * 1024 * 1024 + 17), { compress: false, ...T });
      const raw = [bytes(2, 1 << 20), bytes(3, 1 << 20)];
      await w.addRaw(
        {
          ...meta(),
          name: 'top/raw',
          crc32: crc32(Buffer.concat(raw)),
          compressedSize: 1 << 21,
          uncompressedSize: 1 << 21,
        },
        Readable.from(raw),
      );
      await w.addBuffer('top/last', Buffer.from('end'), T);
      return w.finish();
    };
    const inline = await write(path.join(dir, 'inline.zip'), false);
    const worker = await write(path.join(dir, 'worker.zip'), true);
    const onDisk = createHash('sha256')
      .update(await fs.readFile(path.join(dir, 'worker.zip')))
      .digest('hex');
    assert.equal(worker.sha256, onDisk);
    assert.equal(inline.sha256, onDisk, 'both ways write the same bytes and hash them alike');
    unzipAgrees(path.join(dir, 'worker.zip'));
  });

  test(
    'a full disk is a one-line error naming the file (exit 2), and abort cleans up',
    {
      skip: !existsSync('/dev/full') && 'needs /dev/full',
    },
    async () => {
      // A link to /dev/full: every write fails with ENOSPC, as on a full disk.
      const file = path.join(dir, 'full.zip');
      await fs.symlink('/dev/full', file);
      const w = await ZipWriter.create(file);
      await assert.rejects(
        (async () => {
          await w.addBuffer('top/big', bytes(3, 2 << 20), { compress: false, ...T });
          await w.finish();
        })(),
        (e: unknown) => {
          const err = fromSystemError(e);
          assert.equal(err?.exitCode, 2);
          assert.equal(err?.message, `${file}: no space left on the device (ENOSPC on write)`);
          return true;
        },
      );
      await w.abort();
      await assert.rejects(fs.lstat(file), { code: 'ENOENT' });
      assert.ok(existsSync('/dev/full'), 'abort removed the link, not what it points to');
    },
  );

  test('abort stops the hashing worker and removes the file', async () => {
    const file = path.join(dir, 'aborted.zip');
    const w = await ZipWriter.create(file, { hashOnWorker: true });
    await w.addBuffer('top/a', bytes(5, 3 << 20), { compress: false, ...T });
    await w.abort();
    await assert.rejects(fs.stat(file), { code: 'ENOENT' });
  });

  test('after a short write, the rest of the pieces is what remains to write', () => {
    const pieces = [Buffer.from('abc'), Buffer.from('de'), Buffer.from('fgh')];
    const rest = (n: number) => Buffer.concat(afterWritten(pieces, n)).toString();
    assert.equal(rest(0), 'abcdefgh');
    assert.equal(rest(2), 'cdefgh');
    assert.equal(rest(3), 'defgh');
    assert.equal(rest(4), 'efgh');
    assert.equal(rest(7), 'h');
    assert.equal(rest(8), '');
    assert.equal(pieces[0]!.toString(), 'abc', 'the caller’s list is left as it was');
  });

  const meta = (over: Partial<RawEntryMeta> = {}): RawEntryMeta => ({
    name: 'x',
    compressionMethod: 0,
    crc32: 0,
    compressedSize: 10,
    uncompressedSize: 10,
    mode: 0o644,
    ...T,
    ...over,
  });

  test('a raw copy that delivers too few bytes fails, later calls refuse, abort removes the file', async () => {
    const file = path.join(dir, 'short.zip');
    const w = await ZipWriter.create(file);
    await assert.rejects(
      w.addRaw(meta(), Readable.from([Buffer.from('short')])),
      /got 5 compressed bytes, expected 10/,
    );
    await assert.rejects(w.addBuffer('y', Buffer.from('y'), T), /an earlier entry failed/);
    await assert.rejects(w.finish(), /an earlier entry failed/);
    await w.abort();
    await assert.rejects(fs.stat(file), { code: 'ENOENT' });
  });

  test('a raw copy that delivers too many bytes fails', async () => {
    const w = await ZipWriter.create(path.join(dir, 'long.zip'));
    await assert.rejects(
      w.addRaw(meta(), Readable.from([Buffer.alloc(8), Buffer.alloc(8)])),
      /expected 10/,
    );
    await w.abort();
  });

  test('entries the writer cannot describe honestly are refused', async () => {
    const w = await ZipWriter.create(path.join(dir, 'refused.zip'));
    await assert.rejects(
      w.addRaw(meta({ uncompressedSize: 20 }), Readable.from([Buffer.alloc(10)])),
      /stored entry with two different sizes/,
    );
    await assert.rejects(
      w.addRaw(meta({ compressionMethod: 12 }), Readable.from([])),
      /unsupported compression method 12/,
    );
    await assert.rejects(w.addBuffer('top/d/', Buffer.alloc(0), T), /only folder names end/);
    await assert.rejects(w.addBuffer('', Buffer.alloc(0), T), /name length 0/);
    await w.addBuffer('top/a', Buffer.from('a'), T);
    await assert.rejects(w.addBuffer('top/a', Buffer.from('a'), T), /duplicate entry top\/a/);
    const { entries } = await w.finish();
    assert.equal(entries, 1);
  });
});
