/**
 * Three-way merge of a customised file with the vendor's change, line by line. Lines keep
 * their own endings (CRLF stays CRLF, a missing final newline stays missing), so a clean
 * merge changes nothing the vendor and the team did not change.
 */
import { diff3Merge } from 'node-diff3';

export type MergeOutcome =
  /** The vendor did not change the file: the customised file stays. */
  | { outcome: 'unchanged'; content: Buffer }
  /** The team had not changed the vendor's file: take the new one. */
  | { outcome: 'taken-theirs'; content: Buffer }
  /** Both made the same change. */
  | { outcome: 'identical'; content: Buffer }
  /** Both changed different lines: merged cleanly. */
  | { outcome: 'merged'; content: Buffer }
  /** The vendor removed a file the team had not changed: it goes. */
  | { outcome: 'removed-upstream' }
  | { outcome: 'conflict'; content: Buffer; conflicts: number }
  | { outcome: 'binary-conflict' }
  /** The vendor removed a file the team changed. */
  | { outcome: 'removed-upstream-conflict' }
  /** The vendor added a file the team also has, with other content. */
  | { outcome: 'added-both' };

/** Splits keeping each line's terminator, so joining the parts gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function isText(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

export function mergeText(
  base: string,
  ours: string,
  theirs: string,
): { clean: true; text: string } | { clean: false; text: string; conflicts: number } {
  const regions = diff3Merge(splitLines(ours), splitLines(base), splitLines(theirs), {
    excludeFalseConflicts: true,
  });
  const out: string[] = [];
  let conflicts = 0;
  const nl = (lines: string[]) => {
    const last = lines[lines.length - 1];
    return last !== undefined && !last.endsWith('\n')
      ? [...lines.slice(0, -1), `${last}\n`]
      : lines;
  };
  for (const r of regions) {
    if (r.ok) out.push(...r.ok);
    else if (r.conflict) {
      conflicts++;
      out.push(
        '<<<<<<< ours\n',
        ...nl(r.conflict.a),
        '||||||| base\n',
        ...nl(r.conflict.o),
        '=======\n',
        ...nl(r.conflict.b),
        '>>>>>>> theirs\n',
      );
    }
  }
  const text = out.join('');
  return conflicts === 0 ? { clean: true, text } : { clean: false, text, conflicts };
}

export function mergeFile(
  base: Buffer | undefined,
  ours: Buffer,
  theirs: Buffer | undefined,
): MergeOutcome {
  if (base === undefined) {
    if (theirs === undefined || theirs.equals(ours)) return { outcome: 'identical', content: ours };
    return { outcome: 'added-both' };
  }
  if (theirs === undefined) {
    return ours.equals(base)
      ? { outcome: 'removed-upstream' }
      : { outcome: 'removed-upstream-conflict' };
  }
  if (theirs.equals(base)) return { outcome: 'unchanged', content: ours };
  if (ours.equals(base)) return { outcome: 'taken-theirs', content: theirs };
  if (ours.equals(theirs)) return { outcome: 'identical', content: ours };
  if (!isText(base) || !isText(ours) || !isText(theirs)) return { outcome: 'binary-conflict' };
  const m = mergeText(base.toString('utf8'), ours.toString('utf8'), theirs.toString('utf8'));
  if (m.clean) return { outcome: 'merged', content: Buffer.from(m.text, 'utf8') };
  return { outcome: 'conflict', content: Buffer.from(m.text, 'utf8'), conflicts: m.conflicts };
}
