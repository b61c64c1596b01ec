/**
 * Line diff and diff3 regions. Myers' O(ND) algorithm in linear space (the bisection of
 * diff-match-patch), because the Hunt–McIlroy LCS in node-diff3 grows cubically with
 * repeated lines: a 4,000-line XML file full of `</property>` took 6.5 s there, 8,000
 * lines 51 s. The region rules are node-diff3's (GNU diff3's): changes from both sides
 * that overlap or touch in the base form one region, a conflict unless both sides made
 * the same change.
 */

/** base[oStart, oEnd) was replaced by other[xStart, xEnd). */
export interface Hunk {
  oStart: number;
  oEnd: number;
  xStart: number;
  xEnd: number;
}

export type Region =
  | { ok: readonly string[] }
  | { conflict: { a: readonly string[]; o: readonly string[]; b: readonly string[] } };

/** The minimal set of changes that turns `base` into `other`, in order, each slid to its canonical place. */
export function diffHunks(base: readonly string[], other: readonly string[]): Hunk[] {
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]) =>
    Int32Array.from(lines, (l) => {
      let id = ids.get(l);
      if (id === undefined) ids.set(l, (id = ids.size));
      return id;
    });
  const a = intern(base);
  const b = intern(other);
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  matchLines(a, b, matchedA, matchedB);
  const changedA = matchedA.map((m) => 1 - m);
  const changedB = matchedB.map((m) => 1 - m);
  compactPair(a, changedA, b, changedB);
  compactPair(b, changedB, a, changedA);
  return hunksOf(a.length, b.length, changedA, changedB);
}

/**
 * Marks the lines of a longest common subsequence. A line that does not occur in the other
 * text can be in no common subsequence, so it is set aside first (as xdiff's
 * `xdl_cleanup_records` does): a vendor's re-indent leaves Myers little to search.
 */
function matchLines(a: Int32Array, b: Int32Array, matchedA: Uint8Array, matchedB: Uint8Array) {
  const inB = new Uint8Array(Math.max(maxOf(a), maxOf(b)) + 1);
  for (const id of b) inB[id] = 1;
  const inA = new Uint8Array(inB.length);
  for (const id of a) inA[id] = 1;
  const keepA = indicesWhere(a, inB);
  const keepB = indicesWhere(b, inA);
  const ra = Int32Array.from(keepA, (i) => a[i] as number);
  const rb = Int32Array.from(keepB, (i) => b[i] as number);
  const mA = new Uint8Array(ra.length);
  const mB = new Uint8Array(rb.length);
  const budget = { maxCost: Math.max(256, Math.ceil(Math.sqrt(ra.length + rb.length + 3))) };
  compare(ra, rb, 0, ra.length, 0, rb.length, mA, mB, budget);
  mA.forEach((m, k) => {
    if (m) matchedA[keepA[k] as number] = 1;
  });
  mB.forEach((m, k) => {
    if (m) matchedB[keepB[k] as number] = 1;
  });
}

const maxOf = (xs: Int32Array) => xs.reduce((m, x) => (x > m ? x : m), 0);

function indicesWhere(xs: Int32Array, present: Uint8Array): number[] {
  const out: number[] = [];
  xs.forEach((id, i) => {
    if (present[id]) out.push(i);
  });
  return out;
}

/**
 * Slides every run of changed lines to a canonical place, as git's `xdl_change_compact`
 * does (GNU diff's `shift_boundaries` is the same idea): a changed run [s, e) can move down
 * one line when line s equals line e (up: line s-1 equals line e-1), and the lines left
 * unchanged keep their order and text, so the pairing with the other text still holds. A run
 * goes as far down as it can, then back up to the last place where it faces a change in the
 * other text (so a deletion next to an insertion reads as one replacement). Both diffs of a
 * three-way merge then place a change made in a run of equal lines (`}`, blank lines,
 * `</property>`) at the same base position, and a change both sides made is seen as one.
 */
function compactPair(a: Int32Array, ca: Uint8Array, b: Int32Array, cb: Uint8Array): void {
  const g = new Group(a, ca);
  const go = new Group(b, cb);
  for (;;) {
    if (g.end !== g.start) slideGroup(g, go);
    if (!g.next()) break;
    if (!go.next()) throw new Error('bug: diff groups out of step');
  }
}

