/** The raw-copy zip writer, checked by our reader, by Info-ZIP's unzip and by Python's zipfile. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { crc32, crc32Js } from '../src/zip/crc32.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { toDosDateTime, ZipWriter } from '../src/zip/writer.ts';
import { bytes } from './helpers/packs.ts';

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

function python(file: string): string {
  return execFileSync('python3', [
    '-c',
    'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps([[i.filename, i.external_attr>>16, i.file_size] for i in z.infolist()]))',
    file,
  ]).toString();
}

describe('ZipWriter', () => {
  test('CRC-32: the table implementation agrees with known vectors and the native one', () => {
    assert.equal(crc32Js(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32Js(Buffer.alloc(0)), 0);
    const data = bytes(3, 100_003);
    assert.equal(crc32Js(data), crc32(data));
    assert.equal(
      crc32Js(data.subarray(50_000), crc32Js(data.subarray(0, 50_000))),
      crc32Js(data),
      'incremental',
    );
  });

  for (const forceZip64 of [false, true]) {
    test(`round trip${forceZip64 ? ' with ZIP64 records' : ''}: our reader, unzip -t and Python agree`, async () => {
      const file = path.join(dir, `rt-${forceZip64}.zip`);
      await writeSample(file, { forceZip64 });
      const zip = await SafeZip.open(file);
      for (const [name, data, mode] of FILES) {
        const e = zip.get(name);
        assert.ok(e, name);
        assert.ok((await zip.readBuffer(e)).equals(data), name);
        assert.equal(e.mode, 0o100000 | mode);
        assert.equal(e.dosDate, T.dosDate);
        assert.equal(e.dosTime, T.dosTime);
      }
      assert.equal(zip.get('top/')?.mode, 0o040755);
      await zip.close();
      execFileSync('unzip', ['-tq', file]);
      const listed = JSON.parse(python(file)) as [string, number, number][];
      assert.deepEqual(
        listed.map(([n]) => n),
        ['top/', ...FILES.map(([n]) => n)],
      );
      assert.equal(listed[1]?.[1], 0o100755);
    });
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

  test('the same inputs give the same bytes', async () => {
    await writeSample(path.join(dir, 'd1.zip'));
    await writeSample(path.join(dir, 'd2.zip'));
    assert.ok(
      (await fs.readFile(path.join(dir, 'd1.zip'))).equals(
        await fs.readFile(path.join(dir, 'd2.zip')),
      ),
    );
  });

  test('more than 65,535 entries switch to ZIP64 end records that others can read', async () => {
    const file = path.join(dir, 'many.zip');
    const w = await ZipWriter.create(file);
    const count = 70_000;
    for (let i = 0; i < count; i++)
      await w.addBuffer(`top/f${i}`, Buffer.from(String(i)), { compress: false, ...T });
    const { entries } = await w.finish();
    assert.equal(entries, count);
    const zip = await SafeZip.open(file);
    assert.equal(zip.entries.length, count);
    assert.equal((await zip.readBuffer(zip.get('top/f69999')!)).toString(), '69999');
    await zip.close();
    execFileSync('unzip', ['-tq', file]);
  });

  test('a raw copy that delivers the wrong number of bytes fails, and abort removes the file', async () => {
    const file = path.join(dir, 'short.zip');
    const w = await ZipWriter.create(file);
    const { Readable } = await import('node:stream');
    await assert.rejects(
      w.addRaw(
        {
          name: 'x',
          compressionMethod: 0,
          crc32: 0,
          compressedSize: 10,
          uncompressedSize: 10,
          mode: 0o644,
          ...T,
        },
        Readable.from([Buffer.from('short')]),
      ),
      /expected 10/,
    );
    await w.abort();
    await assert.rejects(fs.stat(file));
  });
});
