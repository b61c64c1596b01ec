/**
 * Structure-aware three-way merge of configuration files, tried where the line merge
 * conflicts: a key changed by one side only, or identically by both, is taken; a key both
 * changed differently is a conflict naming its path. A clean merge is written into the
 * vendor's (theirs') text, so its comments, order and formatting stay; the team's values go
 * where the vendor has the key, or where the team had it for keys only the team added.
 * Null means "cannot say" (a side does not parse, the format is not supported, the team
 * added a comment, or the edit cannot be written so that it reads back as the merge): the
 * line merge's verdict stands.
 */
import { applyEdits, displayKey, type Edit, type Entry, type Parsed } from './entries.ts';
import { jsonFormat } from './json.ts';
import { propertiesFormat } from './properties.ts';
import { tomlFormat } from './toml.ts';
import { xmlFormat } from './xml.ts';
import { yamlFormat } from './yaml.ts';
import type { EntryEditor } from './entries.ts';

export interface StructuredFormat extends EntryEditor {
  parse(text: string): Parsed | null;
}

export type StructuredMerge =
  | { kind: 'merged-by-key'; text: string; keys: string[] }
  | { kind: 'conflict'; keyPaths: string[] };

const FORMATS: [RegExp, StructuredFormat][] = [
  [/\.toml$/i, tomlFormat],
  [/\.properties$/i, propertiesFormat],
  [/\.(xml|xsd|wsdl|xsl|xslt)$/i, xmlFormat],
  [/\.ya?ml$/i, yamlFormat],
  [/\.json$/i, jsonFormat],
];

export const formatFor = (path: string): StructuredFormat | undefined =>
  FORMATS.find(([re]) => re.test(path))?.[1];

type Op = 'set' | 'add' | 'delete';

interface Plan {
  merged: Map<string, string>;
  ours: Map<string, Op>;
  conflicts: string[];
}

/** The per-key three-way decision. */
export function planMerge(b: Parsed, o: Parsed, t: Parsed): Plan {
  const merged = new Map<string, string>();
  const ours = new Map<string, Op>();
  const conflicts: string[] = [];
  const keys = new Set([...t.entries.keys(), ...o.entries.keys(), ...b.entries.keys()]);
  for (const k of keys) {
    const [bv, ov, tv] = [b, o, t].map((p) => p.entries.get(k)?.value);
    let v: string | undefined;
    if (ov === bv || ov === tv) v = tv;
    else if (tv === bv) {
      v = ov;
      ours.set(k, tv === undefined ? 'add' : ov === undefined ? 'delete' : 'set');
    } else {
      conflicts.push(k);
      continue;
    }
    if (v !== undefined) merged.set(k, v);
  }
  return { merged, ours, conflicts };
}

function edits(fmt: StructuredFormat, tt: string, t: Parsed, ot: string, o: Parsed, plan: Plan) {
  const out: Edit[] = [];
  const oursKeys = [...o.entries.keys()];
  for (const [k, op] of plan.ours) {
    const te = t.entries.get(k);
    const oe = o.entries.get(k);
    // A child of a container the team added or removed goes with it.
    const parent = (te ?? oe)!.parent;
    if (parent !== '' && plan.ours.get(parent) === op && op !== 'set') continue;
    let e: Edit | null;
    if (op === 'set')
      e = { start: te!.at[0], end: te!.at[1], text: ot.slice(oe!.at[0], oe!.at[1]) };
    else if (op === 'delete') e = fmt.remove(tt, te!);
    else e = insertion(fmt, tt, t, ot, oe!, oursKeys.slice(0, oursKeys.indexOf(k)), o, plan);
    if (!e) return null;
    out.push(e);
  }
  return out;
}

/** Inserts after the nearest earlier sibling the vendor also has, else before its first one. */
function insertion(
  fmt: StructuredFormat,
  tt: string,
  t: Parsed,
  ot: string,
  added: Entry,
  before: string[],
  o: Parsed,
  plan: Plan,
): Edit | null {
  const sibling = (e: Entry | undefined) =>
    e !== undefined && e.parent === added.parent && e.kind === added.kind;
  for (const k of before.reverse()) {
    const te = t.entries.get(k);
    if (sibling(o.entries.get(k)) && sibling(te) && plan.ours.get(k) !== 'delete') {
      return fmt.insertAfter(tt, te!, ot, added);
    }
  }
  const first = [...t.entries.values()].find((e) => sibling(e));
  return first ? fmt.insertBefore(tt, first, ot, added) : null;
}

const sameMap = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Comments the team added: the merge cannot place them, so it does not try. */
function addedComment(b: Parsed, o: Parsed): boolean {
  const seen = new Map<string, number>();
  for (const c of b.comments) seen.set(c.trim(), (seen.get(c.trim()) ?? 0) + 1);
  return o.comments.some((c) => {
    const n = seen.get(c.trim()) ?? 0;
    seen.set(c.trim(), n - 1);
    return n <= 0;
  });
}

export function mergeByStructure(
  path: string,
  base: string,
  ours: string,
  theirs: string,
): StructuredMerge | null {
  const fmt = formatFor(path);
  if (!fmt) return null;
  const [b, o, t] = [base, ours, theirs].map((s) => fmt.parse(s));
  if (!b || !o || !t) return null;
  const plan = planMerge(b, o, t);
  if (plan.conflicts.length) return { kind: 'conflict', keyPaths: plan.conflicts.map(displayKey) };
  if (addedComment(b, o)) return null;
  const es = edits(fmt, theirs, t, ours, o, plan);
  const text = es && applyEdits(theirs, es);
  if (text === null || text === undefined) return null;
  // The result must read back as exactly the merge, or it is not offered.
  const back = fmt.parse(text);
  const values = back && new Map([...back.entries].map(([k, e]) => [k, e.value]));
  if (!values || !sameMap(values, plan.merged)) return null;
  return { kind: 'merged-by-key', text, keys: [...plan.ours.keys()].map(displayKey) };
}

/** `merged-by-key (a.b, c)` / `conflict at keys a.b`: the outcome as shown to a person. */
export function outcomeText(f: { outcome: string; keys?: string[]; keyPaths?: string[] }): string {
  if (f.keys) return `${f.outcome} (${f.keys.join(', ') || 'no key of the team changed'})`;
  if (f.keyPaths?.length) return `${f.outcome} at key(s) ${f.keyPaths.join(', ')}`;
  return f.outcome;
}
