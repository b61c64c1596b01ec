/**
 * Every hostile-zip case DESIGN section 7 lists is rejected with the documented exit code,
 * at the point it can first be seen; malformed input never crashes or hangs the reader.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { UplevelError } from '../src/core/errors.ts';
import { crc32 } from '../src/zip/crc32.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { toDosDateTime, ZipWriter } from '../src/zip/writer.ts';
import { runCli } from './helpers/cli.ts';
import { readTree } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, TOP, type Vendor } from './helpers/scenario.ts';
import type { Tree } from './helpers/packs.ts';
import {
  craftZip,
  type CraftEntry,
  descriptor,
  file,
  HOSTILE_ZIPS,
  unicodePathExtra,
  validZip,
  zip64Extra,
} from './helpers/zip-fixtures.ts';

let dir: string;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-hostile-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
async function write(buf: Buffer): Promise<string> {
  const file = path.join(dir, `case-${n++}.zip`);
  await fs.writeFile(file, buf);
  return file;
}

/** Opens and reads every entry; says where it failed and with what. */
async function openAndRead(
  file: string,
): Promise<{ at: 'open' | 'read'; err: unknown } | undefined> {
  let zip: SafeZip;
  try {
    zip = await SafeZip.open(file, { label: 'hostile.zip' });
  } catch (err) {
    return { at: 'open', err };
  }
  try {
    for (const e of zip.entries) if (!e.isDirectory) await zip.readBuffer(e);
    return undefined;
  } catch (err) {
    return { at: 'read', err };
  } finally {
    await zip.close();
  }
}

function assertRejected(err: unknown, code: number, pattern: RegExp) {
  assert.ok(err instanceof UplevelError, `expected an UplevelError, got ${String(err)}`);
  assert.equal(err.exitCode, code, err.message);
  assert.match(err.message, /^hostile\.zip: /, 'names the file');
  assert.doesNotMatch(err.message, /\n/, 'one line');
  assert.match(err.message, pattern);
}

