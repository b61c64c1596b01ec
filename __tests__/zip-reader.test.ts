/**
 * SafeZip on well-formed zips: what it reports about each entry, reading content and raw
 * bytes, limits, zips made by other tools, and not leaking file descriptors.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { UplevelError } from '../src/core/errors.ts';
import { crc32 } from '../src/zip/crc32.ts';
import { PIN_BLOCK, verifyAndPin } from '../src/zip/pinned.ts';
import { DEFAULT_LIMITS, SafeZip, type ZipEntryInfo } from '../src/zip/reader.ts';
import { toDosDateTime, ZipWriter } from '../src/zip/writer.ts';
import { bytes } from './helpers/packs.ts';
import { needs } from './helpers/tools.ts';
import { craftZip, file, validZip } from './helpers/zip-fixtures.ts';

/** Whether a command-line tool can be run here (cross-checks skip without it). */
function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let dir: string;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-zipr-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
async function write(buf: Buffer): Promise<string> {
  const f = path.join(dir, `z-${n++}.zip`);
  await fs.writeFile(f, buf);
  return f;
}

async function withZip<T>(
  buf: Buffer | string,
  fn: (zip: SafeZip) => Promise<T>,
  opts: Parameters<typeof SafeZip.open>[1] = {},
): Promise<T> {
  const zip = await SafeZip.open(typeof buf === 'string' ? buf : await write(buf), opts);
  try {
    return await fn(zip);
  } finally {
    await zip.close();
  }
}

const isError = (code: number, pattern: RegExp) => (e: unknown) =>
  e instanceof UplevelError && e.exitCode === code && pattern.test(e.message);

