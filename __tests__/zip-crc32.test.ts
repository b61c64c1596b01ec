/** CRC-32 as zip uses it: known vectors, incremental use, and agreement with Python's zlib. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { crc32, crc32Js } from '../src/zip/crc32.ts';
import { bytes } from './helpers/packs.ts';
import { needs } from './helpers/tools.ts';

const VECTORS: [string | Buffer, number][] = [
  ['', 0],
  ['a', 0xe8b7be43],
  ['abc', 0x352441c2],
  ['123456789', 0xcbf43926],
  ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  [Buffer.alloc(32), 0x190a55ad],
  [Buffer.alloc(32, 0xff), 0xff6cab0b],
];

describe('crc32', () => {
  for (const [impl, fn] of [
    ['table', crc32Js],
    ['default', crc32],
  ] as const) {
    test(`${impl} implementation: known vectors`, () => {
      for (const [input, expected] of VECTORS) {
        const buf = Buffer.isBuffer(input) ? input : Buffer.from(input);
        assert.equal(fn(buf), expected, JSON.stringify(input.toString()));
      }
    });

    test(`${impl} implementation: split anywhere, continued with prev, gives the same CRC`, () => {
      const data = bytes(5, 97);
      const whole = fn(data);
      for (let cut = 0; cut <= data.length; cut++) {
        assert.equal(fn(data.subarray(cut), fn(data.subarray(0, cut))), whole, `cut ${cut}`);
      }
    });
  }

  test('the table implementation agrees with the default one at every length around 8', () => {
    const data = bytes(9, 300);
    for (let n = 0; n <= data.length; n++) {
      assert.equal(crc32Js(data.subarray(0, n)), crc32(data.subarray(0, n)), `length ${n}`);
    }
  });

  test(
    "agrees with Python's zlib.crc32 on a megabyte of random bytes",
    { skip: needs('python3') },
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-crc-'));
      try {
        const data = bytes(3, 1_000_003);
        const file = path.join(dir, 'data.bin');
        await fs.writeFile(file, data);
        const py = execFileSync('python3', [
          '-c',
          'import zlib, sys; print(zlib.crc32(open(sys.argv[1], "rb").read()))',
          file,
        ]);
        assert.equal(crc32Js(data), Number(py.toString()));
        assert.equal(crc32(data), Number(py.toString()));
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  );
});
