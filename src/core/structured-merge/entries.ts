/**
 * The shape every format's reader gives the structured merge: the file's keys, each with a
 * comparable value and where it sits in the text, so a merge can be written back into the
 * vendor's text by replacing, inserting and removing spans, leaving every other byte as is.
 */

/** Separates key-path segments inside map keys (never part of a segment). */
export const SEP = '\u0000';

export interface Entry {
  /** What is compared: equal values mean the same content, however formatted. */
  value: string;
  /** `line`: a key-value or block that occupies whole lines; others are edited in place only. */
  kind: string;
  /** The value's text (replaced on a change). */
  at: readonly [number, number];
  /** The whole entry (key and value), for inserting and removing it. */
  full: readonly [number, number];
  /** The syntactic container's key ('' for the top). */
  parent: string;
}

export interface Parsed {
  /** In source order. */
  entries: Map<string, Entry>;
  /** Comment texts, to notice a comment the team added (which the merge could not keep). */
  comments: string[];
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** How a format inserts and removes a whole entry; null: it cannot (fall back). */
export interface EntryEditor {
  insertAfter(text: string, anchor: Entry, src: string, added: Entry): Edit | null;
  insertBefore(text: string, first: Entry, src: string, added: Entry): Edit | null;
  remove(text: string, gone: Entry): Edit | null;
}

export const displayKey = (key: string): string =>
  key
    .split(SEP)
    .map((s, i) => (i === 0 || s.startsWith('[') || s.startsWith('@') ? s : `.${s}`))
    .join('');

/** Start of the line holding `pos`. */
const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;

/** Whole lines of an entry: only blanks before it, and blanks or a comment after it. */
export function wholeLines(
  text: string,
  span: readonly [number, number],
  comment: RegExp,
): readonly [number, number] | null {
  const s = lineStart(text, span[0]);
  if (text.slice(s, span[0]).trim() !== '') return null;
  const nl = text.indexOf('\n', span[1]);
  const e = nl === -1 ? text.length : nl + 1;
  const rest = text.slice(span[1], e).trim();
  if (rest !== '' && !comment.test(rest)) return null;
  return [s, e];
}

/** Inserts and removes whole lines; `comment` matches what may trail an entry on its line. */
export function lineEditor(comment: RegExp, kinds: ReadonlySet<string>): EntryEditor {
  const lines = (text: string, e: Entry) =>
    kinds.has(e.kind) ? wholeLines(text, e.full, comment) : null;
  const block = (src: string, e: Entry) => {
    const l = lines(src, e);
    if (!l) return null;
    const t = src.slice(l[0], l[1]);
    return t.endsWith('\n') ? t : `${t}\n`;
  };
  return {
    insertAfter(text, anchor, src, added) {
      const l = lines(text, anchor);
      const b = block(src, added);
      if (!l || b === null) return null;
      const pre = l[1] === text.length && !text.endsWith('\n') && text !== '' ? '\n' : '';
      return { start: l[1], end: l[1], text: pre + b };
    },
    insertBefore(text, first, src, added) {
      const l = lines(text, first);
      const b = block(src, added);
      return !l || b === null ? null : { start: l[0], end: l[0], text: b };
    },
    remove(text, gone) {
      const l = lines(text, gone);
      return l ? { start: l[0], end: l[1], text: '' } : null;
    },
  };
}

/** Applies non-overlapping edits (inserts at one point keep their order). */
export function applyEdits(text: string, edits: readonly Edit[]): string | null {
  // By position; at one position inserts go first, in their order, then a replacement.
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i);
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    if (e.start < pos) return null;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Segment for element `i` of a list of tables/maps: by its `id`/`name` when unique, else index. */
export function entrySegment(items: readonly unknown[], i: number): string {
  for (const k of ['id', 'name', 'key']) {
    const vals = items.map((x) =>
      x !== null && typeof x === 'object' && !Array.isArray(x)
        ? (x as Record<string, unknown>)[k]
        : undefined,
    );
    const ok = vals.every((v) => typeof v === 'string' || typeof v === 'number');
    if (ok && new Set(vals).size === vals.length) return `[${k}=${String(vals[i])}]`;
  }
  return `[${i}]`;
}