describe('SafeZip', () => {
  test('reports each entry as the central directory records it', async () => {
    const text = Buffer.from('hello hello hello\n'.repeat(20));
    await withZip(validZip(), async (zip) => {
      assert.deepEqual(
        zip.entries.map((e) => e.name),
        ['top/', 'top/a.txt', 'top/b.bin', 'top/bin/run.sh'],
      );
      const a = zip.get('top/a.txt');
      assert.deepEqual(a, {
        name: 'top/a.txt',
        isDirectory: false,
        compressionMethod: 8,
        crc32: crc32(text),
        compressedSize: deflateRawSync(text).length,
        uncompressedSize: text.length,
        mode: 0o100644,
        dosDate: 0x5c21,
        dosTime: 0x6000,
        generalPurposeBitFlag: 0x0800,
      } satisfies ZipEntryInfo);
      assert.equal(zip.get('top/')?.isDirectory, true);
      assert.equal(zip.get('top/')?.mode, 0o040755);
      assert.equal(zip.get('top/bin/run.sh')?.mode, 0o100755);
      assert.equal(zip.get('top/b.bin')?.compressionMethod, 0);
      assert.equal(zip.get('top/missing'), undefined);
      assert.equal(zip.label, zip.file, 'label defaults to the path');
    });
  });

  test('mode is 0 for entries from hosts without Unix modes; ASCII names need no UTF-8 flag', async () => {
    const zip = craftZip([file('top/a', 'x', { host: 0, mode: 0, flags: 0 })]);
    await withZip(zip, async (z) => {
      const e = z.get('top/a');
      assert.equal(e?.mode, 0);
      assert.equal(e?.generalPurposeBitFlag, 0);
      assert.equal((await z.readBuffer(e!)).toString(), 'x');
    });
  });

  test('topFolder: the one folder every entry is under, or undefined', async () => {
    const top = async (entries: Parameters<typeof craftZip>[0]) =>
      withZip(craftZip(entries), async (z) => z.topFolder());
    assert.equal(await top([{ name: 'acme-4.2.0/' }, file('acme-4.2.0/a/b')]), 'acme-4.2.0');
    assert.equal(await top([file('acme-4.2.0/a')]), 'acme-4.2.0', 'no folder entry needed');
    assert.equal(await top([file('one/a'), file('two/a')]), undefined);
    assert.equal(await top([{ name: 'top/' }, file('README')]), undefined, 'a file at the root');
    assert.equal(await top([]), undefined, 'empty zip');
  });

  test('many entries inflated at once through reused read buffers each keep their own bytes', async () => {
    // Compressed input is read into pooled buffers that zlib hands back when it has consumed
    // them; eight entries at a time, of sizes from a few bytes to several read buffers.
    const file = path.join(dir, 'many-deflated.zip');
    const w = await ZipWriter.create(file);
    const T = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));
    const contents = new Map<string, Buffer>();
    for (let i = 0; i < 120; i++) {
      const size = i % 20 === 3 ? 3 * 1024 * 1024 + i : 1 + ((i * 7919) % 200_000);
      // Half random, half repeated: deflate really compresses, and inflate yields many chunks.
      const half = bytes(i, Math.ceil(size / 2));
      const data = Buffer.concat([half, Buffer.alloc(size - half.length, i)]);
      contents.set(`top/f${i}`, data);
      await w.addBuffer(`top/f${i}`, data, T);
    }
    await w.finish();
    await withZip(file, async (zip) => {
      const names = [...contents.keys()];
      const next = { i: 0 };
      const worker = async () => {
        while (next.i < names.length) {
          const name = names[next.i++]!;
          const got = await zip.readBuffer(zip.get(name)!);
          assert.ok(got.equals(contents.get(name)!), `${name} came out with other bytes`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    });
  });

  test('openRaw gives the stored bytes, openData and readBuffer the content', async () => {
    const data = Buffer.from('some content\n'.repeat(1000));
    await withZip(craftZip([file('top/a', '', { data })]), async (zip) => {
      const e = zip.get('top/a')!;
      const raw = Buffer.concat(await (await zip.openRaw(e)).toArray());
      assert.ok(raw.equals(deflateRawSync(data)));
      const fromRawChunks: Buffer[] = [];
      for await (const c of zip.readRawChunks(e)) {
        fromRawChunks.push(Buffer.from(c.data));
        c.release();
      }
      assert.ok(Buffer.concat(fromRawChunks).equals(raw));
      assert.ok(Buffer.concat(await (await zip.openData(e)).toArray()).equals(data));
      assert.ok((await zip.readBuffer(e)).equals(data));
      await assert.rejects(zip.readBuffer(e, 100), isError(2, /top\/a is larger than 100 bytes/));
    });
  });

  test('a CRC lie surfaces as a stream error (exit 3) naming the zip and entry', async () => {
    const zip = craftZip([file('top/a', 'hello', { crcOverride: 1 })]);
    await withZip(
      zip,
      async (z) => {
        const stream = await z.openData(z.get('top/a')!);
        const err = await new Promise((resolve) => {
          stream.on('error', resolve);
          stream.resume();
        });
        assert.ok(isError(3, /^my\.zip: top\/a: CRC-32 mismatch$/)(err), String(err));
      },
      { label: 'my.zip' },
    );
  });

  test("reads use the zip's own validated record, not the caller's copy", async () => {
    await withZip(validZip(), async (zip) => {
      const e = zip.get('top/a.txt')!;
      const forged = { ...e, compressedSize: 5, uncompressedSize: 5 };
      assert.equal((await zip.readBuffer(forged)).length, e.uncompressedSize);
      await assert.rejects(zip.openData({ ...e, name: 'top/other' }), /not an entry of/);
    });
  });

  test('many entries read at once from one zip each get their own content', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      name: `top/f${i}`,
      data: bytes(i + 1, 1000 + i * 997),
      method: (i % 2 ? 8 : 0) as 0 | 8,
    }));
    await withZip(craftZip(entries), async (zip) => {
      const got = await Promise.all(entries.map((e) => zip.readBuffer(zip.get(e.name)!)));
      got.forEach((g, i) => assert.ok(g.equals(entries[i]!.data), entries[i]!.name));
    });
  });

  test('a pinned zip reads as verified; bytes rewritten in place after the check are exit 3', async () => {
    // Entries spanning several 256 KiB blocks, read whole, in pieces and raw.
    const entries = [
      { name: 'top/a', data: bytes(7, 700_000), method: 0 as const },
      { name: 'top/b', data: bytes(8, 300_000), method: 8 as const },
    ];
    const f = await write(craftZip(entries));
    const sha = createHash('sha256')
      .update(await fs.readFile(f))
      .digest('hex');
    assert.equal(await verifyAndPin(f, { sha256: '0'.repeat(64) }), false);
    assert.equal(await verifyAndPin(f, { sha256: sha }), true);
    await withZip(f, async (z) => {
      for (const e of entries) assert.ok((await z.readBuffer(z.get(e.name)!)).equals(e.data));
    });
    // Same size, one byte of top/a's data flipped in place: a CRC check would notice only
    // once the entry was read to its end; the pin refuses the block as it is read.
    const h = await fs.open(f, 'r+');
    const one = Buffer.alloc(1);
    await h.read(one, 0, 1, 100_000);
    one[0] = (one[0] as number) ^ 1;
    await h.write(one, 0, 1, 100_000);
    await h.close();
    await withZip(f, async (z) => {
      assert.ok(
        (await z.readBuffer(z.get('top/b')!)).equals(entries[1]!.data),
        'untouched blocks read',
      );
      await assert.rejects(
        z.readBuffer(z.get('top/a')!),
        isError(3, /changed on disk after its hash was verified/),
      );
    });
    await fs.appendFile(f, 'x');
    await assert.rejects(
      SafeZip.open(f),
      isError(3, /changed on disk after its hash was verified/),
    );
  });

  test('a pinned zip: a byte changed on either side of a block boundary, or in the last short block, is exit 3', async () => {
    const zip = craftZip([{ name: 'top/a', data: bytes(9, 3 * PIN_BLOCK), method: 0 }]);
    const sha = createHash('sha256').update(zip).digest('hex');
    const readAll = async (f: string) => {
      await withZip(f, async (z) => {
        for await (const lease of z.readRawChunks(z.get('top/a')!)) lease.release();
      });
    };
    const untouched = await write(zip);
    assert.equal(await verifyAndPin(untouched, { sha256: sha }), true);
    await readAll(untouched);
    for (const at of [PIN_BLOCK - 1, PIN_BLOCK, 2 * PIN_BLOCK + 5, zip.length - 1]) {
      const f = await write(zip);
      assert.equal(await verifyAndPin(f, { sha256: sha }), true);
      const changed = Buffer.from(zip);
      changed[at] = (changed[at] as number) ^ 0x40;
      await fs.writeFile(f, changed);
      await assert.rejects(
        readAll(f),
        isError(3, /changed on disk after its hash was verified/),
        `byte ${at}`,
      );
    }
  });

  test('limits can be lowered per zip; each names the limit', async () => {
    const zip = await write(validZip());
    const open = (limits: Partial<typeof DEFAULT_LIMITS>) =>
      SafeZip.open(zip, { label: 'p.zip', limits }).then((z) => z.close());
    await open({});
    await assert.rejects(open({ maxEntries: 3 }), isError(2, /^p\.zip: 4 entries .* limit of 3$/));
    await assert.rejects(open({ maxEntrySize: 100 }), isError(2, /top\/a\.txt declares 360/));
    await assert.rejects(open({ maxTotalSize: 300 }), isError(2, /exceeds the limit of 300/));
  });

  test('the ratio limit applies only past 1 MiB, where it is measured per entry', async () => {
    const mib = Buffer.alloc(1024 * 1024); // compresses about 1000:1
    await withZip(craftZip([file('top/zeros', '', { data: mib })]), async (z) => {
      assert.ok((await z.readBuffer(z.get('top/zeros')!)).equals(mib));
    });
    const bigger = await write(craftZip([file('top/zeros', '', { data: Buffer.alloc(2 << 20) })]));
    await assert.rejects(
      SafeZip.open(bigger, { limits: { maxRatio: 100 } }),
      isError(2, /compression ratio above 100/),
    );
    await (await SafeZip.open(bigger, { limits: { maxRatio: 5000 } })).close();
  });

  test('the ratio limit covers small entries too: a bomb of many entries is measured as a whole', async () => {
    // Each 1 MiB of zeros is too small for the per-entry check; three of them are a bomb.
    const mib = Buffer.alloc(1024 * 1024);
    const three = await write(
      craftZip([0, 1, 2].map((i) => file(`top/zeros-${i}`, '', { data: mib }))),
    );
    await assert.rejects(
      SafeZip.open(three, { label: 'b.zip' }),
      isError(2, /^b\.zip: its entries together have a compression ratio of \d+, above 1000/),
    );
    // Past 1 GiB together, 100:1 is the limit: 1,100 entries each saying 1 MB from 5 KB.
    const many = await write(
      craftZip(
        Array.from({ length: 1100 }, (_, i) =>
          file(`top/f${i}`, '', { data: bytes(i + 1, 5000), sizeOverride: 1_000_000 }),
        ),
      ),
    );
    await assert.rejects(SafeZip.open(many), isError(2, /together .* above 100 \(a zip bomb\?\)/));
    await (await SafeZip.open(many, { limits: { maxTotalRatio: 300 } })).close();
  });

  test(
    'zips made by Info-ZIP, Python and bsdtar are read with their modes and content',
    { skip: needs('zip', 'bsdtar', 'python3') },
    async () => {
      const work = await fs.mkdtemp(path.join(dir, 'tools-'));
      const src = path.join(work, 'acme-1.0');
      await fs.mkdir(path.join(src, 'bin'), { recursive: true });
      const conf = Buffer.from('key = value\n'.repeat(300));
      await fs.writeFile(path.join(src, 'conf.properties'), conf);
      await fs.writeFile(path.join(src, 'bin', 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
      await fs.chmod(path.join(src, 'bin', 'run.sh'), 0o755);
      const made = {
        infozip: path.join(work, 'infozip.zip'),
        bsdtar: path.join(work, 'bsdtar.zip'),
        python: path.join(work, 'python.zip'),
      };
      execFileSync('zip', ['-qr', made.infozip, 'acme-1.0'], { cwd: work });
      execFileSync('bsdtar', ['--format', 'zip', '-cf', made.bsdtar, 'acme-1.0'], { cwd: work });
      execFileSync(
        'python3',
        [
          '-c',
          'import shutil, sys; shutil.make_archive(sys.argv[1][:-4], "zip", ".", "acme-1.0")',
          made.python,
        ],
        { cwd: work },
      );
      for (const [tool, zipFile] of Object.entries(made)) {
        await withZip(zipFile, async (zip) => {
          assert.equal(zip.topFolder(), 'acme-1.0', tool);
          const c = zip.get('acme-1.0/conf.properties');
          assert.ok(c, tool);
          assert.ok((await zip.readBuffer(c)).equals(conf), tool);
          // bsdtar writes sizes after the data (a data descriptor): the central ones are used.
          if (tool === 'bsdtar') assert.ok(c.generalPurposeBitFlag & 0x8, 'data descriptor');
          assert.equal(zip.get('acme-1.0/bin/run.sh')!.mode & 0o777, 0o755, tool);
          assert.equal(
            (await zip.readBuffer(zip.get('acme-1.0/bin/run.sh')!)).toString(),
            '#!/bin/sh\n',
          );
        });
      }
    },
  );

  test(
    "zips Java's ZipOutputStream writes (data descriptors, empty deflated files) are read, and Java reads ours",
    { skip: !hasTool('java') && 'java is not installed' },
    async () => {
      const work = await fs.mkdtemp(path.join(dir, 'java-'));
      const program = path.join(work, 'Zips.java');
      await fs.writeFile(
        program,
        `import java.io.*; import java.util.zip.*;
public class Zips {
  public static void main(String[] a) throws Exception {
    if (a[0].equals("write")) {
      try (ZipOutputStream z = new ZipOutputStream(new FileOutputStream(a[1]))) {
        z.putNextEntry(new ZipEntry("acme-1.0/")); z.closeEntry();
        z.putNextEntry(new ZipEntry("acme-1.0/empty.txt")); z.closeEntry();
        z.putNextEntry(new ZipEntry("acme-1.0/conf.properties"));
        z.write("key = value\\n".repeat(300).getBytes("UTF-8")); z.closeEntry();
      }
    } else {
      try (ZipInputStream z = new ZipInputStream(new FileInputStream(a[1]))) {
        for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
          System.out.println(e.getName() + " " + z.readAllBytes().length);
        }
      }
    }
  }
}
`,
      );
      const javaZip = path.join(work, 'java.zip');
      execFileSync('java', [program, 'write', javaZip], { cwd: work });
      await withZip(javaZip, async (zip) => {
        const empty = zip.get('acme-1.0/empty.txt')!;
        assert.ok(empty.generalPurposeBitFlag & 0x8, 'Java wrote a data descriptor');
        assert.equal((await zip.readBuffer(empty)).length, 0);
        const conf = await zip.readBuffer(zip.get('acme-1.0/conf.properties')!);
        assert.equal(conf.toString(), 'key = value\n'.repeat(300));
      });
      const ours = await write(craftZip([file('acme-1.0/a', 'hello\n'), file('acme-1.0/b', '')]));
      const listed = execFileSync('java', [program, 'read', ours], { encoding: 'utf8' });
      assert.equal(listed, 'acme-1.0/a 6\nacme-1.0/b 0\n');
    },
  );

  test(
    'opening and closing, successful or not, leaves no file descriptor open',
    {
      skip: !existsSync('/proc/self/fd'),
    },
    async () => {
      const good = await write(validZip());
      const bad = await write(craftZip([file('top/../x')]));
      const lie = await write(craftZip([file('top/a', 'x', { crcOverride: 1 })]));
      const count = async () => (await fs.readdir('/proc/self/fd')).length;
      const before = await count();
      for (let i = 0; i < 30; i++) {
        const z = await SafeZip.open(good);
        await z.readBuffer(z.get('top/a.txt')!);
        await z.close();
        await z.close(); // twice is harmless
        await assert.rejects(SafeZip.open(bad));
        const l = await SafeZip.open(lie);
        await assert.rejects(l.readBuffer(l.get('top/a')!));
        await l.close();
      }
      assert.equal(await count(), before);
    },
  );
});
