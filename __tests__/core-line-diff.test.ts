import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diff3Regions, diffHunks } from '../src/core/line-diff.ts';

const RUNS = Number(process.env.UPLEVEL_FUZZ_RUNS ?? 300);
// A small alphabet, so lines repeat and many alignments are possible.
const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 40 });

function lcsLength(x: string[], y: string[]): number {
  const row = new Array<number>(y.length + 1).fill(0);
  for (const xi of x) {
    let diag = 0;
    for (let j = 1; j <= y.length; j++) {
      const up = row[j] as number;
      row[j] = xi === y[j - 1] ? diag + 1 : Math.max(up, row[j - 1] as number);
      diag = up;
    }
  }
  return row[y.length] as number;
}

test('diffHunks: applying the hunks gives the other text, with a minimal number of edits', () => {
  fc.assert(
    fc.property(lines, lines, (base, other) => {
      const hunks = diffHunks(base, other);
      const out: string[] = [];
      let at = 0;
      for (const h of hunks) {
        assert.ok(h.oStart >= at && h.oEnd >= h.oStart && h.xEnd >= h.xStart);
        assert.ok(h.oEnd > h.oStart || h.xEnd > h.xStart, 'no empty hunk');
        out.push(...base.slice(at, h.oStart), ...other.slice(h.xStart, h.xEnd));
        at = h.oEnd;
      }
      out.push(...base.slice(at));
      assert.deepEqual(out, other);
      const edits = hunks.reduce((n, h) => n + (h.oEnd - h.oStart) + (h.xEnd - h.xStart), 0);
      assert.equal(edits, base.length + other.length - 2 * lcsLength(base, other));
    }),
    { numRuns: RUNS },
  );
});

test('diff3Regions: without conflicts, the regions are the merge; one-sided changes apply', () => {
  fc.assert(
    fc.property(lines, lines, (base, other) => {
      const flat = (r: ReturnType<typeof diff3Regions>) =>
        r.flatMap((x) => ('ok' in x ? x.ok : assert.fail('unexpected conflict')));
      assert.deepEqual(flat(diff3Regions(other, base, base)), other);
      assert.deepEqual(flat(diff3Regions(base, base, other)), other);
      assert.deepEqual(flat(diff3Regions(other, base, other)), other);
    }),
    { numRuns: RUNS },
  );
});

test('diff3Regions: a conflict shows each side and the base of the region', () => {
  assert.deepEqual(diff3Regions(['1', 'x', '3'], ['1', '2', '3'], ['1', 'y', '3']), [
    { ok: ['1'] },
    { conflict: { a: ['x'], o: ['2'], b: ['y'] } },
    { ok: ['3'] },
  ]);
});

test('diffHunks: wholly different texts and empty texts', () => {
  assert.deepEqual(diffHunks(['a', 'b'], ['c']), [{ oStart: 0, oEnd: 2, xStart: 0, xEnd: 1 }]);
  assert.deepEqual(diffHunks([], ['c']), [{ oStart: 0, oEnd: 0, xStart: 0, xEnd: 1 }]);
  assert.deepEqual(diffHunks(['a'], []), [{ oStart: 0, oEnd: 1, xStart: 0, xEnd: 0 }]);
  assert.deepEqual(diffHunks([], []), []);
});
