/** Read buffers are reused only when nobody holds a piece of them any more. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Slab } from '../src/zip/slabs.ts';

describe('Slab', () => {
  test('sizes are powers of two from 64 KiB', () => {
    assert.equal(Slab.take(1).buf.length, 64 << 10);
    assert.equal(Slab.take((64 << 10) + 1).buf.length, 128 << 10);
    assert.equal(Slab.take(2 << 20).buf.length, 2 << 20);
  });

  test('a slab is reused only after its creator and every lease let go', () => {
    const size = 512 << 10; // a size no other test here uses
    const a = Slab.take(size);
    const piece = a.lease(10, 20);
    a.release(); // the creator is done, a piece is still held (a write in flight)
    const b = Slab.take(size);
    assert.notEqual(b.buf, a.buf, 'a buffer with a piece still held is not handed out');
    piece.release();
    const c = Slab.take(size);
    assert.equal(c.buf, a.buf, 'once every holder let go, the buffer is reused');
    b.release();
    c.release();
  });

  test('releasing a lease twice gives the buffer back once', () => {
    const size = 256 << 10;
    const a = Slab.take(size);
    const piece = a.lease(0, 1);
    piece.release();
    piece.release();
    const b = Slab.take(size);
    assert.notEqual(b.buf, a.buf, 'the creator still holds it');
    a.release();
    const c = Slab.take(size);
    const d = Slab.take(size);
    assert.equal(c.buf, a.buf);
    assert.notEqual(d.buf, a.buf, 'handed out once, not twice');
    for (const s of [b, c, d]) s.release();
  });

  test('the creator releasing twice is a bug, caught', () => {
    const s = Slab.take(128 << 10);
    s.release();
    assert.throws(() => s.release(), /released twice/);
  });
});
