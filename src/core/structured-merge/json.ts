/**
 * JSON: a small scanner that records where each object member sits. Objects are walked into,
 * arrays are values. A duplicated key is refused.
 */
import { SEP, type Edit, type Entry, type Parsed } from './entries.ts';
import type { StructuredFormat } from './index.ts';

class Bad extends Error {}

function scan(text: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let p = 0;
  const ws = () => {
    while (p < text.length && ' \t\r\n'.includes(text[p] ?? 'x')) p++;
  };
  const str = () => {
    const s = p;
    if (text[p] !== '"') throw new Bad();
    for (p++; p < text.length && text[p] !== '"'; p++) if (text[p] === '\\') p++;
    if (p >= text.length) throw new Bad();
    p++;
    return JSON.parse(text.slice(s, p)) as string;
  };
  const value = (path: string[], parent: string): void => {
    ws();
    if (text[p] === '{') return object(path);
    const s = p;
    if (text[p] === '"') str();
    else if (text[p] === '[') {
      let depth = 0;
      do {
        if (text[p] === '"') {
          str();
          continue;
        }
        if (text[p] === '[' || text[p] === '{') depth++;
        if (text[p] === ']' || text[p] === '}') depth--;
        p++;
      } while (depth > 0 && p < text.length);
    } else while (p < text.length && !',}] \t\r\n'.includes(text[p] ?? ',')) p++;
    void parent;
    if (s === p) throw new Bad();
  };
  const object = (path: string[]) => {
    const parent = path.join(SEP);
    p++;
    ws();
    if (text[p] === '}') return void p++;
    for (;;) {
      ws();
      const ks = p;
      const key = [...path, str()];
      ws();
      if (text[p++] !== ':') throw new Bad();
      ws();
      const vs = p;
      value(key, parent);
      const k = key.join(SEP);
      if (entries.has(k)) throw new Bad();
      const v = text.slice(vs, p);
      const isObj = v.startsWith('{');
      // Members of a nested object were recorded during value(); keep the parent first.
      const member: Entry = {
        value: isObj ? '{}' : JSON.stringify(JSON.parse(v)),
        kind: 'member',
        at: [vs, p],
        full: [ks, p],
        parent,
      };
      entries.set(k, member);
      ws();
      if (text[p] === ',') p++;
      else if (text[p] === '}') return void p++;
      else throw new Bad();
    }
  };
  ws();
  if (text[p] !== '{') throw new Bad();
  object([]);
  ws();
  if (p !== text.length) throw new Bad();
  return entries;
}

export function parseJson(text: string): Parsed | null {
  try {
    JSON.parse(text);
    return { entries: scan(text), comments: [] };
  } catch {
    return null;
  }
}

const indentAt = (text: string, pos: number) => {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  const lead = text.slice(s, pos);
  return lead.trim() === '' ? lead : ' ';
};

export const jsonFormat: StructuredFormat = {
  parse: parseJson,
  insertAfter(_text, anchor, src, added): Edit {
    const member = src.slice(added.full[0], added.full[1]);
    return {
      start: anchor.full[1],
      end: anchor.full[1],
      text: `,\n${indentAt(src, added.full[0])}${member}`,
    };
  },
  insertBefore(text, first, src, added): Edit {
    const member = src.slice(added.full[0], added.full[1]);
    return {
      start: first.full[0],
      end: first.full[0],
      text: `${member},\n${indentAt(text, first.full[0])}`,
    };
  },
  remove(text, gone): Edit {
    let e = gone.full[1];
    while (' \t\r\n'.includes(text[e] ?? 'x')) e++;
    if (text[e] === ',') {
      e++;
      while (' \t\r\n'.includes(text[e] ?? 'x')) e++;
      return { start: gone.full[0], end: e, text: '' };
    }
    let s = gone.full[0] - 1;
    while (' \t\r\n'.includes(text[s] ?? 'x')) s--;
    return text[s] === ','
      ? { start: s, end: gone.full[1], text: '' }
      : { start: gone.full[0], end: gone.full[1], text: '' };
  },
};
