/**
 * Three-way merge of a customised file with the vendor's change, line by line. Lines keep
 * their own endings (CRLF stays CRLF, a missing final newline stays missing), so a clean
 * merge changes nothing the vendor and the team did not change. Edits on both sides that
 * overlap or touch conflict, as in git; edits separated by an unchanged line merge.
 */
import { diff3Regions } from './line-diff.ts';

export type MergeOutcome =
  /** The vendor did not change the file (or does not ship it): the customised file stays. */
  | { outcome: 'unchanged'; content: Buffer }
  /** The team had not changed the vendor's file: take the new one. */
  | { outcome: 'taken-theirs'; content: Buffer }
  /** Both made the same change. */
  | { outcome: 'identical'; content: Buffer }
  /** Both changed different lines: merged cleanly. */
  | { outcome: 'merged'; content: Buffer }
  /** The vendor removed a file the team had not changed: it goes. */
  | { outcome: 'removed-upstream' }
  /** Both changed the same lines: `content` holds git-style conflict markers. */
  | { outcome: 'conflict'; content: Buffer; conflicts: number }
  /** Not text, and all three differ. */
  | { outcome: 'binary-conflict' }
  /** The vendor removed a file the team changed. */
  | { outcome: 'removed-upstream-conflict' }
  /** The vendor added a file the team also has, with other content. */
  | { outcome: 'added-both' };

export type MergeTextResult =
  { clean: true; text: string } | { clean: false; text: string; conflicts: number };

/** Splits keeping each line's terminator, so joining the parts gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * No NUL in the first 8 KiB: git's test. Text in any single-byte encoding (Java reads
 * `.properties` as ISO-8859-1) or in UTF-8 is merged as bytes, so no encoding is guessed.
 */
export function isText(buf: Buffer): boolean {
  return !buf.subarray(0, 8192).includes(0);
}

type Eol = 'lf' | 'crlf' | 'mixed' | 'none';

function eolOf(text: string): Eol {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = text.match(/\n/g)?.length ?? 0;
  if (lf === 0) return 'none';
  return crlf === lf ? 'crlf' : crlf === 0 ? 'lf' : 'mixed';
}

const toLf = (s: string) => s.replace(/\r\n/g, '\n');
const toCrlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

export function mergeText(base: string, ours: string, theirs: string): MergeTextResult {
  // An editor or git's autocrlf that turned the team's copy to CRLF (or back) would make
  // every line differ: merge in the vendor's line endings, then give the result the team's.
  const [o, b, t] = [eolOf(ours), eolOf(base), eolOf(theirs)];
  if ((o === 'lf' || o === 'crlf') && (b === 'lf' || b === 'crlf') && o !== b) {
    if (t === b || t === 'none') {
      const m = mergeLines(base, o === 'lf' ? toCrlf(ours) : toLf(ours), theirs);
      const text = o === 'lf' ? toLf(m.text) : toCrlf(m.text);
      return m.clean ? { clean: true, text } : { clean: false, text, conflicts: m.conflicts };
    }
  }
  return mergeLines(base, ours, theirs);
}

function mergeLines(base: string, ours: string, theirs: string): MergeTextResult {
  const oursLines = splitLines(ours);
  const regions = diff3Regions(oursLines, splitLines(base), splitLines(theirs));
  // Markers end like the team's lines, as git does for CRLF files.
  const eol = (oursLines[0] ?? base).endsWith('\r\n') ? '\r\n' : '\n';
  // A side whose last line has no newline still needs one before the next marker.
  const side = (lines: readonly string[]) => {
    const text = lines.join('');
    return text === '' || text.endsWith('\n') ? text : `${text}${eol}`;
  };
  const out: string[] = [];
  let conflicts = 0;
  for (const r of regions) {
    if ('ok' in r) {
      out.push(r.ok.join(''));
      continue;
    }
    conflicts++;
    const { a, o, b } = r.conflict;
    out.push(`<<<<<<< ours${eol}`, side(a), `||||||| base${eol}`, side(o));
    out.push(`=======${eol}`, side(b), `>>>>>>> theirs${eol}`);
  }
  const text = out.join('');
  return conflicts === 0 ? { clean: true, text } : { clean: false, text, conflicts };
}

/**
 * Merges the team's copy of one file: `base` is the vendor's file at the level the team
 * last merged against (undefined: the vendor did not ship it), `theirs` the vendor's file
 * at the new level (undefined: removed).
 */
export function mergeFile(
  base: Buffer | undefined,
  ours: Buffer,
  theirs: Buffer | undefined,
): MergeOutcome {
  if (base === undefined) {
    if (theirs === undefined) return { outcome: 'unchanged', content: ours };
    if (theirs.equals(ours)) return { outcome: 'identical', content: ours };
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
  // latin1 maps each byte to one character and back: the merge sees bytes, whatever the encoding.
  const m = mergeText(base.toString('latin1'), ours.toString('latin1'), theirs.toString('latin1'));
  if (m.clean) return { outcome: 'merged', content: Buffer.from(m.text, 'latin1') };
  return { outcome: 'conflict', content: Buffer.from(m.text, 'latin1'), conflicts: m.conflicts };
}
