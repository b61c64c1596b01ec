/**
 * Random three-way merge cases and `git merge-file` as the oracle: small repetitive
 * alphabets (so many alignments exist), CRLF, a missing final newline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';

export interface MergeCase {
  base: string;
  ours: string;
  theirs: string;
}

const ALPHABETS = [
  ['a', 'b'],
  ['a', 'b', 'c', ''],
  ['}', '', '  x = 1', '</property>', '#'],
];

type Edit = { at: number; del: number; ins: string[] };

function applyEdits(lines: string[], edits: Edit[]): string[] {
  const out = [...lines];
  for (const e of [...edits].sort((x, y) => y.at - x.at)) {
    const at = Math.min(e.at, out.length);
    out.splice(at, Math.min(e.del, out.length - at), ...e.ins);
  }
  return out;
}

const join = (lines: string[], eol: string, finalNewline: boolean) =>
  lines.length === 0 ? '' : lines.join(eol) + (finalNewline ? eol : '');

function caseOf(chained: boolean): fc.Arbitrary<MergeCase> {
  return fc
    .constantFrom(...ALPHABETS)
    .chain((alphabet) => {
      const line = fc.constantFrom(...alphabet);
      const edit = fc.record({
        at: fc.nat(16),
        del: fc.nat(3),
        ins: fc.array(line, { maxLength: 3 }),
      });
      return fc.record({
        base: fc.array(line, { maxLength: 16 }),
        ours: fc.array(edit, { minLength: 1, maxLength: 3 }),
        theirs: fc.array(edit, { minLength: 1, maxLength: 3 }),
        eol: fc.constantFrom('\n', '\n', '\r\n'),
        final: fc.constantFrom(true, true, false),
      });
    })
    .map(({ base, ours, theirs, eol, final }) => {
      // Chained: ours' insertions are new lines too, so neither diff has a choice of where
      // they go (diff3, git's as well, may otherwise align a repeated line either way).
      const o = applyEdits(
        base,
        chained ? ours.map((e, i) => ({ ...e, ins: e.ins.map((_, k) => `ours ${i}.${k}`) })) : ours,
      );
      // Chained: theirs is ours with more edits that never undo one of ours (the lines they
      // insert are new), so a clean merge can only be theirs.
      let fresh = 0;
      const more = theirs.map((e) => ({ ...e, ins: e.ins.map(() => `new ${fresh++}`) }));
      return {
        base: join(base, eol, final),
        ours: join(o, eol, final),
        theirs: join(
          chained
            ? applyEdits(
                o,
                more.map((e) => ({ ...e, del: Math.min(e.del, e.ins.length) })),
              )
            : applyEdits(base, theirs),
          eol,
          final,
        ),
      };
    });
}

/** base, and ours/theirs as a few random edits of it. */
export const mergeCase = caseOf(false);
/** base, ours as a few edits of it, and theirs as ours with more edits (new lines in place of old or between). */
export const chainCase = caseOf(true);

export const hasGit = spawnSync('git', ['--version']).status === 0;

/** `git merge-file -p ours base theirs`: the merged text and whether it was clean. */
export function gitMerge(c: MergeCase, dir: string): { clean: boolean; text: string } {
  const f = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const args = ['merge-file', '-p', f('ours', c.ours), f('base', c.base), f('theirs', c.theirs)];
  const r = spawnSync('git', args, { encoding: 'latin1' });
  if (r.status === null || r.status < 0 || r.status > 127) throw new Error(`git: ${r.stderr}`);
  return { clean: r.status === 0, text: r.stdout };
}

export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'uplevel-merge-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { execFileSync };
