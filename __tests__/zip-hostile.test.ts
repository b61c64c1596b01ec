/** Every hostile-zip case DESIGN section 7 lists is rejected, with the documented exit code. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { UplevelError } from '../src/core/errors.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { runCli } from './helpers/cli.ts';
import { readTree } from './helpers/read-pack.ts';
import { makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';
import { badZip64Locator, craftZip, type CraftEntry } from './helpers/zip-craft.ts';

let dir: string;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-hostile-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const ok = (name: string, data = 'x\n'): CraftEntry => ({ name, data: Buffer.from(data) });
let n = 0;
async function write(buf: Buffer): Promise<string> {
  const file = path.join(dir, `case-${n++}.zip`);
  await fs.writeFile(file, buf);
  return file;
}

/** Opens and reads every entry; returns the error it ended in. */
async function openAndRead(file: string): Promise<unknown> {
  try {
    const zip = await SafeZip.open(file, { label: 'hostile.zip' });
    try {
      for (const e of zip.entries) if (!e.isDirectory) await zip.readBuffer(e);
    } finally {
      await zip.close();
    }
    return undefined;
  } catch (e) {
    return e;
  }
}

function assertRejected(err: unknown, code: number, pattern: RegExp) {
  assert.ok(err instanceof UplevelError, `expected an UplevelError, got ${String(err)}`);
  assert.equal(err.exitCode, code, err.message);
  assert.match(err.message, /^hostile\.zip: /, 'names the file');
  assert.match(err.message, pattern);
}

const CASES: [string, () => Buffer, number, RegExp][] = [
  ['../ path', () => craftZip([{ name: 'top/' }, ok('top/../../evil.sh')]), 2, /escapes/],
  ['absolute path', () => craftZip([ok('/etc/passwd')]), 2, /absolute/],
  ['Windows drive path', () => craftZip([ok('C:/evil')]), 2, /absolute/],
  ['backslash', () => craftZip([ok('top\\..\\evil')]), 2, /backslash/],
  [
    'symlink entry inside the tree',
    () =>
      craftZip([{ name: 'top/' }, { name: 'top/link', data: Buffer.from('x'), mode: 0o120777 }]),
    2,
    /symbolic link/,
  ],
  [
    'symlink entry out of the tree',
    () => craftZip([{ name: 'top/etc', data: Buffer.from('/etc'), mode: 0o120777 }]),
    2,
    /symbolic link/,
  ],
  [
    'device or fifo entry',
    () => craftZip([{ name: 'top/fifo', data: Buffer.alloc(0), mode: 0o010644 }]),
    2,
    /not a regular file/,
  ],
  [
    'duplicate names with different content',
    () => craftZip([ok('top/a', 'one'), ok('top/a', 'two')]),
    2,
    /duplicate/,
  ],
  [
    'a file and a folder of one name',
    () => craftZip([ok('top/a'), { name: 'top/a/' }]),
    2,
    /both a file and a folder/,
  ],
  [
    'a file used as a folder',
    () => craftZip([ok('top/a'), ok('top/a/b')]),
    2,
    /both a file and a folder/,
  ],
  [
    'overlapping entries',
    () => craftZip([ok('top/a', 'aaaa'), { ...ok('top/b', 'aaaa'), offsetOf: 0 }]),
    2,
    /overlaps/,
  ],
  [
    'ratio bomb',
    () => craftZip([{ name: 'top/bomb', data: Buffer.alloc(50 * 1024 * 1024), method: 8 }]),
    2,
    /ratio/,
  ],
  [
    'declared size smaller than the content',
    () => craftZip([{ ...ok('top/a', 'hello world'), sizeOverride: 5 }]),
    3,
    /longer than|bytes/,
  ],
  [
    'declared size larger than the content',
    () => craftZip([{ ...ok('top/a', 'hello world'), sizeOverride: 50 }]),
    3,
    /bytes/,
  ],
  [
    'CRC mismatch',
    () => craftZip([{ ...ok('top/a', 'hello world'), crcOverride: 0x12345678 }]),
    3,
    /CRC/,
  ],
  [
    'truncated archive',
    () => craftZip([ok('top/a', 'hello world'.repeat(100))], { truncate: 60 }),
    2,
    /not a valid zip/,
  ],
  [
    'bad ZIP64 record',
    () => craftZip([ok('top/a')], { zip64Eocd: badZip64Locator() }),
    2,
    /not a valid zip/,
  ],
  [
    'name that is not valid UTF-8',
    () => craftZip([{ name: Buffer.from([0x74, 0x2f, 0xc3, 0x28]), data: Buffer.from('x') }]),
    2,
    /UTF-8/,
  ],
  [
    'non-ASCII name without the UTF-8 flag',
    () => craftZip([{ name: Buffer.from([0x74, 0x2f, 0xe9]), data: Buffer.from('x'), flags: 0 }]),
    2,
    /UTF-8/,
  ],
  ['encrypted entry', () => craftZip([{ ...ok('top/a'), flags: 0x0801 }]), 2, /encrypted/],
  ['control characters in a name', () => craftZip([ok('top/a\nb')]), 2, /control/],
  [
    'compressed bytes that are not deflate',
    () => {
      const body = Buffer.from('this is not deflate data at all');
      return craftZip([
        { name: 'top/a', data: body, method: 0, compressedSizeOverride: body.length },
      ]).fill(0xff, 40, 60);
    },
    3,
    /CRC|corrupt|bytes/,
  ],
];