/** Resolves to what the promise gave, or rejects if it took longer than `ms`. */
async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms (hang)`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('hostile zips', () => {
  for (const c of HOSTILE_ZIPS) {
    test(`rejects: ${c.name}`, async () => {
      const result = await openAndRead(await write(c.zip()));
      assert.ok(result, 'was accepted');
      assertRejected(result.err, c.exitCode, c.message);
      assert.equal(result.at, c.at, `caught while ${result.at === 'open' ? 'opening' : 'reading'}`);
    });
  }

  test('the well-formed variants of these zips pass (each case fails for its reason only)', async () => {
    const z64 = craftZip([file('top/a'), file('top/b')], { zip64: {} });
    const cases: Buffer[] = [
      validZip(),
      validZip({ comment: Buffer.from('a comment') }),
      z64,
      craftZip([file('top/a', 'x', { host: 0, mode: 0 })]),
      craftZip([file('top/a', 'x', { flags: 0 })]),
      craftZip([
        file('top/a', 'x', { centralExtra: unicodePathExtra(Buffer.from('top/a'), 'top/a') }),
      ]),
      craftZip([file('top/a', 'aaaa', { localExtra: Buffer.alloc(200) }), file('top/b', 'bbbb')]),
      craftZip([
        file('top/a', 'x', {
          sizeOverride: 0xffffffff,
          centralExtra: zip64Extra(1n),
          localExtra: zip64Extra(1n),
        }),
      ]),
      craftZip([file('top/zeros', '', { data: Buffer.alloc(1024 * 1024), method: 8 })]),
      // a data descriptor as Java's ZipOutputStream writes it: zeros in the local header
      (() => {
        const body = deflateRawSync(Buffer.from('hello\n'));
        const crc = crc32(Buffer.from('hello\n'));
        return craftZip([
          file('top/a', 'hello\n', {
            flags: 0x0808,
            localCrc: 0,
            localSize: 0,
            localCompressedSize: 0,
            after: descriptor(crc, body.length, 6),
          }),
          file('top/b', 'more'),
        ]);
      })(),
      craftZip([
        { name: 'top/' },
        {
          name: 'top/empty',
          data: Buffer.alloc(0),
          method: 8,
          body: deflateRawSync(Buffer.alloc(0)),
        },
      ]),
    ];
    for (const [i, zip] of cases.entries()) {
      assert.equal(await openAndRead(await write(zip)), undefined, `variant ${i}`);
    }
  });

  test('every truncation of a valid zip is refused with exit 2 when opened', async () => {
    const valid = validZip();
    for (let cut = 0; cut < valid.length; cut++) {
      const file = await write(valid.subarray(0, cut));
      const result = await openAndRead(file);
      await fs.rm(file);
      assert.ok(result, `accepted when cut at ${cut}`);
      assertRejected(result.err, 2, /not a valid zip/);
    }
  });

  test('a file that does not exist is exit 2 naming it', async () => {
    const result = await openAndRead(path.join(dir, 'missing.zip'));
    assertRejected(result?.err, 2, /cannot read \(ENOENT/);
  });

  test('fuzz: mutated and truncated zips never crash or hang the reader', async () => {
    const forced = path.join(dir, 'zip64-seed.zip');
    const w = await ZipWriter.create(forced, { forceZip64: true });
    const t = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));
    await w.addDirectory('top/', t);
    await w.addBuffer('top/a.txt', Buffer.from('hello hello hello\n'.repeat(20)), t);
    await w.addBuffer('top/b.bin', Buffer.from('stored'), { ...t, compress: false });
    await w.finish();
    const seeds = [validZip(), await fs.readFile(forced)];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(seeds.length - 1),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat(), { nil: undefined }),
        async (seed, mutations, cut) => {
          const buf = Buffer.from(seeds[seed] as Buffer);
          for (const m of mutations) buf[m.at % buf.length] = m.byte;
          const file = await write(cut === undefined ? buf : buf.subarray(0, cut % buf.length));
          const result = await within(5000, openAndRead(file));
          await fs.rm(file);
          if (result !== undefined) {
            assert.ok(
              result.err instanceof UplevelError,
              `not an UplevelError: ${String(result.err)}`,
            );
            assert.ok([2, 3].includes(result.err.exitCode), result.err.message);
            assert.match(result.err.message, /^hostile\.zip: [^\n]*$/);
          }
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
        file('acme-gateway-4.2.0/../../escaped.txt', 'pwned'),
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

  /** Level 0's files as a pack, plus `extra` entries. */
  function packWith(...extra: CraftEntry[]): Buffer {
    const entries: CraftEntry[] = Object.entries(LEVELS[0] as Tree).map(([n, d]) => ({
      name: `${TOP}/${n}`,
      data: Buffer.from(d as string | Buffer),
    }));
    return craftZip([...entries, ...extra]);
  }

  test('apply --pack: a 0-byte deflated entry is exit 2 naming it, not a crash', async () => {
    const team = await makeTeam(vendor);
    const pack = path.join(team.dir, 'in.zip');
    await fs.writeFile(
      pack,
      packWith({ name: `${TOP}/empty.txt`, method: 8, body: Buffer.alloc(0) }),
    );
    const out = path.join(team.dir, 'out.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--pack', pack, '--out', out], {
      env: team.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /in\.zip: .*empty\.txt is deflated but has no data/);
    assert.equal(await fs.stat(out).catch(() => null), null);
  });

  test('apply --pack: an entry hiding bytes after its deflate stream is exit 2, nothing written', async () => {
    const team = await makeTeam(vendor);
    const pack = path.join(team.dir, 'in.zip');
    const readme = Buffer.from('hidden\n');
    await fs.writeFile(
      pack,
      packWith({
        name: `${TOP}/extra.txt`,
        data: readme,
        method: 8,
        body: Buffer.concat([
          deflateRawSync(readme),
          Buffer.from('PK\x03\x04 a header Java reads'),
        ]),
      }),
    );
    const out = path.join(team.dir, 'out.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--pack', pack, '--out', out], {
      env: team.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /deflate stream ends/);
    assert.equal(await fs.stat(out).catch(() => null), null);
  });

  test('a pack whose entry fails its CRC leaves no output and exit 3', async () => {
    const team = await makeTeam(vendor);
    const bad = path.join(team.dir, 'bad.zip');
    await fs.writeFile(
      bad,
      craftZip([
        { name: 'acme-gateway-4.2.0/' },
        file('acme-gateway-4.2.0/README.txt', 'acme-gateway 4.2.0\n', { crcOverride: 1 }),
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
