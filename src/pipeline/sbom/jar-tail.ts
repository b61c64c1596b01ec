/**
 * The last bytes of a jar as it streams past (at least TAIL of them), and everything from
 * where its central directory starts once that is known (up to KEEP_MAX): the chunks
 * themselves, not copies.
 */
const TAIL = 512 << 10;
const KEEP_MAX = 64 << 20;

export class JarTail {
  private readonly chunks: { buf: Buffer; start: number }[] = [];
  private bytes = 0;
  private keep = Infinity;

  push(buf: Buffer, start: number): void {
    this.chunks.push({ buf, start });
    this.bytes += buf.length;
    while (this.chunks.length > 1) {
      const first = this.chunks[0] as { buf: Buffer; start: number };
      const rest = this.bytes - first.buf.length;
      const wanted = first.start + first.buf.length > this.keep && this.bytes <= KEEP_MAX;
      if (rest < TAIL || wanted) break;
      this.chunks.shift();
      this.bytes = rest;
    }
  }

  /** Keep everything from `position` on (the central directory starts there). */
  keepFrom(position: number): void {
    this.keep = position;
  }

  /** A copy of [position, position + length), if every byte of it is kept. */
  read(position: number, length: number): Buffer | undefined {
    const first = this.chunks[0];
    const last = this.chunks.at(-1);
    if (
      !first ||
      !last ||
      position < first.start ||
      position + length > last.start + last.buf.length
    )
      return undefined;
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    for (const c of this.chunks) {
      const from = Math.max(position + done, c.start);
      const to = Math.min(position + length, c.start + c.buf.length);
      if (to <= from) continue;
      c.buf.copy(out, done, from - c.start, to - c.start);
      done += to - from;
    }
    return out;
  }
}
