/**
 * Conflict counts of the line merge vs the structured merge on random "realistic" edits of
 * the WSO2-shaped fixtures: each side changes 1-3 values and sometimes removes a key.
 * Run: npx tsx scripts/structured-merge-count.ts [trials-per-file]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeText } from '../src/core/merge.ts';
import { formatFor, mergeByStructure } from '../src/core/structured-merge/index.ts';

interface Rnd {
  nextInt(lo: number, hi: number): number;
}

const DIR = '__tests__/fixtures/structured';
const trials = Number(process.argv[2] ?? 500);
// --disjoint: the team edits only even-numbered values, the vendor only odd ones (no clash).
const disjoint = process.argv.includes('--disjoint');
const quoted = (f: string) => f.endsWith('.toml') || f.endsWith('.json');

function sideEdit(file: string, text: string, rnd: Rnd, tag: string): string {
  const fmt = formatFor(file)!;
  const leaves = [...fmt.parse(text)!.entries.values()].filter(
    (e) =>
      !['table', 'el'].includes(e.kind) && e.value !== '{}' && !text.slice(...e.at).includes('\n'),
  );
  const n = rnd.nextInt(1, 3);
  const picked = new Set<number>();
  const parity = tag === 'team' ? 0 : 1;
  while (picked.size < n) {
    const i = rnd.nextInt(0, leaves.length - 1);
    if (!disjoint || i % 2 === parity) picked.add(i);
  }
  const spans = [...picked].map((i) => {
    const e = leaves[i]!;
    const remove =
      e.kind !== 'attr' && e.kind !== 'text' && e.kind !== 'member' && rnd.nextInt(0, 9) === 0;
    const v = `${tag}${rnd.nextInt(0, 1)}`;
    const line = text.lastIndexOf('\n', e.full[0]) + 1;
    return remove
      ? { s: line, e: text.indexOf('\n', e.full[1]) + 1, t: '' }
      : { s: e.at[0], e: e.at[1], t: quoted(file) ? `"${v}"` : v };
  });
  spans.sort((a, b) => b.s - a.s);
  return spans.reduce((s, x) => s.slice(0, x.s) + x.t + s.slice(x.e), text);
}

let seed = 18;
const rnd: Rnd = {
  nextInt(lo, hi) {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return lo + Math.floor(u * (hi - lo + 1));
  },
};
const rows: string[] = [
  '| file | trials | line merge conflicts | structured: merged by key | structured: conflict (same key) | fell back |',
  '|---|---|---|---|---|---|',
];
const total = [0, 0, 0, 0, 0];
for (const file of readdirSync(DIR).sort()) {
  const base = readFileSync(path.join(DIR, file), 'utf8');
  const c = [0, 0, 0, 0];
  for (let i = 0; i < trials; i++) {
    const ours = sideEdit(file, base, rnd, 'team');
    const theirs = sideEdit(file, base, rnd, 'vendor');
    if (mergeText(base, ours, theirs).clean) continue;
    c[0]!++;
    const m = mergeByStructure(file, base, ours, theirs);
    c[m === null ? 3 : m.kind === 'conflict' ? 2 : 1]!++;
  }
  rows.push(`| ${file} | ${trials} | ${c.join(' | ')} |`);
  total[0]! += trials;
  c.forEach((x, i) => (total[i + 1]! += x));
}
rows.push(`| all | ${total.join(' | ')} |`);
console.log(rows.join('\n'));
