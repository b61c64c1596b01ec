/**
 * Java `.properties` (as java.util.Properties reads them): one entry per logical line
 * (a line ending in an odd number of backslashes continues), `#`/`!` comment lines, key and
 * value separated by `=`, `:` or blanks, backslash escapes. A key given twice is refused
 * (which one wins is easy to get wrong): the line merge's verdict stands.
 */
import { lineEditor, type Entry, type Parsed } from './entries.ts';
import type { StructuredFormat } from './index.ts';

const ESC: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(s: string): string {
  return s
    .replace(/\\\r?\n[ \t\f]*/g, '')
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) =>
      c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : (ESC[c] ?? c),
    );
}

function continues(line: string): boolean {
  const slashes = /(\\+)$/.exec(line.replace(/\r?\n$/, ''))?.[1] ?? '';
  return slashes.length % 2 === 1 && line.endsWith('\n');
}

export function parseProperties(text: string): Parsed | null {
  const entries = new Map<string, Entry>();
  const comments: string[] = [];
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let pos = 0;
  for (let i = 0; i < lines.length; i++) {
    const start = pos;
    let line = lines[i] ?? '';
    let logical = line;
    pos += line.length;
    const lead = /^[ \t\f]*/.exec(logical)![0].length;
    const first = logical[lead];
    if (first === undefined || first === '\n' || first === '\r') continue;
    if (first === '#' || first === '!') {
      comments.push(logical.trim());
      continue;
    }
    while (continues(line) && i + 1 < lines.length) {
      line = lines[++i] ?? '';
      logical += line;
      pos += line.length;
    }
    const body = logical.replace(/\r?\n$/, '');
    const m = /^((?:\\[\s\S]|[^\s:=\\])*)([ \t\f]*[:=]?[ \t\f]*)/.exec(body.slice(lead))!;
    const key = unescape(m[1] ?? '');
    if (entries.has(key)) return null;
    const vStart = start + lead + m[0].length;
    const end = start + body.length;
    entries.set(key, {
      value: unescape(text.slice(vStart, end)),
      kind: 'line',
      at: [vStart, end],
      full: [start + lead, end],
      parent: '',
    });
  }
  return { entries, comments };
}

export const propertiesFormat: StructuredFormat = {
  parse: parseProperties,
  ...lineEditor(/^$/, new Set(['line'])),
};