describe('hostile zips', () => {
  for (const [name, make, code, pattern] of CASES) {
    test(`rejects: ${name}`, async () => {
      assertRejected(await openAndRead(await write(make())), code, pattern);
    });
  }

  test('a valid crafted zip passes (the cases above fail for their reason only)', async () => {
    const file = await write(
      craftZip([
        { name: 'top/' },
        ok('top/a', 'hello'),
        { name: 'top/b', data: deflateRawSync(Buffer.alloc(0)), method: 0 },
      ]),
    );
    assert.equal(await openAndRead(file), undefined);
  });

  test('fuzz: mutated and truncated zips never crash or hang the reader', async () => {
    const valid = craftZip([
      { name: 'top/' },
      ok('top/a.txt', 'hello hello hello\n'.repeat(20)),
      ok('top/bin/run.sh', '#!/bin/sh\n'),
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ at: fc.nat(valid.length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.option(fc.nat(valid.length), { nil: undefined }),
        async (mutations, cut) => {
          const buf = Buffer.from(valid);
          for (const m of mutations) buf[m.at] = m.byte;
          const file = await write(cut === undefined ? buf : buf.subarray(0, cut));
          const err = await Promise.race([
            openAndRead(file),
            new Promise((_, reject) => setTimeout(() => reject(new Error('reader hung')), 5000)),
          ]);
          await fs.rm(file);
          if (err !== undefined)
            assert.ok(err instanceof UplevelError, `not an UplevelError: ${String(err)}`);
        },
      ),
      { numRuns: Number(process.env.UPLEVEL_FUZZ_RUNS ?? 300) },
    );
  });
});

describe('hostile packs through the CLI', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  test('a pack with an escaping entry is rejected before anything is written', async () => {
    const team = await makeTeam(vendor);
    const evil = path.join(team.dir, 'evil.zip');
    await fs.writeFile(
      evil,
      craftZip([
        { name: 'acme-gateway-4.2.0/' },
        ok('acme-gateway-4.2.0/../../escaped.txt', 'pwned'),
      ]),
    );
    const before = await readTree(team.dir);
    const home = path.join(team.dir, 'home');
    const r = await runCli(['apply', '--lock', team.lock, '--pack', evil, '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /evil\.zip.*escapes/);
    const afterTree = await readTree(team.dir);
    assert.deepEqual(
      [...afterTree.keys()].filter((k) => !k.startsWith('.cache/')).sort(),
      [...before.keys()].sort(),
    );
    assert.equal(await fs.stat(path.join(team.dir, '..', 'escaped.txt')).catch(() => null), null);
  });

  test('a pack whose entry fails its CRC leaves no output and exit 3', async () => {
    const team = await makeTeam(vendor);
    const bad = path.join(team.dir, 'bad.zip');
    await fs.writeFile(
      bad,
      craftZip([
        { name: 'acme-gateway-4.2.0/' },
        { ...ok('acme-gateway-4.2.0/README.txt', 'acme-gateway 4.2.0\n'), crcOverride: 1 },
      ]),
    );
    const out = path.join(team.dir, 'out.zip');
    const r = await runCli(
      ['apply', '--lock', team.lock, '--pack', bad, '--level', '0', '--out', out],
      { env: team.env },
    );
    assert.equal(r.code, 3, r.stderr);
    const left = (await fs.readdir(team.dir)).filter((f) => f.includes('out.zip'));
    assert.deepEqual(left, [], 'no output and no temporary file left');
  });
});
