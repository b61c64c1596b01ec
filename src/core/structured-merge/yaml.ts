/**
 * YAML through the `yaml` package's document model (ranges into the source). Block
 * mappings are walked into; sequences, flow collections and scalars are values. One
 * document per file; anything the parser reports as an error is refused.
 */
import { isMap, isPair, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { lineEditor, SEP, type Entry, type Parsed } from './entries.ts';
import type { StructuredFormat } from './index.ts';

export function parseYaml(text: string): Parsed | null {
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  } catch {
    return null;
  }
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.flow) return null;
  const entries = new Map<string, Entry>();
  const walk = (items: readonly Pair[], path: string[], parent: string): boolean =>
    items.every((pair) => {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return false;
      const key = [...path, String(pair.key.value)];
      const k = key.join(SEP);
      const v = pair.value as Node | null;
      if (!v?.range || entries.has(k)) return false;
      const nested = isMap(v) && !v.flow;
      let end = v.range[1];
      while (end > v.range[0] && /\s/.test(text[end - 1] ?? '')) end--;
      entries.set(k, {
        value: nested ? '{}' : JSON.stringify(v.toJSON()),
        kind: 'pair',
        at: [v.range[0], v.range[1]],
        full: [pair.key.range[0], end],
        parent,
      });
      return !nested || walk(v.items as Pair[], key, k);
    });
  if (!walk(doc.contents.items as Pair[], [], '')) return null;
  const comments = text.match(/(^|[ \t])#.*$/gm) ?? [];
  return { entries, comments };
}

export const yamlFormat: StructuredFormat = {
  parse: parseYaml,
  ...lineEditor(/^#/, new Set(['pair'])),
};
