/**
 * XML: a small well-formedness-checking scanner. Keys are element paths, a repeated element
 * named by its `id`/`name`/`key` attribute when unique among its like-named siblings
 * (`parameter[name=port]`), else by position; each attribute (`@name`) and a leaf element's
 * text (`#text`) are values. Elements one side added or removed go whole; attributes only
 * change in place. Mixed content and internal DTD subsets are refused.
 */
import { entrySegment, lineEditor, SEP, type Entry, type Parsed } from './entries.ts';
import type { StructuredFormat } from './index.ts';

interface El {
  name: string;
  attrs: { name: string; value: string; at: [number, number] }[];
  start: number;
  end: number;
  content: [number, number] | null;
  children: El[];
  text: string;
}

class Bad extends Error {}

const NAME = /[A-Za-z_:][-\w.:]*/y;
const ATTR = /\s+([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

function at(re: RegExp, text: string, p: number) {
  re.lastIndex = p;
  return re.exec(text);
}

function scan(text: string): { root: El; comments: string[] } {
  const comments: string[] = [];
  const stack: El[] = [];
  let root: El | null = null;
  let p = 0;
  const until = (s: string) => {
    const i = text.indexOf(s, p);
    if (i < 0) throw new Bad();
    const out = text.slice(p, i);
    p = i + s.length;
    return out;
  };
  while (p < text.length) {
    const top = stack.at(-1);
    if (text.startsWith('<!--', p)) {
      const s = p;
      until('-->');
      comments.push(text.slice(s, p));
    } else if (text.startsWith('<?', p)) until('?>');
    else if (text.startsWith('<![CDATA[', p)) {
      if (!top) throw new Bad();
      top.text += until(']]>');
    } else if (text.startsWith('<!', p)) {
      if (until('>').includes('[') || root) throw new Bad();
    } else if (text.startsWith('</', p)) {
      const s = p;
      p += 2;
      const name = until('>').trim();
      if (!top || name !== top.name) throw new Bad();
      top.content = [top.content![0], s];
      top.end = p;
      stack.pop();
    } else if (text[p] === '<') {
      const s = p;
      const n = at(NAME, text, p + 1);
      if (!n || (root && !top)) throw new Bad();
      p = NAME.lastIndex;
      const el: El = {
        name: n[0],
        attrs: [],
        start: s,
        end: -1,
        content: null,
        children: [],
        text: '',
      };
      for (let a; (a = at(ATTR, text, p)); p = ATTR.lastIndex) {
        const [name, value] = [a[1] ?? '', a[2] ?? a[3] ?? ''];
        const v0 = a.index + a[0].length - 1 - value.length;
        if (el.attrs.some((x) => x.name === name)) throw new Bad();
        el.attrs.push({ name, value, at: [v0, v0 + value.length] });
      }
      const close = /\s*(\/?)>/y;
      const c = at(close, text, p);
      if (!c) throw new Bad();
      p = close.lastIndex;
      if (top) top.children.push(el);
      else root = el;
      if (c[1]) el.end = p;
      else {
        el.content = [p, p];
        stack.push(el);
      }
    } else {
      const i = text.indexOf('<', p);
      const t = text.slice(p, i < 0 ? text.length : i);
      if (!top && t.trim() !== '') throw new Bad();
      if (top) top.text += t;
      p = i < 0 ? text.length : i;
    }
  }
  if (!root || stack.length) throw new Bad();
  return { root, comments };
}

function entriesOf(root: El): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const walk = (el: El, seg: string, parent: string) => {
    const key = parent === '' ? seg : `${parent}${SEP}${seg}`;
    if (entries.has(key)) throw new Bad();
    entries.set(key, {
      value: 'element',
      kind: 'el',
      at: [el.start, el.end],
      full: [el.start, el.end],
      parent,
    });
    for (const a of el.attrs) {
      entries.set(`${key}${SEP}@${a.name}`, {
        value: a.value,
        kind: 'attr',
        at: a.at,
        full: a.at,
        parent: key,
      });
    }
    if (el.children.length === 0 && el.content) {
      entries.set(`${key}${SEP}#text`, {
        value: el.text,
        kind: 'text',
        at: el.content,
        full: el.content,
        parent: key,
      });
    } else if (el.text.trim() !== '') throw new Bad();
    const byName = new Map<string, El[]>();
    for (const c of el.children) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    for (const c of el.children) {
      const same = byName.get(c.name)!;
      const attrs = same.map((x) => Object.fromEntries(x.attrs.map((a) => [a.name, a.value])));
      walk(c, same.length === 1 ? c.name : c.name + entrySegment(attrs, same.indexOf(c)), key);
    }
  };
  walk(root, root.name, '');
  return entries;
}

export function parseXml(text: string): Parsed | null {
  try {
    const { root, comments } = scan(text);
    return { entries: entriesOf(root), comments };
  } catch (e) {
    if (e instanceof Bad) return null;
    throw e;
  }
}

export const xmlFormat: StructuredFormat = {
  parse: parseXml,
  ...lineEditor(/^<!--[\s\S]*-->$/, new Set(['el'])),
};