function slideGroup(g: Group, go: Group): void {
  let size: number;
  let earliestEnd: number;
  let endMatchingOther: number;
  do {
    size = g.end - g.start;
    endMatchingOther = -1;
    while (g.slideUp()) if (!go.previous()) throw new Error('bug: diff groups out of step');
    earliestEnd = g.end;
    if (go.end > go.start) endMatchingOther = g.end;
    while (g.slideDown()) {
      if (!go.next()) throw new Error('bug: diff groups out of step');
      if (go.end > go.start) endMatchingOther = g.end;
    }
  } while (size !== g.end - g.start);
  if (g.end !== earliestEnd && endMatchingOther !== -1) {
    while (go.end === go.start) {
      if (!g.slideUp() || !go.previous()) throw new Error('bug: diff groups out of step');
    }
  }
}

/** A run of changed lines [start, end) of one text, between two unchanged lines (or an end). */
class Group {
  start = 0;
  end = 0;
  constructor(
    private readonly lines: Int32Array,
    private readonly changed: Uint8Array,
  ) {
    while (this.end < lines.length && changed[this.end]) this.end++;
  }
  next(): boolean {
    if (this.end === this.lines.length) return false;
    this.start = this.end = this.end + 1;
    while (this.end < this.lines.length && this.changed[this.end]) this.end++;
    return true;
  }
  previous(): boolean {
    if (this.start === 0) return false;
    this.start = this.end = this.start - 1;
    while (this.start > 0 && this.changed[this.start - 1]) this.start--;
    return true;
  }
  slideDown(): boolean {
    const { lines, changed } = this;
    if (this.end >= lines.length || lines[this.start] !== lines[this.end]) return false;
    changed[this.start++] = 0;
    changed[this.end++] = 1;
    while (this.end < lines.length && changed[this.end]) this.end++;
    return true;
  }
  slideUp(): boolean {
    const { lines, changed } = this;
    if (this.start === 0 || lines[this.start - 1] !== lines[this.end - 1]) return false;
    changed[--this.start] = 1;
    changed[--this.end] = 0;
    while (this.start > 0 && changed[this.start - 1]) this.start--;
    return true;
  }
}

/** Matched lines pair up in order; every run of unmatched lines between them is a hunk. */
function hunksOf(n: number, m: number, changedA: Uint8Array, changedB: Uint8Array): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && !changedA[i] && !changedB[j]) {
      i++;
      j++;
      continue;
    }
    const h = { oStart: i, oEnd: i, xStart: j, xEnd: j };
    while (i < n && changedA[i]) i++;
    while (j < m && changedB[j]) j++;
    h.oEnd = i;
    h.xEnd = j;
    hunks.push(h);
  }
  return hunks;
}

function compare(
  a: Int32Array,
  b: Int32Array,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  matchedA: Uint8Array,
  matchedB: Uint8Array,
  budget: { maxCost: number },
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    matchedA[aLo++] = 1;
    matchedB[bLo++] = 1;
  }
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
    matchedA[--aHi] = 1;
    matchedB[--bHi] = 1;
  }
  if (aLo === aHi || bLo === bHi) return;
  const split = bisect(a, b, aLo, aHi, bLo, bHi, budget.maxCost);
  if (split === undefined) return;
  const [x, y] = split;
  compare(a, b, aLo, x, bLo, y, matchedA, matchedB, budget);
  compare(a, b, x, aHi, y, bHi, matchedA, matchedB, budget);
}

/**
 * A point (x, y) on an optimal edit path through a[aLo, aHi) × b[bLo, bHi), found where the
 * forward and backward searches meet; both sides are non-empty and differ at both ends.
 * Past `maxCost` edits (xdiff's `mxcost`) it settles for the forward search's furthest point,
 * so a large rewrite costs O(N·maxCost), not O(N²): the diff is then valid, not minimal.
 */
