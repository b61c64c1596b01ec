/**
 * Reusable read buffers with explicit lifetimes. Copying a pack reads it whole through
 * read-ahead windows; with a fresh buffer per window, collecting them was a tenth of the
 * run and dropped-but-uncollected windows were most of the memory above the baseline. A
 * slab goes back to the pool only when the last holder lets go: the zip whose window it is,
 * and every reader of a piece of it (a header being parsed, a write still in flight).
 */

/** A piece of a slab, held until `release` (calling it again does nothing). */
export interface Lease {
  readonly data: Buffer;
  release(): void;
}

const MIN_SLAB = 64 << 10;
/** Idle slabs kept per size; more are left to the garbage collector. */
const KEEP_IDLE = 4;
const idle = new Map<number, Buffer[]>();

export class Slab {
  private refs = 1;

  private constructor(readonly buf: Buffer) {}

  /** A slab of at least `size` bytes (a power of two, so slabs of one size serve many). */
  static take(size: number): Slab {
    let cap = MIN_SLAB;
    while (cap < size) cap *= 2;
    const free = idle.get(cap);
    return new Slab(free?.pop() ?? Buffer.allocUnsafe(cap));
  }

  /** Bytes [start, end) of the slab, held until released. */
  lease(start: number, end: number): Lease {
    this.refs++;
    let held = true;
    return {
      data: this.buf.subarray(start, end),
      release: () => {
        if (!held) return;
        held = false;
        this.release();
      },
    };
  }

  /** The creator's hold; the slab is reused once every lease is released too. */
  release(): void {
    if (--this.refs > 0) return;
    if (this.refs < 0) throw new Error('bug: a slab was released twice');
    const free = idle.get(this.buf.length) ?? [];
    if (free.length < KEEP_IDLE) free.push(this.buf);
    idle.set(this.buf.length, free);
  }
}
