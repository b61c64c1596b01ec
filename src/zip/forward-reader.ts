/**
 * Reads a stream of chunks forward only, by position: peek at a few bytes, skip, hand a
 * span to a writable, look for a signature. Every chunk is shown once, in order, to
 * `onChunk` (hashing, keeping the last bytes), and to any `watch` over a span, which
 * copies that span as it passes without holding back the reader. Nothing is kept but the
 * current chunk and what a header straddling two chunks needs.
 */
import type { Writable } from 'node:stream';

export interface Watch {
  readonly start: number;
  readonly length: number;
  parts: Buffer[];
  /** Bytes copied so far, from `start`. */
  got: number;
}

const EMPTY = Buffer.alloc(0);

export class ForwardReader {
  private readonly it: AsyncIterator<Buffer>;
  private cur: Buffer = EMPTY;
  /** Position of cur[0] in the stream. */
  private curStart = 0;
  private at = 0;
  private seen = 0;
  private watches: Watch[] = [];
  private done = false;

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly onChunk?: (chunk: Buffer, start: number) => void,
  ) {
    this.it = source[Symbol.asyncIterator]();
  }

  get position(): number {
    return this.at;
  }

  /** Every byte seen so far (the stream's size once `drain` returned). */
  get size(): number {
    return this.seen;
  }

  /** The next `n` bytes, not consumed; undefined when the stream ends first. */
  async peek(n: number): Promise<Buffer | undefined> {
    while (this.at + n > this.curStart + this.cur.length)
      if (!(await this.pull())) return undefined;
    const i = this.at - this.curStart;
    return this.cur.subarray(i, i + n);
  }

  /** Moves to `pos` (forward); false when the stream ends first. */
  async skipTo(pos: number): Promise<boolean> {
    while (pos > this.curStart + this.cur.length) {
      this.at = this.curStart + this.cur.length;
      if (!(await this.pull())) return false;
    }
    this.at = pos;
    return true;
  }

  /** The next `n` bytes to `sink` (writes stop, reading does not, once it is destroyed). */
  async pipe(n: number, sink: Writable): Promise<boolean> {
    const end = this.at + n;
    while (this.at < end) {
      if (this.at >= this.curStart + this.cur.length && !(await this.pull())) return false;
      const i = this.at - this.curStart;
      const piece = this.cur.subarray(i, Math.min(this.cur.length, end - this.curStart));
      this.at += piece.length;
      if (!sink.destroyed && !sink.write(piece)) await drained(sink);
    }
    return true;
  }

  /**
   * Moves to the next "PK" followed by one of `seconds` (the signature's last two bytes
   * as a 16-bit little-endian number) and returns it; undefined at the end of the stream.
   */
  async scan(seconds: readonly number[]): Promise<number | undefined> {
    for (;;) {
      let i = this.cur.indexOf('PK', this.at - this.curStart, 'latin1');
      while (i >= 0 && i + 4 <= this.cur.length) {
        if (seconds.includes(this.cur.readUInt16LE(i + 2))) {
          this.at = this.curStart + i;
          return this.cur.readUInt32LE(i);
        }
        i = this.cur.indexOf('PK', i + 1, 'latin1');
      }
      // Keep a "PK" or "P" at the very end: its signature may go on in the next chunk.
      const keep = i >= 0 ? this.cur.length - i : this.cur.at(-1) === 0x50 ? 1 : 0;
      this.at = this.curStart + this.cur.length - keep;
      if (!(await this.pull())) return undefined;
    }
  }

  /** Copies [start, start + length) as it passes (start at or after the current position). */
  watch(start: number, length: number): Watch {
    const w: Watch = { start, length, parts: [], got: 0 };
    this.feed(w, this.cur, this.curStart);
    if (w.got < length) this.watches.push(w);
    return w;
  }

  /** Stops reading: the source is told (a stream is destroyed). */
  close(): void {
    if (this.done) return;
    this.done = true;
    void this.it.return?.()?.catch(() => undefined);
  }

  /** Reads to the end, for `onChunk`. */
  async drain(): Promise<void> {
    this.at = this.curStart + this.cur.length;
    while (await this.pull()) this.at = this.curStart + this.cur.length;
  }

  /** The next chunk; bytes not yet consumed are kept in front of it. */
  private async pull(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.it.next();
    if (r.done) {
      this.done = true;
      return false;
    }
    const chunk = r.value;
    const start = this.seen;
    this.seen += chunk.length;
    this.onChunk?.(chunk, start);
    if (this.watches.length > 0) {
      for (const w of this.watches) this.feed(w, chunk, start);
      this.watches = this.watches.filter((w) => w.got < w.length);
    }
    const keep = this.curStart + this.cur.length - this.at;
    if (keep > 0) {
      this.cur = Buffer.concat([this.cur.subarray(this.cur.length - keep), chunk]);
      this.curStart = this.at;
    } else {
      this.cur = chunk;
      this.curStart = start;
    }
    return true;
  }

  private feed(w: Watch, buf: Buffer, bufStart: number): void {
    const from = Math.max(w.start + w.got, bufStart);
    const to = Math.min(w.start + w.length, bufStart + buf.length);
    if (to <= from || from !== w.start + w.got) return;
    w.parts.push(Buffer.from(buf.subarray(from - bufStart, to - bufStart)));
    w.got += to - from;
  }
}

function drained(sink: Writable): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      sink.off('drain', go);
      sink.off('close', go);
      resolve();
    };
    sink.on('drain', go);
    sink.on('close', go);
  });
}