function bisect(
  a: Int32Array,
  b: Int32Array,
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  maxCost: number,
): [number, number] | undefined {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward search detects the overlap, else the backward one.
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  const at = (arr: Int32Array, i: number) => arr[i] as number;
  for (let d = 0; d < maxD; d++) {
    let bestX = -1;
    let bestY = -1;
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1o = offset + k1;
      let x1 =
        k1 === -d || (k1 !== d && at(v1, k1o - 1) < at(v1, k1o + 1))
          ? at(v1, k1o + 1)
          : at(v1, k1o - 1) + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[k1o] = x1;
      if (x1 <= n && y1 <= m && x1 + y1 > bestX + bestY && x1 + y1 < n + m) {
        bestX = x1;
        bestY = y1;
      }
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2o = offset + delta - k1;
        if (k2o >= 0 && k2o < size && at(v2, k2o) !== -1 && x1 >= n - at(v2, k2o))
          return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2o = offset + k2;
      let x2 =
        k2 === -d || (k2 !== d && at(v2, k2o - 1) < at(v2, k2o + 1))
          ? at(v2, k2o + 1)
          : at(v2, k2o - 1) + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[k2o] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1o = offset + delta - k2;
        if (k1o >= 0 && k1o < size && at(v1, k1o) !== -1) {
          const x1 = at(v1, k1o);
          const y1 = offset + x1 - k1o;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
    if (d >= maxCost && bestX >= 0) return [aLo + bestX, bLo + bestY];
  }
  return undefined;
}

/**
 * Three-way merge regions of `ours` and `theirs` against `base`, in order. Adjacent stable
 * lines are gathered into one `ok` region; a region both sides changed identically is ok.
 */
export function diff3Regions(
  ours: readonly string[],
  base: readonly string[],
  theirs: readonly string[],
): Region[] {
  type Tagged = Hunk & { side: 'a' | 'b' };
  const hunks: Tagged[] = [
    ...diffHunks(base, ours).map((h) => ({ ...h, side: 'a' as const })),
    ...diffHunks(base, theirs).map((h) => ({ ...h, side: 'b' as const })),
  ].sort((x, y) => x.oStart - y.oStart);

  const out: Region[] = [];
  let okLines: string[] = [];
  const flush = () => {
    if (okLines.length > 0) out.push({ ok: okLines });
    okLines = [];
  };
  let cursor = 0;
  for (let i = 0; i < hunks.length;) {
    const first = hunks[i] as Tagged;
    const group: Tagged[] = [first];
    const regionStart = first.oStart;
    let regionEnd = first.oEnd;
    for (i++; i < hunks.length && (hunks[i] as Tagged).oStart <= regionEnd; i++) {
      const h = hunks[i] as Tagged;
      group.push(h);
      regionEnd = Math.max(regionEnd, h.oEnd);
    }
    append(okLines, base, cursor, regionStart);
    cursor = regionEnd;
    if (group.length === 1) {
      const src = first.side === 'a' ? ours : theirs;
      append(okLines, src, first.xStart, first.xEnd);
      continue;
    }
    // Each side's text for the whole region: its own hunks' span, widened by the base
    // lines of the region it left alone.
    const span = (side: 'a' | 'b', lines: readonly string[]) => {
      const own = group.filter((h) => h.side === side);
      if (own.length === 0) return base.slice(regionStart, regionEnd);
      // One diff's hunks are in order in both texts.
      const { xStart, oStart } = own[0] as Tagged;
      const { xEnd, oEnd } = own[own.length - 1] as Tagged;
      return lines.slice(xStart - (oStart - regionStart), xEnd + (regionEnd - oEnd));
    };
    const a = span('a', ours);
    const b = span('b', theirs);
    if (a.length === b.length && a.every((l, k) => l === b[k])) {
      append(okLines, a);
      continue;
    }
    flush();
    out.push({ conflict: { a, o: base.slice(regionStart, regionEnd), b } });
  }
  append(okLines, base, cursor);
  flush();
  return out;
}

/** push(...lines) overflows the stack past ~100,000 lines. */
function append(to: string[], from: readonly string[], start = 0, end = from.length): void {
  for (let i = start; i < end; i++) to.push(from[i] as string);
}
