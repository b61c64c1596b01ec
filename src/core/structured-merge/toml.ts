/**
 * TOML through toml-eslint-parser (a TOML 1.0 parser that keeps source ranges). Keys are
 * dotted paths; an array of tables' entry is named by its `id`/`name` when unique
 * (`datasource[id=WSO2_CARBON_DB]`), else by position. Arrays and inline tables are values.
 * Tables are entries too, so a table one side added or removed goes whole.
 */
import { getStaticTOMLValue, parseTOML, type AST } from 'toml-eslint-parser';
import { entrySegment, lineEditor, SEP, type Entry, type Parsed } from './entries.ts';
import type { StructuredFormat } from './index.ts';

const keyNames = (k: AST.TOMLKey) => k.keys.map((p) => (p.type === 'TOMLBare' ? p.name : p.value));

/** Resolved key with list positions turned into entry segments. */
function segments(root: unknown, resolved: readonly (string | number)[]): string[] {
  const out: string[] = [];
  let node: unknown = root;
  for (const r of resolved) {
    const here = node as Record<string, unknown> | unknown[];
    if (typeof r === 'number' && Array.isArray(here)) out.push(entrySegment(here, r));
    else out.push(String(r));
    node = (here as Record<string | number, unknown>)[r];
  }
  return out;
}

const canon = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (x instanceof Date ? `date:${x.toISOString()}` : x));

export function parseToml(text: string): Parsed | null {
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(text);
  } catch {
    return null;
  }
  const root = getStaticTOMLValue(ast);
  const entries = new Map<string, Entry>();
  const add = (key: string, e: Entry) => {
    if (entries.has(key)) return false;
    entries.set(key, e);
    return true;
  };
  const kvs = (body: readonly AST.TOMLKeyValue[], table: string[], parent: string) =>
    body.every((kv) =>
      add([...table, ...keyNames(kv.key)].join(SEP), {
        value: canon(getStaticTOMLValue(kv.value)),
        kind: 'kv',
        at: kv.value.range,
        full: kv.range,
        parent,
      }),
    );
  const top = ast.body[0];
  let ok = true;
  for (const node of top.body) {
    if (node.type === 'TOMLKeyValue') {
      ok &&= kvs([node], [], '');
      continue;
    }
    const segs = segments(root, node.resolvedKey);
    const key = segs.join(SEP);
    const full: [number, number] = [node.range[0], node.range[1]];
    ok &&= add(key, { value: node.kind, kind: 'table', at: full, full, parent: '' });
    ok &&= kvs(node.body, segs, key);
  }
  return ok ? { entries, comments: ast.comments.map((c) => c.value) } : null;
}

/** A table's lines run to its last key; a key's line may end in a comment. */
export const tomlFormat: StructuredFormat = {
  parse: parseToml,
  ...lineEditor(/^#/, new Set(['kv', 'table'])),
};
